package pdf

import (
	"fmt"
	"math"
	"strconv"

	"github.com/itilmap/itilmap/internal/format"

	"github.com/itilmap/itilmap/assess"
)

// pdfHeat is the colour of a score on the scale: red at the bottom, amber
// in the middle, green at the top.
func pdfHeat(v, lo, hi float64) pdfColor {
	t := 0.0
	if hi > lo {
		t = min(1, max(0, (v-lo)/(hi-lo)))
	}
	mix := func(a, b pdfColor, t float64) pdfColor {
		m := func(x, y int) int { return int(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
		return pdfColor{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
	}
	if t < 0.5 {
		return mix(pdfRed, pdfAmber, t*2)
	}
	return mix(pdfAmber, pdfGreen, (t-0.5)*2)
}

// heat is the background of a score cell: the heat colour, or grey with no data.
func (d *pdfDoc) heat(s assess.Num) pdfColor {
	if !s.Valid {
		return pdfNoData
	}
	return pdfHeat(s.Value, float64(d.r.Score.Scale.Min), float64(d.r.Score.Scale.Max))
}

// heatmapPage draws practices × dimensions, coloured by actual score, and
// practices × teams where respondents named teams.
func (d *pdfDoc) heatmapPage() {
	f := d.f
	r := d.r.Score
	d.section("Practice heatmap")
	d.para("Actual practice of each practice in each dimension, the practices most in need of attention first. A practice's level is capped by its weakest dimension.", "", pdfBodySize, pdfInk)
	f.Ln(3)
	if len(r.Practices) == 0 {
		d.para("No practice is in scope.", "I", pdfBodySize, pdfMuted)
		return
	}
	ps := r.AttentionPractices()
	var cols []pdfHeatCol
	for _, ds := range r.Dimensions {
		id := ds.ID
		cols = append(cols, pdfHeatCol{Head: ds.DisplayName(), Score: func(p assess.PracticeScore) assess.Num { return p.Cell(id).Actual }})
	}
	cols = append(cols, pdfHeatCol{Head: "Overall actual", Bold: true, Score: func(p assess.PracticeScore) assess.Num { return p.Actual }})
	d.heatGrid(ps, cols, pdfCol{"Level", 26, ""}, func(p assess.PracticeScore) string { return format.Level(p.Level, p.Label) })
	f.Ln(5)
	d.heatKey()

	const maxTeams = 12
	switch n := len(r.Teams); {
	case n == 0:
		return
	case n > maxTeams:
		f.Ln(4)
		d.para(fmt.Sprintf("%d teams answered: too many to compare on one page; the appendix gives each practice's score per team.", n), "I", 9, pdfMuted)
		return
	}
	f.Ln(6)
	d.markedHeading("Actual practice by team", 40, "Heatmap by team", 1)
	d.para("How each team rates the actual practice. A wide spread between teams means they work very differently: start where practice is weakest.", "", 9, pdfMuted)
	f.Ln(2)
	cols = nil
	for _, team := range r.Teams {
		id := team
		cols = append(cols, pdfHeatCol{Head: id, Score: func(p assess.PracticeScore) assess.Num {
			for _, g := range p.Teams {
				if g.ID == id {
					return g.Actual
				}
			}
			return assess.Num{}
		}})
	}
	d.heatGrid(ps, cols, pdfCol{"Spread", 18, "R"}, func(p assess.PracticeScore) string { return format.Num(p.TeamSpread) })
}

// pdfHeatCol is a coloured column of a heat grid.
type pdfHeatCol struct {
	Head  string
	Bold  bool
	Score func(assess.PracticeScore) assess.Num
}

// heatGrid draws one row per practice: its name, a coloured cell per
// column, and a plain text column at the end.
func (d *pdfDoc) heatGrid(ps []assess.PracticeScore, heat []pdfHeatCol, tail pdfCol, tailText func(assess.PracticeScore) string) {
	nameW := 46.0
	cellW := (pdfContentW - nameW - tail.W) / float64(max(1, len(heat)))
	if cellW < 15 {
		nameW = 40
		cellW = (pdfContentW - nameW - tail.W) / float64(max(1, len(heat)))
	}
	cols := []pdfCol{{"Practice", nameW, ""}}
	for _, h := range heat {
		cols = append(cols, pdfCol{h.Head, cellW, "C"})
	}
	cols = append(cols, tail)
	var rows [][]string
	for _, p := range ps {
		row := []string{p.Name}
		for _, h := range heat {
			row = append(row, format.Num(h.Score(p)))
		}
		rows = append(rows, append(row, tailText(p)))
	}
	score := func(ri, ci int) (assess.Num, bool) {
		if ci >= 1 && ci <= len(heat) {
			return heat[ci-1].Score(ps[ri]), true
		}
		return assess.Num{}, false
	}
	d.table(pdfTable{Rows: rows, Size: 9, MinRowH: 10, Middle: true, Cols: cols, Continued: "Heatmap", ColLines: []int{4},
		Fill: func(ri, ci int) (pdfColor, bool) {
			s, ok := score(ri, ci)
			return d.heat(s), ok
		},
		Color: func(ri, ci int) (pdfColor, bool) {
			s, ok := score(ri, ci)
			return pdfMuted, ok && !s.Valid
		},
		Style: func(ri, ci int) string {
			if ci >= 1 && ci <= len(heat) && heat[ci-1].Bold {
				return "B"
			}
			return ""
		},
	})
}

// heatKey draws the colour key of the heatmap: one tile per level, and
// the grey of no data.
func (d *pdfDoc) heatKey() {
	f := d.f
	r := d.r.Score
	levels := r.Scale.Max - r.Scale.Min + 1
	if levels < 1 {
		return
	}
	w := min(24.0, (pdfContentW-20-3)/float64(levels+1))
	d.need(18)
	y := f.GetY()
	d.font("B", 8)
	d.textColor(pdfMuted)
	f.SetXY(pdfMarginX, y)
	d.cell(20, 6, "Key", 0, "L")
	x := pdfMarginX + 20
	tile := func(bg pdfColor, top, label string) {
		d.fillColor(bg)
		f.Rect(x+0.3, y, w-0.6, 6, "F")
		d.font("B", 8)
		d.textColor(pdfInk)
		f.SetXY(x, y)
		d.cell(w, 6, top, 0, "C")
		d.font("", 7)
		d.textColor(pdfMuted)
		for j, l := range d.clamp(d.lines(label, w), 2, w) {
			f.SetXY(x, y+6.8+float64(j)*3.2)
			d.cell(w, 3.2, l, 0, "C")
		}
		x += w
	}
	for l := r.Scale.Min; l <= r.Scale.Max; l++ {
		tile(pdfHeat(float64(l), float64(r.Scale.Min), float64(r.Scale.Max)), strconv.Itoa(l), d.scaleLabel(l))
	}
	x += 3
	tile(pdfNoData, "—", "no data")
	f.SetXY(pdfMarginX, y+14)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}
