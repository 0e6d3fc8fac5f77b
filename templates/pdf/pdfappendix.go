package pdf

import (
	"fmt"
	"strconv"

	"github.com/itilmap/itilmap/internal/format"

	"github.com/itilmap/itilmap/assess"
)

// appendix gives every practice a page (or more): its scores, its
// dimension cells, its teams and its questions.
func (d *pdfDoc) appendix() {
	f := d.f
	r := d.r.Score
	d.section("Appendix: practices in detail")
	d.para("Each practice in questionnaire order: its scores, its dimensions, how each team sees it, and the consensus on each question. "+
		"A question's gap is documented minus actual for a control question (approvals, handoffs, records), and target minus actual for a capability question (skills, authority, tooling).",
		"", 9, pdfMuted)
	if len(r.Practices) == 0 {
		d.para("No practice is in scope.", "I", pdfBodySize, pdfMuted)
		return
	}
	for i, p := range r.Practices {
		if i > 0 {
			f.AddPage()
		} else {
			f.Ln(5)
		}
		d.practiceDetail(p)
	}
}

func (d *pdfDoc) practiceDetail(p assess.PracticeScore) {
	f := d.f
	r := d.r.Score
	name := p.Name
	if name == "" {
		name = p.ID
	}
	d.font("B", 15)
	title := d.clamp(d.lines(name, pdfContentW), 4, pdfContentW)
	d.need(float64(len(title))*7 + 40)
	d.mark(name, 1)
	d.textColor(pdfAccent)
	for _, l := range title {
		f.SetX(pdfMarginX)
		d.cell(pdfContentW, 7, l, 1, "L")
	}
	d.para(fmt.Sprintf("%s  ·  weight %s  ·  target level %d", p.ID, strconv.FormatFloat(p.Weight, 'f', -1, 64), p.Target), "", 8.5, pdfMuted)
	f.Ln(2)
	if !p.Actual.Valid {
		d.para("Nobody rated the actual practice of this practice: it has no score, and the roadmap cannot plan it until it is assessed.", "B", 9, pdfSignal)
		f.Ln(2)
	}

	d.scoreGrid([]pdfKPI{
		{"Documented", format.Num(p.Documented), ""},
		{"Actual", format.Num(p.Actual), ""},
		{"Drift", format.Num(p.Drift), ""},
		{"Target", strconv.Itoa(p.Target), ""},
		{"Level", format.Level(p.Level, p.Label), ""},
		{"Control gap", format.Num(p.ControlGap), ""},
		{"Capability gap", format.Num(p.CapabilityGap), ""},
		{"Target gap", format.Num(p.TargetGap), ""},
		{"Coverage", format.Pct(p.Coverage), ""},
		{"Weakest dimension", d.dimensionName(p.Weakest), ""},
	}, 5)

	d.heading("By dimension", 14)
	var rows [][]string
	var cells []assess.CellScore
	for _, ds := range r.Dimensions {
		c := p.Cell(ds.ID)
		cells = append(cells, c)
		rows = append(rows, []string{ds.DisplayName(), format.Num(c.Documented), format.Num(c.Actual)})
	}
	if len(rows) == 0 {
		d.para("The questionnaire has no dimensions.", "I", 9, pdfMuted)
	} else {
		d.table(pdfTable{Rows: rows, Size: 9, ColLines: []int{4}, Cols: []pdfCol{{"Dimension", 60, ""}, {"Documented", 28, "R"}, {"Actual", 28, "C"}},
			Fill: func(ri, ci int) (pdfColor, bool) { return d.heat(cells[ri].Actual), ci == 2 }})
	}

	d.heading("By team", 14)
	if len(p.Teams) == 0 {
		d.para("No respondent named a team: there are no team scores to compare.", "I", 9, pdfMuted)
	} else {
		rows = nil
		for _, t := range p.Teams {
			rows = append(rows, []string{t.ID, format.Num(t.Documented), format.Num(t.Actual)})
		}
		d.table(pdfTable{Rows: rows, Size: 9, ColLines: []int{4}, Cols: []pdfCol{{"Team", 60, ""}, {"Documented", 28, "R"}, {"Actual", 28, "C"}},
			Fill: func(ri, ci int) (pdfColor, bool) { return d.heat(p.Teams[ri].Actual), ci == 2 }})
		if p.TeamSpread.Valid {
			f.Ln(1)
			d.para("Spread between teams (highest minus lowest actual): "+format.Num(p.TeamSpread), "", 8.5, pdfMuted)
		}
	}

	d.heading("Questions", 16)
	rows = nil
	for _, q := range r.Questions {
		if q.Practice != p.ID {
			continue
		}
		text := q.Text
		if q.Disagreement && q.MinActual != nil && q.MaxActual != nil {
			text += fmt.Sprintf("\nRatings disagree: actual from %d to %d across %d answers.", *q.MinActual, *q.MaxActual, q.N)
		}
		rows = append(rows, []string{q.ID, text, d.dimensionName(q.Dimension), q.Kind, format.Num(q.Documented), format.Num(q.Actual), format.Num(q.Gap)})
	}
	if len(rows) == 0 {
		d.para("No questions of this practice are scored.", "I", 9, pdfMuted)
		return
	}
	d.table(pdfTable{Rows: rows, Size: 8.5, Continued: name + ": questions", ColLines: []int{0, 0, 4}, Cols: []pdfCol{
		{"Question", 19, ""}, {"Statement", 61, ""}, {"Dimension", 23, ""}, {"Kind", 18, ""},
		{"Documented", 21, "R"}, {"Actual", 14, "R"}, {"Gap", 14, "R"},
	}, Style: func(_, c int) string {
		if c == 6 {
			return "B"
		}
		return ""
	}})
}

// scoreGrid draws labelled values in a grid of perRow cells a row.
func (d *pdfDoc) scoreGrid(ks []pdfKPI, perRow int) {
	f := d.f
	const h, gap = 13.0, 1.5
	w := (pdfContentW - gap*float64(perRow-1)) / float64(perRow)
	rowsN := (len(ks) + perRow - 1) / perRow
	d.need(float64(rowsN) * (h + gap))
	y := f.GetY()
	for i, k := range ks {
		x := pdfMarginX + float64(i%perRow)*(w+gap)
		top := y + float64(i/perRow)*(h+gap)
		d.fillColor(pdfPale)
		f.Rect(x, top, w, h, "F")
		d.font("", 7.5)
		d.textColor(pdfMuted)
		f.SetXY(x, top+1.5)
		d.cell(w, 3.8, d.ellipsis(k.Caption, w-2*pdfCellPad), 0, "L")
		d.font("B", 11.5)
		d.textColor(pdfAccent)
		v := d.fit(k.Value, w, 11.5, 7)
		f.SetXY(x, top+6)
		d.cell(w, 5.5, v, 0, "L")
	}
	f.SetXY(pdfMarginX, y+float64(rowsN)*(h+gap)+1)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}
