package xlsx

import (
	"fmt"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// Fact labels of the Summary sheet, in column A beside their values.
const (
	FactOrganization  = "Organisation"
	FactAssessment    = "Assessment"
	FactDate          = "Date"
	FactQuestionnaire = "Questionnaire"
	FactRespondents   = "Respondents"
	FactTeams         = "Teams"
	FactWithheld      = "Not shown on their own"
	FactActual        = "Overall actual"
	FactDocumented    = "Overall documented"
	FactDrift         = "Drift (documented − actual)"
	FactLevel         = "Overall level"
	FactLabel         = "Level label"
	FactCoverage      = "Coverage"
	FactRollout       = "Rollout advice"
	FactBaseline      = "Baseline"
)

func (wb *workbook) summary(p *page) error {
	r := wb.r.Score
	o := r.Overall
	p.put(1, 1, wb.title("ITSM maturity assessment: "+r.Assessment.Organization))
	p.titleRows = 1
	teams := strings.Join(r.Teams, ", ")
	if teams == "" {
		teams = format.NoData
	}
	facts := [][]cell{
		{wb.txt(FactOrganization), wb.txt(r.Assessment.Organization)},
		{wb.txt(FactAssessment), wb.txt(r.Assessment.ID)},
		{wb.txt(FactDate), wb.date(r.Assessment.Date)},
		{wb.txt(FactQuestionnaire), wb.txt(r.Questionnaire.ID + " " + r.Questionnaire.Version)},
		{wb.txt(FactRespondents), cell{v: r.Respondents, style: wb.s.intLeft}},
		{wb.txt(FactTeams), wb.txt(teams)},
	}
	if w := r.Withheld; w.Teams+w.Roles > 0 {
		facts = append(facts, []cell{wb.txt(FactWithheld), wb.txt(withheldText(w))})
	}
	left := func(c cell, style int) cell { c.style = style; return c }
	facts = append(facts,
		[]cell{wb.txt(FactActual), left(wb.n(o.Actual), wb.s.numLeft)},
		[]cell{wb.txt(FactDocumented), left(wb.n(o.Documented), wb.s.numLeft)},
		[]cell{wb.txt(FactDrift), left(wb.n(o.Drift), wb.s.numLeft)},
		[]cell{wb.txt(FactLevel), left(wb.lvl(o.Level), wb.s.intLeft)},
		[]cell{wb.txt(FactLabel), wb.opt(o.Label)},
		[]cell{wb.txt(FactCoverage), left(wb.p(o.Coverage), wb.s.pctLeft)},
	)
	if b := wb.r.BaselineScore; b != nil {
		facts = append(facts, []cell{wb.txt(FactBaseline), wb.txt(fmt.Sprintf("%s (%s): see the Progress sheet", b.Assessment.ID, b.Assessment.Date))})
	}
	facts = append(facts, []cell{wb.txt(FactRollout), wb.txt(wb.r.Plan.Rollout.Mode)})
	for _, reason := range wb.r.Plan.Rollout.Reasons {
		facts = append(facts, []cell{wb.txt(""), wb.txt(reason)})
	}
	next := p.table(1, 3, []string{"Fact", "Value"}, facts)
	// readiness under the facts: yes, no, or unknown (left empty)
	var ready [][]cell
	for _, c := range wb.r.Plan.Readiness {
		ready = append(ready, []cell{wb.txt(c.Name()), wb.txt(c.Advice), wb.txt(c.Status)})
	}
	p.table(1, next+1, []string{"Readiness", "Advice", "Ready"}, ready)
	p.caps[2] = 60
	p.fixed[4] = 3 // a gap before the dimensions
	// dimension scores beside the facts, read by the radar chart
	var dims [][]cell
	for _, d := range r.Dimensions {
		dims = append(dims, []cell{wb.txt(d.DisplayName()), wb.n(d.Documented), wb.n(d.Actual), wb.n(d.Target)})
	}
	const dc, dr = 5, 3 // column E, row 3
	p.table(dc, dr, []string{"Dimension", "Documented", "Actual", "Target"}, dims)
	if len(dims) == 0 {
		return nil
	}
	p.after = append(p.after, func() error {
		if err := wb.colourScale(p.name, sheet.Ref(dc+1, dr+1)+":"+sheet.Ref(dc+3, dr+len(dims))); err != nil {
			return err
		}
		var series []excelize.ChartSeries
		colours := []string{"8EA9DB", "C0504D", "9BBB59"}
		for i := range 3 {
			series = append(series, excelize.ChartSeries{
				Name:       sheet.AbsRef(p.name, dc+1+i, dr, dc+1+i, dr),
				Categories: sheet.AbsRef(p.name, dc, dr+1, dc, dr+len(dims)),
				Values:     sheet.AbsRef(p.name, dc+1+i, dr+1, dc+1+i, dr+len(dims)),
				Line:       excelize.LineOptions{Width: 2.25},
				Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}}},
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
			})
		}
		minV, maxV := float64(r.Scale.Min), float64(r.Scale.Max)
		return wb.f.AddChart(p.name, sheet.Ref(dc, dr+len(dims)+2), &excelize.Chart{
			Type:      excelize.Radar,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Documented, actual and target by dimension"}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			YAxis:     excelize.ChartAxis{Minimum: &minV, Maximum: &maxV, MajorUnit: 1},
			Dimension: excelize.ChartDimension{Width: 480, Height: 360},
		})
	})
	return nil
}

// withheldText says how many groups are not shown on their own, and why.
func withheldText(w assess.Withheld) string {
	var parts []string
	if w.Teams > 0 {
		parts = append(parts, plural.Count(w.Teams, "team", "teams"))
	}
	if w.Roles > 0 {
		parts = append(parts, plural.Count(w.Roles, "role", "roles"))
	}
	return fmt.Sprintf("%s with fewer than %d respondents (scoring.min_group); their answers count in every overall score",
		strings.Join(parts, " and "), w.MinGroup)
}

// Practices sheet headers.
var practiceHeader = []string{"Practice", "ID", "Weight", "Target", "Documented", "Actual", "Drift", "Level", "Label", "Weakest dimension",
	"Control gap", "Capability gap", "Target gap", "Coverage", "Team spread"}

func (wb *workbook) practices(p *page) error {
	r := wb.r.Score
	var rows [][]cell
	for _, ps := range r.AttentionPractices() {
		rows = append(rows, []cell{wb.txt(ps.Name), wb.txt(ps.ID), wb.f64(ps.Weight), wb.i(ps.Target), wb.n(ps.Documented), wb.n(ps.Actual),
			wb.n(ps.Drift), wb.lvl(ps.Level), wb.opt(ps.Label), wb.txt(ps.Weakest), wb.n(ps.ControlGap), wb.n(ps.CapabilityGap),
			wb.n(ps.TargetGap), wb.p(ps.Coverage), wb.n(ps.TeamSpread)})
	}
	p.listTable(practiceHeader, rows)
	n := len(rows)
	if n == 0 {
		return nil
	}
	p.after = append(p.after, func() error {
		if err := wb.colourScale(p.name, fmt.Sprintf("E2:F%d", n+1)); err != nil {
			return err
		}
		// a bar chart of documented, actual and target per practice
		var series []excelize.ChartSeries
		colours := []string{"8EA9DB", "C0504D", "9BBB59"}
		for i, col := range []int{5, 6, 4} {
			series = append(series, excelize.ChartSeries{
				Name:       sheet.AbsRef(p.name, col, 1, col, 1),
				Categories: sheet.AbsRef(p.name, 1, 2, 1, n+1),
				Values:     sheet.AbsRef(p.name, col, 2, col, n+1),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
			})
		}
		minV, maxV := float64(r.Scale.Min), float64(r.Scale.Max)
		return wb.f.AddChart(p.name, sheet.Ref(1, n+4), &excelize.Chart{
			Type:      excelize.Bar,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Practices: documented, actual and target"}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true},
			YAxis:     excelize.ChartAxis{Minimum: &minV, Maximum: &maxV, MajorUnit: 1},
			Dimension: excelize.ChartDimension{Width: 760, Height: uint(max(300, 40*n+120))},
		})
	})
	return nil
}

func (wb *workbook) heatmap(p *page) error {
	r := wb.r.Score
	ordered := r.AttentionPractices()
	header := []string{"Practice (actual)"}
	for _, d := range r.Dimensions {
		header = append(header, d.DisplayName())
	}
	header = append(header, "Overall", "Level")
	var rows [][]cell
	for _, ps := range ordered {
		row := []cell{wb.txt(ps.Name)}
		for _, d := range r.Dimensions {
			row = append(row, wb.n(ps.Cell(d.ID).Actual))
		}
		rows = append(rows, append(row, wb.n(ps.Actual), wb.lvl(ps.Level)))
	}
	next := p.listTable(header, rows)
	if len(rows) > 0 {
		ref := "B2:" + sheet.Ref(len(r.Dimensions)+2, len(rows)+1)
		p.after = append(p.after, func() error { return wb.colourScale(p.name, ref) })
	}
	start := next + 2
	if len(r.Teams) > 0 {
		th := append([]string{"Practice (actual by team)"}, r.Teams...)
		th = append(th, "Spread")
		var trows [][]cell
		for _, ps := range ordered {
			row := []cell{wb.txt(ps.Name)}
			for _, g := range ps.Teams {
				row = append(row, wb.n(g.Actual))
			}
			trows = append(trows, append(row, wb.n(ps.TeamSpread)))
		}
		next = p.table(1, start, th, trows)
		ref := sheet.Ref(2, start+1) + ":" + sheet.Ref(len(r.Teams)+1, start+len(trows))
		p.after = append(p.after, func() error { return wb.colourScale(p.name, ref) })
		start = next
	}
	if w := r.Withheld; w.Teams > 0 {
		p.put(1, start, wb.note("Teams "+withheldText(assess.Withheld{Teams: w.Teams, MinGroup: w.MinGroup})+"."))
	}
	return nil
}

// Gaps sheet headers.
var gapHeader = []string{"Question", "Practice", "Dimension", "Kind", "Documented", "Actual", "Gap", "Statement"}

func (wb *workbook) gaps(p *page) error {
	r := wb.r.Score
	var rows [][]cell
	for _, q := range r.GapQuestions(0) {
		rows = append(rows, []cell{wb.txt(q.ID), wb.txt(q.Practice), wb.txt(q.Dimension), wb.txt(q.Kind), wb.n(q.Documented), wb.n(q.Actual), wb.n(q.Gap), wb.txt(q.Text)})
	}
	p.listTable(gapHeader, rows)
	p.caps[8] = 80
	if len(rows) > 0 {
		ref := fmt.Sprintf("E2:F%d", len(rows)+1)
		p.after = append(p.after, func() error { return wb.colourScale(p.name, ref) })
	}
	return nil
}

func (wb *workbook) consensus(p *page) error {
	r := wb.r.Score
	var rows [][]cell
	for _, q := range r.DisagreementQuestions() {
		rows = append(rows, []cell{wb.txt(q.ID), wb.txt(q.Practice), wb.i(q.N), wb.i(*q.MinActual), wb.i(*q.MaxActual),
			wb.lvl(q.Spread), wb.n(q.Actual), wb.n(q.Documented), wb.txt(q.Text)})
	}
	p.listTable([]string{"Question", "Practice", "Answers", "Lowest actual", "Highest actual", "Spread", "Actual", "Documented", "Statement"}, rows)
	p.caps[9] = 80
	if len(rows) == 0 {
		p.put(1, 2, wb.note("No question has a spread of actual answers wide enough to flag: the ratings broadly agree."))
	}
	return nil
}
