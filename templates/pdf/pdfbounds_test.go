package pdf_test

import (
	"strings"
	"testing"

	"github.com/itilmap/itilmap/internal/format"
)

// The cases of issue 15: inputs that made the renderer loop, or take
// quadratic time. Each renders here in well under a second; the page
// counts bound the output, so that an element larger than a page is cut,
// never repeated.

// words is n characters of words, so that the text wraps into many lines.
func words(n int) string {
	return strings.Repeat("Ünternehmensweite Servicearchitektur ", n/37+1)[:n]
}

// A table header taller than a page (a team named in 1,600 characters, a
// dimension in 2,100) added pages forever: a heading is cut to six lines.
func TestPDFHugeHeaders(t *testing.T) {
	r := pdfExampleReport(t)
	team := words(1600)
	old := r.Score.Teams[0]
	r.Score.Teams[0] = team
	for i := range r.Score.Practices {
		for j := range r.Score.Practices[i].Teams {
			if r.Score.Practices[i].Teams[j].ID == old {
				r.Score.Practices[i].Teams[j].ID = team
			}
		}
	}
	r.Score.Dimensions[1].Name = words(2100)
	b := pdfRender(t, r)
	pdfSave(t, "hugeheaders.pdf", b)
	if n := pdfPages(b); n > 40 {
		t.Errorf("%d pages for a report of 24", n)
	}
}

// A 100,000-character organisation name (and one of a single word) made
// fitting the page header quadratic: it is measured once per page.
func TestPDFHugeOrganisation(t *testing.T) {
	for name, org := range map[string]string{"words": words(100000), "one word": strings.Repeat("Ł", 100000)} {
		t.Run(name, func(t *testing.T) {
			r := pdfExampleReport(t)
			r.Score.Assessment.Organization = org
			b := pdfRender(t, r)
			if n := pdfPages(b); n > 30 {
				t.Errorf("%d pages for a report of 24", n)
			}
			pages := pdfRead(t, b)
			if it, ok := pages[1].Find("ITSM maturity assessment"); !ok || it.Y > 20 {
				t.Error("the page header is missing")
			}
			if !strings.HasSuffix(pages[1].Items[0].S, "…") {
				t.Errorf("the page header's organisation is not cut with an ellipsis: %.40q", pages[1].Items[0].S)
			}
		})
	}
}

// Long one-word texts (a question, a practice name, an outcome) took
// seconds to wrap: they are cut at the column's edge in linear time.
func TestPDFLongWords(t *testing.T) {
	r := pdfExampleReport(t)
	r.Score.Questions[0].Text = strings.Repeat("x", 10000)
	r.Score.Questions[1].Text = strings.Repeat("y", 1000000) // the loader stops at 10,000; the renderer does not rely on it
	r.Score.Practices[0].Name = strings.Repeat("Service", 700)
	r.Outcomes[0].Statement = strings.Repeat("Reduce", 1700)
	r.Outcomes[0].Title = strings.Repeat("Slow", 2500)
	r.Plan.Phases[0].Initiatives[0].Title = strings.Repeat("Name", 2500)
	r.Plan.Phases[0].ExitCriteria[0] = strings.Repeat("Level", 2000)
	b := pdfRender(t, r)
	pdfSave(t, "longwords.pdf", b)
	if n := pdfPages(b); n > 90 {
		t.Errorf("%d pages", n)
	}
	// the question prints in full in the appendix, cut into lines of the
	// column's width
	xs := 0
	for _, p := range pdfRead(t, b) {
		for _, it := range p.Items {
			if strings.Trim(it.S, "x") == "" {
				xs += len(it.S)
			}
		}
	}
	if xs != 10000 {
		t.Errorf("the long question prints %d of its 10000 characters", xs)
	}
}

// Radar labels of three lines stay inside the chart's box: under the
// introduction and above the legend.
func TestPDFRadarLabels(t *testing.T) {
	r := pdfExampleReport(t)
	for i := range r.Score.Dimensions {
		r.Score.Dimensions[i].Name = "Governance, risk and compliance across the organisation " + r.Score.Dimensions[i].ID
	}
	pages := pdfRead(t, pdfRender(t, r))
	sec := pdfSection(pages, "Maturity by dimension")
	if sec == nil {
		t.Fatal("no radar page")
	}
	p := sec[0]
	const intro = "How far documented practice (what the handbook says) and actual practice (what happens when the queue is busy) reach in each dimension, against the target. The further out, the more mature."
	introBottom, legend, table := 0.0, 1e9, 1e9
	for _, it := range p.Items {
		if len(it.S) > 10 && strings.Contains(intro, it.S) {
			introBottom = max(introBottom, it.Y)
		}
		if it.S == "documented" {
			legend = min(legend, it.Y)
		}
		if it.S == "Dimension" {
			table = min(table, it.Y)
		}
	}
	if introBottom == 0 || legend == 1e9 {
		t.Fatal("no introduction or no legend found")
	}
	labels := 0
	for _, it := range p.Items {
		isLabel := strings.HasPrefix(it.S, "actual ") || strings.HasPrefix(it.S, "Governance, risk") || strings.Contains(it.S, "organisation") || strings.HasSuffix(it.S, "…")
		if !isLabel || it.Y > table-1 {
			continue
		}
		labels++
		if it.Y < introBottom+3.5 {
			t.Errorf("label %q at %.1f mm runs into the introduction (last line at %.1f mm)", it.S, it.Y, introBottom)
		}
		if it.Y > legend-3.5 {
			t.Errorf("label %q at %.1f mm runs into the legend (at %.1f mm)", it.S, it.Y, legend)
		}
	}
	if labels < 2*len(r.Score.Dimensions) {
		t.Errorf("%d label lines found", labels)
	}
	for _, ds := range r.Score.Dimensions {
		if _, ok := p.Find("actual " + format.Num(ds.Actual)); !ok {
			t.Errorf("no label for %s", ds.ID)
		}
	}
}

func BenchmarkPDFLongText(b *testing.B) {
	t := &testing.T{}
	r := pdfExampleReport(t)
	r.Score.Assessment.Organization = words(20000)
	r.Score.Questions[0].Text = strings.Repeat("x", 10000)
	r.Score.Questions[1].Text = strings.Repeat("y", 1000000) // the loader stops at 10,000; the renderer does not rely on it
	for b.Loop() {
		pdfRender(t, r)
	}
}
