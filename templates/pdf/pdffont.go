package pdf

import (
	"fmt"
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// The report is set in DejaVu Sans, a proportional sans whose regular,
// bold and oblique faces cover Latin with all its extensions (Vietnamese
// included), Greek, Cyrillic and many more scripts. The faces are embedded
// (subset) in every PDF.
const pdfFont = "DejaVuSans"

// pdfFaces are the embedded faces by fpdf style.
var pdfFaces = []struct {
	Style string
	TTF   []byte
}{
	{"", dejavusans.TTF},
	{"B", dejavusansbold.TTF},
	{"I", dejavusansoblique.TTF},
}

// pdfCoverage is the set of BMP characters every embedded face has a
// glyph for. fpdf prints only the Basic Multilingual Plane.
type pdfCoverage []uint64

func (c pdfCoverage) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && c[r>>6]&(1<<(uint(r)&63)) != 0
}

// fontCoverage reads the embedded faces' character maps once.
var fontCoverage = sync.OnceValue(func() pdfCoverage {
	cov := make(pdfCoverage, 0x10000/64)
	for i := range cov {
		cov[i] = ^uint64(0)
	}
	var buf sfnt.Buffer
	for _, face := range pdfFaces {
		f, err := sfnt.Parse(face.TTF)
		if err != nil {
			panic(fmt.Sprintf("pdf: embedded font: %v", err)) // the fonts are part of the build
		}
		for r := rune(0); r <= 0xFFFF; r++ {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				cov[r>>6] &^= 1 << (uint(r) & 63)
			}
		}
	}
	return cov
})

// missingGlyphs returns the distinct characters of s (after NFC) that no
// embedded face can print, in order of appearance. Control characters are
// not counted: the PDF prints them as spaces.
func missingGlyphs(s string) []rune {
	var out []rune
	cov := fontCoverage()
	seen := map[rune]bool{}
	for _, r := range norm.NFC.String(s) {
		if r < 0x20 || r == 0x7F || cov.has(r) || seen[r] {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}

// scriptName names the script of r ("Hebrew"), or "" for characters shared
// by many scripts (symbols, emoji).
func scriptName(r rune) string {
	for name, t := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(t, r) {
			return name
		}
	}
	return ""
}

// describeMissing puts missing characters in words: "character U+05D0
// (Hebrew)", "characters U+05D0 (Hebrew) and 3 more".
func describeMissing(rs []rune) string {
	s := fmt.Sprintf("character U+%04X", rs[0])
	if name := scriptName(rs[0]); name != "" {
		s += " (" + name + ")"
	}
	if len(rs) > 1 {
		s = "characters" + s[len("character"):] + fmt.Sprintf(" and %d more", len(rs)-1)
	}
	return s
}
