package pdf

import "strings"

// pdfCol is a table column: its heading, width in mm and alignment ("L",
// the default, "R" or "C").
type pdfCol struct {
	Head  string
	W     float64
	Align string
}

// pdfTable is a grid of wrapped text cells. Rows that do not fit the page
// move to the next one, under a repeated header; a row taller than a whole
// page continues on the next one.
type pdfTable struct {
	Cols     []pdfCol
	Rows     [][]string
	Size     float64 // font size in pt; 9 when zero
	MaxLines int     // clamp each cell to this many lines (summary page only); 0: no limit
	// ColLines clamps the cells of column i to ColLines[i] lines (0: no
	// limit): names that label a row, printed in full elsewhere, so that a
	// pathological name cannot fill pages.
	ColLines []int
	MinRowH  float64 // the least height of a row, in mm
	Middle   bool    // centre cell text vertically
	// Continued names the table above its header on the pages it continues on.
	Continued string
	// Fill, Style and Color, when set, give a cell's background, font
	// style ("", "B", "I") and text colour.
	Fill  func(row, col int) (pdfColor, bool)
	Style func(row, col int) string
	Color func(row, col int) (pdfColor, bool)
}

const pdfTablePad = 1.3 // vertical padding inside a cell, mm

// pdfSplitRow is the height (mm) above which a row that does not fit the
// rest of the page starts there and continues on the next, rather than
// leaving a large gap.
const pdfSplitRow = 60.0

// table lays out t at the current position, across the content width.
func (d *pdfDoc) table(t pdfTable) {
	f := d.f
	size := t.Size
	if size == 0 {
		size = 9
	}
	lh := pdfLineH(size)
	total := 0.0
	for _, c := range t.Cols {
		total += c.W
	}
	auto, margin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, margin)
	defer f.SetAutoPageBreak(auto, margin)

	// the headings shrink, all alike and down to 7 pt, before a word of
	// theirs would break
	hs := size - 0.5
	for ; hs > 7; hs -= 0.5 {
		d.font("B", hs)
		fits := true
		for _, c := range t.Cols {
			fits = fits && d.widestWord(c.Head) <= c.W-2*pdfCellPad
		}
		if fits {
			break
		}
	}
	heads := make([][]string, len(t.Cols))
	sizes := make([]float64, len(t.Cols))
	headH := 0.0
	d.font("B", hs)
	// a heading is at most six lines (a name, printed in full elsewhere),
	// so that the header repeated on every page always leaves room for rows
	maxHead := min(6, max(1, int((pdfBottom-pdfMarginT)/4/pdfLineH(hs))))
	for i, c := range t.Cols {
		heads[i], sizes[i] = d.clamp(d.lines(c.Head, c.W), maxHead, c.W), hs
		headH = max(headH, float64(len(heads[i]))*pdfLineH(hs))
	}
	headH += 2 * pdfTablePad
	header := func() {
		y := f.GetY()
		d.fillColor(pdfPale)
		f.Rect(pdfMarginX, y, total, headH, "F")
		d.textColor(pdfAccent)
		x := pdfMarginX
		for i, c := range t.Cols {
			d.font("B", sizes[i])
			for j, l := range heads[i] {
				f.SetXY(x, y+pdfTablePad+float64(j)*pdfLineH(sizes[i]))
				d.cell(c.W, pdfLineH(sizes[i]), l, 0, pdfAlign(c.Align))
			}
			x += c.W
		}
		d.drawColor(pdfAccent)
		f.SetLineWidth(0.3)
		f.Line(pdfMarginX, y+headH, pdfMarginX+total, y+headH)
		f.SetXY(pdfMarginX, y+headH)
	}
	newPage := func() {
		f.AddPage()
		if t.Continued != "" {
			d.font("I", 8.5)
			d.textColor(pdfMuted)
			f.SetX(pdfMarginX)
			d.cell(total, 5, d.ellipsis(t.Continued+" (continued)", total-2*pdfCellPad), 1, "L")
			f.Ln(1)
		}
		header()
	}
	style := func(r, c int) string {
		if t.Style != nil {
			return t.Style(r, c)
		}
		return ""
	}

	for ri, row := range t.Rows {
		cells := make([][]string, len(t.Cols))
		cellSizes := make([]float64, len(t.Cols))
		n := 1
		for ci, c := range t.Cols {
			txt := ""
			if ci < len(row) {
				txt = row[ci]
			}
			cellSizes[ci] = d.wordFit(txt, c.W, style(ri, ci), size)
			d.font(style(ri, ci), cellSizes[ci])
			maxLines := t.MaxLines
			if maxLines == 0 {
				maxLines = pdfMaxLines
			}
			if ci < len(t.ColLines) && t.ColLines[ci] > 0 && (maxLines == 0 || t.ColLines[ci] < maxLines) {
				maxLines = t.ColLines[ci]
			}
			cells[ci] = d.clamp(d.lines(txt, c.W), maxLines, c.W)
			n = max(n, len(cells[ci]))
		}
		h := max(float64(n)*lh+2*pdfTablePad, t.MinRowH)
		if ri == 0 {
			keep := h // the header stays with the first row, or its first lines
			if h > pdfSplitRow {
				keep = 2*lh + 2*pdfTablePad
			}
			if f.GetY()+headH+keep > pdfBottom {
				f.AddPage()
			}
			header()
		}
		for start := 0; start < n; {
			room := pdfBottom - f.GetY()
			if start == 0 && h > room && h <= pdfSplitRow {
				newPage()
				continue
			}
			k := min(int((room-2*pdfTablePad)/lh), n-start)
			if k < 1 {
				newPage()
				continue
			}
			partH := float64(k)*lh + 2*pdfTablePad
			if start == 0 && k == n {
				partH = h
			}
			d.tableRow(t, ri, cells, cellSizes, start, k, partH, size)
			start += k
			if start < n {
				newPage()
			}
		}
	}
	if len(t.Rows) == 0 {
		if f.GetY()+headH > pdfBottom {
			f.AddPage()
		}
		header()
	}
	f.SetAutoPageBreak(auto, margin)
	f.SetX(pdfMarginX)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// tableRow draws lines [start, start+k) of every cell of row ri in a band
// of height h at the current y.
func (d *pdfDoc) tableRow(t pdfTable, ri int, cells [][]string, sizes []float64, start, k int, h, size float64) {
	f := d.f
	lh := pdfLineH(size)
	y := f.GetY()
	x := pdfMarginX
	for ci, c := range t.Cols {
		if t.Fill != nil {
			if bg, ok := t.Fill(ri, ci); ok {
				d.fillColor(bg)
				f.Rect(x+0.3, y+0.3, c.W-0.6, h-0.6, "F")
			}
		}
		st := ""
		if t.Style != nil {
			st = t.Style(ri, ci)
		}
		d.font(st, sizes[ci])
		d.textColor(pdfInk)
		if t.Color != nil {
			if fg, ok := t.Color(ri, ci); ok {
				d.textColor(fg)
			}
		}
		ls := cells[ci]
		end := min(start+k, len(ls))
		top := y + pdfTablePad
		if t.Middle && end > start {
			top = y + (h-float64(end-start)*lh)/2
		}
		for i := start; i < end; i++ {
			f.SetXY(x, top+float64(i-start)*lh)
			d.cell(c.W, lh, ls[i], 0, pdfAlign(c.Align))
		}
		x += c.W
	}
	d.drawColor(pdfRule)
	f.SetLineWidth(0.15)
	f.Line(pdfMarginX, y+h, x, y+h)
	f.SetXY(pdfMarginX, y+h)
}

func pdfAlign(a string) string {
	switch a {
	case "R", "C":
		return a
	}
	return "L"
}

// widestWord is the width of the widest word of s in the current font.
func (d *pdfDoc) widestWord(s string) float64 {
	w := 0.0
	for _, word := range strings.Fields(pdfText(s)) {
		w = max(w, d.f.GetStringWidth(word))
	}
	return w
}

// wordFit is the font size for a cell's text: size, or smaller (down to
// 1.5 pt less, and never below 6.5 pt) when a word of the text, such as an
// identifier, is wider than the column, so that it does not break.
func (d *pdfDoc) wordFit(text string, w float64, style string, size float64) float64 {
	d.font(style, size)
	widest := d.widestWord(text)
	inner := w - 2*pdfCellPad
	if widest <= inner {
		return size
	}
	for sz := size - 0.5; sz >= max(6.5, size-1.5); sz -= 0.5 {
		if widest*sz/size <= inner {
			return sz
		}
	}
	return size
}
