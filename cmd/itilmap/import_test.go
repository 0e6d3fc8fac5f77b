package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
