package pdf

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// pdfText makes text printable in the embedded fonts: it is normalised to
// NFC (a decomposed "é" is one character again, since the PDF places no
// combining marks), control characters other than newlines become spaces,
// and a character no embedded font has becomes U+FFFD, which they draw.
// Unprintable warns about each such character, naming its file and field.
func pdfText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c < 0x20 && c != '\n') || c == 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = norm.NFC.String(s)
	cov := fontCoverage()
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7F:
			return ' '
		case !cov.has(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// runeWidths measures each rune of s in the current font: the width of a
// string is the sum of its runes' widths (fpdf does not kern), so every
// fitting below measures a text once and stays linear in its length.
func (d *pdfDoc) runeWidths(rs []rune) []float64 {
	ws := make([]float64, len(rs))
	seen := map[rune]float64{}
	for i, r := range rs {
		w, ok := seen[r]
		if !ok {
			w = d.f.GetStringWidth(string(r))
			seen[r] = w
		}
		ws[i] = w
	}
	return ws
}

// width is the width of s in the current font.
func (d *pdfDoc) width(s string) float64 { return d.f.GetStringWidth(s) }

// fit returns s for a cell of width w: it shrinks the font from size down
// to at least minSize, and only then shortens s with an ellipsis. It leaves
// the font at the size chosen.
func (d *pdfDoc) fit(s string, w, size, minSize float64) string {
	inner := w - 2*pdfCellPad
	s = pdfText(s)
	full := 0.0
	d.f.SetFontSize(size)
	full = d.width(s)
	for sz := size; sz >= minSize; sz -= 0.5 {
		d.f.SetFontSize(sz)
		if full*sz/size <= inner {
			return s
		}
	}
	d.f.SetFontSize(minSize)
	return d.ellipsis(s, inner)
}

// ellipsis shortens s with "…" to fit width w in the current font. It
// measures s once and finds the longest prefix that fits by binary search
// over the running widths: n log n, however long s is.
func (d *pdfDoc) ellipsis(s string, w float64) string {
	s = pdfText(s)
	rs := []rune(s)
	ws := d.runeWidths(rs)
	sum := make([]float64, len(rs)+1) // sum[n]: the width of rs[:n]
	for i, cw := range ws {
		sum[i+1] = sum[i] + cw
	}
	if sum[len(rs)] <= w {
		return s
	}
	room := w - d.width("…")
	n := sort.Search(len(rs)+1, func(n int) bool { return sum[n] > room }) - 1
	if n <= 0 {
		return "…"
	}
	return strings.TrimRight(string(rs[:n]), " ") + "…"
}

// lines wraps text to a cell of width w in the current font. It breaks at
// spaces only, so that an identifier (IM-PR-1, incident-management) never
// breaks across lines; a word wider than the whole column is cut at its
// edge. It is linear in the length of text.
func (d *pdfDoc) lines(text string, w float64) []string {
	w -= 2 * pdfCellPad
	var out []string
	for _, para := range strings.Split(pdfText(strings.ReplaceAll(text, "\r", "")), "\n") {
		out = append(out, d.wrapLine(para, w)...)
	}
	return out
}

func (d *pdfDoc) wrapLine(s string, w float64) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	space := d.width(" ")
	var out []string
	var cur strings.Builder
	curW := 0.0
	for _, word := range words {
		ww := d.width(word)
		if cur.Len() > 0 && curW+space+ww <= w {
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += space + ww
			continue
		}
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
		if ww > w {
			pieces := d.cutWord(word, w)
			out = append(out, pieces[:len(pieces)-1]...)
			word = pieces[len(pieces)-1]
			ww = d.width(word)
		}
		cur.WriteString(word)
		curW = ww
	}
	return append(out, cur.String())
}

// cutWord cuts a word wider than w into pieces that fit, each as long as
// the width allows (at least one character, so that wrapping progresses).
func (d *pdfDoc) cutWord(word string, w float64) []string {
	rs := []rune(word)
	ws := d.runeWidths(rs)
	var out []string
	start, width := 0, 0.0
	for i, cw := range ws {
		if width+cw > w && i > start {
			out = append(out, string(rs[start:i]))
			start, width = i, 0
		}
		width += cw
	}
	return append(out, string(rs[start:]))
}

// pdfMaxLines bounds one text block (a table cell, a paragraph, a bullet):
// about seventeen pages of a narrow column, more than the longest text the
// loader accepts (10,000 characters, even of the widest letters) needs. A
// longer text is cut with "…", so that no input can make the report run
// to thousands of pages.
const pdfMaxLines = 1000

// clamp keeps at most n lines, ending the last one kept with "…" when
// lines were dropped. The summary page clamps what it prints in full
// elsewhere; names that label a row or a chart are clamped to a few lines;
// every other text block to pdfMaxLines.
func (d *pdfDoc) clamp(ls []string, n int, w float64) []string {
	if n <= 0 || len(ls) <= n {
		return ls
	}
	out := append([]string(nil), ls[:n]...)
	out[n-1] = d.ellipsis(out[n-1]+" …", w-2*pdfCellPad)
	if !strings.HasSuffix(out[n-1], "…") {
		out[n-1] += "…"
	}
	return out
}
