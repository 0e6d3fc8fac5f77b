package xlsx_test

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates"
	"github.com/itilmap/itilmap/templates/xlsx"
	"github.com/xuri/excelize/v2"
)

func workbookReport(t testing.TB, src assess.Source, dir string) *templates.Report {
	t.Helper()
	res, probs := roadmap.Build(roadmap.Input{Source: src, Dir: dir})
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	return &templates.Report{Result: res, Generated: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}
}

func renderWorkbook(t testing.TB, r *templates.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWorkbookSheetsNumbersCharts(t *testing.T) {
	data := renderWorkbook(t, workbookReport(t, assess.FromFS(examples.FS), examples.Acme))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := strings.Join(f.GetSheetList(), ","), strings.Join(xlsx.Sheets, ","); got != want {
		t.Fatalf("sheets = %s, want %s", got, want)
	}
	// numbers are numbers: the overall actual score on Summary is a numeric cell
	rows, _ := f.GetRows(xlsx.SheetSummary)
	found := false
	for i, r := range rows {
		if len(r) > 1 && r[0] == "Overall actual" {
			typ, _ := f.GetCellType(xlsx.SheetSummary, "B"+itoa(i+1))
			if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("Summary overall actual has cell type %v, want a number", typ)
			}
			found = true
		}
	}
	if !found {
		t.Error("Summary has no Overall actual row")
	}
	// Practices: the header is frozen and filtered, scores are numbers
	if v, _ := f.GetCellValue(xlsx.SheetPractices, "A1"); v != "Practice" {
		t.Errorf("Practices!A1 = %q", v)
	}
	if typ, _ := f.GetCellType(xlsx.SheetPractices, "F2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("Practices!F2 (actual) type %v, want number", typ)
	}
	panes, _ := f.GetPanes(xlsx.SheetPractices)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Practices header not frozen: %+v", panes)
	}
	// every raw answer: 12 respondents of the example
	arows, _ := f.GetRows(xlsx.SheetAnswers)
	answers := 0
	for _, r := range workbookReport(t, assess.FromFS(examples.FS), examples.Acme).Assessment.Responses {
		answers += len(r.Answers)
	}
	if len(arows) != answers+1 {
		t.Errorf("Answers has %d rows, want %d answers + header", len(arows), answers)
	}
	// native charts: a radar and a bar chart
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	charts := map[string]bool{}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			for _, kind := range []string{"radarChart", "barChart"} {
				if strings.Contains(b.String(), "<"+kind) || strings.Contains(b.String(), "<c:"+kind) {
					charts[kind] = true
				}
			}
		}
	}
	if !charts["radarChart"] || !charts["barChart"] {
		t.Errorf("charts found %v, want a radar and a bar chart", charts)
	}
}

// Text from input files stays text: a note that looks like a formula is not one.
func TestWorkbookNoFormulaInjection(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"acme/assessment.yaml", "acme/painpoints.yaml"} {
		b, _ := examples.FS.ReadFile(name)
		// Without the example's lists of teams and roles, any team or role
		// name goes, a formula-like one included.
		var keep []string
		for _, line := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(line, "teams:") && !strings.HasPrefix(line, "roles:") {
				keep = append(keep, line)
			}
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Join(keep, "\n"))}
	}
	fsys["acme/responses/r01.yaml"] = &fstest.MapFile{Data: []byte(`questionnaire: itil4-core
respondent: {id: r01, name: "+Søren Ødegård", role: "-agent", team: "@desk"}
answers:
  IM-PR-1: {documented: 3, actual: 2, evidence: "=HYPERLINK(\"http://x\",\"click\")", note: "=1+1"}
  IM-PR-2: {documented: 3, actual: 2, note: "=cmd|' /c calc'!A1"}
`)}
	r := workbookReport(t, assess.FromFS(fsys), "acme")
	f, err := excelize.OpenReader(bytes.NewReader(renderWorkbook(t, r)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i, row := range rows {
			for j := range row {
				c, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if formula, _ := f.GetCellFormula(sheet, c); formula != "" {
					t.Errorf("%s!%s holds a formula %q", sheet, c, formula)
				}
			}
		}
	}
	if v, _ := f.GetCellValue(xlsx.SheetAnswers, "K2"); v != "=1+1" {
		t.Errorf("Answers!K2 = %q, want the note as text", v)
	}
	if v, _ := f.GetCellValue(xlsx.SheetAnswers, "B2"); v != "+Søren Ødegård" {
		t.Errorf("Answers!B2 = %q", v)
	}
}

func TestWorkbookDeterministic(t *testing.T) {
	r := workbookReport(t, assess.FromFS(examples.FS), examples.Acme)
	a, b := renderWorkbook(t, r), renderWorkbook(t, r)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
