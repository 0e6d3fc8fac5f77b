package pdf

import "strings"

// pdfText makes text safe for the embedded font: characters beyond the
// Basic Multilingual Plane (emoji) become U+FFFD, which the font can draw,
// and control characters other than newlines become spaces.
func pdfText(s string) string {
	clean := true
	for _, r := range s {
		if r > 0xFFFF || (r < 0x20 && r != '\n') || r == 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r > 0xFFFF:
			return '\uFFFD'
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7F:
			return ' '
		}
		return r
	}, s)
}

// fit returns s for a cell of width w: it shrinks the font from size down
// to at least minSize, and only then shortens s with an ellipsis. It leaves
// the font at the size chosen.
func (d *pdfDoc) fit(s string, w, size, minSize float64) string {
	inner := w - 2*pdfCellPad
	for sz := size; sz >= minSize; sz -= 0.5 {
		d.f.SetFontSize(sz)
		if d.f.GetStringWidth(s) <= inner {
			return s
		}
	}
	return d.ellipsis(s, inner)
}

// ellipsis shortens s with "…" to fit width w in the current font.
func (d *pdfDoc) ellipsis(s string, w float64) string {
	if d.f.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimRight(string(rs[:n]), " ") + "…"
		if d.f.GetStringWidth(t) <= w {
			return t
		}
	}
	return "…"
}

// lines wraps text to a cell of width w in the current font. It breaks at
// spaces, then after a hyphen, slash or underscore, then between any two
// characters: a long name wraps, it is never cut off.
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
	var out []string
	cur := ""
	for _, word := range words {
		cand := word
		if cur != "" {
			cand = cur + " " + word
		}
		if d.f.GetStringWidth(cand) <= w {
			cur = cand
			continue
		}
		if cur != "" {
			out = append(out, cur)
		}
		for d.f.GetStringWidth(word) > w {
			head, rest := d.breakWord(word, w)
			out = append(out, head)
			word = rest
		}
		cur = word
	}
	return append(out, cur)
}

// breakWord splits a word wider than w: after the last hyphen, slash or
// underscore that fits, else after the last character that fits (at least
// one, so that wrapping always progresses).
func (d *pdfDoc) breakWord(word string, w float64) (string, string) {
	rs := []rune(word)
	fit, width := 0, 0.0
	for fit < len(rs) {
		cw := d.f.GetStringWidth(string(rs[fit]))
		if width+cw > w && fit > 0 {
			break
		}
		width += cw
		fit++
	}
	cut := fit
	for i := fit; i > 1; i-- {
		if strings.ContainsRune("-/_", rs[i-1]) {
			cut = i
			break
		}
	}
	if cut < fit/2 { // a break far back wastes the line: cut at the edge
		cut = fit
	}
	return string(rs[:cut]), string(rs[cut:])
}

// clamp keeps at most n lines, ending the last one kept with "…" when
// lines were dropped. Only the one-page summary clamps, and only text that
// is printed in full elsewhere in the report.
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
