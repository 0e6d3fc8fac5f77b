package pdf

import (
	"fmt"
	"strconv"

	"github.com/itilmap/itilmap/internal/format"

	"codeberg.org/go-pdf/fpdf"
	"github.com/itilmap/itilmap/assess"
)

// radarPage draws documented, actual and target practice per dimension as
// a radar (spider) chart, with the numbers in a table under it.
func (d *pdfDoc) radarPage() {
	f := d.f
	r := d.r.Score
	d.section("Maturity by dimension")
	d.para("How far documented practice (what the handbook says) and actual practice (what happens when the queue is busy) reach in each dimension, against the target. The further out, the more mature.", "", pdfBodySize, pdfInk)
	if len(r.Dimensions) == 0 {
		d.para("The questionnaire has no dimensions to chart.", "I", pdfBodySize, pdfMuted)
		return
	}
	target, targetName := d.targets()
	// the chart's box holds the axis labels: as much room above and below
	// the rings as the tallest label needs, so that no label reaches the
	// text above the chart or the legend under it
	const rad = 50.0
	lblH := 0.0
	for _, ds := range r.Dimensions {
		lblH = max(lblH, d.radarLabelH(ds.DisplayName()))
	}
	cx, cy := pdfPageW/2, f.GetY()+2+lblH+pdfRadarGap+rad
	d.radar(cx, cy, rad, target)
	f.SetY(cy + rad + pdfRadarGap + lblH + 4)
	d.legend([]pdfLegend{
		{"documented", pdfMuted, false, 0.12},
		{"actual", pdfAccent, false, 0.25},
		{targetName, pdfSignal, true, 0},
	})
	f.Ln(6)

	var rows [][]string
	for i, ds := range r.Dimensions {
		rows = append(rows, []string{ds.DisplayName(), format.Num(ds.Documented), format.Num(ds.Actual), format.Num(ds.Drift), format.Num(target[i])})
	}
	d.table(pdfTable{Rows: rows, Size: 9.5, ColLines: []int{4}, Cols: []pdfCol{
		{"Dimension", 62, ""}, {"Documented", 27, "R"}, {"Actual", 27, "R"}, {"Drift", 27, "R"}, {"Target", 27, "R"},
	}})
	f.Ln(2)
	d.para("Drift is documented minus actual: what the handbook promises and daily work does not deliver. "+d.scaleText(), "", 8.5, pdfMuted)
}

// targets returns the target line of each dimension as assess scored it,
// or the assessment's default target when no dimension has one.
func (d *pdfDoc) targets() ([]assess.Num, string) {
	dims := d.r.Score.Dimensions
	out := make([]assess.Num, len(dims))
	found := false
	for i, ds := range dims {
		out[i] = ds.Target
		found = found || ds.Target.Valid
	}
	if found {
		return out, "target"
	}
	for i := range out {
		out[i] = assess.Some(float64(d.r.Assessment.DefaultTarget))
	}
	return out, "default target"
}

// pdfLegend is one entry of a chart legend.
type pdfLegend struct {
	Text   string
	Color  pdfColor
	Dashed bool
	Fill   float64 // alpha of the area swatch; 0: a line only
}

// legend draws a centred row of legend entries at the current y.
func (d *pdfDoc) legend(items []pdfLegend) {
	f := d.f
	d.font("", 9)
	total := 0.0
	for _, it := range items {
		total += 10 + f.GetStringWidth(it.Text) + 8
	}
	x := (pdfPageW - total) / 2
	y := f.GetY()
	for _, it := range items {
		if it.Fill > 0 {
			f.SetAlpha(it.Fill, "Normal")
			d.fillColor(it.Color)
			f.Rect(x, y, 8, 4, "F")
			f.SetAlpha(1, "Normal")
		}
		d.drawColor(it.Color)
		f.SetLineWidth(0.7)
		if it.Dashed {
			f.SetDashPattern([]float64{1.5, 1}, 0)
		}
		f.Line(x, y+2, x+8, y+2)
		f.SetDashPattern([]float64{}, 0)
		d.textColor(pdfInk)
		f.SetXY(x+9, y)
		w := f.GetStringWidth(it.Text) + 2*pdfCellPad
		d.cell(w, 4, it.Text, 0, "L")
		x += 10 + w + 6
	}
	f.SetXY(pdfMarginX, y+5)
	d.font("", pdfBodySize)
}

// radar draws the chart centred at (cx, cy) with radius rad.
func (d *pdfDoc) radar(cx, cy, rad float64, target []assess.Num) {
	f := d.f
	r := d.r.Score
	dims := r.Dimensions
	n := len(dims)
	g := radarGeom{cx, cy, rad, n, newScaleSpan(r.Scale)}
	at := func(i int, v float64) fpdf.PointType {
		x, y := g.at(i, v)
		return fpdf.PointType{X: x, Y: y}
	}

	// rings, one per level, and the axes
	d.drawColor(pdfRule)
	f.SetLineWidth(0.2)
	for l := r.Scale.Min + 1; l <= r.Scale.Max; l++ {
		if n < 3 {
			f.Circle(cx, cy, rad*g.scale.frac(float64(l)), "D")
			continue
		}
		ring := make([]fpdf.PointType, n)
		for i := range n {
			ring[i] = at(i, float64(l))
		}
		f.Polygon(ring, "D")
	}
	for i := range n {
		p := at(i, g.scale.hi)
		f.Line(cx, cy, p.X, p.Y)
	}
	d.font("", 7)
	d.textColor(pdfMuted)
	for l := r.Scale.Min; l <= r.Scale.Max; l++ {
		p := at(0, float64(l))
		f.SetXY(p.X+0.3, p.Y-3.2)
		d.cell(6, 3, strconv.Itoa(l), 0, "L")
	}

	// the three series: documented, actual, target
	series := func(vals []assess.Num, c pdfColor, alpha float64, dashed bool, width float64) {
		pts := make([]fpdf.PointType, n)
		all := true
		for i, v := range vals {
			all = all && v.Valid
			if v.Valid {
				pts[i] = at(i, v.Value)
			}
		}
		if all && alpha > 0 && n >= 3 {
			f.SetAlpha(alpha, "Normal")
			d.fillColor(c)
			f.Polygon(pts, "F")
			f.SetAlpha(1, "Normal")
		}
		d.drawColor(c)
		f.SetLineWidth(width)
		if dashed {
			f.SetDashPattern([]float64{1.6, 1.1}, 0)
		}
		for i := range n {
			j := (i + 1) % n
			if j != i && vals[i].Valid && vals[j].Valid && (n > 2 || i == 0) {
				f.Line(pts[i].X, pts[i].Y, pts[j].X, pts[j].Y)
			}
		}
		f.SetDashPattern([]float64{}, 0)
		d.fillColor(c)
		for i := range n {
			if vals[i].Valid {
				f.Circle(pts[i].X, pts[i].Y, 0.8, "F")
			}
		}
	}
	doc, act := make([]assess.Num, n), make([]assess.Num, n)
	for i, ds := range dims {
		doc[i], act[i] = ds.Documented, ds.Actual
	}
	series(doc, pdfMuted, 0.12, false, 0.5)
	series(target, pdfSignal, 0, true, 0.6)
	series(act, pdfAccent, 0.25, false, 0.8)

	// axis labels outside the outer ring
	for i, ds := range dims {
		x, y, side, vert := g.label(i, pdfRadarGap)
		const w = pdfRadarLabelW
		name := d.radarLabel(ds.DisplayName())
		lh := pdfLineH(9)
		h := d.radarLabelH(ds.DisplayName())
		sub := fmt.Sprintf("actual %s", format.Num(ds.Actual))
		align, left := "C", x-w/2
		switch side {
		case 1:
			align, left = "L", x
		case -1:
			align, left = "R", x-w
		}
		top := y - h/2
		switch vert {
		case -1:
			top = y - h
		case 1:
			top = y
		}
		d.font("B", 9)
		d.textColor(pdfInk)
		for j, l := range name {
			f.SetXY(left, top+float64(j)*lh)
			d.cell(w, lh, l, 0, align)
		}
		d.font("", 8)
		d.textColor(pdfMuted)
		f.SetXY(left, top+float64(len(name))*lh)
		d.cell(w, pdfLineH(8), sub, 0, align)
	}
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// The radar's axis labels: at most three lines of the dimension's name and
// its actual score, in a column pdfRadarLabelW wide, pdfRadarGap from the
// outer ring.
const (
	pdfRadarLabelW = 30.0
	pdfRadarGap    = 4.0
)

// radarLabel is a dimension's name wrapped for an axis label.
func (d *pdfDoc) radarLabel(name string) []string {
	d.font("B", 9)
	return d.clamp(d.lines(name, pdfRadarLabelW), 3, pdfRadarLabelW)
}

// radarLabelH is the height of an axis label: its name and score lines.
func (d *pdfDoc) radarLabelH(name string) float64 {
	return float64(len(d.radarLabel(name)))*pdfLineH(9) + pdfLineH(8)
}
