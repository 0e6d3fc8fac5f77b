package xlsx

import (
	"fmt"
	"strconv"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// answerRowsPerSheet is how many answers one Answers sheet holds: a
// worksheet has at most 1,048,576 rows, the header row included.
var answerRowsPerSheet = excelize.TotalRows - 1

// answers streams every raw answer, one row each, so that large workshops
// stay within memory. Answers beyond the rows one worksheet can hold go on
// to further sheets, "Answers 2", "Answers 3" and so on, each with the
// same header.
func (wb *workbook) answers() error {
	a := wb.r.Assessment
	q := a.Questionnaire
	na := any("na")
	value := func(v assess.Value) any {
		switch {
		case v == assess.NA:
			return na
		case v.Known():
			return int(v) // a small int is boxed without allocating
		}
		return nil
	}
	// the cells a question's rows share, boxed once: the stream writer
	// takes each value as an interface
	type questionCells struct{ practice, dim, id any }
	byQuestion := make(map[string]*questionCells, len(q.Questions))
	part, sheet := 1, SheetAnswers
	sw, err := wb.answerSheet(sheet)
	if err != nil {
		return err
	}
	row := 2
	vals := make([]any, len(answerHeader))
	for _, resp := range a.Responses {
		rp := resp.Respondent
		id, name, role, team, file := text(rp.ID), text(rp.Name), text(rp.Role), text(rp.Team), text(resp.File)
		for _, ans := range resp.Answers {
			if row-1 > answerRowsPerSheet {
				if err := wb.endAnswerSheet(sw, part, row); err != nil {
					return err
				}
				part++
				sheet = fmt.Sprintf("%s %d", SheetAnswers, part)
				if sw, err = wb.newAnswerSheet(sheet); err != nil {
					return err
				}
				row = 2
			}
			qc := byQuestion[ans.Question]
			if qc == nil {
				qc = &questionCells{id: text(ans.Question)}
				if qu := q.Question(ans.Question); qu != nil {
					qc.practice, qc.dim = text(qu.Practice), text(qu.Dimension)
				}
				byQuestion[ans.Question] = qc
			}
			vals[0], vals[1], vals[2], vals[3] = id, name, role, team
			vals[4], vals[5], vals[6] = qc.practice, qc.dim, qc.id
			vals[7], vals[8] = value(ans.Documented), value(ans.Actual)
			vals[9], vals[10], vals[11] = text(ans.Evidence), text(ans.Note), file
			if err := sw.SetRow(sheetRef(row), vals); err != nil {
				return err
			}
			row++
		}
	}
	return wb.endAnswerSheet(sw, part, row)
}

var answerHeader = []string{"Respondent", "Name", "Role", "Team", "Practice", "Dimension", "Question", "Documented", "Actual", "Evidence", "Note", "File"}

// newAnswerSheet adds a further Answers sheet, laid out like the others.
func (wb *workbook) newAnswerSheet(name string) (*excelize.StreamWriter, error) {
	if _, err := wb.f.NewSheet(name); err != nil {
		return nil, err
	}
	return wb.answerSheet(name)
}

// answerSheet starts streaming an Answers sheet: print setup, widths,
// frozen header.
func (wb *workbook) answerSheet(name string) (*excelize.StreamWriter, error) {
	if err := wb.printSetup(name, 1); err != nil {
		return nil, err
	}
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, w := range []float64{10, 24, 20, 18, 30, 12, 12, 12, 8, 40, 40, 28} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	hrow := make([]any, len(answerHeader))
	for i, h := range answerHeader {
		hrow[i] = excelize.Cell{Value: h, StyleID: wb.s.header}
	}
	if err := sw.SetRow("A1", hrow); err != nil {
		return nil, err
	}
	return sw, nil
}

// endAnswerSheet makes the rows above row a table, named Answers on the
// first sheet and AnswersN on the Nth, and finishes the sheet.
func (wb *workbook) endAnswerSheet(sw *excelize.StreamWriter, part, row int) error {
	if row > 2 {
		name := SheetAnswers
		if part > 1 {
			name += strconv.Itoa(part)
		}
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + sheet.Ref(len(answerHeader), row-1), Name: name, StyleName: "TableStyleLight9"}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// text stores a string from an input file as a text cell, or leaves the
// cell empty for "". The stream writer stores every string as an inline
// string, escaped, so a leading "=" never becomes a formula.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// sheetRef is the reference of the first cell of row: "A7".
func sheetRef(row int) string { return "A" + strconv.Itoa(row) }
