package pdf

import (
	"fmt"
	"strconv"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/roadmap"
)

// pdfLevelMove writes a level change "1 → 2 (up)", or what is known of it.
func pdfLevelMove(from, to *int, change *string) string {
	lv := func(l *int) string {
		if l == nil {
			return format.NoData
		}
		return strconv.Itoa(*l)
	}
	s := lv(from) + " → " + lv(to)
	if change != nil {
		s += " (" + *change + ")"
	}
	return s
}

// questionActual is a question's actual score in assessment id (no data
// when that assessment does not have it).
func questionActual(q roadmap.QuestionChange, id string) assess.Num {
	p, _ := q.At(id)
	return p.Actual
}

// progressPage is the "Progress since baseline" section, when the report
// was made with a baseline: overall and practice changes with their
// levels, the questions that moved most, and the metrics measured again.
func (d *pdfDoc) progressPage() {
	pr := d.r.Progress
	if pr == nil || len(pr.Assessments) < 2 || len(pr.Overall) < 2 {
		return
	}
	f := d.f
	base, now := pr.Assessments[0], pr.Assessments[len(pr.Assessments)-1]
	d.section("Progress since baseline")
	d.para(fmt.Sprintf("This assessment (%s, %s) against the baseline %s of %s. %s of the baseline's questions are asked again and compared; a question counts as improved or regressed when its actual consensus moved by %s or more.",
		now.ID, now.Date.String(), base.ID, base.Date.String(), format.Pct(assess.Some(pr.SharedQuestions)), strconv.FormatFloat(roadmap.ChangeThreshold, 'f', -1, 64)),
		"", pdfBodySize, pdfInk)
	if len(pr.Warnings) > 0 {
		f.Ln(1)
		d.font("", 8.5)
		for _, w := range pr.Warnings {
			d.paraAt(pdfMarginX, pdfContentW, "Note: "+w, "", 8.5, pdfMuted)
		}
	}
	f.Ln(3)

	o0, o1 := pr.Overall[0], pr.Overall[len(pr.Overall)-1]
	d.kpis([]pdfKPI{
		{"Overall level", pdfLevelMove(o0.Level, o1.Level, nil), "the baseline's level, then this assessment's"},
		{"Actual practice", format.Signed(o1.DeltaActual), format.Num(o0.Actual) + " at the baseline, " + format.Num(o1.Actual) + " now"},
		{"Documented practice", format.Signed(o1.DeltaDocumented), format.Num(o0.Documented) + " at the baseline, " + format.Num(o1.Documented) + " now"},
	})

	d.heading("Practices", 30)
	d.progressChart(pr, base.ID, now.ID)
	f.Ln(3)
	var rows [][]string
	var moves []*string
	for _, t := range pr.Practices {
		p0, ok0 := t.At(base.ID)
		p1, ok1 := t.At(now.ID)
		name := format.Dash(t.Name)
		switch {
		case !ok0:
			rows = append(rows, []string{name, format.NoData, format.Num(p1.Actual), format.NoData, "only in " + now.ID})
		case !ok1:
			rows = append(rows, []string{name, format.Num(p0.Actual), format.NoData, format.NoData, "only in " + base.ID})
		default:
			rows = append(rows, []string{name, format.Num(p0.Actual), format.Num(p1.Actual), format.Signed(t.DeltaActual), pdfLevelMove(p0.Level, p1.Level, t.LevelChange)})
		}
		moves = append(moves, t.LevelChange)
	}
	if len(rows) == 0 {
		d.para("Neither assessment has a practice in scope.", "I", pdfBodySize, pdfMuted)
	} else {
		d.table(pdfTable{Rows: rows, Size: 9, Continued: "Progress by practice", ColLines: []int{4}, Cols: []pdfCol{
			{"Practice", 62, ""}, {"Actual at baseline", 26, "R"}, {"Actual now", 24, "R"}, {"Change", 22, "R"}, {"Level", 36, ""},
		}, Color: func(r, c int) (pdfColor, bool) {
			if c != 4 || moves[r] == nil {
				return pdfColor{}, false
			}
			switch *moves[r] {
			case roadmap.LevelUp:
				return pdfPlanned, true
			case roadmap.LevelDown:
				return pdfSignal, true
			}
			return pdfColor{}, false
		}})
	}

	for _, ch := range []struct{ change, title, empty string }{
		{roadmap.Improved, "Questions that improved most", "No question improved by the threshold or more."},
		{roadmap.Regressed, "Questions that regressed most", "No question regressed by the threshold or more."},
	} {
		d.heading(ch.title, 20)
		qs := pr.MostChanged(ch.change)
		qs = qs[:min(len(qs), 5)]
		if len(qs) == 0 {
			d.para(ch.empty, "I", 9, pdfMuted)
			continue
		}
		rows = nil
		for _, q := range qs {
			rows = append(rows, []string{q.ID, q.Text, format.Num(questionActual(q, base.ID)), format.Num(questionActual(q, now.ID)), format.Signed(q.DeltaActual)})
		}
		d.table(pdfTable{Rows: rows, Size: 8.5, Continued: ch.title, Cols: []pdfCol{
			{"Question", 22, ""}, {"Statement", 88, ""}, {"Baseline", 20, "R"}, {"Now", 18, "R"}, {"Change", 22, "R"},
		}, Style: func(_, c int) string {
			if c == 4 {
				return "B"
			}
			return ""
		}})
	}

	d.heading("Metrics measured again", 20)
	if len(pr.Metrics) == 0 {
		d.para("No pain point of the baseline is recorded again: there is no metric to compare.", "I", 9, pdfMuted)
		return
	}
	rows = nil
	for _, m := range pr.Metrics {
		name := m.Name
		if name == "" && m.Metric != nil {
			name = *m.Metric
		}
		unit := func(n assess.Num) string {
			if !n.Valid || m.Unit == "" {
				return format.Num(n)
			}
			if m.Unit == "%" {
				return format.Num(n) + "%"
			}
			return format.Num(n) + " " + m.Unit
		}
		rows = append(rows, []string{format.Dash(m.Title), format.Dash(name), unit(m.Baseline), unit(m.Target), unit(m.Now), format.Percent(m.Progress), m.Status})
	}
	d.table(pdfTable{Rows: rows, Size: 8.5, Continued: "Metrics measured again", Cols: []pdfCol{
		{"Pain point", 40, ""}, {"Metric", 31, ""}, {"Baseline", 19, "R"}, {"Target", 19, "R"}, {"Now", 19, "R"}, {"Progress", 17, "R"}, {"Status", 25, ""},
	}, Style: func(_, c int) string {
		if c == 6 {
			return "B"
		}
		return ""
	}, Color: func(r, c int) (pdfColor, bool) {
		if c != 6 {
			return pdfColor{}, false
		}
		switch pr.Metrics[r].Status {
		case roadmap.StatusMet, roadmap.StatusProgressing:
			return pdfPlanned, true
		case roadmap.StatusWorse:
			return pdfSignal, true
		}
		return pdfMuted, true
	}})
	f.Ln(1)
	d.para("Progress = (baseline − now) / (baseline − target): 100% means the target is met.", "", 8, pdfMuted)
}

// progressChart draws each practice scored in both assessments as a
// dumbbell: its baseline actual (grey) and its actual now (accent),
// joined by a line, green when it rose and amber when it fell.
func (d *pdfDoc) progressChart(pr *roadmap.Comparison, base, now string) {
	f := d.f
	type bar struct {
		name   string
		v0, v1 float64
	}
	var bars []bar
	for _, t := range pr.Practices {
		p0, ok0 := t.At(base)
		p1, ok1 := t.At(now)
		if ok0 && ok1 && p0.Actual.Valid && p1.Actual.Valid {
			bars = append(bars, bar{t.Name, p0.Actual.Value, p1.Actual.Value})
		}
	}
	if len(bars) == 0 {
		return
	}
	sc := d.r.Score.Scale
	span := newScaleSpan(sc)
	const labelW, rowH = 56.0, 7.0
	x0, x1 := pdfMarginX+labelW+4, pdfPageW-pdfMarginX-10
	xOf := func(v float64) float64 { return x0 + span.frac(v)*(x1-x0) }
	auto, margin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, margin)
	defer f.SetAutoPageBreak(auto, margin)
	axis := func() {
		y := f.GetY()
		d.font("", 7.5)
		d.textColor(pdfMuted)
		for l := sc.Min; l <= sc.Max; l++ {
			x := xOf(float64(l))
			f.SetXY(x-5, y)
			d.cell(10, 4, strconv.Itoa(l)+" "+d.scaleLabel(l), 0, "C")
		}
		f.SetY(y + 5)
	}
	d.need(5 + rowH*float64(min(len(bars), 3)) + 8)
	axis()
	for _, b := range bars {
		if f.GetY()+rowH > pdfBottom {
			f.AddPage()
			axis()
		}
		y := f.GetY()
		d.drawColor(pdfColor{228, 232, 237})
		f.SetLineWidth(0.1)
		for l := sc.Min; l <= sc.Max; l++ {
			f.Line(xOf(float64(l)), y, xOf(float64(l)), y+rowH)
		}
		d.font("", 8.5)
		d.textColor(pdfInk)
		f.SetXY(pdfMarginX, y)
		d.cell(labelW, rowH, d.ellipsis(b.name, labelW-2*pdfCellPad), 0, "L")
		c := pdfMuted
		switch {
		case b.v1 > b.v0:
			c = pdfGreen
		case b.v1 < b.v0:
			c = pdfSignal
		}
		d.drawColor(c)
		f.SetLineWidth(1.2)
		f.Line(xOf(b.v0), y+rowH/2, xOf(b.v1), y+rowH/2)
		d.fillColor(pdfMuted)
		f.Circle(xOf(b.v0), y+rowH/2, 1.3, "F")
		d.fillColor(pdfAccent)
		f.Circle(xOf(b.v1), y+rowH/2, 1.5, "F")
		f.SetY(y + rowH)
	}
	f.Ln(2)
	d.legend([]pdfLegend{{"baseline", pdfMuted, false, 0}, {"now", pdfAccent, false, 0}})
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}
