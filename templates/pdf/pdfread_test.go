package pdf_test

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// This file reads back what the renderer wrote: a small text extractor for
// the PDFs fpdf makes. fpdf writes each page's content as one stream
// (zlib-compressed), and each piece of text as "BT x y Td (…)Tj ET", where
// the string is escaped (\\, \(, \), \r) and, for the embedded UTF-8 fonts,
// holds UTF-16BE code units (the fonts map CIDs to Unicode one to one).

// pdfItem is one piece of text on a page, at (X, Y) mm from the top left.
type pdfItem struct {
	X, Y float64
	S    string
}

// pdfPage is the text of one page, in drawing order.
type pdfPage struct {
	N     int // 1-based
	Items []pdfItem
}

var (
	pdfObjRe      = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	pdfContentsRe = regexp.MustCompile(`/Contents (\d+) 0 R`)
	pdfLengthRe   = regexp.MustCompile(`/Length (\d+)`)
	pdfTdRe       = regexp.MustCompile(`BT ([-\d.]+) ([-\d.]+) Td \(`)
)

const pdfPtPerMM = 72 / 25.4

// pdfRead extracts the text of every page of b.
func pdfRead(t *testing.T, b []byte) []pdfPage {
	t.Helper()
	type obj struct{ dict, stream []byte }
	objs := map[int]obj{}
	var order []int
	locs := pdfObjRe.FindAllSubmatchIndex(b, -1)
	for i, l := range locs {
		n, _ := strconv.Atoi(string(b[l[2]:l[3]]))
		end := len(b)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := b[l[1]:end]
		o := obj{dict: body}
		if k := bytes.Index(body, []byte("stream\n")); k >= 0 {
			o.dict = body[:k]
			m := pdfLengthRe.FindSubmatch(o.dict)
			if m == nil {
				t.Fatalf("object %d: a stream without /Length", n)
			}
			ln, _ := strconv.Atoi(string(m[1]))
			o.stream = body[k+len("stream\n") : k+len("stream\n")+ln]
			if bytes.Contains(o.dict, []byte("/FlateDecode")) {
				zr, err := zlib.NewReader(bytes.NewReader(o.stream))
				if err != nil {
					t.Fatalf("object %d: %v", n, err)
				}
				if o.stream, err = io.ReadAll(zr); err != nil {
					t.Fatalf("object %d: %v", n, err)
				}
			}
		}
		objs[n] = o
		order = append(order, n)
	}
	var pages []pdfPage
	for _, n := range order {
		o := objs[n]
		if !regexp.MustCompile(`/Type /Page\b[^s]`).Match(o.dict) {
			continue
		}
		m := pdfContentsRe.FindSubmatch(o.dict)
		if m == nil {
			t.Fatalf("page object %d has no /Contents", n)
		}
		c, _ := strconv.Atoi(string(m[1]))
		pages = append(pages, pdfPage{N: len(pages) + 1, Items: pdfTextItems(t, objs[c].stream)})
	}
	return pages
}

// pdfTextItems finds the text pieces of a content stream.
func pdfTextItems(t *testing.T, s []byte) []pdfItem {
	var out []pdfItem
	for _, m := range pdfTdRe.FindAllSubmatchIndex(s, -1) {
		x, _ := strconv.ParseFloat(string(s[m[2]:m[3]]), 64)
		y, _ := strconv.ParseFloat(string(s[m[4]:m[5]]), 64)
		var raw []byte
		i := m[1]
		for ; i < len(s) && s[i] != ')'; i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
				switch s[i] {
				case 'r':
					raw = append(raw, '\r')
				case 'n':
					raw = append(raw, '\n')
				default:
					raw = append(raw, s[i])
				}
				continue
			}
			raw = append(raw, s[i])
		}
		if len(raw)%2 != 0 {
			t.Fatalf("text at %s %s: odd UTF-16 length", s[m[2]:m[3]], s[m[4]:m[5]])
		}
		u := make([]uint16, len(raw)/2)
		for j := range u {
			u[j] = uint16(raw[2*j])<<8 | uint16(raw[2*j+1])
		}
		out = append(out, pdfItem{X: x / pdfPtPerMM, Y: 297 - y/pdfPtPerMM, S: string(utf16.Decode(u))})
	}
	return out
}

// Text is every piece of text of the page, one a line, in drawing order.
func (p pdfPage) Text() string {
	var b strings.Builder
	for _, it := range p.Items {
		b.WriteString(it.S)
		b.WriteByte('\n')
	}
	return b.String()
}

// Rows groups the page's text into rows by baseline (within 0.6 mm), top to
// bottom, each row's pieces left to right.
func (p pdfPage) Rows() [][]pdfItem {
	items := slices.Clone(p.Items)
	sort.SliceStable(items, func(i, j int) bool { return items[i].Y < items[j].Y })
	var rows [][]pdfItem
	for _, it := range items {
		if n := len(rows); n > 0 && it.Y-rows[n-1][0].Y < 0.6 {
			rows[n-1] = append(rows[n-1], it)
			continue
		}
		rows = append(rows, []pdfItem{it})
	}
	for _, r := range rows {
		sort.SliceStable(r, func(i, j int) bool { return r[i].X < r[j].X })
	}
	return rows
}

// RowTexts is Rows as strings, the pieces of a row joined by " | ".
func (p pdfPage) RowTexts() []string {
	var out []string
	for _, r := range p.Rows() {
		var parts []string
		for _, it := range r {
			parts = append(parts, it.S)
		}
		out = append(out, strings.Join(parts, " | "))
	}
	return out
}

// Find returns the first item whose text is s, or false.
func (p pdfPage) Find(s string) (pdfItem, bool) {
	for _, it := range p.Items {
		if it.S == s {
			return it, true
		}
	}
	return pdfItem{}, false
}

// Below returns the text of the first item under it (within 1 mm of its
// x, lower on the page), or "".
func (p pdfPage) Below(it pdfItem) string {
	best, bestY := "", 1e9
	for _, o := range p.Items {
		if o.Y > it.Y+0.5 && o.Y < bestY && o.X > it.X-1 && o.X < it.X+1 {
			best, bestY = o.S, o.Y
		}
	}
	return best
}

// pdfSection returns the pages from the one whose text holds title (as a
// whole text piece) up to the next page that holds any of the other titles.
func pdfSection(pages []pdfPage, title string, next ...string) []pdfPage {
	start := -1
	for i, p := range pages {
		if _, ok := p.Find(title); ok {
			start = i
			break
		}
	}
	if start < 0 {
		return nil
	}
	end := len(pages)
	for i := start + 1; i < len(pages) && end == len(pages); i++ {
		for _, n := range next {
			if _, ok := pages[i].Find(n); ok {
				end = i
				break
			}
		}
	}
	return pages[start:end]
}

// pdfAllRows is every row of the pages, in order.
func pdfAllRows(pages []pdfPage) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.RowTexts()...)
	}
	return out
}

// pdfHasRow reports whether a row of rows holds the cells want, in order,
// as consecutive pieces.
func pdfHasRow(rows []string, want ...string) bool {
	w := strings.Join(want, " | ")
	for _, r := range rows {
		if r == w || strings.HasPrefix(r, w+" | ") || strings.HasSuffix(r, " | "+w) || strings.Contains(r, " | "+w+" | ") {
			return true
		}
	}
	return false
}
