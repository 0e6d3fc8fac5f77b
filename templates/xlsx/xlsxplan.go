package xlsx

import (
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/sheet"
)

// Outcomes sheet headers. The first outcomePrinted columns are printed;
// the metric's parts after them, which the outcome's sentence states, stay
// on screen for filtering and sorting.
var outcomeHeader = []string{"Rank", "ID", "Pain point", "Priority", "Outcome", "Planned", "Planned by", "Plan note", "Owner", "Practices",
	"Metric", "Unit", "Baseline", "Target", "By", "Needs baseline"}

const outcomePrinted = 10

func (wb *workbook) outcomes(p *page) error {
	var rows [][]cell
	for _, o := range wb.r.Outcomes {
		var id, unit string
		var base, target assess.Num
		if m := o.Metric; m != nil {
			id, unit, base, target = m.ID, m.Unit, m.Baseline, m.Target
		}
		rows = append(rows, []cell{wb.i(o.Rank), wb.txt(o.ID), wb.txt(o.Title), wb.f64(o.Priority), wb.txt(o.Statement),
			wb.yesNo(o.Planned), wb.date(o.PlannedBy), wb.txt(o.PlanNote), wb.txt(o.Owner), wb.txt(strings.Join(o.Practices, ", ")),
			wb.txt(id), wb.txt(unit), wb.n(base), wb.n(target), wb.date(o.By), wb.yesNo(o.NeedsBaseline)})
	}
	p.listTable(outcomeHeader, rows)
	p.caps[2], p.caps[3], p.caps[5], p.caps[8], p.caps[10] = 18, 30, 42, 48, 26
	p.printCols = outcomePrinted
	if len(rows) == 0 {
		p.put(1, 2, wb.note("No pain points: add painpoints.yaml to tie the plan to business outcomes."))
	}
	return nil
}

// Roadmap sheet headers. The first roadmapPrinted columns are printed; the
// ones after them (the phase's dates are on the Timeline) stay on screen.
var roadmapHeader = []string{"Phase", "ID", "Practice", "Initiative", "Actions", "From level", "To level", "Fix", "Owner",
	"Outcomes", "Depends on", "Weakest dimension", "Owner role", "Phase start", "Phase end"}

const roadmapPrinted = 11

func (wb *workbook) roadmap(p *page) error {
	var rows [][]cell
	for _, ph := range wb.r.Plan.Phases {
		for _, ini := range ph.Initiatives {
			rows = append(rows, []cell{wb.txt(ph.ID), wb.txt(ini.ID), wb.txt(ini.PracticeName), wb.txt(ini.Title),
				wb.txt(bullets(ini.Actions)), wb.i(ini.FromLevel), wb.i(ini.ToLevel), wb.txt(ini.Fix), wb.txt(ini.Owner.String()),
				wb.txt(strings.Join(ini.Outcomes, ", ")), wb.txt(strings.Join(ini.DependsOn, ", ")), wb.txt(ini.Dimension),
				wb.txt(strings.ReplaceAll(ini.Owner.Role, "_", " ")), wb.date(ph.Start), wb.date(ph.End)})
		}
	}
	p.listTable(roadmapHeader, rows)
	p.caps[3], p.caps[4], p.caps[5], p.caps[10] = 26, 36, 46, 24
	p.printCols = roadmapPrinted
	if len(rows) == 0 {
		p.put(1, 2, wb.note("No initiative is scheduled: see the Backlog and Notes sheets."))
	}
	return nil
}

// bullets writes a short list in one cell, one item a line.
func bullets(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return "• " + strings.Join(items, "\n• ")
}

func (wb *workbook) exitCriteria(p *page) error {
	var rows [][]cell
	for _, ph := range wb.r.Plan.Phases {
		for i, c := range ph.ExitCriteria {
			rows = append(rows, []cell{wb.txt(ph.ID), wb.i(i + 1), wb.txt(c), wb.date(ph.End)})
		}
	}
	p.listTable([]string{"Phase", "#", "Exit criterion, checked at re-assessment", "Phase end"}, rows)
	p.caps[3] = 110
	return nil
}

func (wb *workbook) adoption(p *page) error {
	var rows [][]cell
	for _, ph := range wb.r.Plan.Phases {
		for i, c := range ph.Adoption {
			rows = append(rows, []cell{wb.txt(ph.ID), wb.i(i + 1), wb.txt(c), wb.date(ph.Start)})
		}
	}
	p.listTable([]string{"Phase", "#", "Adoption step", "Phase start"}, rows)
	p.caps[3] = 110
	return nil
}

func (wb *workbook) backlog(p *page) error {
	var rows [][]cell
	for _, b := range wb.r.Plan.Backlog {
		rows = append(rows, []cell{wb.txt(b.Practice), wb.txt(b.Phase), wb.txt(b.Reason)})
	}
	p.listTable([]string{"Practice", "Phase", "Waits because"}, rows)
	p.caps[3] = 90
	if len(rows) == 0 {
		p.put(1, 2, wb.note("Nothing waits: every initiative needed fits the plan."))
	}
	return nil
}

func (wb *workbook) notes(p *page) error {
	var rows [][]cell
	for i, n := range wb.r.Plan.Notes {
		rows = append(rows, []cell{wb.i(i + 1), wb.txt(n)})
	}
	p.listTable([]string{"#", "Note on the plan"}, rows)
	p.caps[2] = 120
	if len(rows) == 0 {
		p.put(1, 2, wb.note("The plan has no notes."))
	}
	return nil
}

func (wb *workbook) timeline(p *page) error {
	rm := wb.r.Plan
	if len(rm.Phases) == 0 {
		return nil
	}
	// the months of the plan's span, as the PDF and SVG timelines chart them
	first, _, n := rm.Span()
	var months []string
	for i := range n {
		months = append(months, first.AddDate(0, 0, 1-first.Day()).AddDate(0, i, 0).Format("2006-01"))
	}
	header := append([]string{"Phase / initiative", "Start", "End"}, months...)
	var rows [][]cell
	var fills [][2]int // row, phase index
	for k, ph := range rm.Phases {
		rows = append(rows, []cell{wb.bold(format.Dash(format.Capitalize(ph.ID))), wb.date(ph.Start), wb.date(ph.End)})
		fills = append(fills, [2]int{len(rows), k})
		for _, ini := range ph.Initiatives {
			rows = append(rows, []cell{wb.txt("  " + ini.ID + " " + ini.PracticeName), wb.date(ph.Start), wb.date(ph.End)})
			fills = append(fills, [2]int{len(rows), k})
		}
	}
	p.table(1, 1, header, rows)
	p.titleRows, p.freeze = 1, 1
	p.caps[1] = 44
	for i := range months {
		p.fixed[4+i] = 8.5
	}
	p.after = append(p.after, func() error {
		for _, fl := range fills {
			ph := rm.Phases[fl[1]]
			startM, endM := ph.Start.Format("2006-01"), ph.End.Format("2006-01")
			for i, m := range months {
				if m >= startM && m <= endM {
					c := sheet.Ref(4+i, fl[0]+1)
					if err := wb.f.SetCellStyle(p.name, c, c, wb.s.phase[fl[1]]); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	return nil
}
