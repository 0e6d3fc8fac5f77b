package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// importFixture is an assessment of the built-in quick questionnaire and a
// blank capture workbook of it.
func importFixture(t *testing.T) (dir, blank string) {
	t.Helper()
	dir = t.TempDir()
	acme := filepath.Join(dir, "acme")
	if err := os.MkdirAll(filepath.Join(acme, "responses"), 0o755); err != nil {
		t.Fatal(err)
	}
	yaml := "kind: assessment\nid: acme\norganization: ACME Retail\ndate: 2026-11-02\nquestionnaire: itil4-quick\nscope: [service-desk, incident-management]\n"
	if err := os.WriteFile(filepath.Join(acme, "assessment.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	blank = filepath.Join(dir, "blank.xlsx")
	mustRun(t, "template", acme, "-o", blank)
	return dir, blank
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("itilmap %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stderr.String()
}

// filled is blank with the cells set, saved as name in dir.
func filled(t *testing.T, blank, dir, name string, cells map[string]string) string {
	t.Helper()
	f, err := excelize.OpenFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for at, v := range cells {
		sheet, cell, _ := strings.Cut(at, "!")
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, name)
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// The exit codes of import and template: refusing to overwrite is 3, like
// every command; a folder inside an assessment is a usage error (2); a
// workbook of another questionnaire is invalid input (1).
func TestImportExitCodes(t *testing.T) {
	dir, blank := importFixture(t)
	acme := filepath.Join(dir, "acme")
	r07 := filled(t, blank, dir, "r07.xlsx", map[string]string{"Respondent!B1": "r07", "Answers!E2": "3"})
	mustRun(t, "import", r07, "-o", acme)
	quick := filepath.Join(dir, "quick.xlsx")
	mustRun(t, "template", "--questionnaire", "itil4-core", "-o", quick)
	for _, tt := range []struct {
		args   []string
		want   int
		stderr string
	}{
		{[]string{"import", r07, "-o", acme}, exitOutput, "already exists; use --force"},
		{[]string{"import", r07, "-o", filepath.Join(acme, "response")}, exitUsage, "is inside the assessment"},
		{[]string{"import", quick, "-o", acme}, exitInput, `this workbook captures questionnaire "itil4-core" 2.0.0, but the answers are imported for "itil4-quick"`},
		{[]string{"template", acme, "-o", r07}, exitOutput, "already exists and may hold answers"},
		{[]string{"import", r07, "-o", acme, "--force"}, exitOK, "replaced "},
	} {
		var stderr bytes.Buffer
		if got := run(tt.args, strings.NewReader(""), &bytes.Buffer{}, &stderr); got != tt.want || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("itilmap %s: exit %d, want %d saying %q:\n%s", strings.Join(tt.args, " "), got, tt.want, tt.stderr, stderr.String())
		}
	}
}

// Notes and evidence come back byte for byte through import and report:
// the report's Answers sheet holds them as typed, as text.
func TestImportNotesReachTheReport(t *testing.T) {
	dir, blank := importFixture(t)
	acme := filepath.Join(dir, "acme")
	texts := []string{"=1+1", "-- weekends", "@dana", `'single' and "double"`, "two\nlines", "+49 30 1234", "=HYPERLINK(\"http://x\",\"y\")"}
	cells := map[string]string{"Respondent!B1": "r07", "Respondent!B4": "service-desk"}
	for i, s := range texts {
		row := string(rune('2' + i))
		cells["Answers!E"+row] = "2"
		cells["Answers!H"+row] = s
		cells["Answers!G"+row] = s + " (evidence)"
	}
	mustRun(t, "import", filled(t, blank, dir, "r07.xlsx", cells), "-o", acme)
	out := filepath.Join(dir, "out")
	mustRun(t, "report", acme, "--xlsx", "-o", out)
	f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Answers")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r...)
	}
	for _, s := range texts {
		if !slices.Contains(got, s) || !slices.Contains(got, s+" (evidence)") {
			t.Errorf("the report's Answers sheet does not hold %q as typed", s)
		}
	}
}

// Two imports of one respondent at once: exactly one writes the response,
// whole; the other is refused (exit 3), and nothing else is left behind.
func TestConcurrentImports(t *testing.T) {
	dir, blank := importFixture(t)
	a := filled(t, blank, dir, "a.xlsx", map[string]string{"Respondent!B1": "r07", "Answers!H2": "from a"})
	b := filled(t, blank, dir, "b.xlsx", map[string]string{"Respondent!B1": "r07", "Answers!H2": "from b"})
	for round := range 20 {
		out := filepath.Join(dir, "out", strconv.Itoa(round))
		codes := make([]int, 2)
		var wg sync.WaitGroup
		for i, wb := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = run([]string{"import", wb, "-o", out}, strings.NewReader(""), io.Discard, io.Discard)
			}()
		}
		wg.Wait()
		slices.Sort(codes)
		if codes[0] != exitOK || codes[1] != exitOutput {
			t.Fatalf("round %d: exit codes %v, want one 0 and one 3", round, codes)
		}
		data, err := os.ReadFile(filepath.Join(out, "r07.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), `note: "from `); n != 1 {
			t.Fatalf("round %d: the response is not one workbook's, whole:\n%s", round, data)
		}
		if left, _ := os.ReadDir(out); len(left) != 1 {
			t.Fatalf("round %d: %d files left behind, want the response only", round, len(left))
		}
	}
}
