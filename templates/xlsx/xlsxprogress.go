package xlsx

import (
	"fmt"
	"strconv"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// Headings of the Progress sheet's tables, in order.
const (
	ProgressOverall   = "Overall"
	ProgressPractices = "Practices"
	ProgressImproved  = "Questions that improved most"
	ProgressRegressed = "Questions that regressed most"
	ProgressMetrics   = "Pain point metrics, measured again"
)

// progress lays out Result.Progress (docs/method.md): overall and practice
// deltas with level changes, the questions that improved or regressed
// most, and metric progress with its status. Each table has a heading in
// column A and its header row under it.
func (wb *workbook) progress(p *page) error {
	c := wb.r.Progress
	base, cur := wb.r.BaselineScore.Assessment, wb.r.Score.Assessment
	p.put(1, 1, wb.title(fmt.Sprintf("Progress since %s (%s)", base.ID, base.Date)))
	p.titleRows = 1
	row := 3

	dates := map[string]assess.Date{}
	for _, a := range c.Assessments {
		dates[a.ID] = a.Date
	}
	// The tables share their columns: A names (what), B ids, C to F numbers,
	// G and H levels or a status, I the text of a change.
	var overall [][]cell
	for _, o := range c.Overall {
		overall = append(overall, []cell{wb.txt(o.ID), wb.date(dates[o.ID]), wb.n(o.Actual), wb.n(o.Documented),
			wb.n(o.DeltaActual), wb.n(o.DeltaDocumented), wb.lvl(o.Level), wb.opt(o.Label)})
	}
	row = wb.section(p, row, ProgressOverall, []string{"Assessment", "Date", "Actual", "Documented", "Δ actual", "Δ documented", "Level", "Label"}, overall, "")

	var practices [][]cell
	for _, t := range c.Practices {
		then, _ := t.At(base.ID)
		now, _ := t.At(cur.ID)
		practices = append(practices, []cell{wb.txt(t.Name), wb.txt(t.ID), wb.n(then.Actual), wb.n(now.Actual), wb.n(t.DeltaActual),
			wb.n(t.DeltaDocumented), wb.lvl(then.Level), wb.lvl(now.Level), wb.opt(t.LevelChange)})
	}
	row = wb.section(p, row, ProgressPractices, []string{"Practice", "ID", "Baseline actual", "Actual", "Δ actual", "Δ documented",
		"Baseline level", "Level", "Level change"}, practices, "No practice is in scope in both assessments.")

	threshold := strconv.FormatFloat(roadmap.ChangeThreshold, 'f', -1, 64)
	for _, ch := range []struct{ heading, change, empty string }{
		{ProgressImproved, roadmap.Improved, "No question's actual consensus rose by " + threshold + " or more."},
		{ProgressRegressed, roadmap.Regressed, "No question's actual consensus fell by " + threshold + " or more."},
	} {
		var qs [][]cell
		for _, q := range c.MostChanged(ch.change) {
			qs = append(qs, []cell{wb.txt(q.Text), wb.txt(q.ID), wb.n(q.Series[0].Actual), wb.n(q.Series[len(q.Series)-1].Actual),
				wb.n(q.DeltaActual), {}, {}, {}, wb.txt(q.Practice)})
		}
		row = wb.section(p, row, ch.heading, []string{"Statement", "Question", "Baseline actual", "Actual", "Δ actual", "", "", "", "Practice"}, qs, ch.empty)
	}

	var metrics [][]cell
	for _, m := range c.Metrics {
		metric := ""
		if m.Metric != nil {
			metric = *m.Metric
		}
		metrics = append(metrics, []cell{wb.txt(m.Title), wb.txt(metric), wb.n(m.Baseline), wb.n(m.Target), wb.n(m.Now),
			wb.pctWhole(m.Progress), wb.txt(m.Unit), wb.txt(m.Status)})
	}
	row = wb.section(p, row, ProgressMetrics, []string{"Pain point", "Metric", "Baseline", "Target", "Now", "Progress", "Unit", "Status"}, metrics,
		"No pain point of the baseline is measured again.")
	for _, w := range c.Warnings {
		p.put(1, row, wb.note(w))
		row++
	}
	p.caps[1], p.caps[9] = 60, 34
	return nil
}

// section writes a heading, a table under it (or a note when it has no
// rows) and returns the row after it and a blank line.
func (wb *workbook) section(p *page, row int, heading string, header []string, rows [][]cell, empty string) int {
	p.put(1, row, wb.head(heading))
	next := p.table(1, row+1, header, rows)
	if len(rows) == 0 && empty != "" {
		p.put(1, next, wb.note(empty))
		next++
	}
	return next + 1
}

// pctWhole is a percentage already multiplied by 100 (metric progress).
func (wb *workbook) pctWhole(s assess.Num) cell {
	if !s.Valid {
		return cell{style: wb.s.pctWhole}
	}
	return cell{v: s.Value, style: wb.s.pctWhole}
}
