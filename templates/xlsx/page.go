package xlsx

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// Column widths, in characters.
const (
	minWidth     = 6.0
	defaultCap   = 50.0 // a text column grows to this width, then its text wraps
	headerLetter = 14   // a header wraps on words beyond this many characters
)

// page collects the cells of one sheet before writing them, so that each
// column is as wide as its text (up to a cap, beyond which the text wraps)
// and each row as tall as its wrapped text.
type page struct {
	wb        *workbook
	name      string
	cells     map[[2]int]cell // (col, row) → cell, 1-based
	caps      map[int]float64 // the widest a column grows; defaultCap when not set
	fixed     map[int]float64 // columns of a given width
	titleRows int             // rows repeated at the top of every printed page
	freeze    int             // header rows frozen on screen
	filter    string          // the range of the autofilter
	printCols int             // when set, only the first printCols columns are printed
	after     []func() error  // charts and formats, added once the cells are written
}

func (wb *workbook) page(name string) *page {
	return &page{wb: wb, name: name, cells: map[[2]int]cell{}, caps: map[int]float64{}, fixed: map[int]float64{}}
}

// put writes cells from (col, row) to the right.
func (p *page) put(col, row int, cs ...cell) {
	for i, c := range cs {
		p.cells[[2]int{col + i, row}] = c
	}
}

// table writes a header row at (col, row) and the rows under it, and
// returns the first row after it.
func (p *page) table(col, row int, header []string, rows [][]cell) int {
	for i, h := range header {
		p.put(col+i, row, cell{v: h, style: p.wb.s.header})
	}
	for i, r := range rows {
		p.put(col, row+1+i, r...)
	}
	return row + len(rows) + 1
}

// listTable is a table whose header row is the sheet's first row: frozen,
// filtered and repeated on every printed page.
func (p *page) listTable(header []string, rows [][]cell) int {
	next := p.table(1, 1, header, rows)
	p.titleRows, p.freeze = 1, 1
	p.filter = "A1:" + sheet.Ref(len(header), max(len(rows), 1)+1)
	return next
}

// finish sets the column widths, writes the cells with their row heights,
// and sets up printing.
func (p *page) finish() error {
	f, sh := p.wb.f, p.name
	widths := p.widths()
	for col, w := range widths {
		name, _ := excelize.ColumnNumberToName(col)
		if err := f.SetColWidth(sh, name, name, w); err != nil {
			return err
		}
	}
	lines := map[int]int{}
	keys := make([][2]int, 0, len(p.cells))
	for k := range p.cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][1] != keys[j][1] {
			return keys[i][1] < keys[j][1]
		}
		return keys[i][0] < keys[j][0]
	})
	for _, k := range keys {
		c := p.cells[k]
		if err := sheet.Set(f, sh, k[0], k[1], c.v, c.style); err != nil {
			return err
		}
		if s, ok := c.v.(string); ok && !c.free {
			lines[k[1]] = max(lines[k[1]], wrapLines(s, widths[k[0]]))
		}
	}
	for row, n := range lines {
		if n > 1 {
			if err := f.SetRowHeight(sh, row, sheet.RowHeight(n)); err != nil {
				return err
			}
		}
	}
	if p.filter != "" {
		if err := f.AutoFilter(sh, p.filter, nil); err != nil {
			return err
		}
	}
	if p.freeze > 0 {
		top := sheet.Ref(1, p.freeze+1)
		if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: p.freeze, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}}}); err != nil {
			return err
		}
	}
	for _, fn := range p.after {
		if err := fn(); err != nil {
			return err
		}
	}
	if err := p.wb.printSetup(sh, p.titleRows); err != nil {
		return err
	}
	if p.printCols > 0 {
		last := 1
		for k := range p.cells {
			last = max(last, k[1])
		}
		a, _ := excelize.CoordinatesToCellName(1, 1, true)
		b, _ := excelize.CoordinatesToCellName(p.printCols, last, true)
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: "'" + sh + "'!" + a + ":" + b, Scope: sh})
	}
	return nil
}

// widths works out each used column's width from the cells in it.
func (p *page) widths() map[int]float64 {
	out := map[int]float64{}
	for k, c := range p.cells {
		col := k[0]
		if _, ok := out[col]; !ok {
			out[col] = minWidth
		}
		if c.free {
			continue
		}
		out[col] = max(out[col], p.wb.cellWidth(c))
	}
	for col, w := range out {
		limit := defaultCap
		if c, ok := p.caps[col]; ok {
			limit = c
		}
		out[col] = min(w, limit)
	}
	for col, w := range p.fixed {
		out[col] = w
	}
	return out
}

// cellWidth is how wide a column must be to show c on one line.
func (wb *workbook) cellWidth(c cell) float64 {
	switch v := c.v.(type) {
	case string:
		n := 0
		for _, line := range strings.Split(v, "\n") {
			n = max(n, utf8.RuneCountInString(line))
		}
		if c.style == wb.s.header {
			longest := 0
			for _, w := range strings.Fields(v) {
				longest = max(longest, utf8.RuneCountInString(w))
			}
			n = min(n, max(longest, headerLetter))
			return float64(n)*1.2 + 3 // bold, indented
		}
		return float64(n) + 3 // indented
	case float64:
		if c.style == wb.s.pct || c.style == wb.s.pctLeft {
			return 8
		}
		return 10
	case int:
		return float64(len(strconv.Itoa(v))) + 4
	case time.Time:
		return 13
	}
	return minWidth
}

// wrapLines is how many lines s takes in a column of the given width,
// wrapped at spaces as a spreadsheet program does.
func wrapLines(s string, width float64) int {
	perLine := max(int(width*1.15)-2, 1) // less the indent
	total := 0
	for _, para := range strings.Split(s, "\n") {
		n, used := 1, 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = l
			case used+1+l <= perLine:
				used += 1 + l
			default:
				n++
				used = l
			}
			for used > perLine { // a word longer than the line breaks anywhere
				n++
				used -= perLine
			}
		}
		total += n
	}
	return total
}
