package xlsx

import (
	"fmt"
	"io"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/itilmap/itilmap/templates"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook, in order.
const (
	SheetSummary   = "Summary"
	SheetPractices = "Practices"
	SheetHeatmap   = "Heatmap"
	SheetGaps      = "Gaps"
	SheetConsensus = "Consensus"
	SheetOutcomes  = "Outcomes"
	SheetRoadmap   = "Roadmap"
	SheetTimeline  = "Timeline"
	SheetAnswers   = "Answers"
)

// Sheets lists the workbook's sheets in order.
var Sheets = []string{SheetSummary, SheetPractices, SheetHeatmap, SheetGaps, SheetConsensus,
	SheetOutcomes, SheetRoadmap, SheetTimeline, SheetAnswers}

// workbook holds the file being written and its styles.
type workbook struct {
	f *excelize.File
	r *templates.Report
	s styles
}

type styles struct {
	title, header, text, wrap, num, pct, int, bold int
	phase                                          [3]int
}

// Write renders the consultant's workbook. Numbers
// are stored as numbers, text from input files as text; header rows are
// frozen and filtered. The Answers sheet is streamed.
func Write(w io.Writer, r *templates.Report) error {
	f := excelize.NewFile()
	defer f.Close()
	wb := &workbook{f: f, r: r}
	if err := wb.styles(); err != nil {
		return err
	}
	landscape, fit, free := "landscape", 1, 0
	fitToPage := true
	for i, name := range Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		// printed, every sheet is one page wide
		if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &fit, FitToHeight: &free}); err != nil {
			return err
		}
		if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
			return err
		}
	}
	steps := []func() error{wb.summary, wb.practices, wb.heatmap, wb.gaps, wb.consensus, wb.outcomes, wb.roadmap, wb.timeline, wb.answers}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return sheet.Finish(f, w, "ITSM maturity assessment: "+r.Score.Assessment.Organization, r.Score.Assessment.ID, r.Generated)
}

const ()

var phaseColours = [3]string{"C0504D", "F79646", "4F81BD"}

func (wb *workbook) styles() error {
	f := wb.f
	mk := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		if err != nil {
			panic(err) // the styles below are constants: a failure is a programming error
		}
		return id
	}
	font := func(bold bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Family: sheet.Font, Bold: bold, Size: size, Color: colour}
	}
	num2, pct0 := "0.00", "0%"
	wb.s.title = mk(&excelize.Style{Font: font(true, 16, sheet.Accent)})
	wb.s.header = mk(&excelize.Style{Font: font(true, 11, sheet.Accent), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{sheet.HeaderBg}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: []excelize.Border{{Type: "bottom", Color: sheet.Accent, Style: 1}}})
	wb.s.text = mk(&excelize.Style{Font: font(false, 11, ""), Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.wrap = mk(&excelize.Style{Font: font(false, 11, ""), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	wb.s.num = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &num2, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.pct = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &pct0, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.int = mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.bold = mk(&excelize.Style{Font: font(true, 11, "")})
	for i, c := range phaseColours {
		wb.s.phase[i] = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Font: font(true, 10, "FFFFFF")})
	}
	return nil
}

// cell is one value to write with its style; nil values leave the cell empty.
type cell struct {
	v     any
	style int
}

func (wb *workbook) txt(s string) cell { return cell{s, wb.s.text} }
func (wb *workbook) wrp(s string) cell { return cell{s, wb.s.wrap} }
func (wb *workbook) n(s assess.Num) cell {
	if !s.Valid {
		return cell{nil, wb.s.num}
	}
	return cell{s.Value, wb.s.num}
}
func (wb *workbook) p(s assess.Num) cell {
	if !s.Valid {
		return cell{nil, wb.s.pct}
	}
	return cell{s.Value, wb.s.pct}
}
func (wb *workbook) i(v int) cell { return cell{v, wb.s.int} }
func (wb *workbook) lvl(l *int) cell {
	if l == nil {
		return cell{nil, wb.s.int}
	}
	return cell{*l, wb.s.int}
}
func (wb *workbook) f64(v float64) cell { return cell{v, wb.s.num} }

// row writes cells from (col, row), 1-based. Strings are always set as
// text, never as formulas.
func (wb *workbook) row(sh string, col, row int, cells ...cell) error {
	for i, c := range cells {
		ref, err := excelize.CoordinatesToCellName(col+i, row)
		if err != nil {
			return err
		}
		switch v := c.v.(type) {
		case nil:
		case string:
			if err := wb.f.SetCellStr(sh, ref, v); err != nil {
				return err
			}
		default:
			if err := wb.f.SetCellValue(sh, ref, v); err != nil {
				return err
			}
		}
		if c.style != 0 {
			if err := wb.f.SetCellStyle(sh, ref, ref, c.style); err != nil {
				return err
			}
		}
	}
	return wb.fitHeight(sh, col, row, cells)
}

// fitHeight makes a row tall enough for its wrapped text: spreadsheet
// programs do not grow rows that a file gives no height.
func (wb *workbook) fitHeight(sh string, col, row int, cells []cell) error {
	lines := 1
	for i, c := range cells {
		s, ok := c.v.(string)
		if !ok || c.style != wb.s.wrap {
			continue
		}
		name, _ := excelize.ColumnNumberToName(col + i)
		width, err := wb.f.GetColWidth(sh, name)
		if err != nil || width <= 0 {
			continue
		}
		lines = max(lines, sheet.Lines(s, width))
	}
	if lines == 1 {
		return nil
	}
	return wb.f.SetRowHeight(sh, row, sheet.RowHeight(lines))
}

// table writes a header at (col,row) and the rows under it; with filter, the
// header is frozen and filtered. It returns the row after the table.
func (wb *workbook) table(sh string, col, row int, header []string, rows [][]cell, filter bool) (int, error) {
	hs := make([]cell, len(header))
	for i, h := range header {
		hs[i] = cell{h, wb.s.header}
	}
	if err := wb.row(sh, col, row, hs...); err != nil {
		return 0, err
	}
	for i, r := range rows {
		if err := wb.row(sh, col, row+1+i, r...); err != nil {
			return 0, err
		}
	}
	if filter {
		last, _ := excelize.CoordinatesToCellName(col+len(header)-1, row+max(len(rows), 1))
		first, _ := excelize.CoordinatesToCellName(col, row)
		if err := wb.f.AutoFilter(sh, first+":"+last, nil); err != nil {
			return 0, err
		}
		if err := wb.freeze(sh, row); err != nil {
			return 0, err
		}
	}
	return row + len(rows) + 1, nil
}

func (wb *workbook) freeze(sh string, rows int) error {
	top, _ := excelize.CoordinatesToCellName(1, rows+1)
	return wb.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}}})
}

func (wb *workbook) widths(sh string, widths ...float64) error {
	return sheet.Widths(wb.f, sh, widths...)
}

// colourScale colours a range from sheet.Red (scale min) through sheet.Amber to sheet.Green
// (scale max).
func (wb *workbook) colourScale(sh, ref string) error {
	sc := wb.r.Score.Scale
	return wb.f.SetConditionalFormat(sh, ref, []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=",
		MinType: "num", MinValue: fmt.Sprint(sc.Min), MinColor: "#" + sheet.Red,
		MidType: "num", MidValue: fmt.Sprint(float64(sc.Min+sc.Max) / 2), MidColor: "#" + sheet.Amber,
		MaxType: "num", MaxValue: fmt.Sprint(sc.Max), MaxColor: "#" + sheet.Green,
	}})
}
