package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/templates/capture"
	"github.com/xuri/excelize/v2"
)

// workbook writes a capture workbook of the quick questionnaire for
// respondent id, with note as the first question's note, and returns its path.
func workbook(t testing.TB, dir, name, id, note string) string {
	t.Helper()
	q, probs := assess.LoadQuestionnaire(nil, "itil4-quick", "")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	var buf bytes.Buffer
	if err := capture.Write(&buf, q, capture.Options{Generated: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCellStr("Respondent", "B1", id)
	f.SetCellStr("Answers", "E2", "3")
	f.SetCellStr("Answers", "H2", note)
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// An existing response file of the folder that holds the respondent, under
// another name, is a conflict, --force or not.
func TestRespondentHeldByAnotherFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "alice.yml"), []byte("kind: response\nquestionnaire: itil4-quick\nrespondent: {id: R07}\nanswers: {}\n"), 0o644)
	wb := workbook(t, dir, "r07.xlsx", "r07", "n")
	for _, force := range []bool{false, true} {
		_, err := Plan(Options{Files: []string{wb}, Out: out, Force: force})
		var c *ConflictError
		if !errors.As(err, &c) || !strings.Contains(c.Problems[0].String(), `alice.yml: holds respondent "R07" already`) {
			t.Errorf("force %v: err = %v", force, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "r07.yaml")); err == nil {
		t.Error("r07.yaml was written")
	}
}
