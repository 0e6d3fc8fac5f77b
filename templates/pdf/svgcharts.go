package pdf

import (
	"fmt"
	"strconv"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/templates"
)

// svgRows fits n rows of at most maxH px into room px, never thinner than
// minH: it returns the row height and how many rows are drawn.
func svgRows(n int, room, maxH, minH float64) (float64, int) {
	if n == 0 {
		return maxH, 0
	}
	h := min(maxH, room/float64(n))
	if h >= minH {
		return h, n
	}
	return minH, int(room / minH)
}

func svgHeatmap(r *templates.Report) []byte {
	sc := r.Score
	d := &pdfDoc{r: r}
	s := newSVG("Practice heatmap")
	s.svgTitle("Practice heatmap", pdfOrg(r)+": actual practice by dimension, the practices most in need of attention first")
	ps := sc.AttentionPractices()
	if len(ps) == 0 {
		s.text(svgMargin, 200, "No practice is in scope.", 22, pdfMuted, "start", false, 0)
		return s.bytes()
	}
	const nameW, levelW, top = 420.0, 190.0, 170.0
	cols := len(sc.Dimensions) + 1
	cellW := (svgW - 2*svgMargin - nameW - levelW) / float64(cols)
	headH := 54.0
	rowH, shown := svgRows(len(ps), svgH-top-headH-120, 64, 20)
	size := min(20, rowH*0.5)

	// the header
	s.rect(svgMargin, top, svgW-2*svgMargin, headH, pdfPale, "")
	s.text(svgMargin+10, top+headH/2+7, "Practice", 18, pdfAccent, "start", true, nameW-20)
	for i, ds := range sc.Dimensions {
		x := svgMargin + nameW + float64(i)*cellW + cellW/2
		ls := svgWrap(ds.DisplayName(), 17, true, cellW-12, 2)
		for j, l := range ls {
			s.text(x, top+headH/2+7-float64(len(ls)-1)*10+float64(j)*20, l, 17, pdfAccent, "middle", true, 0)
		}
	}
	s.text(svgMargin+nameW+float64(cols-1)*cellW+cellW/2, top+headH/2+7, "Overall actual", 17, pdfAccent, "middle", true, cellW-12)
	s.text(svgMargin+nameW+float64(cols)*cellW+12, top+headH/2+7, "Level", 17, pdfAccent, "start", true, levelW-20)
	s.line(svgMargin, top+headH, svgW-svgMargin, top+headH, pdfAccent, 2, "")

	for i, p := range ps[:shown] {
		y := top + headH + float64(i)*rowH
		s.text(svgMargin+10, y+rowH/2+size*0.35, p.Name, size, pdfInk, "start", false, nameW-20)
		vals := make([]assess.Num, 0, cols)
		for _, ds := range sc.Dimensions {
			vals = append(vals, pdfCell(p, ds.ID).Actual)
		}
		vals = append(vals, p.Actual)
		for j, v := range vals {
			x := svgMargin + nameW + float64(j)*cellW
			s.rect(x+2, y+2, cellW-4, rowH-4, d.heat(v), "")
			c := pdfInk
			if !v.Valid {
				c = pdfMuted
			}
			s.text(x+cellW/2, y+rowH/2+size*0.35, format.Num(v), size, c, "middle", j == cols-1, 0)
		}
		s.text(svgMargin+nameW+float64(cols)*cellW+12, y+rowH/2+size*0.35, format.Level(p.Level, p.Label), size, pdfInk, "start", false, levelW-20)
		s.line(svgMargin, y+rowH, svgW-svgMargin, y+rowH, pdfRule, 1, "")
	}
	y := top + headH + float64(shown)*rowH + 36
	if shown < len(ps) {
		s.text(svgMargin, y-8, fmt.Sprintf("and %d more practices: the report lists them all", len(ps)-shown), 17, pdfMuted, "start", false, 0)
		y += 16
	}

	// the key
	levels := sc.Scale.Max - sc.Scale.Min + 1
	if levels >= 1 && levels <= 20 {
		w := min(150.0, (svgW-2*svgMargin-100)/float64(levels+1))
		x := svgMargin + 80
		s.text(svgMargin, y+24, "Key", 17, pdfMuted, "start", true, 0)
		tile := func(bg pdfColor, top, label string) {
			s.rect(x+2, y, w-4, 34, bg, "")
			s.text(x+w/2, y+24, top, 17, pdfInk, "middle", true, 0)
			s.text(x+w/2, y+56, label, 15, pdfMuted, "middle", false, w-6)
			x += w
		}
		for l := sc.Scale.Min; l <= sc.Scale.Max; l++ {
			tile(pdfHeat(float64(l), float64(sc.Scale.Min), float64(sc.Scale.Max)), strconv.Itoa(l), d.scaleLabel(l))
		}
		x += 20
		tile(pdfNoData, format.NoData, "no data")
	}
	return s.bytes()
}

func svgTimeline(r *templates.Report) []byte {
	rm := r.Plan
	s := newSVG("Roadmap timeline")
	s.svgTitle("Roadmap timeline", pdfOrg(r)+": stabilize, standardize, optimize, with the level each practice aims at")
	rows := 0
	for _, ph := range rm.Phases {
		rows += 1 + max(1, len(ph.Initiatives))
	}
	first, _, months := rm.Span()
	if first.IsZero() || months > 240 {
		s.text(svgMargin, 200, "The plan has no dated phases to chart by month.", 22, pdfMuted, "start", false, 0)
		return s.bytes()
	}
	const labelW, top = 420.0, 170.0
	chartX := svgMargin + labelW
	colW := (svgW - svgMargin - chartX) / float64(months)
	xOf := func(t time.Time, end bool) float64 {
		i := (t.Year()-first.Year())*12 + int(t.Month()) - int(first.Month())
		days := float64(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
		day := float64(t.Day() - 1)
		if end {
			day++
		}
		return chartX + (float64(i)+day/days)*colW
	}
	// the months
	step := 1
	for float64(step)*colW < 44 {
		step++
	}
	start := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	rowH, shown := svgRows(rows, svgH-top-60-40, 52, 18)
	bottom := top + 60 + float64(min(rows, shown))*rowH
	for i := range months {
		m := start.AddDate(0, i, 0)
		x := chartX + float64(i)*colW
		if i == 0 || m.Month() == time.January {
			s.text(x+4, top+22, strconv.Itoa(m.Year()), 17, pdfInk, "start", true, 0)
		}
		if i%step == 0 {
			s.text(x+4, top+46, m.Month().String()[:3], 16, pdfMuted, "start", false, 0)
			s.line(x, top+56, x, bottom, pdfColor{228, 232, 237}, 1, "")
		}
	}
	s.line(svgW-svgMargin, top+56, svgW-svgMargin, bottom, pdfColor{228, 232, 237}, 1, "")
	s.line(svgMargin, top+56, svgW-svgMargin, top+56, pdfAccent, 2, "")
	size := min(19, rowH*0.5)
	row := 0
	y := top + 60
	for k, ph := range rm.Phases {
		c := pdfPhaseColor(k)
		dated := !ph.Start.IsZero() && !ph.End.IsZero() && !ph.End.Before(ph.Start.Time)
		if row >= shown {
			break
		}
		s.text(svgMargin, y+rowH/2+size*0.35, fmt.Sprintf("%d  %s", k+1, pdfPhaseTitle(ph.ID)), size+1, pdfAccent, "start", true, labelW-10)
		if dated {
			x0, x1 := xOf(ph.Start.Time, false), xOf(ph.End.Time, true)
			s.rect(x0, y+rowH*0.2, x1-x0, rowH*0.6, c, "")
			s.text(x0+8, y+rowH/2+size*0.35, ph.Start.String()+" → "+ph.End.String(), size*0.85, pdfWhite, "start", true, x1-x0-16)
		}
		y += rowH
		row++
		for _, ini := range ph.Initiatives {
			if row >= shown {
				break
			}
			s.text(svgMargin+24, y+rowH/2+size*0.35, ini.ID+"  "+format.Dash(ini.PracticeName), size, pdfInk, "start", false, labelW-34)
			if dated {
				x0, x1 := xOf(ph.Start.Time, false), xOf(ph.End.Time, true)
				s.rect(x0, y+rowH*0.18, x1-x0, rowH*0.64, pdfTint(c, 0.72), "")
				s.text(x0+8, y+rowH/2+size*0.35, fmt.Sprintf("level %d → %d", ini.FromLevel, ini.ToLevel), size*0.85, pdfAccent, "start", false, x1-x0-16)
			}
			y += rowH
			row++
		}
		if len(ph.Initiatives) == 0 && row < shown {
			s.text(svgMargin+24, y+rowH/2+size*0.35, "no initiative", size, pdfMuted, "start", false, labelW-34)
			y += rowH
			row++
		}
	}
	if shown < rows {
		s.text(svgMargin, svgH-30, fmt.Sprintf("and %d more rows: the report lists every initiative", rows-shown), 17, pdfMuted, "start", false, 0)
	}
	return s.bytes()
}

func svgProgress(r *templates.Report) []byte {
	pr := r.Progress
	base, now := pr.Assessments[0], pr.Assessments[len(pr.Assessments)-1]
	s := newSVG("Progress since baseline")
	s.svgTitle("Progress since baseline", fmt.Sprintf("%s: actual practice at the baseline %s (%s) and now (%s)", pdfOrg(r), base.ID, base.Date.String(), now.Date.String()))
	type bar struct {
		name   string
		v0, v1 float64
		delta  string
	}
	var bars []bar
	for _, t := range pr.Practices {
		p0, ok0 := pdfPoint(t, base.ID)
		p1, ok1 := pdfPoint(t, now.ID)
		if ok0 && ok1 && p0.Actual.Valid && p1.Actual.Valid {
			bars = append(bars, bar{t.Name, p0.Actual.Value, p1.Actual.Value, pdfSigned(t.DeltaActual)})
		}
	}
	sc := r.Score.Scale
	lo, hi := float64(sc.Min), float64(sc.Max)
	if hi <= lo {
		hi = lo + 1
	}
	const labelW, top, deltaW = 420.0, 180.0, 120.0
	x0, x1 := svgMargin+labelW+20, svgW-svgMargin-deltaW-40
	xOf := func(v float64) float64 { return x0 + (min(hi, max(lo, v))-lo)/(hi-lo)*(x1-x0) }
	rowH, shown := svgRows(len(bars), svgH-top-40-110, 60, 20)
	size := min(20, rowH*0.5)
	bottom := top + 40 + float64(shown)*rowH
	d := &pdfDoc{r: r}
	if sc.Max-sc.Min <= 20 {
		for l := sc.Min; l <= sc.Max; l++ {
			x := xOf(float64(l))
			s.text(x, top+20, strconv.Itoa(l)+" "+d.scaleLabel(l), 16, pdfMuted, "middle", false, 0)
			s.line(x, top+32, x, bottom, pdfColor{228, 232, 237}, 1, "")
		}
	}
	s.text(svgW-svgMargin, top+20, "change", 16, pdfMuted, "end", true, 0)
	for i, b := range bars[:shown] {
		y := top + 40 + float64(i)*rowH + rowH/2
		s.text(svgMargin, y+size*0.35, b.name, size, pdfInk, "start", false, labelW)
		c := pdfMuted
		switch {
		case b.v1 > b.v0:
			c = pdfGreen
		case b.v1 < b.v0:
			c = pdfSignal
		}
		s.line(xOf(b.v0), y, xOf(b.v1), y, c, 6, ` stroke-linecap="round"`)
		s.circle(xOf(b.v0), y, 8, pdfMuted)
		s.circle(xOf(b.v1), y, 9, pdfAccent)
		s.text(svgW-svgMargin, y+size*0.35, b.delta, size, pdfInk, "end", true, 0)
	}
	if shown < len(bars) {
		s.text(svgMargin, bottom+16, fmt.Sprintf("and %d more practices: the report lists them all", len(bars)-shown), 16, pdfMuted, "start", false, 0)
	}
	if len(bars) == 0 {
		s.text(svgMargin, top+80, "No practice is scored in both assessments.", 22, pdfMuted, "start", false, 0)
	}
	y := bottom + 50
	s.circle(svgMargin+10, y-6, 8, pdfMuted)
	s.text(svgMargin+28, y, "baseline", 18, pdfInk, "start", false, 0)
	s.circle(svgMargin+170, y-6, 9, pdfAccent)
	s.text(svgMargin+188, y, "now", 18, pdfInk, "start", false, 0)
	o0, o1 := pr.Overall[0], pr.Overall[len(pr.Overall)-1]
	s.text(svgW-svgMargin, y, fmt.Sprintf("overall actual %s → %s (%s), level %s", format.Num(o0.Actual), format.Num(o1.Actual), pdfSigned(o1.DeltaActual), pdfLevelMove(o0.Level, o1.Level, nil)), 18, pdfInk, "end", true, 900)
	return s.bytes()
}
