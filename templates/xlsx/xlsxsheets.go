package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/sheet"

	"github.com/itilmap/itilmap/assess"
	"github.com/xuri/excelize/v2"
)

func (wb *workbook) summary() error {
	r, sh := wb.r.Score, SheetSummary
	if err := wb.widths(sh, 28, 50, 7, 3, 16, 13, 10, 10); err != nil {
		return err
	}
	o := r.Overall
	if err := wb.row(sh, 1, 1, cell{"ITSM maturity assessment: " + r.Assessment.Organization, wb.s.title}); err != nil {
		return err
	}
	facts := [][]cell{
		{wb.txt("Organisation"), wb.txt(r.Assessment.Organization)},
		{wb.txt("Assessment"), wb.txt(r.Assessment.ID)},
		{wb.txt("Date"), wb.txt(r.Assessment.Date.String())},
		{wb.txt("Questionnaire"), wb.txt(r.Questionnaire.ID + " " + r.Questionnaire.Version)},
		{wb.txt("Respondents"), wb.i(r.Respondents)},
		{wb.txt("Teams"), wb.txt(strings.Join(r.Teams, ", "))},
		{wb.txt("Overall actual"), wb.n(o.Actual)},
		{wb.txt("Overall documented"), wb.n(o.Documented)},
		{wb.txt("Drift (documented − actual)"), wb.n(o.Drift)},
		{wb.txt("Level"), wb.txt(format.Level(o.Level, o.Label))},
		{wb.txt("Coverage"), wb.p(o.Coverage)},
		{wb.txt("Rollout advice"), wb.txt(wb.r.Plan.Rollout.Mode)},
	}
	for _, reason := range wb.r.Plan.Rollout.Reasons {
		facts = append(facts, []cell{wb.txt(""), wb.wrp(reason)})
	}
	next, err := wb.table(sh, 1, 3, []string{"Fact", "Value"}, facts, false)
	if err != nil {
		return err
	}
	// readiness under the facts
	var ready [][]cell
	for _, c := range wb.r.Plan.Readiness {
		ok := "no"
		if c.OK {
			ok = "yes"
		}
		ready = append(ready, []cell{wb.txt(strings.ReplaceAll(c.Item, "_", " ")), wb.wrp(c.Advice), wb.txt(ok)})
	}
	if _, err := wb.table(sh, 1, next+1, []string{"Readiness", "Advice", "Ready"}, ready, false); err != nil {
		return err
	}
	// dimension scores beside the facts, read by the radar chart
	var dims [][]cell
	for _, d := range r.Dimensions {
		dims = append(dims, []cell{wb.txt(d.DisplayName()), wb.n(d.Documented), wb.n(d.Actual), wb.n(d.Target)})
	}
	const dc, dr = 5, 3 // column E, row 3
	if _, err := wb.table(sh, dc, dr, []string{"Dimension", "Documented", "Actual", "Target"}, dims, false); err != nil {
		return err
	}
	if len(dims) > 0 {
		if err := wb.colourScale(sh, sheet.Ref(dc+1, dr+1)+":"+sheet.Ref(dc+3, dr+len(dims))); err != nil {
			return err
		}
		var series []excelize.ChartSeries
		colours := []string{"8EA9DB", "C0504D", "9BBB59"}
		for i := range 3 {
			series = append(series, excelize.ChartSeries{
				Name:       sheet.AbsRef(sh, dc+1+i, dr, dc+1+i, dr),
				Categories: sheet.AbsRef(sh, dc, dr+1, dc, dr+len(dims)),
				Values:     sheet.AbsRef(sh, dc+1+i, dr+1, dc+1+i, dr+len(dims)),
				Line:       excelize.LineOptions{Width: 2.25},
				Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}}},
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
			})
		}
		minV, maxV := float64(r.Scale.Min), float64(r.Scale.Max)
		if err := wb.f.AddChart(sh, sheet.Ref(dc, dr+len(dims)+2), &excelize.Chart{
			Type:   excelize.Radar,
			Series: series,
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Documented, actual and target by dimension"}}},
			Legend: excelize.ChartLegend{Position: "bottom"},
			YAxis:  excelize.ChartAxis{Minimum: &minV, Maximum: &maxV, MajorUnit: 1},
			Format: excelize.GraphicOptions{ScaleX: 1.1, ScaleY: 1.4},
			Dimension: excelize.ChartDimension{
				Width: 520, Height: 380,
			},
		}); err != nil {
			return err
		}
	}
	return nil
}

func (wb *workbook) practices() error {
	r, sh := wb.r.Score, SheetPractices
	if err := wb.widths(sh, 34, 30, 8, 8, 12, 10, 10, 7, 12, 18, 12, 14, 12, 10, 12); err != nil {
		return err
	}
	header := []string{"Practice", "ID", "Weight", "Target", "Documented", "Actual", "Drift", "Level", "Label", "Weakest dimension",
		"Control gap", "Capability gap", "Target gap", "Coverage", "Team spread"}
	var rows [][]cell
	ordered := r.AttentionPractices()
	for _, p := range ordered {
		label := ""
		if p.Label != nil {
			label = *p.Label
		}
		rows = append(rows, []cell{wb.txt(p.Name), wb.txt(p.ID), wb.f64(p.Weight), wb.i(p.Target), wb.n(p.Documented), wb.n(p.Actual),
			wb.n(p.Drift), wb.lvl(p.Level), wb.txt(label), wb.txt(p.Weakest), wb.n(p.ControlGap), wb.n(p.CapabilityGap),
			wb.n(p.TargetGap), wb.p(p.Coverage), wb.n(p.TeamSpread)})
	}
	if _, err := wb.table(sh, 1, 1, header, rows, true); err != nil {
		return err
	}
	if n := len(rows); n > 0 {
		if err := wb.colourScale(sh, "E2:F"+fmt.Sprint(n+1)); err != nil {
			return err
		}
		// a bar chart of documented, actual and target per practice
		var series []excelize.ChartSeries
		for i, col := range []int{5, 6, 4} {
			colours := []string{"8EA9DB", "C0504D", "9BBB59"}
			series = append(series, excelize.ChartSeries{
				Name:       sheet.AbsRef(sh, col, 1, col, 1),
				Categories: sheet.AbsRef(sh, 1, 2, 1, n+1),
				Values:     sheet.AbsRef(sh, col, 2, col, n+1),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
			})
		}
		minV, maxV := float64(r.Scale.Min), float64(r.Scale.Max)
		if err := wb.f.AddChart(sh, sheet.Ref(1, n+4), &excelize.Chart{
			Type:   excelize.Bar,
			Series: series,
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Practices: documented, actual and target"}}},
			Legend: excelize.ChartLegend{Position: "bottom"},
			XAxis:  excelize.ChartAxis{ReverseOrder: true},
			YAxis:  excelize.ChartAxis{Minimum: &minV, Maximum: &maxV, MajorUnit: 1},
			Dimension: excelize.ChartDimension{
				Width: 760, Height: uint(max(300, 40*n+120)),
			},
		}); err != nil {
			return err
		}
	}
	return nil
}

func (wb *workbook) heatmap() error {
	r, sh := wb.r.Score, SheetHeatmap
	ordered := r.AttentionPractices()
	header := []string{"Practice (actual)"}
	for _, d := range r.Dimensions {
		header = append(header, d.DisplayName())
	}
	header = append(header, "Overall", "Level")
	var rows [][]cell
	for _, p := range ordered {
		row := []cell{wb.txt(p.Name)}
		for _, d := range r.Dimensions {
			var v assess.Num
			for _, c := range p.Dimensions {
				if c.ID == d.ID {
					v = c.Actual
				}
			}
			row = append(row, wb.n(v))
		}
		row = append(row, wb.n(p.Actual), wb.lvl(p.Level))
		rows = append(rows, row)
	}
	next, err := wb.table(sh, 1, 1, header, rows, true)
	if err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := wb.colourScale(sh, "B2:"+sheet.Ref(len(r.Dimensions)+2, len(rows)+1)); err != nil {
			return err
		}
	}
	if len(r.Teams) > 0 {
		th := append([]string{"Practice (actual by team)"}, r.Teams...)
		th = append(th, "Spread")
		var trows [][]cell
		for _, p := range ordered {
			row := []cell{wb.txt(p.Name)}
			for _, g := range p.Teams {
				row = append(row, wb.n(g.Actual))
			}
			trows = append(trows, append(row, wb.n(p.TeamSpread)))
		}
		start := next + 2
		if _, err := wb.table(sh, 1, start, th, trows, false); err != nil {
			return err
		}
		if err := wb.colourScale(sh, sheet.Ref(2, start+1)+":"+sheet.Ref(len(r.Teams)+1, start+len(trows))); err != nil {
			return err
		}
	}
	widths := []float64{36}
	for range max(len(r.Dimensions), len(r.Teams)) + 2 {
		widths = append(widths, 14)
	}
	return wb.widths(sh, widths...)
}

func (wb *workbook) gaps() error {
	r, sh := wb.r.Score, SheetGaps
	if err := wb.widths(sh, 12, 30, 12, 11, 12, 10, 8, 90); err != nil {
		return err
	}
	var rows [][]cell
	for _, q := range r.GapQuestions(0) {
		rows = append(rows, []cell{wb.txt(q.ID), wb.txt(q.Practice), wb.txt(q.Dimension), wb.txt(q.Kind), wb.n(q.Documented), wb.n(q.Actual), wb.n(q.Gap), wb.wrp(q.Text)})
	}
	if _, err := wb.table(sh, 1, 1, []string{"Question", "Practice", "Dimension", "Kind", "Documented", "Actual", "Gap", "Statement"}, rows, true); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := wb.colourScale(sh, "E2:F"+fmt.Sprint(len(rows)+1)); err != nil {
			return err
		}
	}
	return nil
}

func (wb *workbook) consensus() error {
	r, sh := wb.r.Score, SheetConsensus
	if err := wb.widths(sh, 12, 30, 9, 13, 14, 8, 9, 12, 90); err != nil {
		return err
	}
	var rows [][]cell
	for _, q := range r.DisagreementQuestions() {
		rows = append(rows, []cell{wb.txt(q.ID), wb.txt(q.Practice), wb.i(q.N), wb.i(*q.MinActual), wb.i(*q.MaxActual),
			wb.i(*q.MaxActual - *q.MinActual), wb.n(q.Actual), wb.n(q.Documented), wb.wrp(q.Text)})
	}
	if _, err := wb.table(sh, 1, 1, []string{"Question", "Practice", "Answers", "Lowest actual", "Highest actual", "Spread", "Actual", "Documented", "Statement"}, rows, true); err != nil {
		return err
	}
	return nil
}

func (wb *workbook) outcomes() error {
	sh := SheetOutcomes
	if err := wb.widths(sh, 6, 22, 40, 9, 60, 22, 8, 10, 10, 12, 40, 22, 14); err != nil {
		return err
	}
	var rows [][]cell
	for _, o := range wb.r.Outcomes {
		var id, unit string
		var base, target assess.Num
		if m := o.Metric; m != nil {
			id, unit, base, target = m.ID, m.Unit, m.Baseline, m.Target
		}
		needs := "no"
		if o.NeedsBaseline {
			needs = "yes"
		}
		rows = append(rows, []cell{wb.i(o.Rank), wb.txt(o.ID), wb.wrp(o.Title), wb.f64(o.Priority), wb.wrp(o.Statement), wb.txt(id), wb.txt(unit),
			wb.n(base), wb.n(target), wb.txt(o.By.String()), wb.txt(strings.Join(o.Practices, ", ")), wb.txt(o.Owner), wb.txt(needs)})
	}
	if _, err := wb.table(sh, 1, 1, []string{"Rank", "ID", "Pain point", "Priority", "Outcome", "Metric", "Unit", "Baseline", "Target", "By", "Practices", "Owner", "Needs baseline"}, rows, true); err != nil {
		return err
	}
	return nil
}

func (wb *workbook) roadmap() error {
	rm, sh := wb.r.Plan, SheetRoadmap
	if err := wb.widths(sh, 13, 6, 30, 16, 50, 60, 10, 9, 12, 16, 22, 26, 14, 12, 12); err != nil {
		return err
	}
	var rows [][]cell
	for _, ph := range rm.Phases {
		for _, ini := range ph.Initiatives {
			rows = append(rows, []cell{wb.txt(ph.ID), wb.txt(ini.ID), wb.txt(ini.PracticeName), wb.txt(ini.Dimension), wb.wrp(ini.Title),
				wb.wrp(strings.Join(ini.Actions, "\n")), wb.i(ini.FromLevel), wb.i(ini.ToLevel), wb.txt(ini.Fix),
				wb.txt(strings.ReplaceAll(ini.Owner.Role, "_", " ")), wb.txt(ini.Owner.Name), wb.txt(strings.Join(ini.Outcomes, ", ")),
				wb.txt(strings.Join(ini.DependsOn, ", ")), wb.txt(ph.Start.String()), wb.txt(ph.End.String())})
		}
	}
	next, err := wb.table(sh, 1, 1, []string{"Phase", "ID", "Practice", "Weakest dimension", "Initiative", "Actions", "From level", "To level",
		"Fix", "Owner role", "Owner", "Outcomes", "Depends on", "Phase start", "Phase end"}, rows, true)
	if err != nil {
		return err
	}
	var exits, adoption, backlog [][]cell
	for _, ph := range rm.Phases {
		for _, c := range ph.ExitCriteria {
			exits = append(exits, []cell{wb.txt(ph.ID), wb.wrp(c)})
		}
		for _, c := range ph.Adoption {
			adoption = append(adoption, []cell{wb.txt(ph.ID), wb.wrp(c)})
		}
	}
	for _, b := range rm.Backlog {
		backlog = append(backlog, []cell{wb.txt(b.Phase), wb.wrp(b.Practice + ": " + b.Reason)})
	}
	for _, t := range []struct {
		head string
		rows [][]cell
	}{{"Exit criteria", exits}, {"Adoption", adoption}, {"Backlog", backlog}} {
		if next, err = wb.table(sh, 1, next+1, []string{"Phase", t.head}, t.rows, false); err != nil {
			return err
		}
	}
	return nil
}

func (wb *workbook) timeline() error {
	rm, sh := wb.r.Plan, SheetTimeline
	if len(rm.Phases) == 0 {
		return nil
	}
	first, last := rm.Phases[0].Start.Time, rm.Phases[len(rm.Phases)-1].End.Time
	var months []string
	for m := first.AddDate(0, 0, 1-first.Day()); !m.After(last); m = m.AddDate(0, 1, 0) {
		months = append(months, m.Format("2006-01"))
	}
	header := append([]string{"Phase / initiative", "Start", "End"}, months...)
	var rows [][]cell
	var fills [][2]int // row, phase index
	for k, ph := range rm.Phases {
		rows = append(rows, []cell{{strings.ToUpper(ph.ID[:1]) + ph.ID[1:], wb.s.bold}, wb.txt(ph.Start.String()), wb.txt(ph.End.String())})
		fills = append(fills, [2]int{len(rows), k})
		for _, ini := range ph.Initiatives {
			rows = append(rows, []cell{wb.txt("  " + ini.ID + " " + ini.PracticeName), wb.txt(ph.Start.String()), wb.txt(ph.End.String())})
			fills = append(fills, [2]int{len(rows), k})
		}
	}
	if _, err := wb.table(sh, 1, 1, header, rows, false); err != nil {
		return err
	}
	if err := wb.freeze(sh, 1); err != nil {
		return err
	}
	for _, fl := range fills {
		ph := rm.Phases[fl[1]]
		startM := ph.Start.Format("2006-01")
		endM := ph.End.Format("2006-01")
		for i, m := range months {
			if m >= startM && m <= endM {
				c := sheet.Ref(4+i, fl[0]+1)
				if err := wb.f.SetCellStyle(sh, c, c, wb.s.phase[fl[1]]); err != nil {
					return err
				}
			}
		}
	}
	widths := []float64{40, 12, 12}
	for range months {
		widths = append(widths, 8)
	}
	return wb.widths(sh, widths...)
}

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
	value := func(v assess.Value) any {
		switch {
		case v == assess.NA:
			return excelize.Cell{Value: "na"}
		case v.Known():
			return int(v)
		}
		return nil
	}
	part, sheet := 1, SheetAnswers
	sw, err := wb.answerSheet(sheet)
	if err != nil {
		return err
	}
	row := 2
	vals := make([]any, len(answerHeader))
	for _, resp := range a.Responses {
		rp := resp.Respondent
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
			practice, dim := "", ""
			if qu := q.Question(ans.Question); qu != nil {
				practice, dim = qu.Practice, qu.Dimension
			}
			vals[0], vals[1], vals[2], vals[3] = text(rp.ID), text(rp.Name), text(rp.Role), text(rp.Team)
			vals[4], vals[5], vals[6] = text(practice), text(dim), text(ans.Question)
			vals[7], vals[8] = value(ans.Documented), value(ans.Actual)
			vals[9], vals[10], vals[11] = text(ans.Evidence), text(ans.Note), text(resp.File)
			cellRef, _ := excelize.CoordinatesToCellName(1, row)
			if err := sw.SetRow(cellRef, vals); err != nil {
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
	landscape, fit, free, fitToPage := "landscape", 1, 0, true
	if err := wb.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &fit, FitToHeight: &free}); err != nil {
		return nil, err
	}
	if err := wb.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return nil, err
	}
	return wb.answerSheet(name)
}

// answerSheet starts streaming an Answers sheet: widths, frozen header.
func (wb *workbook) answerSheet(name string) (*excelize.StreamWriter, error) {
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

// text stores a string from an input file as a text cell: the stream writer
// would otherwise keep an empty value or read nothing special, and a leading
// "=" must never become a formula.
func text(s string) any {
	if s == "" {
		return nil
	}
	return excelize.Cell{Value: s}
}
