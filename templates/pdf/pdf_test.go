package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates"
	"github.com/itilmap/itilmap/templates/pdf"
)

// pdfExampleReport scores and plans the embedded ACME example.
func pdfExampleReport(t *testing.T) *templates.Report {
	t.Helper()
	res, probs := roadmap.Build(roadmap.Input{Source: assess.FromFS(examples.FS), Dir: examples.Acme})
	if probs.HasErrors() {
		t.Fatalf("example: %v", probs.Errors())
	}
	return &templates.Report{Result: res, Generated: time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)}
}

func pdfRender(t *testing.T, r *templates.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Write(&buf, r); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	return buf.Bytes()
}

// pdfSave writes the PDF where ITILMAP_PDF_OUT says, to look at it.
func pdfSave(t *testing.T, name string, b []byte) {
	if dir := os.Getenv("ITILMAP_PDF_OUT"); dir != "" {
		if err := os.WriteFile(dir+"/"+name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var pdfPageObj = regexp.MustCompile(`/Type /Page\b[^s]`)

func pdfPages(b []byte) int { return len(pdfPageObj.FindAll(b, -1)) }

func TestPDFExample(t *testing.T) {
	r := pdfExampleReport(t)
	b := pdfRender(t, r)
	pdfSave(t, "report.pdf", b)
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("does not start with %%PDF: %q", b[:min(len(b), 10)])
	}
	if n := pdfPages(b); n < 8 {
		t.Errorf("%d pages, want at least 8", n)
	}
	for _, want := range []string{"/Outlines", "/FontFile2", "/Producer (itilmap)", "/Creator (itilmap)", "/CreationDate (D:20261121093000)"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("no %s in the PDF", want)
		}
	}
	want := []string{"Cover", "Executive summary", "Maturity by dimension", "Practice heatmap", "Outcomes",
		"Roadmap timeline", "Phase 1: Stabilize", "Phase 2: Standardize", "Phase 3: Optimize", "Backlog",
		"Readiness checklist", "Appendix: practices in detail"}
	for _, p := range r.Score.Practices {
		want = append(want, p.Name)
	}
	for _, title := range want {
		if !bytes.Contains(b, pdfOutlineTitle(title)) {
			t.Errorf("no outline entry %q", title)
		}
	}
}

// pdfOutlineTitle is an outline entry's title as fpdf writes it: UTF-16BE
// with a byte order mark, in an escaped PDF string.
func pdfOutlineTitle(s string) []byte {
	var raw bytes.Buffer
	raw.WriteString("\xfe\xff")
	for _, u := range utf16.Encode([]rune(s)) {
		raw.WriteByte(byte(u >> 8))
		raw.WriteByte(byte(u))
	}
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`).Replace(raw.String())
	return []byte("<</Title (" + esc + ")")
}

func TestPDFReproducible(t *testing.T) {
	first := pdfRender(t, pdfExampleReport(t))
	for i := range 3 {
		if again := pdfRender(t, pdfExampleReport(t)); !bytes.Equal(first, again) {
			t.Fatalf("render %d differs from the first (%d vs %d bytes)", i+2, len(again), len(first))
		}
	}
}

func TestPDFUnicodeNames(t *testing.T) {
	r := pdfExampleReport(t)
	r.Score.Assessment.Organization = "Nordvind Lögistik Łódź S.A."
	r.Plan.Phases[0].Initiatives[0].Owner = roadmap.Owner{Role: "owner", Name: "Søren Ødegård"}
	r.Outcomes[0].Owner = "José Núñez"
	b := pdfRender(t, r)
	pdfSave(t, "unicode.pdf", b)
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}

func TestPDFNotScored(t *testing.T) {
	if err := pdf.Write(&bytes.Buffer{}, &templates.Report{}); err == nil {
		t.Error("an empty report rendered without error")
	}
}

// TestPDFExtreme renders what a real workshop could produce at its worst:
// very long names, a plan of 40 initiatives, no outcomes, no teams and a
// practice nobody answered.
func TestPDFExtreme(t *testing.T) {
	r := pdfExampleReport(t)
	long := strings.Repeat("Very Long Organisation Name Holding Company International ", 5) + "Łódź 🚀"
	r.Score.Assessment.Organization = long
	r.Score.Assessment.ID = strings.Repeat("an-assessment-id-without-spaces-", 4)
	r.Outcomes = nil
	r.Score.Teams = nil
	for i := range r.Score.Practices {
		p := &r.Score.Practices[i]
		p.Name = strings.Repeat("Service configuration and asset management ", 3) + p.ID
		p.Teams = nil
		p.TeamSpread = assess.Num{}
	}
	empty := &r.Score.Practices[len(r.Score.Practices)-1]
	empty.Documented, empty.Actual, empty.Drift = assess.Num{}, assess.Num{}, assess.Num{}
	empty.ControlGap, empty.CapabilityGap, empty.TargetGap, empty.Coverage = assess.Num{}, assess.Num{}, assess.Num{}, assess.Num{}
	empty.Level, empty.Label, empty.Weakest = nil, nil, ""
	for i := range empty.Dimensions {
		empty.Dimensions[i] = assess.CellScore{ID: empty.Dimensions[i].ID}
	}
	for i := range r.Score.Questions {
		if q := &r.Score.Questions[i]; q.Practice == empty.ID {
			q.Documented, q.Actual, q.Drift, q.Gap, q.N, q.MinActual, q.MaxActual = assess.Num{}, assess.Num{}, assess.Num{}, assess.Num{}, 0, nil, nil
		}
	}
	r.Score.Questions[0].Text = strings.Repeat("A statement that goes on and on without end ", 40) + strings.Repeat("x", 300)
	for k := range r.Plan.Phases {
		ph := &r.Plan.Phases[k]
		ph.Initiatives = ph.Initiatives[:0]
		for i := range 14 {
			ph.Initiatives = append(ph.Initiatives, roadmap.Initiative{
				ID: fmt.Sprintf("%c%d", "STO"[k], i+1), Phase: ph.ID, Practice: empty.ID, PracticeName: empty.Name,
				Title:     strings.Repeat("Do something useful and measurable ", 6),
				FromLevel: 1, ToLevel: 2, Fix: roadmap.Formal,
				Owner:     roadmap.Owner{Role: "owner", Name: "Søren Ødegård-Łukasiewicz"},
				Outcomes:  []string{"an-outcome-id-that-is-long", "another-one"},
				DependsOn: []string{"S1", "S2", "S3"},
			})
		}
		ph.ExitCriteria = append(ph.ExitCriteria, strings.Repeat("A very long exit criterion ", 30))
	}
	r.Plan.Phases[2].Initiatives = r.Plan.Phases[2].Initiatives[:12] // 14 + 14 + 12 = 40
	for range 30 {
		r.Plan.Backlog = append(r.Plan.Backlog, roadmap.BacklogItem{Practice: "unknown-practice", Phase: assess.Optimize, Reason: "capacity"})
	}
	b := pdfRender(t, r)
	pdfSave(t, "extreme.pdf", b)
	if n := pdfPages(b); n < 15 {
		t.Errorf("%d pages: the long lists did not continue onto more pages", n)
	}

	// a long plan starting late in the year: month and year labels thin out
	start := time.Date(2027, 11, 15, 0, 0, 0, 0, time.UTC)
	for k := range r.Plan.Phases {
		ph := &r.Plan.Phases[k]
		ph.Start = assess.Date{Time: start}
		start = start.AddDate(0, 24, 0)
		ph.End = assess.Date{Time: start.AddDate(0, 0, -1)}
	}
	pdfSave(t, "longplan.pdf", pdfRender(t, r))

	// a plan with no phases and no dimensions still renders
	r.Plan.Phases = nil
	r.Score.Dimensions = nil
	r.Score.Practices = nil
	pdfSave(t, "bare.pdf", pdfRender(t, r))
}
