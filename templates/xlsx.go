package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook, in order.
const (
	SheetSummary   = "Summary"
	SheetPractices = "Practices"
	SheetHeatmap   = "Heatmap"
	SheetGaps      = "Gaps"
	SheetConsensus = "Consensus"
	SheetOutcomes  = "Outcomes"
	SheetRoadmap   = "Roadmap"
	SheetTimeline  = "Timeline"
	SheetAnswers   = "Answers"
)

// Sheets lists the workbook's sheets in order.
var Sheets = []string{SheetSummary, SheetPractices, SheetHeatmap, SheetGaps, SheetConsensus,
	SheetOutcomes, SheetRoadmap, SheetTimeline, SheetAnswers}

// workbook holds the file being written and its styles.
type workbook struct {
	f *excelize.File
	r *Report
	s styles
}

type styles struct {
	title, header, text, wrap, num, pct, int, bold int
	phase                                          [3]int
}

// WriteWorkbook renders the consultant's workbook (SPEC section 8). Numbers
// are stored as numbers, text from input files as text; header rows are
// frozen and filtered. The Answers sheet is streamed.
func WriteWorkbook(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	wb := &workbook{f: f, r: r}
	if err := wb.styles(); err != nil {
		return err
	}
	landscape, fit, free := "landscape", 1, 0
	fitToPage := true
	for i, name := range Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		// printed, every sheet is one page wide
		if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &fit, FitToHeight: &free}); err != nil {
			return err
		}
		if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
			return err
		}
	}
	steps := []func() error{wb.summary, wb.practices, wb.heatmap, wb.gaps, wb.consensus, wb.outcomes, wb.roadmap, wb.timeline, wb.answers}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return finish(f, w, "ITSM maturity assessment: "+r.Result.Assessment.Organization, r.Result.Assessment.ID, r.Generated)
}

// finish sets the document properties, writes the workbook and repacks it so
// that the same content always gives the same bytes.
func finish(f *excelize.File, w io.Writer, title, subject string, generated time.Time) error {
	f.SetActiveSheet(0)
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
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return repack(w, buf.Bytes())
}

// repack rewrites the zip with its entries in a fixed order and fixed
// times, and the content types sorted, so that the same report gives the
// same bytes.
func repack(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool {
		// [Content_Types].xml first, as Office expects
		ci, cj := files[i].Name == "[Content_Types].xml", files[j].Name == "[Content_Types].xml"
		if ci != cj {
			return ci
		}
		return files[i].Name < files[j].Name
	})
	zw := zip.NewWriter(w)
	modified := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, zf := range files {
		if zf.Name != "[Content_Types].xml" && zf.Method == zip.Deflate {
			// the same content compresses to the same bytes: copy them as
			// they are rather than inflate and deflate again (the Answers
			// sheet of a large workshop is hundreds of megabytes of XML)
			if err := copyRaw(zw, zf, modified); err != nil {
				return err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if zf.Name == "[Content_Types].xml" {
			content = sortContentTypes(content)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := fw.Write(content); err != nil {
			return err
		}
	}
	return zw.Close()
}

// copyRaw copies the compressed bytes of zf into zw, with the time modified.
func copyRaw(zw *zip.Writer, zf *zip.File, modified time.Time) error {
	raw, err := zf.OpenRaw()
	if err != nil {
		return err
	}
	fw, err := zw.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zf.Method, Modified: modified,
		CRC32: zf.CRC32, CompressedSize64: zf.CompressedSize64, UncompressedSize64: zf.UncompressedSize64})
	if err != nil {
		return err
	}
	_, err = io.Copy(fw, raw)
	return err
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

const (
	accent    = "1F3A5F"
	headerBg  = "DCE6F1"
	fontName  = "Calibri"
	red       = "F8696B"
	amber     = "FFEB84"
	green     = "63BE7B"
	phaseFill = "4F81BD"
)

var phaseColours = [3]string{"C0504D", "F79646", "4F81BD"}

func (wb *workbook) styles() error {
	f := wb.f
	mk := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		if err != nil {
			panic(err) // the styles below are constants: a failure is a programming error
		}
		return id
	}
	font := func(bold bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Family: fontName, Bold: bold, Size: size, Color: colour}
	}
	num2, pct0 := "0.00", "0%"
	wb.s.title = mk(&excelize.Style{Font: font(true, 16, accent)})
	wb.s.header = mk(&excelize.Style{Font: font(true, 11, accent), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerBg}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: []excelize.Border{{Type: "bottom", Color: accent, Style: 1}}})
	wb.s.text = mk(&excelize.Style{Font: font(false, 11, ""), Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.wrap = mk(&excelize.Style{Font: font(false, 11, ""), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	wb.s.num = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &num2, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.pct = mk(&excelize.Style{Font: font(false, 11, ""), CustomNumFmt: &pct0, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.int = mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.s.bold = mk(&excelize.Style{Font: font(true, 11, "")})
	for i, c := range phaseColours {
		wb.s.phase[i] = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Font: font(true, 10, "FFFFFF")})
	}
	return nil
}

// cell is one value to write with its style; nil values leave the cell empty.
type cell struct {
	v     any
	style int
}

func (wb *workbook) txt(s string) cell { return cell{s, wb.s.text} }
func (wb *workbook) wrp(s string) cell { return cell{s, wb.s.wrap} }
func (wb *workbook) n(s assess.Num) cell {
	if !s.Valid {
		return cell{nil, wb.s.num}
	}
	return cell{s.Value, wb.s.num}
}
func (wb *workbook) p(s assess.Num) cell {
	if !s.Valid {
		return cell{nil, wb.s.pct}
	}
	return cell{s.Value, wb.s.pct}
}
func (wb *workbook) i(v int) cell { return cell{v, wb.s.int} }
func (wb *workbook) lvl(l *int) cell {
	if l == nil {
		return cell{nil, wb.s.int}
	}
	return cell{*l, wb.s.int}
}
func (wb *workbook) f64(v float64) cell { return cell{v, wb.s.num} }

// row writes cells from (col, row), 1-based. Strings are always set as
// text, never as formulas.
func (wb *workbook) row(sheet string, col, row int, cells ...cell) error {
	for i, c := range cells {
		ref, err := excelize.CoordinatesToCellName(col+i, row)
		if err != nil {
			return err
		}
		switch v := c.v.(type) {
		case nil:
		case string:
			if err := wb.f.SetCellStr(sheet, ref, v); err != nil {
				return err
			}
		default:
			if err := wb.f.SetCellValue(sheet, ref, v); err != nil {
				return err
			}
		}
		if c.style != 0 {
			if err := wb.f.SetCellStyle(sheet, ref, ref, c.style); err != nil {
				return err
			}
		}
	}
	return wb.fitHeight(sheet, col, row, cells)
}

// fitHeight makes a row tall enough for its wrapped text: spreadsheet
// programs do not grow rows that a file gives no height.
func (wb *workbook) fitHeight(sheet string, col, row int, cells []cell) error {
	lines := 1
	for i, c := range cells {
		s, ok := c.v.(string)
		if !ok || c.style != wb.s.wrap {
			continue
		}
		name, _ := excelize.ColumnNumberToName(col + i)
		width, err := wb.f.GetColWidth(sheet, name)
		if err != nil || width <= 0 {
			continue
		}
		perLine := max(int(width*1.1), 1)
		n := 0
		for _, part := range strings.Split(s, "\n") {
			n += max(1, (utf8.RuneCountInString(part)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return nil
	}
	return wb.f.SetRowHeight(sheet, row, min(float64(lines)*15, 409)) // 409 points is the most a row may be
}

// table writes a header at (col,row) and the rows under it; with filter, the
// header is frozen and filtered. It returns the row after the table.
func (wb *workbook) table(sheet string, col, row int, header []string, rows [][]cell, filter bool) (int, error) {
	hs := make([]cell, len(header))
	for i, h := range header {
		hs[i] = cell{h, wb.s.header}
	}
	if err := wb.row(sheet, col, row, hs...); err != nil {
		return 0, err
	}
	for i, r := range rows {
		if err := wb.row(sheet, col, row+1+i, r...); err != nil {
			return 0, err
		}
	}
	if filter {
		last, _ := excelize.CoordinatesToCellName(col+len(header)-1, row+max(len(rows), 1))
		first, _ := excelize.CoordinatesToCellName(col, row)
		if err := wb.f.AutoFilter(sheet, first+":"+last, nil); err != nil {
			return 0, err
		}
		if err := wb.freeze(sheet, row); err != nil {
			return 0, err
		}
	}
	return row + len(rows) + 1, nil
}

func (wb *workbook) freeze(sheet string, rows int) error {
	top, _ := excelize.CoordinatesToCellName(1, rows+1)
	return wb.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}}})
}

func (wb *workbook) widths(sheet string, widths ...float64) error {
	for i, w := range widths {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := wb.f.SetColWidth(sheet, c, c, w); err != nil {
			return err
		}
	}
	return nil
}

// colourScale colours a range from red (scale min) through amber to green
// (scale max).
func (wb *workbook) colourScale(sheet, ref string) error {
	sc := wb.r.Result.Scale
	return wb.f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=",
		MinType: "num", MinValue: fmt.Sprint(sc.Min), MinColor: "#" + red,
		MidType: "num", MidValue: fmt.Sprint(float64(sc.Min+sc.Max) / 2), MidColor: "#" + amber,
		MaxType: "num", MaxValue: fmt.Sprint(sc.Max), MaxColor: "#" + green,
	}})
}

func ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func absRef(sheet string, col1, row1, col2, row2 int) string {
	a, _ := excelize.CoordinatesToCellName(col1, row1, true)
	b, _ := excelize.CoordinatesToCellName(col2, row2, true)
	return "'" + sheet + "'!" + a + ":" + b
}
