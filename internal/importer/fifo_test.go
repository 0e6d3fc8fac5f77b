//go:build unix

package importer

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/itilmap/itilmap/assess"
)

// A FIFO given as a workbook is an error at once, never a wait.
func TestImportFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Plan(Options{Files: []string{fifo}, Out: filepath.Join(dir, "out")})
		done <- err
	}()
	select {
	case err := <-done:
		var probs assess.Problems
		if !errors.As(err, &probs) || !strings.Contains(probs.Error(), "pipe.xlsx: ") {
			t.Errorf("err = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("import waits on a FIFO")
	}
}
