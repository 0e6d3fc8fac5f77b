package pdf

import (
	"fmt"
	"strings"
	"time"

	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/plural"

	"github.com/itilmap/itilmap/roadmap"
)

// pdfPhaseColors tell the phases apart: three shades of the accent.
var pdfPhaseColors = []pdfColor{{22, 54, 98}, {47, 98, 160}, {104, 148, 204}}

func pdfPhaseColor(i int) pdfColor { return pdfPhaseColors[i%len(pdfPhaseColors)] }

// pdfTint mixes c with white: t = 0 keeps c, 1 gives white.
func pdfTint(c pdfColor, t float64) pdfColor {
	m := func(x int) int { return x + int(float64(255-x)*t) }
	return pdfColor{m(c.R), m(c.G), m(c.B)}
}

// pdfPhaseTitle is a phase id as a title: "Stabilize".
func pdfPhaseTitle(id string) string {
	if id == "" {
		return "Phase"
	}
	return strings.ToUpper(id[:1]) + id[1:]
}

// timelinePage draws the phases as bars over the months they span, each
// with its initiatives under it.
func (d *pdfDoc) timelinePage() {
	f := d.f
	rm := d.r.Plan
	d.section("Roadmap timeline")
	d.para("Three phases, in order: stabilize, standardize, optimize. Each bar shows when a phase runs; under it are its initiatives, with the level each practice aims at.", "", pdfBodySize, pdfInk)
	f.Ln(4)

	first, last, months := rm.Span()
	switch {
	case first.IsZero():
		d.para("The plan has no dated phases.", "I", pdfBodySize, pdfMuted)
	case months > 240:
		d.para(fmt.Sprintf("The plan spans %d months, too long to chart by month:", months), "I", pdfBodySize, pdfMuted)
		var items []string
		for k, ph := range rm.Phases {
			items = append(items, fmt.Sprintf("%d %s: %s to %s, %d %s", k+1, pdfPhaseTitle(ph.ID), format.Dash(ph.Start.String()), format.Dash(ph.End.String()),
				len(ph.Initiatives), plural.Of(len(ph.Initiatives), "initiative", "initiatives")))
		}
		d.bullets(items, "")
	default:
		d.gantt(rm.Phases, first, last)
	}
	if len(rm.Notes) > 0 {
		d.heading("Notes on the plan", 10)
		d.bullets(rm.Notes, "")
	}
}

// gantt draws the timeline grid from the month of first to the month of last.
func (d *pdfDoc) gantt(phases []roadmap.Phase, first, last time.Time) {
	f := d.f
	const labelW = 52.0
	startMonth := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	n := (last.Year()-first.Year())*12 + int(last.Month()) - int(first.Month()) + 1
	chartX := pdfMarginX + labelW
	colW := (pdfContentW - labelW) / float64(n)
	xOf := func(t time.Time, end bool) float64 {
		i := (t.Year()-first.Year())*12 + int(t.Month()) - int(first.Month())
		days := float64(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
		day := float64(t.Day() - 1)
		if end {
			day++
		}
		return chartX + (float64(i)+day/days)*colW
	}

	// the months: a year row, a month row, and every k-th month named so
	// that the names never collide
	d.font("", 7.5)
	name := func(m time.Month) string { return m.String()[:3] }
	if colW < f.GetStringWidth("May")+1 {
		name = func(m time.Month) string { return m.String()[:1] }
	}
	step := 1
	for float64(step)*colW < f.GetStringWidth("W")+1.2 {
		step++
	}
	align := "L"
	if step == 1 {
		align = "C"
	}
	// years: at each January (every ystep-th when months are narrow), and
	// over the first month when the first January is far enough away
	ystep := 1
	for float64(12*ystep)*colW < 10 {
		ystep++
	}
	firstJan := (13 - int(first.Month())) % 12
	yearLabel := func(i int, m time.Time) bool {
		if i == 0 && m.Month() != time.January {
			return firstJan >= n || float64(firstJan)*colW >= 10
		}
		return m.Month() == time.January && (i-firstJan)/12%ystep == 0
	}
	header := func() {
		y := f.GetY()
		for i := range n {
			m := startMonth.AddDate(0, i, 0)
			x := chartX + float64(i)*colW
			if yearLabel(i, m) {
				d.font("B", 7.5)
				d.textColor(pdfInk)
				f.SetXY(x-pdfCellPad+0.5, y)
				d.cell(20, 4, fmt.Sprint(m.Year()), 0, "L")
			}
			if i%step == 0 {
				d.font("", 7.5)
				d.textColor(pdfMuted)
				f.SetXY(x, y+4)
				d.cell(colW*float64(step), 4, name(m.Month()), 0, align)
			}
		}
		d.drawColor(pdfAccent)
		f.SetLineWidth(0.3)
		f.Line(pdfMarginX, y+8.5, pdfPageW-pdfMarginX, y+8.5)
		f.SetY(y + 9.5)
	}
	grid := func(y, h float64) {
		d.drawColor(pdfColor{228, 232, 237})
		f.SetLineWidth(0.1)
		for i := 0; i <= n; i++ {
			if i%step == 0 || i == n { // a line per month named
				x := chartX + float64(i)*colW
				f.Line(x, y, x, y+h)
			}
		}
	}
	cont := "" // the phase whose initiatives continue on a new page
	row := func(h float64) float64 {
		if f.GetY()+h > pdfBottom {
			f.AddPage()
			header()
			if cont != "" {
				d.font("I", 8.5)
				d.textColor(pdfMuted)
				f.SetX(pdfMarginX)
				d.cell(labelW, 5, d.ellipsis(cont, labelW-2*pdfCellPad), 1, "L")
			}
		}
		y := f.GetY()
		grid(y, h)
		return y
	}

	auto, margin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, margin)
	defer f.SetAutoPageBreak(auto, margin)
	if f.GetY()+9.5+14+8 > pdfBottom {
		f.AddPage()
	}
	header()
	for k, ph := range phases {
		c := pdfPhaseColor(k)
		dated := !ph.Start.IsZero() && !ph.End.IsZero() && !ph.End.Before(ph.Start.Time)
		// the phase row: its name and dates, and the bar
		d.font("B", 10)
		title := d.clamp(d.lines(fmt.Sprintf("%d  %s", k+1, pdfPhaseTitle(ph.ID)), labelW), 3, labelW)
		dates := "dates not set"
		if dated {
			dates = ph.Start.String() + " → " + ph.End.String()
		}
		h := float64(len(title))*pdfLineH(10) + pdfLineH(8) + 3
		y := row(h)
		d.textColor(pdfAccent)
		for j, l := range title {
			f.SetXY(pdfMarginX, y+1.5+float64(j)*pdfLineH(10))
			d.cell(labelW, pdfLineH(10), l, 0, "L")
		}
		d.font("", 8)
		d.textColor(pdfMuted)
		f.SetXY(pdfMarginX, y+1.5+float64(len(title))*pdfLineH(10))
		d.cell(labelW, pdfLineH(8), dates, 0, "L")
		if dated {
			x0, x1 := xOf(ph.Start.Time, false), xOf(ph.End.Time, true)
			d.fillColor(c)
			f.Rect(x0, y+h/2-3, x1-x0, 6, "F")
			d.font("B", 8)
			if lbl := pdfPhaseTitle(ph.ID); f.GetStringWidth(lbl)+2*pdfCellPad <= x1-x0 {
				d.textColor(pdfWhite)
				f.SetXY(x0, y+h/2-3)
				d.cell(x1-x0, 6, lbl, 0, "L")
			}
		}
		f.SetY(y + h)
		cont = fmt.Sprintf("%d  %s (continued)", k+1, pdfPhaseTitle(ph.ID))

		// its initiatives
		if len(ph.Initiatives) == 0 {
			d.font("I", 8.5)
			y := row(6)
			d.textColor(pdfMuted)
			f.SetXY(pdfMarginX+4, y+0.8)
			d.cell(labelW-4, 4.4, "no initiative", 0, "L")
			f.SetY(y + 6)
		}
		for _, ini := range ph.Initiatives {
			d.font("", 8.5)
			ls := d.clamp(d.lines(ini.ID+"  "+format.Dash(ini.PracticeName), labelW-4), 4, labelW-4)
			h := float64(len(ls))*pdfLineH(8.5) + 2
			y := row(h)
			d.textColor(pdfInk)
			for j, l := range ls {
				f.SetXY(pdfMarginX+4, y+1+float64(j)*pdfLineH(8.5))
				d.cell(labelW-4, pdfLineH(8.5), l, 0, "L")
			}
			if dated {
				x0, x1 := xOf(ph.Start.Time, false), xOf(ph.End.Time, true)
				d.fillColor(pdfTint(c, 0.72))
				f.Rect(x0, y+1, x1-x0, pdfLineH(8.5), "F")
				lvl := fmt.Sprintf("level %d → %d", ini.FromLevel, ini.ToLevel)
				d.font("", 7.5)
				if f.GetStringWidth(lvl)+2*pdfCellPad <= x1-x0 {
					d.textColor(pdfAccent)
					f.SetXY(x0, y+1)
					d.cell(x1-x0, pdfLineH(8.5), lvl, 0, "L")
				}
			}
			f.SetY(y + h)
		}
		f.Ln(1.5)
	}
	f.SetAutoPageBreak(auto, margin)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}
