// Package sheet holds what the workbooks itilmap writes share: one way to
// write a cell (text is always text, never a formula), column widths, row
// heights for wrapped text, cell references, the house colours, and one
// way to finish a workbook so that the same content gives the same bytes.
package sheet

import (
	"bytes"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The house colours and font of every workbook.
const (
	Accent    = "1F3A5F"
	HeaderBg  = "DCE6F1"
	Font      = "Calibri"
	Red       = "F8696B"
	Amber     = "FFEB84"
	Green     = "63BE7B"
	PhaseFill = "4F81BD"
)

// MaxRowHeight is the tallest a row may be, in points.
const MaxRowHeight = 409

// ActivateFirst makes the first sheet the one a spreadsheet program opens
// on. Call it once every sheet exists, before Finish and before any sheet
// is streamed: to change a sheet streamed already, the library would read
// all of it back (and throw that away when writing).
func ActivateFirst(f *excelize.File) { f.SetActiveSheet(0) }

// Finish sets the document properties and writes the workbook so that the
// same content always gives the same bytes.
func Finish(f *excelize.File, w io.Writer, title, subject string, generated time.Time) error {
	created := generated.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        subject,
		Creator:        "itilmap",
		LastModifiedBy: "itilmap",
		Created:        created,
		Modified:       created,
	}); err != nil {
		return err
	}
	// the library writes through the packer, which compresses and keeps
	// the parts; the bytes the library would write itself are none
	pk := newPacker()
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return pk })
	if err := f.Write(io.Discard); err != nil {
		return err
	}
	return pk.writeTo(w)
}

// sortContentTypes orders the <Default> and <Override> elements of
// [Content_Types].xml, which the library writes in map order.
func sortContentTypes(b []byte) []byte {
	loc := contentTypeElem.FindAllIndex(b, -1)
	if len(loc) == 0 {
		return b
	}
	elems := make([]string, len(loc))
	for i, l := range loc {
		elems[i] = string(b[l[0]:l[1]])
	}
	sort.Strings(elems)
	var out bytes.Buffer
	out.Write(b[:loc[0][0]])
	for _, e := range elems {
		out.WriteString(e)
	}
	out.Write(b[loc[len(loc)-1][1]:])
	return out.Bytes()
}

var contentTypeElem = regexp.MustCompile(`<(?:Default|Override)\b[^>]*?(?:/>|>\s*</(?:Default|Override)>)`)

// Set writes one cell at (col, row), 1-based: nil leaves it empty, a
// string is always stored as text (never as a formula, whatever it starts
// with), anything else as its value. A style of 0 leaves the style alone.
func Set(f *excelize.File, sheet string, col, row int, v any, style int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
	case string:
		if err := f.SetCellStr(sheet, ref, EscapeX(v)); err != nil {
			return err
		}
	default:
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			return err
		}
	}
	if style != 0 {
		return f.SetCellStyle(sheet, ref, ref, style)
	}
	return nil
}

// EscapeX escapes the underscore of every _xHHHH_ in s as _x005F_, so
// that a spreadsheet program, which reads _xHHHH_ as the character
// U+HHHH, shows s as it is. The spreadsheet library escapes inline strings
// but not shared ones, which Set writes.
func EscapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && isEscape(s[i:]) {
			b.WriteString("_x005F")
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isEscape reports whether s starts with _xHHHH_.
func isEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Widths sets the widths of the first columns of sheet, in characters.
func Widths(f *excelize.File, sheet string, widths ...float64) error {
	for i, w := range widths {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, c, c, w); err != nil {
			return err
		}
	}
	return nil
}

// Lines estimates how many lines s takes in a wrapped column of the given
// width: spreadsheet programs do not grow rows that a file gives no height.
func Lines(s string, width float64) int {
	perLine := max(int(width*1.1), 1)
	n := 0
	for _, part := range strings.Split(s, "\n") {
		n += max(1, (utf8.RuneCountInString(part)+perLine-1)/perLine)
	}
	return n
}

// RowHeight is the height in points of a row of n lines, at most MaxRowHeight.
func RowHeight(lines int) float64 { return min(float64(lines)*15, MaxRowHeight) }

// Ref is the name of the cell at (col, row), 1-based: "B7".
func Ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// AbsRef is an absolute range on sheet: 'Sheet'!$A$1:$C$9.
func AbsRef(sheet string, col1, row1, col2, row2 int) string {
	a, _ := excelize.CoordinatesToCellName(col1, row1, true)
	b, _ := excelize.CoordinatesToCellName(col2, row2, true)
	return "'" + sheet + "'!" + a + ":" + b
}
