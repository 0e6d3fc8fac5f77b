package xlsx

import (
	"fmt"
	"io"
	"slices"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/itilmap/itilmap/templates"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook, in order.
const (
	SheetSummary      = "Summary"
	SheetPractices    = "Practices"
	SheetHeatmap      = "Heatmap"
	SheetGaps         = "Gaps"
	SheetConsensus    = "Consensus"
	SheetOutcomes     = "Outcomes"
	SheetRoadmap      = "Roadmap"
	SheetExitCriteria = "Exit criteria"
	SheetAdoption     = "Adoption"
	SheetBacklog      = "Backlog"
	SheetNotes        = "Notes"
	SheetTimeline     = "Timeline"
	SheetProgress     = "Progress" // only with a baseline, before Answers
	SheetAnswers      = "Answers"
)

// Sheets lists the sheets of every workbook in order. A report with a
// baseline has SheetProgress too, before SheetAnswers (see SheetNames).
var Sheets = []string{SheetSummary, SheetPractices, SheetHeatmap, SheetGaps, SheetConsensus,
	SheetOutcomes, SheetRoadmap, SheetExitCriteria, SheetAdoption, SheetBacklog, SheetNotes, SheetTimeline, SheetAnswers}

// SheetNames lists the sheets of r's workbook in order.
func SheetNames(r *templates.Report) []string {
	names := slices.Clone(Sheets)
	if r.Progress != nil {
		names = slices.Insert(names, len(names)-1, SheetProgress)
	}
	return names
}

// workbook holds the file being written and its styles.
type workbook struct {
	f *excelize.File
	r *templates.Report
	s styles
}

type styles struct {
	title, heading, header, text, note, num, pct, pctWhole, int, date, bold int
	numLeft, pctLeft, intLeft                                               int // numbers among text (Summary facts)
	phase                                                                   [3]int
}

// Write renders the consultant's workbook (docs/decisions.md). Numbers and
// dates are stored as numbers and dates, text from input files as text;
// columns are as wide as their text (long text wraps in rows tall enough
// for it); header rows are frozen and filtered; every sheet prints
// landscape on A4, one page wide, its header rows repeated on every page.
// The Answers sheet is streamed.
func Write(w io.Writer, r *templates.Report) error {
	f := excelize.NewFile()
	defer f.Close()
	wb := &workbook{f: f, r: r}
	if err := wb.styles(); err != nil {
		return err
	}
	names := SheetNames(r)
	for i, name := range names {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	steps := map[string]func(*page) error{
		SheetSummary: wb.summary, SheetPractices: wb.practices, SheetHeatmap: wb.heatmap, SheetGaps: wb.gaps,
		SheetConsensus: wb.consensus, SheetOutcomes: wb.outcomes, SheetRoadmap: wb.roadmap,
		SheetExitCriteria: wb.exitCriteria, SheetAdoption: wb.adoption, SheetBacklog: wb.backlog, SheetNotes: wb.notes,
		SheetTimeline: wb.timeline, SheetProgress: wb.progress,
	}
	for _, name := range names {
		step := steps[name]
		if step == nil {
			continue // Answers, streamed below
		}
		p := wb.page(name)
		if err := step(p); err != nil {
			return err
		}
		if err := p.finish(); err != nil {
			return err
		}
	}
	sheet.ActivateFirst(f) // before the Answers sheet is streamed
	if err := wb.answers(); err != nil {
		return err
	}
	return sheet.Finish(f, w, "ITSM maturity assessment: "+r.Score.Assessment.Organization, r.Score.Assessment.ID, r.Generated)
}

var phaseColours = [3]string{"C0504D", "F79646", "4F81BD"}

func (wb *workbook) styles() error {
	f := wb.f
	var failed error
	mk := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		if err != nil && failed == nil {
			failed = err
		}
		return id
	}
	font := func(bold bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Family: sheet.Font, Bold: bold, Size: size, Color: colour}
	}
	top := &excelize.Alignment{Vertical: "top", Horizontal: "right", Indent: 1} // numbers keep a space before the next column
	centre := &excelize.Alignment{Vertical: "top", Horizontal: "center"}
	left := &excelize.Alignment{Vertical: "top", Horizontal: "left", Indent: 1}
	// text keeps a space after a right-aligned number in the column before
	wrapped := &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left", Indent: 1}
	num2, pct0, pctWhole, date := "0.00", "0%", `0"%"`, "yyyy-mm-dd"
	wb.s.title = mk(&excelize.Style{Font: font(true, 16, sheet.Accent)})
	wb.s.heading = mk(&excelize.Style{Font: font(true, 12, sheet.Accent)})
	wb.s.header = mk(&excelize.Style{Font: font(true, 11, sheet.Accent), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{sheet.HeaderBg}},
		Alignment: wrapped, Border: []excelize.Border{{Type: "bottom", Color: sheet.Accent, Style: 1}}})
	wb.s.text = mk(&excelize.Style{Font: font(false, 11, ""), Alignment: wrapped})
	wb.s.note = mk(&excelize.Style{Font: &excelize.Font{Family: sheet.Font, Size: 10, Italic: true, Color: "595959"}})
	wb.s.num = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &num2, Alignment: top})
	wb.s.pct = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &pct0, Alignment: top})
	wb.s.pctWhole = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &pctWhole, Alignment: top})
	wb.s.int = mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: 1, Alignment: centre})
	wb.s.numLeft = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &num2, Alignment: left})
	wb.s.pctLeft = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &pct0, Alignment: left})
	wb.s.intLeft = mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: 1, Alignment: left})
	wb.s.date = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &date, Alignment: left})
	wb.s.bold = mk(&excelize.Style{Font: font(true, 11, ""), Alignment: wrapped})
	for i, c := range phaseColours {
		wb.s.phase[i] = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Font: font(true, 10, "FFFFFF")})
	}
	return failed
}

// cell is one value to write with its style; a nil value leaves the cell
// empty. A free cell (a title or a note) may run over the empty cells to
// its right: it sets no column width and no row height.
type cell struct {
	v     any
	style int
	free  bool
}

func (wb *workbook) txt(s string) cell   { return cell{v: s, style: wb.s.text} }
func (wb *workbook) bold(s string) cell  { return cell{v: s, style: wb.s.bold} }
func (wb *workbook) i(v int) cell        { return cell{v: v, style: wb.s.int} }
func (wb *workbook) f64(v float64) cell  { return cell{v: v, style: wb.s.num} }
func (wb *workbook) title(s string) cell { return cell{v: s, style: wb.s.title, free: true} }
func (wb *workbook) note(s string) cell  { return cell{v: s, style: wb.s.note, free: true} }
func (wb *workbook) head(s string) cell  { return cell{v: s, style: wb.s.heading, free: true} }

// n is a score: a number, or an empty cell when it has no data.
func (wb *workbook) n(s assess.Num) cell {
	if !s.Valid {
		return cell{style: wb.s.num}
	}
	return cell{v: s.Value, style: wb.s.num}
}

// p is a share of 0..1 shown as a percentage.
func (wb *workbook) p(s assess.Num) cell {
	if !s.Valid {
		return cell{style: wb.s.pct}
	}
	return cell{v: s.Value, style: wb.s.pct}
}

// lvl is a level, or an empty cell.
func (wb *workbook) lvl(l *int) cell {
	if l == nil {
		return cell{style: wb.s.int}
	}
	return cell{v: *l, style: wb.s.int}
}

// date is a date cell, or an empty cell for the zero date.
func (wb *workbook) date(d assess.Date) cell {
	if d.IsZero() {
		return cell{style: wb.s.date}
	}
	return cell{v: d.Time, style: wb.s.date}
}

// opt is text that may be missing: the text, or an empty cell.
func (wb *workbook) opt(s *string) cell {
	if s == nil {
		return cell{style: wb.s.text}
	}
	return wb.txt(*s)
}

// yesNo is a verdict of the result written as a word.
func (wb *workbook) yesNo(b bool) cell {
	if b {
		return wb.txt("yes")
	}
	return wb.txt("no")
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

// printSetup makes a sheet print landscape on A4, one page wide and as
// many pages tall as it needs, with the first titleRows rows repeated on
// every page, and a header and footer naming the organisation, the sheet
// and the page.
func (wb *workbook) printSetup(name string, titleRows int) error {
	f := wb.f
	size, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, edge, band := 0.4, 0.6, 0.3
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &band, Footer: &band}); err != nil {
		return err
	}
	a := wb.r.Score.Assessment
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L&9" + headerText(a.Organization, 120) + "&R&9" + headerText(name, 60),
		OddFooter: "&L&9" + headerText(a.ID, 120) + "&R&9Page &P of &N",
	}); err != nil {
		return err
	}
	if titleRows > 0 {
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", name, titleRows), Scope: name})
	}
	return nil
}

// headerText escapes s for a page header ("&" starts a code there) and
// cuts it to at most n characters.
func headerText(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = append(r[:n-1], '…')
	}
	out := make([]rune, 0, len(r))
	for _, c := range r {
		if c == '&' {
			out = append(out, '&')
		}
		out = append(out, c)
	}
	return string(out)
}
