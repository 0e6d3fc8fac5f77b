package capture

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// Limits on capture workbooks, which come back from other people's computers.
const (
	// MaxCaptureRows is the most filled rows the Answers sheet may have.
	MaxCaptureRows = 10_000
	// MaxCaptureUnpacked bounds what a workbook may unpack to, in bytes.
	MaxCaptureUnpacked = 64 << 20
	// MaxCapturePart bounds each file inside a workbook, in bytes.
	MaxCapturePart = 16 << 20
	// MaxCaptureCells bounds the cells read from the Answers sheet, the
	// empty ones before a filled cell included: one value in the last
	// column makes a row of 16,384 cells.
	MaxCaptureCells = 1_000_000
)

// ReadCapture reads a filled capture workbook (see WriteCapture) as the
// response of one respondent to questionnaire q. file names the workbook in
// every problem; a problem in a cell names it first, as Answers!E14.
//
// Columns of the Answers sheet are found by their header, so reordered or
// added columns are fine. A level is a whole number within the scale, typed
// as a number or as text ("3", "3.0"); na (any case) means not applicable;
// an empty cell means unknown. Rows with nothing filled in are left out of
// the response. When the workbook gives no respondent id, the id is made
// from the file name, with a warning. The answers are in questionnaire
// order. The response is nil when the workbook cannot be read at all.
func Read(file string, r io.ReaderAt, size int64, q *assess.Questionnaire) (resp *assess.Response, probs assess.Problems) {
	c := &captureReader{file: file, q: q}
	defer func() {
		// the workbook comes from anywhere: a parser panic is one more problem
		if v := recover(); v != nil {
			resp = nil
			probs = append(c.probs, assess.Problem{File: file, Message: fmt.Sprintf("cannot read the workbook: %v", v)})
		}
	}()
	f := c.open(r, size)
	if f == nil {
		return nil, c.probs
	}
	defer f.Close()
	if !c.questionnaire(f) {
		return nil, c.probs
	}
	resp = &assess.Response{File: file, Questionnaire: q.ID}
	c.respondent(f, resp)
	c.answers(f, resp)
	c.probs.Sort()
	return resp, c.probs
}

type captureReader struct {
	file  string
	q     *assess.Questionnaire
	probs assess.Problems
}

func (c *captureReader) add(sev assess.Severity, format string, args ...any) {
	c.probs = append(c.probs, assess.Problem{File: c.file, Message: fmt.Sprintf(format, args...), Severity: sev})
}

func (c *captureReader) errorf(format string, args ...any) { c.add(assess.Error, format, args...) }
func (c *captureReader) warnf(format string, args ...any)  { c.add(assess.Warning, format, args...) }

var captureOLEMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

const captureSaveAs = "save it from your spreadsheet program as Excel Workbook (.xlsx)"

// open checks that the input is an xlsx workbook that unpacks within the
// limits, before the spreadsheet library unpacks anything.
func (c *captureReader) open(r io.ReaderAt, size int64) *excelize.File {
	if size > assess.MaxFileSize {
		c.errorf("file is larger than %d MiB; a capture workbook is far smaller", assess.MaxFileSize>>20)
		return nil
	}
	head := make([]byte, len(captureOLEMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, captureOLEMagic) {
		c.errorf("not an xlsx workbook: an old .xls file or a password-protected workbook; %s, without a password", captureSaveAs)
		return nil
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		c.errorf("not an xlsx workbook; %s", captureSaveAs)
		return nil
	}
	var total uint64
	has := map[string]bool{}
	for _, zf := range zr.File {
		has[strings.ToLower(zf.Name)] = true
		if zf.UncompressedSize64 > MaxCapturePart {
			c.errorf("%s inside the workbook unpacks to more than %d MiB; a capture workbook is far smaller, so it is not read", zf.Name, MaxCapturePart>>20)
			return nil
		}
		if total += zf.UncompressedSize64; total > MaxCaptureUnpacked {
			c.errorf("the workbook unpacks to more than %d MiB; a capture workbook is far smaller, so it is not read", MaxCaptureUnpacked>>20)
			return nil
		}
	}
	switch {
	case has["mimetype"] && has["content.xml"]:
		c.errorf("not an xlsx workbook: an OpenDocument spreadsheet; %s", captureSaveAs)
		return nil
	case !has["[content_types].xml"] || !has["xl/workbook.xml"]:
		c.errorf("not an xlsx workbook: a zip archive without a workbook in it")
		return nil
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size),
		excelize.Options{UnzipSizeLimit: MaxCaptureUnpacked, UnzipXMLSizeLimit: MaxCapturePart})
	if err != nil {
		if f != nil {
			f.Close()
		}
		c.errorf("cannot read the workbook: %v", err)
		return nil
	}
	return f
}

// questionnaire checks that the workbook was made for the questionnaire
// the answers are imported for.
func (c *captureReader) questionnaire(f *excelize.File) bool {
	sheets := f.GetSheetList()
	if !slices.Contains(sheets, CaptureAnswers) {
		c.errorf("not a capture workbook: it has no %s sheet (itilmap template makes one)", CaptureAnswers)
		return false
	}
	if !slices.Contains(sheets, CaptureScale) {
		c.errorf("not a capture workbook: it has no %s sheet, which names the questionnaire (itilmap template makes one)", CaptureScale)
		return false
	}
	id := c.value(f, CaptureScale, CaptureQuestionnaireCell)
	switch {
	case id == "":
		c.errorf("%s!%s: no questionnaire id; was the workbook made with itilmap template?", CaptureScale, CaptureQuestionnaireCell)
		return false
	case id != c.q.ID:
		c.errorf("%s!%s: this workbook captures questionnaire %q, but the answers are imported for %q; make a new workbook with itilmap template",
			CaptureScale, CaptureQuestionnaireCell, id, c.q.ID)
		return false
	}
	if v := c.value(f, CaptureScale, CaptureVersionCell); v != "" && c.q.Version != "" && v != c.q.Version {
		c.warnf("%s!%s: this workbook was made from version %s of %q; the answers are imported for version %s",
			CaptureScale, CaptureVersionCell, v, c.q.ID, c.q.Version)
	}
	return true
}

// value is the trimmed, displayed text of a cell.
func (c *captureReader) value(f *excelize.File, sheet, cell string) string {
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		return ""
	}
	return captureClean(v)
}

func captureClean(s string) string { return strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD")) }

var captureIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

func (c *captureReader) respondent(f *excelize.File, resp *assess.Response) {
	sh := CaptureRespondent
	p := &resp.Respondent
	if !slices.Contains(f.GetSheetList(), sh) {
		p.ID = captureFileID(c.file)
		c.warnf("no %s sheet; the respondent id %q is made from the file name", sh, p.ID)
		return
	}
	// labels in column A; the template puts them in rows 1 to 5
	rowOf := map[string]int{}
	for row := 1; row <= 20; row++ {
		label := strings.ToLower(c.value(f, sh, sheet.Ref(1, row)))
		if _, seen := rowOf[label]; label != "" && !seen {
			rowOf[label] = row
		}
	}
	cell := func(i int) string {
		if row, ok := rowOf[strings.ToLower(captureFields[i])]; ok {
			return sheet.Ref(2, row)
		}
		return sheet.Ref(2, i+1)
	}
	p.ID = c.value(f, sh, cell(0))
	p.Name = c.value(f, sh, cell(1))
	p.Role = c.value(f, sh, cell(2))
	p.Team = c.value(f, sh, cell(3))
	switch {
	case p.ID == "":
		p.ID = captureFileID(c.file)
		c.warnf("%s!%s: no respondent id; using %q, made from the file name", sh, cell(0), p.ID)
	case len(p.ID) > 128 || !captureIDPattern.MatchString(p.ID):
		c.errorf("%s!%s: id: %s is not a valid id; use letters, digits, '.', '_' and '-'", sh, cell(0), captureQuote(p.ID))
	}
	resp.Date = c.date(f, sh, cell(4))
}

// captureFileID makes a respondent id from a workbook's file name.
func captureFileID(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	id := assess.MakeID(base)
	if id == "" {
		return "respondent"
	}
	return id
}

// date reads a date typed as YYYY-MM-DD text or entered as a spreadsheet date.
func (c *captureReader) date(f *excelize.File, sheet, cell string) assess.Date {
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	raw = captureClean(raw)
	if err != nil || raw == "" {
		return assess.Date{}
	}
	if d, err := assess.ParseDate(raw); err == nil {
		return d
	}
	if len(raw) > 10 && raw[10] == 'T' { // an ISO 8601 date cell
		if d, err := assess.ParseDate(raw[:10]); err == nil {
			return d
		}
	}
	typ, _ := f.GetCellType(sheet, cell)
	if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
		if serial, err := strconv.ParseFloat(raw, 64); err == nil && serial >= 1 && serial < 2958466 { // up to 9999-12-31
			props, _ := f.GetWorkbookProps()
			t, err := excelize.ExcelDateToTime(serial, props.Date1904 != nil && *props.Date1904)
			if err == nil {
				return assess.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
			}
		}
	}
	c.errorf("%s!%s: date: %s is not a date; type it as YYYY-MM-DD", sheet, cell, captureQuote(c.value(f, sheet, cell)))
	return assess.Date{}
}

// Columns of the Answers sheet that ReadCapture reads.
const (
	capQuestionID = iota
	capDocumented
	capActual
	capEvidence
	capNote
	capColumns
)

var captureColumns = [capColumns]string{"Question ID", "Documented", "Actual", "Evidence", "Note"}

func captureHeaderKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' || r == '-' {
			return -1
		}
		return r
	}, strings.ToLower(captureClean(s)))
}

// header finds the columns of the Answers sheet in its header row: the
// first of its first ten rows that has a Question ID column. It returns
// the header's row, or 0 after reporting what is missing.
func (c *captureReader) header(rows *excelize.Rows) (int, [capColumns]int) {
	var at [capColumns]int
	for row := 1; row <= 10 && rows.Next(); row++ {
		cells, err := rows.Columns()
		if err != nil {
			c.errorf("%s: %v", CaptureAnswers, err)
			return 0, at
		}
		for i := range at {
			at[i] = -1
		}
		for col, v := range cells {
			for i, name := range captureColumns {
				if captureHeaderKey(v) != captureHeaderKey(name) {
					continue
				}
				if at[i] >= 0 {
					c.errorf("%s!%s: a second %q column (the first is %s); keep one", CaptureAnswers, sheet.Ref(col+1, row), name, sheet.Ref(at[i]+1, row))
					return 0, at
				}
				at[i] = col
			}
		}
		if at[capQuestionID] < 0 {
			continue
		}
		ok := true
		for i, name := range captureColumns[:capEvidence] {
			if at[i] < 0 {
				c.errorf("%s: no %q column in the header row %d", CaptureAnswers, name, row)
				ok = false
			}
		}
		if !ok {
			return 0, at
		}
		return row, at
	}
	c.errorf("%s: no header row with a %q column; was the workbook made with itilmap template?", CaptureAnswers, captureColumns[capQuestionID])
	return 0, at
}

func (c *captureReader) answers(f *excelize.File, resp *assess.Response) {
	rows, err := f.Rows(CaptureAnswers)
	if err != nil {
		c.errorf("%s: %v", CaptureAnswers, err)
		return
	}
	defer rows.Close()
	headerRow, at := c.header(rows)
	if headerRow == 0 {
		return
	}
	firstRow := map[string]int{}
	filled, cellsRead := 0, 0
	var answers []assess.Answer
	for row := headerRow + 1; rows.Next(); row++ {
		cells, err := rows.Columns()
		if err != nil {
			c.errorf("%s: row %d: %v", CaptureAnswers, row, err)
			return
		}
		if cellsRead += len(cells); cellsRead > MaxCaptureCells {
			c.errorf("%s: more than %d cells in use; a capture workbook is far smaller, so it is not read", CaptureAnswers, MaxCaptureCells)
			return
		}
		var v [capColumns]string
		empty := true
		for i, col := range at {
			if col >= 0 && col < len(cells) {
				v[i] = captureClean(cells[col])
				empty = empty && v[i] == ""
			}
		}
		if empty {
			continue
		}
		if filled++; filled > MaxCaptureRows {
			c.errorf("%s: more than %d rows; a capture workbook holds at most %d questions", CaptureAnswers, MaxCaptureRows, MaxCaptureRows)
			return
		}
		answered := v[capDocumented] != "" || v[capActual] != "" || v[capEvidence] != "" || v[capNote] != ""
		idCell := sheet.Ref(at[capQuestionID]+1, row)
		id := v[capQuestionID]
		if id == "" {
			c.errorf("%s!%s: a row with answers but no question id", CaptureAnswers, idCell)
			continue
		}
		if first, dup := firstRow[id]; dup {
			c.errorf("%s!%s: question %q is on two rows (first on row %d); keep one", CaptureAnswers, idCell, id, first)
			continue
		}
		firstRow[id] = row
		if c.q.Question(id) == nil {
			if answered {
				c.errorf("%s!%s: questionnaire %q has no question %q", CaptureAnswers, idCell, c.q.ID, id)
			} else {
				c.warnf("%s!%s: questionnaire %q has no question %q; the empty row is ignored", CaptureAnswers, idCell, c.q.ID, id)
			}
			continue
		}
		if !answered {
			continue
		}
		a := assess.Answer{Question: id, Evidence: v[capEvidence], Note: v[capNote]}
		a.Documented = c.level(v[capDocumented], "documented", sheet.Ref(at[capDocumented]+1, row))
		a.Actual = c.level(v[capActual], "actual", sheet.Ref(at[capActual]+1, row))
		answers = append(answers, a)
	}
	if err := rows.Error(); err != nil {
		c.errorf("%s: %v", CaptureAnswers, err)
	}
	slices.SortStableFunc(answers, func(a, b assess.Answer) int {
		return c.q.Question(a.Question).Index - c.q.Question(b.Question).Index
	})
	resp.Answers = answers
	if len(answers) == 0 {
		c.warnf("%s: nothing is filled in; the response has no answers", CaptureAnswers)
	}
}

// level reads a rating: a whole number within the scale, na, or empty
// (unknown).
func (c *captureReader) level(s, key, cell string) assess.Value {
	sc := c.q.Scale
	if s == "" {
		return assess.Unknown
	}
	if strings.EqualFold(s, "na") {
		return assess.NA
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n == math.Trunc(n) && !math.IsInf(n, 0) {
		if n < float64(sc.Min) || n > float64(sc.Max) {
			c.errorf("%s!%s: %s: %s is outside the scale %s", CaptureAnswers, cell, key, strconv.FormatFloat(n, 'f', -1, 64), sc)
			return assess.Unknown
		}
		return assess.Value(n)
	}
	c.errorf("%s!%s: %s: %s is not a level %s or na", CaptureAnswers, cell, key, captureQuote(s), sc)
	return assess.Unknown
}

// captureQuote quotes s for a message, cut to 40 characters.
func captureQuote(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return strconv.Quote(s)
}
