package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/internal/format"

	"github.com/itilmap/itilmap/roadmap"
)

// outcomesPage lists the ranked outcomes, one block each.
func (d *pdfDoc) outcomesPage() {
	d.section("Outcomes")
	d.para("The business pain points, ranked and stated as measurable outcomes, where "+roadmap.PriorityFormula+".", "", pdfBodySize, pdfInk)
	d.f.Ln(3)
	if len(d.r.Outcomes) == 0 {
		d.para("No pain points are recorded. Add them to painpoints.yaml: the plan should start from business pain, not from tools. Until then, practices are ranked by their gap to target alone.", "I", pdfBodySize, pdfMuted)
		return
	}
	for _, o := range d.r.Outcomes {
		d.outcome(o)
	}
}

// outcome draws one outcome: rank, title, priority, the measurable
// statement, owner and practices, and a flag when it needs a baseline.
func (d *pdfDoc) outcome(o roadmap.Outcome) {
	f := d.f
	const rankW, prioW = 11.0, 30.0
	textW := pdfContentW - rankW
	d.font("B", 10.5)
	title := d.clamp(d.lines(o.Title, textW-prioW), pdfMaxLines, textW-prioW)
	d.font("", pdfBodySize)
	stmt := d.clamp(d.lines(o.Statement, textW), pdfMaxLines, textW)
	var names []string
	for _, id := range o.Practices {
		names = append(names, d.practiceName(id))
	}
	meta := o.ID + "   ·   Owner: " + format.Dash(o.Owner) + "   ·   Practices: " + format.Dash(strings.Join(names, ", "))
	d.font("", 8.5)
	metaLs := d.clamp(d.lines(meta, textW), pdfMaxLines, textW)
	flag := "Needs baseline: measure the metric before promising an improvement."
	plan, planColor := d.planLine(o)
	d.font("B", 8.5)
	planLs := d.clamp(d.lines(plan, textW), pdfMaxLines, textW)
	h := float64(len(title))*pdfLineH(10.5) + 1 + float64(len(stmt))*pdfLineH(pdfBodySize) + 1 + float64(len(metaLs)+len(planLs))*pdfLineH(8.5) + 5
	if o.NeedsBaseline {
		h += pdfLineH(8.5) + 1
	}
	d.need(min(h, pdfBottom-pdfMarginT))

	y := f.GetY()
	d.font("B", 16)
	d.textColor(pdfAccent)
	f.SetXY(pdfMarginX, y)
	d.cell(rankW, 7, strconv.Itoa(o.Rank), 0, "L")
	d.font("", 8.5)
	d.textColor(pdfMuted)
	f.SetXY(pdfPageW-pdfMarginX-prioW, y)
	d.cell(prioW, pdfLineH(10.5), "priority "+strconv.FormatFloat(o.Priority, 'f', 2, 64), 0, "R")
	f.SetY(y)
	d.block(title, pdfMarginX+rankW, textW-prioW, "B", 10.5, pdfInk)
	f.Ln(1)
	d.block(stmt, pdfMarginX+rankW, textW, "", pdfBodySize, pdfInk)
	f.Ln(1)
	d.block(metaLs, pdfMarginX+rankW, textW, "", 8.5, pdfMuted)
	f.Ln(1)
	d.block(planLs, pdfMarginX+rankW, textW, "B", 8.5, planColor)
	if o.NeedsBaseline {
		f.Ln(1)
		d.block([]string{flag}, pdfMarginX+rankW, textW, "B", 8.5, pdfSignal)
	}
	f.Ln(2)
	d.drawColor(pdfRule)
	f.SetLineWidth(0.15)
	f.Line(pdfMarginX, f.GetY(), pdfPageW-pdfMarginX, f.GetY())
	f.Ln(3)
}

// block prints lines already wrapped, in a column at x, breaking pages
// between lines.
func (d *pdfDoc) block(ls []string, x, w float64, style string, size float64, c pdfColor) {
	f := d.f
	lh := pdfLineH(size)
	d.font(style, size)
	d.textColor(c)
	for _, l := range ls {
		if f.GetY()+lh > pdfBottom {
			f.AddPage()
			d.font(style, size)
			d.textColor(c)
		}
		f.SetX(x)
		d.cell(w, lh, l, 1, "L")
	}
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// phasePages gives each phase a section: dates, aim, initiatives, exit
// criteria and the adoption track.
func (d *pdfDoc) phasePages() {
	f := d.f
	for k, ph := range d.r.Plan.Phases {
		d.section(fmt.Sprintf("Phase %d: %s", k+1, pdfPhaseTitle(ph.ID)))
		if !ph.Start.IsZero() {
			d.para(ph.Start.String()+" to "+ph.End.String(), "B", pdfBodySize, pdfAccent)
		}
		if aim := roadmap.PhaseAim(ph.ID); aim != "" {
			f.Ln(1)
			d.para(aim, "I", pdfBodySize, pdfInk)
		}
		d.heading("Initiatives", 14)
		if len(ph.Initiatives) == 0 {
			d.para("No initiative in this phase.", "I", pdfBodySize, pdfMuted)
		} else {
			var rows [][]string
			for _, ini := range ph.Initiatives {
				rows = append(rows, []string{ini.ID, format.Dash(ini.PracticeName), format.Dash(ini.Title),
					fmt.Sprintf("%d → %d", ini.FromLevel, ini.ToLevel), format.Dash(ini.Fix), ini.Owner.String(),
					format.Dash(d.outcomeRefs(ini.Outcomes)), format.Dash(strings.Join(ini.DependsOn, ", "))})
			}
			d.table(pdfTable{Rows: rows, Size: 8.5, Continued: fmt.Sprintf("Phase %d initiatives", k+1), ColLines: []int{2, 4, 0, 0, 0, 4}, Cols: []pdfCol{
				{"ID", 9, ""}, {"Practice", 26, ""}, {"Initiative", 41, ""}, {"Level", 12, "C"}, {"Fix", 19, ""},
				{"Owner", 26, ""}, {"Outcomes", 19, ""}, {"Depends on", 18, ""},
			}, Style: func(_, c int) string {
				if c == 0 {
					return "B"
				}
				return ""
			}})
			if len(d.r.Outcomes) > 0 {
				f.Ln(1)
				d.para("Outcomes are numbered as ranked on the Outcomes page.", "", 8, pdfMuted)
			}
		}
		d.heading("Exit criteria", 10)
		d.bullets(ph.ExitCriteria, "No exit criteria: nothing is scheduled in this phase.")
		d.heading("Adoption", 10)
		d.bullets(ph.Adoption, "No adoption track: nothing is scheduled in this phase.")
	}
}

// backlogPage lists what waits and why, the rollout advice and the
// readiness checklist.
func (d *pdfDoc) backlogPage() {
	f := d.f
	rm := d.r.Plan
	d.section("Backlog")
	d.para("Initiatives that wait for a later plan, and the reason each waits.", "", pdfBodySize, pdfInk)
	f.Ln(3)
	if len(rm.Backlog) == 0 {
		d.para("Nothing waits: every initiative needed fits the plan.", "I", pdfBodySize, pdfMuted)
	} else {
		var rows [][]string
		for _, b := range rm.Backlog {
			rows = append(rows, []string{d.practiceName(b.Practice), pdfPhaseTitle(b.Phase), b.Reason})
		}
		d.table(pdfTable{Rows: rows, Size: 9, Continued: "Backlog", ColLines: []int{4}, Cols: []pdfCol{{"Practice", 52, ""}, {"Phase", 26, ""}, {"Reason", 92, ""}}})
	}

	d.markedHeading("Rollout advice: "+format.Dash(rm.Rollout.Mode), 14, "Rollout advice", 0)
	d.bullets(rm.Rollout.Reasons, "No reasons given.")

	d.markedHeading("Readiness checklist", 20, "Readiness checklist", 0)
	if len(rm.Readiness) == 0 {
		d.para("No readiness items recorded.", "I", pdfBodySize, pdfMuted)
		return
	}
	d.para("Ready: yes when assessment.yaml says so or names someone, no when it says false, unknown when it says nothing.", "", 8.5, pdfMuted)
	d.f.Ln(1)
	var rows [][]string
	for _, rc := range rm.Readiness {
		rows = append(rows, []string{format.Capitalize(rc.Name()), rc.Status, rc.Advice})
	}
	d.table(pdfTable{Rows: rows, Size: 9, Cols: []pdfCol{{"Item", 46, ""}, {"Ready", 20, ""}, {"Advice", 104, ""}},
		Color: func(r, c int) (pdfColor, bool) {
			switch rm.Readiness[r].Status {
			case roadmap.NotReady:
				return pdfSignal, c == 1
			case roadmap.ReadyUnknown:
				return pdfMuted, c == 1
			}
			return pdfColor{}, false
		},
		Style: func(r, c int) string {
			if c == 1 {
				return "B"
			}
			return ""
		}})
}

// outcomeRefs writes outcome ids as their ranks on the Outcomes page:
// "#2, #5". An id that is not ranked stays as it is.
func (d *pdfDoc) outcomeRefs(ids []string) string {
	refs := make([]string, 0, len(ids))
	for _, id := range ids {
		ref := id
		for _, o := range d.r.Outcomes {
			if o.ID == id {
				ref = "#" + strconv.Itoa(o.Rank)
				break
			}
		}
		refs = append(refs, ref)
	}
	return strings.Join(refs, ", ")
}
