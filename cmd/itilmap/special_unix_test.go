//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe given where a file is expected is refused at once, naming
// the file: `questionnaires show`, `import` and `validate` never wait for a
// writer.
func TestNamedPipeArguments(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "q.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	xlsx := filepath.Join(dir, "r01.xlsx")
	if err := syscall.Mkfifo(xlsx, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{
		{"questionnaires", "show", fifo},
		{"validate", fifo},
		{"import", xlsx, "-q", "itil4-quick", "-o", filepath.Join(dir, "out")},
	} {
		var stdout, stderr bytes.Buffer
		code := make(chan int, 1)
		go func() { code <- run(args, strings.NewReader(""), &stdout, &stderr) }()
		select {
		case c := <-code:
			if c != exitInput {
				t.Errorf("itilmap %s: exit code %d, want %d", strings.Join(args, " "), c, exitInput)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("itilmap %s: still waiting on a named pipe after 5 s", strings.Join(args, " "))
		}
		file := fifo
		if args[0] == "import" {
			file = xlsx
		}
		if want := file + ": is a named pipe (FIFO); expected a regular file"; !strings.Contains(stderr.String(), want) {
			t.Errorf("itilmap %s: stderr does not say %q:\n%s", strings.Join(args, " "), want, stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("import created its output folder for a refused workbook")
	}
}
