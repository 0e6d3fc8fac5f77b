package pdf_test

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates/pdf"
	"golang.org/x/text/unicode/norm"
)

// pdfAllText is the text of every page, one piece a line.
func pdfAllText(pages []pdfPage) string {
	var b strings.Builder
	for _, p := range pages {
		b.WriteString(p.Text())
	}
	return b.String()
}

// pdfFlat is the text of every page, its pieces joined by spaces, so
// that text wrapped at spaces reads as one line.
func pdfFlat(pages []pdfPage) string {
	return strings.Join(strings.Fields(pdfAllText(pages)), " ")
}

// Names in Vietnamese, Polish, Greek and Cyrillic print as written: the
// embedded font has every character, and nothing warns.
func TestPDFScripts(t *testing.T) {
	r := pdfExampleReport(t)
	names := map[string]string{
		"organization": "François Nguyễn & Łódź Ελληνική Εταιρεία Москва",
		"outcome":      "Đặng Thị Huyền Trang",
		"owner":        "Ярослава Żółkiewska",
		"painpoint":    "Γιώργος Παπαδόπουλος-Ξανθόπουλος",
	}
	r.Assessment.Organization = names["organization"]
	r.Score.Assessment.Organization = names["organization"]
	r.Outcomes[0].Owner = names["outcome"]
	r.Outcomes[1].Owner = names["painpoint"]
	r.Plan.Phases[0].Initiatives[0].Owner = roadmap.Owner{Role: "owner", Name: names["owner"]}
	b := pdfRender(t, r)
	pdfSave(t, "scripts.pdf", b)
	text := pdfFlat(pdfRead(t, b))
	for field, name := range names {
		if !strings.Contains(text, name) {
			t.Errorf("%s %q is not printed as written", field, name)
		}
	}
	if strings.ContainsRune(text, '\uFFFD') {
		t.Error("a replacement character was printed")
	}
	if ws := pdf.Unprintable(r.Result); len(ws) > 0 {
		t.Errorf("warnings for printable names: %v", ws)
	}
	// the body font is a proportional sans, embedded; no Go (monospaced
	// figures, long hyphens) font is left
	for _, want := range []string{"/BaseFont /utf8dejavusans", "/FontFile2"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("no %s in the PDF", want)
		}
	}
	if bytes.Contains(b, []byte("/BaseFont /utf8go")) {
		t.Error("a Go font is still embedded")
	}
}

// Decomposed text (NFD: "e" and a combining acute) prints composed.
func TestPDFNFD(t *testing.T) {
	r := pdfExampleReport(t)
	nfd := norm.NFD.String("Société Générale d'Énergie, Hà Nội")
	if nfd == norm.NFC.String(nfd) {
		t.Fatal("the fixture is not decomposed")
	}
	r.Score.Assessment.Organization = nfd
	text := pdfAllText(pdfRead(t, pdfRender(t, r)))
	if !strings.Contains(text, "Société Générale d'Énergie, Hà Nội") {
		t.Error("the NFD organisation is not printed composed")
	}
	if strings.ContainsRune(text, '\u0301') || strings.ContainsRune(text, '\uFFFD') {
		t.Error("a combining mark or a replacement character was printed")
	}
	if ws := pdf.Unprintable(r.Result); len(ws) > 0 {
		t.Errorf("warnings for NFD text the font prints: %v", ws)
	}
}

// A character no embedded font has is a warning naming the file and the
// field, once per field, and prints as U+FFFD, never as a silent box.
func TestUnprintable(t *testing.T) {
	r := pdfExampleReport(t)
	a := r.Assessment
	a.Organization = "東京 Retail 東京 中"
	r.Score.Assessment.Organization = a.Organization
	team := a.Responses[0].Respondent.Team
	for _, resp := range a.Responses {
		if resp.Respondent.Team == team {
			resp.Respondent.Team = "ดี"
		}
	}
	a.PainPoints[0].Owner = "Hebrew is fine: אבג; Georgian too: ქართული; Devanagari is not: हिन्दी"
	got := pdf.Unprintable(r.Result)
	var lines []string
	for _, p := range got {
		lines = append(lines, p.String())
	}
	want := []string{
		a.File + ": warning: organization: characters U+6771 (Han) and 2 more cannot be printed in the PDF",
		filepath.Join(a.Dir, a.PainPointsFile) + ":" + strconv.Itoa(a.PainPoints[0].Pos.Line) + ":" + strconv.Itoa(a.PainPoints[0].Pos.Column) +
			": warning: painpoints: " + a.PainPoints[0].ID + ": owner: characters U+0939 (Devanagari) and 5 more cannot be printed in the PDF",
		a.Responses[0].File + ": warning: respondent: team: characters U+0E14 (Thai) and 1 more cannot be printed in the PDF",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	text := pdfAllText(pdfRead(t, pdfRender(t, r)))
	if !strings.Contains(text, "\uFFFD\uFFFD Retail") {
		t.Error("an unprintable character is not printed as U+FFFD")
	}
}

// Identifiers never break across lines: every question id in the report is
// printed whole, and no piece of text is cut after a hyphen.
func TestPDFIdentifiersWhole(t *testing.T) {
	r := pdfExampleReport(t)
	pages := pdfRead(t, pdfRender(t, r))
	pieces := map[string]bool{}
	for _, p := range pages {
		for _, it := range p.Items {
			pieces[it.S] = true
			if strings.HasSuffix(it.S, "-") {
				t.Errorf("page %d: %q is cut after a hyphen", p.N, it.S)
			}
		}
	}
	for _, q := range r.Score.Questions {
		if !pieces[q.ID] {
			t.Errorf("question %s is not printed whole", q.ID)
		}
	}
}
