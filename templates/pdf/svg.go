package pdf

import (
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/templates"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// SVGChart is one chart of the report as a standalone SVG file.
type SVGChart struct {
	Name string // the file name: radar.svg, heatmap.svg, timeline.svg, progress.svg
	Data []byte
}

// SVG canvas: a 16:9 slide.
const (
	svgW, svgH = 1600.0, 900.0
	svgMargin  = 60.0
	svgFonts   = "'DejaVu Sans', Verdana, 'Liberation Sans', Arial, sans-serif"
)

// SVGCharts draws the PDF's charts as standalone SVG files sized for a
// 16:9 slide (viewBox 0 0 1600 900): the radar, the heatmap, the timeline,
// and the progress since the baseline when the report has one. They show
// the same data in the same colours as the PDF; every text from the inputs
// is escaped. The output depends only on r.
func SVGCharts(r *templates.Report) ([]SVGChart, error) {
	if r == nil || r.Result == nil || r.Assessment == nil || r.Score == nil || r.Plan == nil {
		return nil, errors.New("svg charts: the assessment is not scored and planned yet; nothing to draw")
	}
	out := []SVGChart{
		{"radar.svg", svgRadar(r)},
		{"heatmap.svg", svgHeatmap(r)},
		{"timeline.svg", svgTimeline(r)},
	}
	if r.Progress != nil && len(r.Progress.Assessments) >= 2 {
		out = append(out, SVGChart{"progress.svg", svgProgress(r)})
	}
	return out, nil
}

// svgDoc builds one SVG file.
type svgDoc struct{ b strings.Builder }

func newSVG(title string) *svgDoc {
	s := &svgDoc{}
	fmt.Fprintf(&s.b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" font-family="%s">`+"\n", svgW, svgH, svgW, svgH, svgFonts)
	s.b.WriteString("<title>")
	s.esc(title)
	s.b.WriteString("</title>\n")
	s.rect(0, 0, svgW, svgH, pdfWhite, "")
	return s
}

func (s *svgDoc) esc(t string) {
	_ = xml.EscapeText(&s.b, []byte(pdfText(t))) // a strings.Builder never fails
}

func (s *svgDoc) bytes() []byte {
	s.b.WriteString("</svg>\n")
	return []byte(s.b.String())
}

func svgRGB(c pdfColor) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func svgNum(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

func (s *svgDoc) rect(x, y, w, h float64, fill pdfColor, extra string) {
	fmt.Fprintf(&s.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s/>`+"\n", svgNum(x), svgNum(y), svgNum(max(0, w)), svgNum(max(0, h)), svgRGB(fill), extra)
}

func (s *svgDoc) line(x1, y1, x2, y2 float64, c pdfColor, width float64, extra string) {
	fmt.Fprintf(&s.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`+"\n", svgNum(x1), svgNum(y1), svgNum(x2), svgNum(y2), svgRGB(c), svgNum(width), extra)
}

func (s *svgDoc) circle(x, y, r float64, fill pdfColor) {
	fmt.Fprintf(&s.b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", svgNum(x), svgNum(y), svgNum(r), svgRGB(fill))
}

func (s *svgDoc) polygon(pts [][2]float64, fill string, stroke pdfColor, width float64, extra string) {
	var p []string
	for _, pt := range pts {
		p = append(p, svgNum(pt[0])+","+svgNum(pt[1]))
	}
	fmt.Fprintf(&s.b, `<polygon points="%s" fill="%s" stroke="%s" stroke-width="%s"%s/>`+"\n", strings.Join(p, " "), fill, svgRGB(stroke), svgNum(width), extra)
}

// text writes one line at (x, y) (the baseline); anchor is start, middle
// or end; bold sets the weight. The text is cut with "…" to width w when
// w > 0.
func (s *svgDoc) text(x, y float64, t string, size float64, c pdfColor, anchor string, bold bool, w float64) {
	if w > 0 {
		t = svgEllipsis(t, size, bold, w)
	}
	weight := ""
	if bold {
		weight = ` font-weight="bold"`
	}
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" font-size="%s" fill="%s" text-anchor="%s"%s>`, svgNum(x), svgNum(y), svgNum(size), svgRGB(c), anchor, weight)
	s.esc(t)
	s.b.WriteString("</text>\n")
}

// svgFaces are the regular and bold faces, parsed once, to measure text.
var svgFaces = sync.OnceValue(func() [2]*sfnt.Font {
	var out [2]*sfnt.Font
	for i, face := range []string{"", "B"} {
		for _, f := range pdfFaces {
			if f.Style == face {
				out[i], _ = sfnt.Parse(f.TTF) // parsed already by fontCoverage
			}
		}
	}
	return out
})

// svgRuneWidths measures each rune of t at size px in DejaVu Sans.
func svgRuneWidths(t string, size float64, bold bool) ([]rune, []float64) {
	f := svgFaces()[0]
	if bold {
		f = svgFaces()[1]
	}
	var buf sfnt.Buffer
	rs := []rune(pdfText(t))
	ws := make([]float64, len(rs))
	cache := map[rune]float64{}
	for i, r := range rs {
		w, ok := cache[r]
		if !ok {
			w = size * 0.6
			if g, err := f.GlyphIndex(&buf, r); err == nil {
				if adv, err := f.GlyphAdvance(&buf, g, fixed.I(1000), font.HintingNone); err == nil {
					w = float64(adv) / 64 / 1000 * size
				}
			}
			cache[r] = w
		}
		ws[i] = w
	}
	return rs, ws
}

// svgWidth is the width of t at size px.
func svgWidth(t string, size float64, bold bool) float64 {
	_, ws := svgRuneWidths(t, size, bold)
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	return sum
}

// svgEllipsis cuts t with "…" to width w: n log n in its length.
func svgEllipsis(t string, size float64, bold bool, w float64) string {
	rs, ws := svgRuneWidths(t, size, bold)
	sum := make([]float64, len(rs)+1)
	for i, cw := range ws {
		sum[i+1] = sum[i] + cw
	}
	if sum[len(rs)] <= w {
		return string(rs)
	}
	room := w - svgWidth("…", size, bold)
	n := sort.Search(len(rs)+1, func(n int) bool { return sum[n] > room }) - 1
	if n <= 0 {
		return "…"
	}
	return strings.TrimRight(string(rs[:n]), " ") + "…"
}

// svgWrap wraps t at spaces to width w, at most n lines (the last cut with
// "…" when text is left over).
func svgWrap(t string, size float64, bold bool, w float64, n int) []string {
	var out []string
	cur := ""
	words := strings.Fields(pdfText(t))
	for i, word := range words {
		cand := word
		if cur != "" {
			cand = cur + " " + word
		}
		if cur == "" || svgWidth(cand, size, bold) <= w {
			cur = cand
			continue
		}
		out = append(out, cur)
		cur = word
		if len(out) == n-1 {
			cur = strings.Join(words[i:], " ")
			break
		}
	}
	if cur != "" || len(out) == 0 {
		out = append(out, cur)
	}
	for i := range out {
		out[i] = svgEllipsis(out[i], size, bold, w)
	}
	return out
}

// svgTitle writes a chart's title and subtitle at the top left.
func (s *svgDoc) svgTitle(title, sub string) {
	s.text(svgMargin, 70, title, 40, pdfAccent, "start", true, svgW-2*svgMargin)
	s.rect(svgMargin, 86, 60, 5, pdfAccent, "")
	s.text(svgMargin, 124, sub, 20, pdfMuted, "start", false, svgW-2*svgMargin)
}

// svgLegend writes legend entries from (x, y) down.
func (s *svgDoc) svgLegend(x, y float64, items []pdfLegend) {
	for i, it := range items {
		yy := y + float64(i)*40
		if it.Fill > 0 {
			s.rect(x, yy-12, 40, 24, it.Color, fmt.Sprintf(` fill-opacity="%s"`, svgNum(it.Fill)))
		}
		dash := ""
		if it.Dashed {
			dash = ` stroke-dasharray="8 5"`
		}
		s.line(x, yy, x+40, yy, it.Color, 4, dash)
		s.text(x+54, yy+7, it.Text, 20, pdfInk, "start", false, 300)
	}
}

func svgRadar(r *templates.Report) []byte {
	d := &pdfDoc{r: r}
	sc := r.Score
	s := newSVG("Maturity by dimension")
	s.svgTitle("Maturity by dimension", pdfOrg(r)+": documented and actual practice against the target")
	dims := sc.Dimensions
	n := len(dims)
	if n == 0 {
		s.text(svgMargin, 200, "The questionnaire has no dimensions to chart.", 22, pdfMuted, "start", false, 0)
		return s.bytes()
	}
	target, targetName := d.targets()
	const cx, cy, rad = 560.0, 530.0, 270.0
	g := radarGeom{cx, cy, rad, n, newScaleSpan(sc.Scale)}
	at := func(i int, v float64) [2]float64 {
		x, y := g.at(i, v)
		return [2]float64{x, y}
	}
	for l := sc.Scale.Min + 1; l <= sc.Scale.Max; l++ {
		if n < 3 {
			fmt.Fprintf(&s.b, `<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="1"/>`+"\n", svgNum(cx), svgNum(cy), svgNum(rad*g.scale.frac(float64(l))), svgRGB(pdfRule))
			continue
		}
		var ring [][2]float64
		for i := range n {
			ring = append(ring, at(i, float64(l)))
		}
		s.polygon(ring, "none", pdfRule, 1, "")
	}
	for i := range n {
		p := at(i, g.scale.hi)
		s.line(cx, cy, p[0], p[1], pdfRule, 1, "")
	}
	for l := sc.Scale.Min; l <= sc.Scale.Max; l++ {
		p := at(0, float64(l))
		s.text(p[0]+6, p[1]-4, strconv.Itoa(l), 16, pdfMuted, "start", false, 0)
	}
	series := func(vals []assess.Num, c pdfColor, alpha float64, dashed bool, width float64) {
		all := true
		var pts [][2]float64
		for i, v := range vals {
			all = all && v.Valid
			if v.Valid {
				pts = append(pts, at(i, v.Value))
			}
		}
		extra := ""
		if dashed {
			extra = ` stroke-dasharray="10 7"`
		}
		fill := "none"
		if all && alpha > 0 && n >= 3 {
			fill = svgRGB(c)
			extra += fmt.Sprintf(` fill-opacity="%s"`, svgNum(alpha))
		}
		if len(pts) >= 2 {
			s.polygon(pts, fill, c, width, extra)
		}
		for _, p := range pts {
			s.circle(p[0], p[1], 5, c)
		}
	}
	doc, act := make([]assess.Num, n), make([]assess.Num, n)
	for i, ds := range dims {
		doc[i], act[i] = ds.Documented, ds.Actual
	}
	series(doc, pdfMuted, 0.12, false, 2.5)
	series(target, pdfSignal, 0, true, 3)
	series(act, pdfAccent, 0.25, false, 4)
	for i, ds := range dims {
		x, y, side, vert := g.label(i, 22)
		const w = 220.0
		name := svgWrap(ds.DisplayName(), 20, true, w, 2)
		h := float64(len(name))*24 + 22
		anchor := "middle"
		switch side {
		case 1:
			anchor = "start"
		case -1:
			anchor = "end"
		}
		top := y - h/2
		switch vert {
		case -1:
			top = y - h
		case 1:
			top = y
		}
		for j, l := range name {
			s.text(x, top+20+float64(j)*24, l, 20, pdfInk, anchor, true, 0)
		}
		s.text(x, top+float64(len(name))*24+18, "actual "+format.Num(ds.Actual), 17, pdfMuted, anchor, false, 0)
	}

	// the legend and the numbers, at the right
	x := 1000.0
	s.svgLegend(x, 200, []pdfLegend{{"documented", pdfMuted, false, 0.12}, {"actual", pdfAccent, false, 0.25}, {targetName, pdfSignal, true, 0}})
	y := 360.0
	cols := []struct {
		head string
		x    float64
	}{{"Dimension", x}, {"Documented", x + 330}, {"Actual", x + 440}, {"Target", x + 540}}
	for i, c := range cols {
		anchor := "end"
		if i == 0 {
			anchor = "start"
		}
		s.text(c.x, y, c.head, 17, pdfAccent, anchor, true, 0)
	}
	s.line(x, y+10, svgW-svgMargin, y+10, pdfAccent, 2, "")
	for i, ds := range dims {
		yy := y + 44 + float64(i)*36
		if yy > svgH-40 {
			break
		}
		s.text(x, yy, ds.DisplayName(), 18, pdfInk, "start", false, 200)
		s.text(x+330, yy, format.Num(ds.Documented), 18, pdfInk, "end", false, 0)
		s.text(x+440, yy, format.Num(ds.Actual), 18, pdfInk, "end", true, 0)
		s.text(x+540, yy, format.Num(target[i]), 18, pdfInk, "end", false, 0)
	}
	return s.bytes()
}

func pdfOrg(r *templates.Report) string {
	return (&pdfDoc{r: r}).org()
}
