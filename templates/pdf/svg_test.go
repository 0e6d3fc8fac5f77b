package pdf_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/templates"
	"github.com/itilmap/itilmap/templates/pdf"
)

// svgTexts parses an SVG and returns its root's viewBox and every <text>
// element's content, in order; it fails on malformed XML.
func svgTexts(t *testing.T, name string, b []byte) (string, []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var viewBox string
	var texts []string
	in := false
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "svg" {
				for _, a := range e.Attr {
					if a.Name.Local == "viewBox" {
						viewBox = a.Value
					}
				}
			}
			if e.Name.Local == "text" {
				in = true
				cur.Reset()
			}
		case xml.CharData:
			if in {
				cur.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" {
				in = false
				texts = append(texts, cur.String())
			}
		}
	}
	return viewBox, texts
}

func svgCharts(t *testing.T, r *templates.Report) map[string][]byte {
	t.Helper()
	charts, err := pdf.SVGCharts(r)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, c := range charts {
		out[c.Name] = c.Data
		if dir := os.Getenv("ITILMAP_PDF_OUT"); dir != "" {
			if err := os.WriteFile(dir+"/"+c.Name, c.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

func TestSVGCharts(t *testing.T) {
	r := pdfBaselineReport(t)
	r.Score.Assessment.Organization = `ACME <Retail> & "Sons" </svg><script>alert(1)</script>`
	charts := svgCharts(t, r)
	for _, name := range []string{"radar.svg", "heatmap.svg", "timeline.svg", "progress.svg"} {
		b, ok := charts[name]
		if !ok {
			t.Errorf("no %s", name)
			continue
		}
		vb, texts := svgTexts(t, name, b)
		if vb != "0 0 1600 900" {
			t.Errorf("%s: viewBox %q, want a 16:9 slide", name, vb)
		}
		if bytes.Contains(b, []byte("<script")) {
			t.Errorf("%s: the organisation's text is not escaped", name)
		}
		joined := strings.Join(texts, "\n")
		if !strings.Contains(joined, `ACME <Retail> & "Sons"`) {
			t.Errorf("%s: the organisation does not read back as written", name)
		}
	}

	// the radar: each dimension's documented, actual and target
	_, texts := svgTexts(t, "radar.svg", charts["radar.svg"])
	for _, ds := range r.Score.Dimensions {
		if !svgHasSeq(texts, ds.DisplayName(), format.Num(ds.Documented), format.Num(ds.Actual)) {
			t.Errorf("radar: no row %s %s %s", ds.DisplayName(), format.Num(ds.Documented), format.Num(ds.Actual))
		}
	}
	// the heatmap: every practice, its cells in dimension order, its overall
	_, texts = svgTexts(t, "heatmap.svg", charts["heatmap.svg"])
	for _, p := range r.Score.AttentionPractices() {
		want := []string{p.Name}
		for _, ds := range r.Score.Dimensions {
			for _, c := range p.Dimensions {
				if c.ID == ds.ID {
					want = append(want, format.Num(c.Actual))
				}
			}
		}
		want = append(want, format.Num(p.Actual), format.Level(p.Level, p.Label))
		if !svgHasSeq(texts, want...) {
			t.Errorf("heatmap: no row %q", want)
		}
	}
	// the timeline: every initiative with its level move
	_, texts = svgTexts(t, "timeline.svg", charts["timeline.svg"])
	for _, ph := range r.Plan.Phases {
		for _, ini := range ph.Initiatives {
			if !svgHasSeq(texts, ini.ID+"  "+ini.PracticeName) {
				t.Errorf("timeline: no initiative %s", ini.ID)
			}
		}
	}
	// progress: each practice's change
	_, texts = svgTexts(t, "progress.svg", charts["progress.svg"])
	for _, tr := range r.Progress.Practices {
		if !svgHasSeq(texts, tr.Name, signed(tr.DeltaActual.Value)) {
			t.Errorf("progress: no %s %s", tr.Name, signed(tr.DeltaActual.Value))
		}
	}

	// without a baseline there is no progress chart
	if _, ok := svgCharts(t, pdfExampleReport(t))["progress.svg"]; ok {
		t.Error("progress.svg without a baseline")
	}
}

// svgHasSeq reports whether want appear in texts one after another.
func svgHasSeq(texts []string, want ...string) bool {
	for i := range texts {
		if i+len(want) > len(texts) {
			return false
		}
		ok := true
		for j, w := range want {
			ok = ok && texts[i+j] == w
		}
		if ok {
			return true
		}
	}
	return false
}

// Long names stay within the slide: 50 practices and a 2,000-character
// dimension name still draw, with every row inside the viewBox.
func TestSVGBounded(t *testing.T) {
	r := pdfExampleReport(t)
	r.Score.Dimensions[0].Name = strings.Repeat("Very long dimension name ", 80)
	ps := r.Score.Practices
	for len(r.Score.Practices) < 50 {
		r.Score.Practices = append(r.Score.Practices, ps...)
	}
	charts := svgCharts(t, r)
	for name, b := range charts {
		svgTexts(t, name, b)
		if len(b) > 1<<20 {
			t.Errorf("%s: %d bytes", name, len(b))
		}
	}
}
