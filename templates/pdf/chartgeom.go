package pdf

import (
	"math"

	"github.com/itilmap/itilmap/assess"
)

// scaleSpan places scores along a chart's scale axis, the same in the PDF
// and the SVG charts: lo and hi are the scale's ends (hi one above lo when
// the scale has a single level, so that nothing divides by zero).
type scaleSpan struct{ lo, hi float64 }

func newScaleSpan(sc assess.ResultScale) scaleSpan {
	lo, hi := float64(sc.Min), float64(sc.Max)
	if hi <= lo {
		hi = lo + 1
	}
	return scaleSpan{lo, hi}
}

// frac is where v falls between the scale's ends: 0 at the lowest level, 1
// at the highest, a value outside the scale held at its end.
func (s scaleSpan) frac(v float64) float64 {
	return (min(s.hi, max(s.lo, v)) - s.lo) / (s.hi - s.lo)
}

// radarGeom is a radar chart's geometry: n axes, the first pointing up and
// the others clockwise from it, each running the scale from the centre
// (cx, cy) to the rim at radius rad.
type radarGeom struct {
	cx, cy, rad float64
	n           int
	scale       scaleSpan
}

// angle is the direction of axis i, in radians.
func (g radarGeom) angle(i int) float64 {
	return -math.Pi/2 + 2*math.Pi*float64(i)/float64(g.n)
}

// at is the point of score v on axis i.
func (g radarGeom) at(i int, v float64) (x, y float64) {
	t, a := g.scale.frac(v), g.angle(i)
	return g.cx + g.rad*t*math.Cos(a), g.cy + g.rad*t*math.Sin(a)
}

// label is where axis i's label goes, gap beyond the rim, and which way it
// extends from there so that it stays clear of the rings: h is 1 to the
// right, −1 to the left, 0 centred; v is 1 downwards, −1 upwards, 0
// centred.
func (g radarGeom) label(i int, gap float64) (x, y float64, h, v int) {
	c, s := math.Cos(g.angle(i)), math.Sin(g.angle(i))
	x, y = g.cx+(g.rad+gap)*c, g.cy+(g.rad+gap)*s
	switch {
	case c > 0.3:
		h = 1
	case c < -0.3:
		h = -1
	}
	switch {
	case s < -0.3:
		v = -1
	case s > 0.3:
		v = 1
	}
	return x, y, h, v
}
