package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/templates/xlsx"
	"github.com/xuri/excelize/v2"
)

// A worksheet holds at most 1,048,576 rows; a workshop with more answers
// (5,300 respondents of itil4-core) goes on to "Answers 2" and further
// sheets, each with the header and a table, and loses no answer. The test
// lowers the rows per sheet to spill the example's answers over.
func TestWorkbookAnswersSpillToMoreSheets(t *testing.T) {
	r := workbookReport(t, assess.FromFS(examples.FS), examples.Acme)
	total := 0
	for _, resp := range r.Assessment.Responses {
		total += len(resp.Answers)
	}
	per := total/3 + 1 // three sheets, the last one shorter
	defer xlsx.SetAnswerRowsPerSheet(per)()
	f, err := excelize.OpenReader(bytes.NewReader(renderWorkbook(t, r)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := append(append([]string(nil), xlsx.Sheets...), "Answers 2", "Answers 3")
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	seen := 0
	for i, sheet := range want[len(xlsx.Sheets)-1:] {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 || rows[0][0] != "Respondent" {
			t.Fatalf("%s has no header row", sheet)
		}
		if n := len(rows) - 1; n > per || (i < 2 && n != per) {
			t.Errorf("%s holds %d answers, want %d", sheet, n, per)
		}
		seen += len(rows) - 1
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 {
			t.Errorf("%s: tables %v, %v; want one", sheet, tables, err)
		}
	}
	if seen != total {
		t.Errorf("the Answers sheets hold %d answers, want all %d", seen, total)
	}
}
