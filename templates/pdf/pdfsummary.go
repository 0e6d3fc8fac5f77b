package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/itilmap/itilmap/roadmap"
)

// cover is the first page: who, what, when. It has no header or footer.
func (d *pdfDoc) cover() {
	f := d.f
	r := d.r.Score
	f.AddPage()
	d.font("B", 10)
	d.mark("Cover", 0)

	// the organisation, as large as a long name allows
	size := 28.0
	var org []string
	for ; size >= 16; size -= 2 {
		d.font("B", size)
		org = d.lines(d.org(), pdfContentW)
		if len(org) <= 3 {
			break
		}
	}
	size = max(size, 16)
	d.font("B", size)
	org = d.clamp(org, 5, pdfContentW) // the header of every page names it too
	orgH := float64(len(org)) * size * 0.45
	band := max(100, 62+orgH)
	d.fillColor(pdfAccent)
	f.Rect(0, 0, pdfPageW, band, "F")

	d.textColor(pdfColor{190, 205, 228})
	d.font("B", 10)
	f.SetXY(pdfMarginX, 34)
	d.cell(pdfContentW, 5, "ITSM MATURITY ASSESSMENT", 1, "L")
	f.SetY(44)
	d.textColor(pdfWhite)
	d.font("B", size)
	for _, l := range org {
		f.SetX(pdfMarginX)
		d.cell(pdfContentW, size*0.45, l, 1, "L")
	}
	f.Ln(4)
	d.textColor(pdfColor{214, 224, 238})
	d.font("", 13)
	f.SetX(pdfMarginX)
	d.cell(pdfContentW, 6, "Maturity baseline and phased improvement roadmap", 1, "L")

	// the facts
	teams := "none named"
	if len(r.Teams) > 0 {
		teams = strings.Join(r.Teams, ", ")
	}
	questionnaire := strings.TrimSpace(r.Questionnaire.ID + ", version " + r.Questionnaire.Version)
	if q := d.r.Assessment.Questionnaire; q != nil && q.Title != "" {
		questionnaire += "\n" + q.Title
	}
	facts := [][2]string{
		{"Assessment", format.Dash(r.Assessment.ID)},
		{"Assessment date", format.Dash(r.Assessment.Date.String())},
		{"Questionnaire", questionnaire},
		{"Respondents", strconv.Itoa(r.Respondents)},
		{"Teams", teams},
	}
	if !d.r.Generated.IsZero() {
		facts = append(facts, [2]string{"Report generated", d.r.Generated.UTC().Format("2006-01-02")})
	}
	f.SetY(band + 18)
	lh := pdfLineH(11)
	for _, kv := range facts {
		d.font("", 11)
		vals := d.clamp(d.lines(kv[1], pdfContentW-48), 6, pdfContentW-48)
		d.need(float64(len(vals))*lh + 3)
		y := f.GetY()
		d.textColor(pdfMuted)
		f.SetXY(pdfMarginX, y)
		d.cell(48, lh, kv[0], 0, "L")
		d.textColor(pdfInk)
		for i, v := range vals {
			f.SetXY(pdfMarginX+48, y+float64(i)*lh)
			d.cell(pdfContentW-48, lh, v, 0, "L")
		}
		f.SetY(y + float64(len(vals))*lh + 2.5)
	}

	// how to read the numbers, at the foot of the page
	if f.GetY() < pdfPageH-45 {
		f.SetY(pdfPageH - 40)
		d.drawColor(pdfRule)
		f.SetLineWidth(0.2)
		f.Line(pdfMarginX, f.GetY(), pdfPageW-pdfMarginX, f.GetY())
		f.Ln(3)
		d.para(d.scaleText()+" Documented practice is what the handbook says; actual practice is what happens when the queue is busy. Prepared with itilmap.",
			"", 8.5, pdfMuted)
	}
}

// scaleText describes the scale in one sentence: "Scores and levels run from 0 Absent to 5 Optimizing."
func (d *pdfDoc) scaleText() string {
	s := d.r.Score.Scale
	lo, hi := s.Min, s.Max
	return fmt.Sprintf("Scores and levels run from %s to %s.", format.Level(&lo, pdfPtr(d.scaleLabel(lo))), format.Level(&hi, pdfPtr(d.scaleLabel(hi))))
}

func pdfPtr[T any](v T) *T { return &v }

// summary is the one-page executive summary. Every block is bounded so that
// the page never spills over; the full detail follows in later sections.
func (d *pdfDoc) summary() {
	f := d.f
	r := d.r.Score
	d.section("Executive summary")
	auto, margin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, margin)
	defer f.SetAutoPageBreak(auto, margin)

	o := r.Overall
	d.kpis([]pdfKPI{
		{"Overall level", format.Level(o.Level, o.Label), "from the practice levels"},
		{"Actual practice", format.Num(o.Actual), "what happens when the queue is busy"},
		{"Documented practice", format.Num(o.Documented), "what the handbook and policies say"},
		{"Drift", format.Num(o.Drift), "documented minus actual: the promise not kept"},
	})
	teams := ""
	if n := len(r.Teams); n > 0 {
		teams = fmt.Sprintf(" in %d %s", n, plural.Of(n, "team", "teams"))
	}
	d.para(fmt.Sprintf("%s Coverage: %s of the possible answers, from %d %s%s.",
		d.scaleText(), format.Pct(o.Coverage), r.Respondents, plural.Of(r.Respondents, "respondent", "respondents"), teams), "", 8.5, pdfMuted)
	if pr := d.r.Progress; pr != nil && len(pr.Assessments) >= 2 && len(pr.Overall) >= 2 {
		base, o0, o1 := pr.Assessments[0], pr.Overall[0], pr.Overall[len(pr.Overall)-1]
		f.Ln(1)
		d.summaryText(fmt.Sprintf("Since the baseline %s of %s: overall actual %s → %s (%s), documented %s → %s (%s), level %s. Details in Progress since baseline.",
			base.ID, base.Date.String(), format.Num(o0.Actual), format.Num(o1.Actual), pdfSigned(o1.DeltaActual),
			format.Num(o0.Documented), format.Num(o1.Documented), pdfSigned(o1.DeltaDocumented), pdfLevelMove(o0.Level, o1.Level, nil)), "B", 8.5, pdfInk, 2, 0)
	}

	d.summaryHeading("Practices furthest from their target")
	var rows [][]string
	for i, p := range r.AttentionPractices() {
		if i == 3 {
			break
		}
		rows = append(rows, []string{p.Name, format.Num(p.Actual), strconv.Itoa(p.Target), format.Num(p.TargetGap), format.Level(p.Level, p.Label), d.dimensionName(p.Weakest)})
	}
	if len(rows) == 0 {
		d.para("No practice is in scope.", "I", 9, pdfMuted)
	} else {
		d.table(pdfTable{MaxLines: 2, Rows: rows, Cols: []pdfCol{
			{"Practice", 56, ""}, {"Actual", 18, "R"}, {"Target", 16, "R"}, {"Gap to target", 22, "R"}, {"Level", 30, ""}, {"Weakest dimension", 28, ""},
		}})
	}

	d.summaryHeading("Largest gaps, question level")
	rows = nil
	for _, q := range r.GapQuestions(3) {
		rows = append(rows, []string{q.ID, q.Text, q.Kind, format.Num(q.Actual), format.Num(q.Gap)})
	}
	if len(rows) == 0 {
		d.para("No question falls short of its documented practice or target.", "I", 9, pdfMuted)
	} else {
		d.table(pdfTable{MaxLines: 2, Rows: rows, Cols: []pdfCol{
			{"Question", 22, ""}, {"Statement", 100, ""}, {"Kind", 18, ""}, {"Actual", 15, "R"}, {"Gap", 15, "R"},
		}})
	}

	d.summaryHeading("Top outcomes")
	if len(d.r.Outcomes) == 0 {
		d.summaryText("No pain points recorded: the plan ranks practices by their gap to target alone. Add pain points to tie it to business outcomes.", "I", 9.5, pdfMuted, 2, 0)
	}
	for i, oc := range d.r.Outcomes {
		if i == 3 {
			break
		}
		y := f.GetY()
		d.font("B", 10)
		d.textColor(pdfAccent)
		f.SetXY(pdfMarginX, y)
		d.cell(7, pdfLineH(10), strconv.Itoa(oc.Rank), 0, "L")
		f.SetY(y)
		d.summaryText(oc.Statement, "", 10, pdfInk, 2, 7)
		meta := oc.Title
		if oc.Owner != "" {
			meta += "  ·  owner " + oc.Owner
		}
		if oc.NeedsBaseline {
			meta += "  ·  needs baseline"
		}
		d.summaryText(meta, "", 8.5, pdfMuted, 1, 7)
		plan, c := d.planLine(oc)
		d.summaryText(plan, "B", 8.5, c, 2, 7)
		f.Ln(1.2)
	}

	rm := d.r.Plan
	d.summaryHeading("Rollout advice: " + format.Dash(rm.Rollout.Mode))
	d.summaryBullets(rm.Rollout.Reasons, 5, 12)

	var no, unknown []string
	for _, rc := range rm.Readiness {
		switch pdfReadiness(rc) {
		case roadmap.NotReady:
			no = append(no, strings.ReplaceAll(rc.Item, "_", " "))
		case roadmap.ReadyUnknown:
			unknown = append(unknown, strings.ReplaceAll(rc.Item, "_", " "))
		}
	}
	line := "none: every readiness item is in place"
	switch {
	case len(no) > 0 && len(unknown) > 0:
		line = "missing " + strings.Join(no, ", ") + "; not known: " + strings.Join(unknown, ", ")
	case len(no) > 0:
		line = "missing " + strings.Join(no, ", ")
	case len(unknown) > 0:
		line = "not known: " + strings.Join(unknown, ", ")
	}
	f.Ln(2)
	d.summaryText("Readiness gaps: "+line, "B", 9.5, pdfInk, 2, 0)

	// the plan's notes fill what is left of the page; the timeline page
	// lists them all
	if len(rm.Notes) > 0 && f.GetY()+6+pdfLineH(9.5) < pdfBottom {
		f.Ln(2)
		d.summaryText("Notes on the plan", "B", 9.5, pdfInk, 1, 0)
		d.summaryBullets(rm.Notes, 3, 0)
	}
}

// pdfReadiness is a readiness item's status: yes, no or unknown (no when a
// result from before the status was recorded says only that it is not ok).
func pdfReadiness(rc roadmap.ReadinessCheck) string {
	switch {
	case rc.Status != "":
		return rc.Status
	case rc.OK:
		return roadmap.Ready
	}
	return roadmap.NotReady
}

// planLine says whether and when the plan delivers an outcome: the
// initiatives that serve it with their phases' end dates, and the plan's
// note; or that the plan does not deliver it, and why.
func (d *pdfDoc) planLine(o roadmap.Outcome) (string, pdfColor) {
	if !o.Planned {
		note := o.PlanNote
		if strings.TrimSpace(note) == "" {
			note = "Not in this plan: no initiative of this plan serves it."
		}
		return note, pdfLate
	}
	var by []string
	for _, ph := range d.r.Plan.Phases {
		for _, ini := range ph.Initiatives {
			if slices.Contains(ini.Outcomes, o.ID) {
				s := ini.ID + " " + pdfPhaseTitle(ph.ID)
				if !ph.End.IsZero() {
					s += " to " + ph.End.String()
				}
				by = append(by, s)
			}
		}
	}
	line := "In the plan"
	if len(by) > 0 {
		line += ": " + strings.Join(by, ", ")
	}
	if strings.TrimSpace(o.PlanNote) != "" {
		line += ". " + o.PlanNote
	}
	if o.Late {
		return line, pdfLate
	}
	return line, pdfPlanned
}

// summaryBullets prints at most n items, two lines each, as many as the
// page holds keeping keep mm free at its foot.
func (d *pdfDoc) summaryBullets(items []string, n int, keep float64) {
	f := d.f
	for i, it := range items {
		if i == n {
			break
		}
		y := f.GetY()
		if y+pdfLineH(9.5) > pdfBottom-keep {
			break
		}
		d.font("", 9.5)
		d.textColor(pdfAccent)
		f.SetXY(pdfMarginX, y)
		d.cell(5, pdfLineH(9.5), "•", 0, "L")
		f.SetY(y)
		d.summaryText(it, "", 9.5, pdfInk, 2, 5)
	}
}

// summaryHeading is a heading on the summary page, which never breaks.
func (d *pdfDoc) summaryHeading(text string) {
	f := d.f
	f.Ln(3)
	d.font("B", 11.5)
	d.textColor(pdfAccent)
	f.SetX(pdfMarginX)
	d.cell(pdfContentW, 6, d.ellipsis(text, pdfContentW-2*pdfCellPad), 1, "L")
	f.Ln(0.8)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// summaryText prints at most maxLines wrapped lines, indented by indent mm,
// and only as many as the page still holds.
func (d *pdfDoc) summaryText(text, style string, size float64, c pdfColor, maxLines int, indent float64) {
	f := d.f
	lh := pdfLineH(size)
	w := pdfContentW - indent
	d.font(style, size)
	room := int((pdfBottom - f.GetY()) / lh)
	ls := d.clamp(d.lines(text, w), min(maxLines, max(room, 1)), w)
	d.textColor(c)
	for _, l := range ls {
		if f.GetY()+lh > pdfBottom {
			break
		}
		f.SetX(pdfMarginX + indent)
		d.cell(w, lh, l, 1, "L")
	}
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// pdfKPI is one headline number: a caption, the value, and a note under it.
type pdfKPI struct{ Caption, Value, Note string }

// kpis draws headline numbers as a row of boxes.
func (d *pdfDoc) kpis(ks []pdfKPI) {
	f := d.f
	const gap, h = 4.0, 30.0
	w := (pdfContentW - gap*float64(len(ks)-1)) / float64(len(ks))
	y := f.GetY()
	for i, k := range ks {
		x := pdfMarginX + float64(i)*(w+gap)
		d.fillColor(pdfPale)
		f.Rect(x, y, w, h, "F")
		d.fillColor(pdfAccent)
		f.Rect(x, y, w, 0.9, "F")
		d.font("B", 7.5)
		d.textColor(pdfMuted)
		f.SetXY(x, y+2.5)
		d.cell(w, 4, d.ellipsis(strings.ToUpper(k.Caption), w-2*pdfCellPad), 0, "L")
		d.font("B", 18)
		d.textColor(pdfAccent)
		v := d.fit(k.Value, w, 18, 10)
		f.SetXY(x, y+8)
		d.cell(w, 9, v, 0, "L")
		d.font("", 7.5)
		d.textColor(pdfMuted)
		for j, l := range d.clamp(d.lines(k.Note, w), 2, w) {
			f.SetXY(x, y+19+float64(j)*3.6)
			d.cell(w, 3.6, l, 0, "L")
		}
	}
	f.SetXY(pdfMarginX, y+h+2.5)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}
