package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// Two imports of one respondent at once: exactly one writes the response,
// whole; the other is refused as a conflict, and nothing is overwritten.
func TestConcurrentImports(t *testing.T) {
	dir := t.TempDir()
	a := workbook(t, dir, "a.xlsx", "r07", "from a")
	b := workbook(t, dir, "b.xlsx", "r07", "from b")
	for round := range 20 {
		out := filepath.Join(dir, "out", strings.Repeat("x", round+1))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, wb := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = Run(Options{Files: []string{wb}, Out: out})
			}()
		}
		wg.Wait()
		ok, conflicts := 0, 0
		for _, err := range errs {
			var c *ConflictError
			switch {
			case err == nil:
				ok++
			case errors.As(err, &c):
				conflicts++
			default:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if ok != 1 || conflicts != 1 {
			t.Fatalf("round %d: %d imports wrote, %d were refused; want one each (%v)", round, ok, conflicts, errs)
		}
		data, err := os.ReadFile(filepath.Join(out, "r07.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), `note: "from `); n != 1 {
			t.Fatalf("round %d: the response is not one workbook's, whole:\n%s", round, data)
		}
		left, _ := os.ReadDir(out)
		if len(left) != 1 {
			t.Fatalf("round %d: %d files left behind, want the response only", round, len(left))
		}
	}
}

// writeAll creates all the files or none: when one name is taken (by
// another import, between the check and the writing), the files it
// created already are removed, and so are its temporary files.
func TestWriteAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "r08.yaml")
	if err := os.WriteFile(taken, []byte("someone else's"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []pending{{filepath.Join(dir, "r07.yaml"), []byte("a")}, {taken, []byte("b")}, {filepath.Join(dir, "r09.yaml"), []byte("c")}}
	_, err := writeAll(dir, files, false)
	var c *ConflictError
	if !errors.As(err, &c) || len(c.Problems) != 1 || c.Problems[0].File != taken {
		t.Fatalf("err = %v, want a conflict on %s", err, taken)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "r08.yaml" {
		t.Errorf("left behind: %v", entries)
	}
	if data, _ := os.ReadFile(taken); string(data) != "someone else's" {
		t.Errorf("the other file was changed: %q", data)
	}

	// with force, replaced files come back when a later one fails
	sub := filepath.Join(dir, "force")
	os.MkdirAll(filepath.Join(sub, "r09.yaml"), 0o755) // a folder: cannot be replaced
	old := filepath.Join(sub, "r07.yaml")
	os.WriteFile(old, []byte("old"), 0o644)
	_, err = writeAll(sub, []pending{{old, []byte("new")}, {filepath.Join(sub, "r09.yaml"), []byte("c")}}, true)
	if err == nil {
		t.Fatal("no error writing over a folder")
	}
	if data, _ := os.ReadFile(old); string(data) != "old" {
		t.Errorf("the replaced file was not restored: %q", data)
	}
	entries, _ = os.ReadDir(sub)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
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
		_, err := Run(Options{Files: []string{wb}, Out: out, Force: force})
		var c *ConflictError
		if !errors.As(err, &c) || !strings.Contains(c.Problems[0].String(), `alice.yml: holds respondent "R07" already`) {
			t.Errorf("force %v: err = %v", force, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "r07.yaml")); err == nil {
		t.Error("r07.yaml was written")
	}
}
