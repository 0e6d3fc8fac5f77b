package capture

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the capture workbook, in order. The Questionnaire sheet
// is very hidden: it carries what Read needs to import the workbook
// without the questionnaire file (see questionnaire.go).
const (
	CaptureRespondent    = "Respondent"
	CaptureAnswers       = "Answers"
	CaptureScale         = "Scale"
	CaptureQuestionnaire = "Questionnaire"
)

// CaptureHeader is the header row of the capture workbook's Answers sheet.
// ReadCapture finds its columns by these names, so a respondent may reorder
// columns or add their own.
var CaptureHeader = []string{"Practice", "Dimension", "Question ID", "Question", "Documented", "Actual", "Evidence", "Note", "Help"}

// Where the capture workbook records its questionnaire, for ReadCapture to check.
const (
	CaptureQuestionnaireCell = "B1" // on the Scale sheet: the questionnaire id
	CaptureVersionCell       = "B2" // on the Scale sheet: its version
)

// captureFields are the labels of the Respondent sheet, in column A of
// rows 1 to 5; the values are typed in column B.
var captureFields = []string{"ID", "Name", "Role", "Team", "Date"}

const (
	captureInputFill = "FFF6D5" // the cells a respondent fills in
	captureHintGrey  = "595959"
)

type captureStyles struct {
	title, header, label, text, wrap, hint, input, inputText, inputDate int
}

// Options choose what a capture workbook asks and offers.
type Options struct {
	// Questions are the questions to ask, in order (the assessment's
	// scope, a role's audience); nil asks every question.
	Questions []*assess.Question
	// Audience is the role the workbook is made for, named on the
	// Respondent sheet and filled in as the respondent's role; "" for anyone.
	Audience string
	// Teams and Roles, when not empty, are offered as drop-downs of the
	// Respondent sheet's Team and Role cells.
	Teams, Roles []string
	// Generated dates the workbook.
	Generated time.Time
}

// Write renders the workshop capture workbook: a Respondent sheet, an
// Answers sheet with one row per question asked, a Scale sheet that
// explains the levels and names the questionnaire, and a very hidden
// Questionnaire sheet that carries the questionnaire's id, version,
// digest, scale and every question, so that Read needs nothing else.
//
// Only the cells a respondent fills in are unlocked; every sheet is
// protected without a password, so nobody edits a question by accident, and
// a facilitator can still lift the protection. Documented and Actual carry a
// drop-down of the scale's levels and na. The same input gives the same
// bytes.
func Write(w io.Writer, q *assess.Questionnaire, opts Options) error {
	generated := opts.Generated
	questions := opts.Questions
	if questions == nil {
		questions = q.Questions
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := captureStyleSet(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", CaptureRespondent); err != nil {
		return err
	}
	for _, name := range []string{CaptureAnswers, CaptureScale, CaptureQuestionnaire} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// printed for a workshop on paper: landscape, one page wide
	landscape, fit, free, fitToPage := "landscape", 1, 0, true
	for _, name := range []string{CaptureRespondent, CaptureAnswers, CaptureScale} {
		if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &fit, FitToHeight: &free}); err != nil {
			return err
		}
		if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: CaptureAnswers + "!$1:$1", Scope: CaptureAnswers}); err != nil {
		return err
	}
	for _, step := range []func() error{
		func() error { return captureRespondent(f, st, q, opts) },
		func() error { return captureAnswers(f, st, q, questions) },
		func() error { return captureScale(f, st, q, generated) },
		func() error { return writeQuestionnaire(f, q, opts) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return err
	}
	sheet.ActivateFirst(f)
	return sheet.Finish(f, w, "Capture: "+q.Title, q.ID+" "+q.Version, generated)
}

func captureStyleSet(f *excelize.File) (captureStyles, error) {
	var s captureStyles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	font := func(bold bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Family: sheet.Font, Bold: bold, Size: size, Color: colour}
	}
	top := func(wrap bool) *excelize.Alignment { return &excelize.Alignment{Vertical: "top", WrapText: wrap} }
	box := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{captureInputFill}}
	unlocked := &excelize.Protection{Locked: false}
	textFmt, dateFmt := "@", "yyyy-mm-dd"
	s.title = mk(&excelize.Style{Font: font(true, 14, sheet.Accent)})
	s.header = mk(&excelize.Style{Font: font(true, 11, sheet.Accent), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{sheet.HeaderBg}},
		Alignment: top(true), Border: []excelize.Border{{Type: "bottom", Color: sheet.Accent, Style: 1}}})
	s.label = mk(&excelize.Style{Font: font(true, 11, ""), Alignment: top(false)})
	s.text = mk(&excelize.Style{Font: font(false, 11, ""), Alignment: top(false)})
	s.wrap = mk(&excelize.Style{Font: font(false, 11, ""), Alignment: top(true)})
	s.hint = mk(&excelize.Style{Font: &excelize.Font{Family: sheet.Font, Size: 10, Italic: true, Color: captureHintGrey}, Alignment: top(true)})
	s.input = mk(&excelize.Style{Font: font(false, 11, ""), Fill: fill, Border: box, Protection: unlocked,
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}})
	// text-formatted, so that a note starting with "=" stays a note
	s.inputText = mk(&excelize.Style{Font: font(false, 11, ""), Fill: fill, Border: box, Protection: unlocked,
		Alignment: top(true), CustomNumFmt: &textFmt})
	s.inputDate = mk(&excelize.Style{Font: font(false, 11, ""), Fill: fill, Border: box, Protection: unlocked,
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, CustomNumFmt: &dateFmt})
	return s, err
}

// captureProtect locks a sheet without a password: the unlocked cells stay
// editable, and columns and rows may still be resized.
func captureProtect(f *excelize.File, sheet string, filter bool) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, AutoFilter: filter,
	})
}

func captureRespondent(f *excelize.File, st captureStyles, q *assess.Questionnaire, opts Options) error {
	sh := CaptureRespondent
	if err := sheet.Widths(f, sh, 10, 36, 64); err != nil {
		return err
	}
	hints := []string{
		"Letters, digits, '.', '_' and '-', e.g. r07. It names your response file.",
		"Your name, or the team's when a workshop agrees one answer.",
		"e.g. service-desk-agent: scores can be compared by role.",
		"e.g. service-desk: scores can be compared by team.",
		"The day you answer, as YYYY-MM-DD.",
	}
	if len(opts.Roles) > 0 {
		hints[2] = "Choose your role from the list: scores can be compared by role."
	}
	if len(opts.Teams) > 0 {
		hints[3] = "Choose your team from the list: scores can be compared by team."
	}
	for i, label := range captureFields {
		style := st.inputText
		if label == "Date" {
			style = st.inputDate
		}
		if err := sheet.Set(f, sh, 1, i+1, label, st.label); err != nil {
			return err
		}
		var v any
		if label == "Role" && opts.Audience != "" {
			v = opts.Audience
		}
		if err := sheet.Set(f, sh, 2, i+1, v, style); err != nil {
			return err
		}
		if err := sheet.Set(f, sh, 3, i+1, hints[i], st.hint); err != nil {
			return err
		}
	}
	lines := []struct {
		text  string
		style int
	}{
		{"Fill in the yellow cells here, then rate every statement on the " + CaptureAnswers + " sheet. " +
			"The " + CaptureScale + " sheet explains the levels. Only the yellow cells can be changed.", st.wrap},
		{fmt.Sprintf("Questionnaire: %s (%s %s)", q.Title, q.ID, q.Version), st.hint},
	}
	if opts.Audience != "" {
		lines = append(lines, struct {
			text  string
			style int
		}{fmt.Sprintf("This workbook asks the questions put to the role %s.", opts.Audience), st.hint})
	}
	for i, l := range lines {
		row := len(captureFields) + 2 + i
		if err := f.MergeCell(sh, sheet.Ref(1, row), sheet.Ref(3, row)); err != nil {
			return err
		}
		if err := sheet.Set(f, sh, 1, row, l.text, l.style); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, len(captureFields)+2, 30); err != nil {
		return err
	}
	return captureProtect(f, sh, false)
}

func captureAnswers(f *excelize.File, st captureStyles, q *assess.Questionnaire, questions []*assess.Question) error {
	sh := CaptureAnswers
	widths := []float64{24, 13, 12, 60, 12, 10, 32, 32, 48}
	if err := sheet.Widths(f, sh, widths...); err != nil {
		return err
	}
	for i, h := range CaptureHeader {
		if err := sheet.Set(f, sh, i+1, 1, h, st.header); err != nil {
			return err
		}
	}
	last := len(questions) + 1
	for i, qu := range questions {
		row := i + 2
		practice := qu.Practice
		if p := q.Practice(qu.Practice); p != nil && p.Name != "" {
			practice = p.Name
		}
		dim := qu.Dimension
		if d := q.DimensionIndex(qu.Dimension); d >= 0 && q.Dimensions[d].Name != "" {
			dim = q.Dimensions[d].Name
		}
		for col, v := range []string{practice, dim, qu.ID, qu.Text} {
			style := st.text
			if col == 0 || col == 3 {
				style = st.wrap
			}
			if err := sheet.Set(f, sh, col+1, row, v, style); err != nil {
				return err
			}
		}
		if err := sheet.Set(f, sh, 9, row, qu.Help, st.hint); err != nil {
			return err
		}
		lines := max(2, sheet.Lines(qu.Text, widths[3]), sheet.Lines(qu.Help, widths[8]))
		if err := f.SetRowHeight(sh, row, min(float64(lines)*15, 409)); err != nil {
			return err
		}
	}
	if len(questions) > 0 {
		if err := f.SetCellStyle(sh, sheet.Ref(5, 2), sheet.Ref(6, last), st.input); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, sheet.Ref(7, 2), sheet.Ref(8, last), st.inputText); err != nil {
			return err
		}
		if err := levelDropDowns(f, q.Scale, last); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(sh, "A1:"+sheet.Ref(len(CaptureHeader), max(last, 2)), nil); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "E2", ActiveCell: "E2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return captureProtect(f, sh, true)
}

// levelDropDowns puts a drop-down of the scale's levels and na on the
// Documented and Actual cells, rows 2 to last.
func levelDropDowns(f *excelize.File, sc assess.Scale, last int) error {
	var levels []string
	for l := sc.Min; l <= sc.Max; l++ {
		levels = append(levels, strconv.Itoa(l))
	}
	levels = append(levels, "na")
	prompts := []struct{ title, msg string }{
		{"Documented", fmt.Sprintf("What the handbook, policy or tool configuration says: %s, or na. Empty: you do not know.", sc)},
		{"Actual", fmt.Sprintf("What really happens on a busy day: %s, or na. Empty: you do not know.", sc)},
	}
	for i, p := range prompts {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sheet.Ref(5+i, 2) + ":" + sheet.Ref(5+i, last)
		if err := dv.SetDropList(levels); err != nil {
			return err
		}
		dv.SetInput(p.title, p.msg)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Not a level",
			fmt.Sprintf("Choose a level %s from the list, or na when the statement does not apply to you. Leave the cell empty when you do not know.", sc))
		if err := f.AddDataValidation(CaptureAnswers, dv); err != nil {
			return err
		}
	}
	return nil
}

func captureScale(f *excelize.File, st captureStyles, q *assess.Questionnaire, generated time.Time) error {
	sh := CaptureScale
	if err := sheet.Widths(f, sh, 16, 30, 80); err != nil {
		return err
	}
	facts := [][2]string{
		{"Questionnaire", q.ID},
		{"Version", q.Version},
		{"Title", q.Title},
		{"Generated", generated.UTC().Format(time.DateOnly)},
	}
	row := 1
	for _, kv := range facts {
		if err := sheet.Set(f, sh, 1, row, kv[0], st.label); err != nil {
			return err
		}
		if err := sheet.Set(f, sh, 2, row, kv[1], st.text); err != nil {
			return err
		}
		row++
	}
	row++
	for i, h := range []string{"Level", "Label"} {
		if err := sheet.Set(f, sh, i+1, row, h, st.header); err != nil {
			return err
		}
	}
	row++
	for l := q.Scale.Min; l <= q.Scale.Max; l++ {
		if err := sheet.Set(f, sh, 1, row, l, st.text); err != nil {
			return err
		}
		if err := sheet.Set(f, sh, 2, row, q.Scale.Label(l), st.text); err != nil {
			return err
		}
		row++
	}
	for _, kv := range [][2]string{{"na", "Does not apply to you"}, {"(empty)", "You do not know"}} {
		if err := sheet.Set(f, sh, 1, row, kv[0], st.text); err != nil {
			return err
		}
		if err := sheet.Set(f, sh, 2, row, kv[1], st.text); err != nil {
			return err
		}
		row++
	}
	row++
	if err := sheet.Set(f, sh, 1, row, "How to answer", st.title); err != nil {
		return err
	}
	row++
	guide := [][2]string{
		{"Documented", "What the handbook, policy or tool configuration says should happen. No written process: 0 or 1."},
		{"Actual", "What really happens on a busy day, judged from tickets, records and people, not from the handbook. " +
			"Rate it on its own: the difference between documented and actual is what the assessment measures."},
		{"Evidence", "Where you saw it: a document, a ticket, a report. Optional, and it makes the rating credible."},
		{"Note", "Anything the facilitator should know: a team that works differently, a recent change."},
		{"Help", "Where to look for each statement."},
	}
	for _, kv := range guide {
		if err := sheet.Set(f, sh, 1, row, kv[0], st.label); err != nil {
			return err
		}
		if err := f.MergeCell(sh, sheet.Ref(2, row), sheet.Ref(3, row)); err != nil {
			return err
		}
		if err := sheet.Set(f, sh, 2, row, kv[1], st.wrap); err != nil {
			return err
		}
		if err := f.SetRowHeight(sh, row, float64(sheet.Lines(kv[1], 110))*15); err != nil {
			return err
		}
		row++
	}
	return captureProtect(f, sh, false)
}
