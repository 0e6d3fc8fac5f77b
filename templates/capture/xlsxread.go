package capture

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// A small reader of the parts of an xlsx workbook that a capture workbook
// uses: the sheet list, the shared strings and the cells of a sheet, each
// cell with its type, its cached value and its formula. The spreadsheet
// library hides whether a cell holds a formula without a value, and copies
// a shared string into every cell that uses it; this reader does neither,
// and bounds everything it reads.

// cellKind is the type of a cell's cached value.
type cellKind uint8

const (
	cellEmpty  cellKind = iota // no value (a formula that was never computed, or a styled blank)
	cellNumber                 // a number, as written in the file
	cellText                   // a string: shared, inline, or a formula's text result
	cellBool                   // TRUE or FALSE
	cellError                  // #NAME?, #REF!, …: a formula that failed
	cellDate                   // an ISO 8601 date (t="d")
)

// xcell is one cell of a sheet.
type xcell struct {
	row, col   int // 1-based
	kind       cellKind
	value      string // the cached value; for text, as stored (the _xHHHH_ escapes still in)
	formula    string // the formula's text without "=", when hasFormula
	hasFormula bool
}

// xbook is an opened workbook: its sheets by name, its shared strings.
type xbook struct {
	zip      map[string]*zip.File // by lower-cased name
	sheets   map[string]string    // sheet name → part name
	strings  []string
	date1904 bool
}

// errTooMany stops reading a sheet with more cells than MaxCaptureCells.
var errTooMany = errors.New("too many cells")

// part reads the zip entry name (case-insensitive), at most MaxCapturePart
// bytes of it. It returns nil, nil when there is no such entry.
func (b *xbook) part(name string) ([]byte, error) {
	zf := b.zip[strings.ToLower(name)]
	if zf == nil {
		return nil, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxCapturePart+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxCapturePart {
		return nil, fmt.Errorf("%s inside the workbook unpacks to more than %d MiB", zf.Name, MaxCapturePart>>20)
	}
	return data, nil
}

// decoder is a strict XML decoder: it expands no entity beyond XML's own
// (an unknown one is an error) and fetches nothing. Elements are matched
// by local name, so strict and transitional workbooks read alike.
func decoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return d
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relAttr is the r:id attribute of a sheet element: any attribute named id
// in a relationships namespace.
func relAttr(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}

// openBook reads the workbook's sheet list, its relationships and its
// shared strings.
func openBook(zr *zip.Reader) (*xbook, error) {
	b := &xbook{zip: map[string]*zip.File{}, sheets: map[string]string{}}
	for _, zf := range zr.File {
		b.zip[strings.ToLower(zf.Name)] = zf
	}
	wb, err := b.part("xl/workbook.xml")
	if err != nil || wb == nil {
		return nil, fmt.Errorf("no workbook part: %v", err)
	}
	rels, err := b.part("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	sharedStrings := "xl/sharedStrings.xml"
	if rels != nil {
		d := decoder(rels)
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("xl/_rels/workbook.xml.rels: %v", err)
			}
			if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
				target := attr(e, "Target")
				if strings.HasPrefix(target, "/") {
					target = path.Clean(target[1:])
				} else {
					target = path.Join("xl", target)
				}
				targets[attr(e, "Id")] = target
				if strings.HasSuffix(attr(e, "Type"), "/sharedStrings") {
					sharedStrings = target
				}
			}
		}
	}
	d := decoder(wb)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("xl/workbook.xml: %v", err)
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "workbookPr":
			v := attr(e, "date1904")
			b.date1904 = v == "1" || v == "true"
		case "sheet":
			name := attr(e, "name")
			target, ok := targets[relAttr(e)]
			if !ok {
				target = "xl/worksheets/sheet" + attr(e, "sheetId") + ".xml"
			}
			if _, dup := b.sheets[name]; !dup {
				b.sheets[name] = target
			}
		}
	}
	ss, err := b.part(sharedStrings)
	if err != nil {
		return nil, err
	}
	if ss != nil {
		if b.strings, err = readSharedStrings(ss); err != nil {
			return nil, fmt.Errorf("%s: %v", sharedStrings, err)
		}
	}
	return b, nil
}

// readSharedStrings reads the string table: each <si> is the text of its
// <t> elements, phonetic runs (<rPh>) left out. A string is kept as one Go
// string, shared by every cell that refers to it.
func readSharedStrings(data []byte) ([]string, error) {
	var out []string
	d := decoder(data)
	var sb strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				sb.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				out = append(out, sb.String())
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				sb.Write(t)
			}
		}
	}
}

// sheetCells reads the cells of sheet name, in the order the file gives
// them, at most MaxCaptureCells.
func (b *xbook) sheetCells(name string) ([]xcell, error) {
	data, err := b.part(b.sheets[name])
	if err != nil {
		return nil, err
	}
	if data == nil {
		return nil, fmt.Errorf("the sheet's part %s is missing", b.sheets[name])
	}
	var cells []xcell
	d := decoder(data)
	row, col := 0, 0
	var c *xcell
	var text strings.Builder
	inV, inF, inIS, inT, phonetic := false, false, false, false, 0
	shared, hasValue := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return cells, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				r := row + 1
				if s := attr(t, "r"); s != "" {
					if r, err = strconv.Atoi(s); err != nil || r < 1 || r > maxSheetRows {
						return nil, fmt.Errorf("row %q: not a row number", s)
					}
				}
				row, col = r, 0
			case "c":
				if len(cells) >= MaxCaptureCells {
					return nil, errTooMany
				}
				cr, cc := row, col+1
				if s := attr(t, "r"); s != "" {
					if cc, cr, err = splitRef(s); err != nil {
						return nil, err
					}
				}
				if cr < 1 || cc > maxSheetCols {
					return nil, fmt.Errorf("cell %q: not a cell reference", attr(t, "r"))
				}
				row, col = cr, cc
				cells = append(cells, xcell{row: cr, col: cc})
				c = &cells[len(cells)-1]
				shared = false
				switch attr(t, "t") {
				case "s":
					c.kind, shared = cellText, true
				case "inlineStr", "str":
					c.kind = cellText
				case "b":
					c.kind = cellBool
				case "e":
					c.kind = cellError
				case "d":
					c.kind = cellDate
				default:
					c.kind = cellNumber
				}
			case "v":
				inV = c != nil
				text.Reset()
			case "f":
				if c != nil {
					inF, c.hasFormula = true, true
					text.Reset()
				}
			case "is":
				inIS = c != nil
				text.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inIS && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				if c != nil && (!hasValue || (c.value == "" && c.kind != cellText)) {
					c.kind, c.value = cellEmpty, ""
				}
				c, hasValue = nil, false
			case "v":
				if inV {
					inV = false
					v := text.String()
					hasValue = true
					if shared {
						i, err := strconv.Atoi(strings.TrimSpace(v))
						if err != nil || i < 0 || i >= len(b.strings) {
							return nil, fmt.Errorf("%s: the shared string %q does not exist", ref(c.col, c.row), v)
						}
						v = b.strings[i]
					}
					c.value = v
				}
			case "f":
				if inF {
					inF = false
					c.formula = text.String()
				}
			case "is":
				if inIS {
					inIS, hasValue = false, true
					c.value = text.String()
				}
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inV || inF || inT {
				text.Write(t)
			}
		}
	}
}

const (
	maxSheetRows = 1_048_576
	maxSheetCols = 16_384
)

// splitRef splits a cell reference such as "AB12" into column and row.
func splitRef(s string) (col, row int, err error) {
	i := 0
	for i < len(s) && i < 3 && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		c := s[i]
		if c >= 'a' {
			c -= 'a' - 'A'
		}
		col = col*26 + int(c-'A'+1)
		i++
	}
	row, err = strconv.Atoi(s[i:])
	if i == 0 || err != nil || row < 1 || row > maxSheetRows || col > maxSheetCols {
		return 0, 0, fmt.Errorf("cell %q: not a cell reference", s)
	}
	return col, row, nil
}

// ref is the name of the cell at (col, row): "B7".
func ref(col, row int) string {
	var letters []byte
	for col > 0 {
		col--
		letters = append([]byte{byte('A' + col%26)}, letters...)
		col /= 26
	}
	return string(letters) + strconv.Itoa(row)
}
