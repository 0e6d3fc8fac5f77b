package capture

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"github.com/xuri/excelize/v2"
)

// Limits on capture workbooks, which come back from other people's computers.
const (
	// MaxCaptureRows is the most filled rows the Answers sheet may have.
	MaxCaptureRows = 10_000
	// MaxCaptureUnpacked bounds what a workbook may unpack to, in bytes.
	MaxCaptureUnpacked = 64 << 20
	// MaxCapturePart bounds each file inside a workbook, the shared
	// strings included, in bytes.
	MaxCapturePart = 16 << 20
	// MaxCaptureCells bounds the cells read from one sheet.
	MaxCaptureCells = 250_000
	// MaxCaptureName bounds a name, label, id or title, in characters.
	MaxCaptureName = assess.MaxNameLength
	// MaxCaptureText bounds a note, evidence or question text, in characters.
	MaxCaptureText = assess.MaxTextLength
)

// Capture is a filled capture workbook, read.
type Capture struct {
	// Response holds the respondent and the answers.
	Response *assess.Response
	// Questionnaire is what the answers were checked against: the one
	// Read was given, or else the one the workbook carries.
	Questionnaire *assess.Questionnaire
	// Digest is the digest of the questionnaire the workbook was made
	// from (Questionnaire.Digest() when it carries one).
	Digest string
	// Cells name the cells the respondent's fields were read from, by
	// field ("id", "name", "role", "team", "date"): "Respondent!B4".
	Cells map[string]string
}

// Read reads a filled capture workbook (see Write) as the response of one
// respondent. file names the workbook in every problem; a problem in a
// cell names it first, as Answers!E14.
//
// The workbook carries its questionnaire (a very hidden sheet): Read
// rebuilds it and checks it against the digest it carries. When want is
// not nil (an assessment's questionnaire), the workbook's must be the same
// questionnaire: the same id and the same digest, else the problem names
// the differences. A workbook made before workbooks carried their
// questionnaire is read against want, which must then be given.
//
// Columns of the Answers sheet are found by their header, so reordered or
// added columns are fine. A level is a whole number within the scale, typed
// as a number or as text ("3", "3.0"); na (any case) means not applicable;
// an empty cell means unknown. A cell that holds a formula is read as its
// computed value; evidence and notes whose formula has no computed value
// keep the formula's text as typed ("=HYPERLINK(…)"), a level that has
// none is an error. Text is normalised to NFC, trimmed, and bounded
// (MaxCaptureName, MaxCaptureText); control characters are refused (tab
// and new line are fine in evidence and notes).
//
// Rows with nothing filled in are left out of the response. When the
// workbook gives no respondent id, the id is made from the file name, with
// a warning. The answers are in questionnaire order. The result is nil
// when the workbook cannot be read as a capture workbook at all.
func Read(file string, r io.ReaderAt, size int64, want *assess.Questionnaire) (out *Capture, probs assess.Problems) {
	c := &captureReader{file: file}
	defer func() {
		// the workbook comes from anywhere: a panic is one more problem
		if v := recover(); v != nil {
			out = nil
			probs = append(c.probs, assess.Problem{File: file, Message: fmt.Sprintf("cannot read the workbook: %v", v)})
		}
	}()
	c.book = c.open(r, size)
	if c.book == nil {
		return nil, c.probs
	}
	if _, ok := c.book.sheets[CaptureAnswers]; !ok {
		c.errorf("not a capture workbook: it has no %s sheet (itilmap template makes one)", CaptureAnswers)
		return nil, c.probs
	}
	q, digest := c.questionnaire(want)
	if q == nil {
		return nil, c.probs
	}
	c.q = q
	resp := &assess.Response{File: file, Questionnaire: q.ID}
	c.respondent(resp)
	c.answers(resp)
	c.probs.Sort()
	return &Capture{Response: resp, Questionnaire: q, Digest: digest, Cells: c.cells}, c.probs
}

type captureReader struct {
	cells map[string]string // respondent field → cell
	file  string
	book  *xbook
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
// limits, before anything is unpacked, and reads its sheet list and
// shared strings.
func (c *captureReader) open(r io.ReaderAt, size int64) *xbook {
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
	b, err := openBook(zr)
	if err != nil {
		c.errorf("cannot read the workbook: %v", err)
		return nil
	}
	return b
}

// sheet is the cells of one sheet, looked up by position.
type sheetCells struct {
	name  string
	cells []xcell
	at    map[[2]int]int // (col, row) → index in cells
}

// sheet reads the cells of sheet name; nil when there is no such sheet or
// it cannot be read (reported).
func (c *captureReader) sheet(name string) *sheetCells {
	if _, ok := c.book.sheets[name]; !ok {
		return nil
	}
	cells, err := c.book.sheetCells(name)
	switch {
	case errors.Is(err, errTooMany):
		c.errorf("%s: more than %d cells in use; a capture workbook is far smaller, so it is not read", name, MaxCaptureCells)
		return nil
	case err != nil:
		c.errorf("%s: cannot read the sheet: %v", name, err)
		return nil
	}
	s := &sheetCells{name: name, cells: cells, at: make(map[[2]int]int, len(cells))}
	for i, x := range cells {
		s.at[[2]int{x.col, x.row}] = i // a cell given twice: the last one counts
	}
	return s
}

func (s *sheetCells) cell(col, row int) *xcell {
	if i, ok := s.at[[2]int{col, row}]; ok {
		return &s.cells[i]
	}
	return nil
}

// Kinds of text, and their bounds.
type textKind struct {
	max       int
	multiline bool // tab and new line allowed
}

var (
	nameText = textKind{max: MaxCaptureName}
	longText = textKind{max: MaxCaptureText, multiline: true}
)

// text is the text of cell x on sheet s as a respondent typed it: trimmed,
// line breaks as "\n", and held to the rules of every input text
// (assess.CleanText: NFC, no control characters, bounded). ok is false after a
// problem was reported.
func (c *captureReader) text(s *sheetCells, x *xcell, key string, k textKind) (string, bool) {
	if x == nil {
		return "", true
	}
	where := s.name + "!" + ref(x.col, x.row)
	var raw string
	switch {
	case x.hasFormula && (x.kind == cellEmpty || x.kind == cellError):
		if x.formula == "" {
			c.errorf("%s: %s: a formula without a computed value; type the text itself", where, key)
			return "", false
		}
		raw = "=" + x.formula // no value: the formula's text is what was typed
	case x.kind == cellNumber:
		raw = numberText(x.value)
	case x.kind == cellBool:
		raw = map[bool]string{true: "TRUE", false: "FALSE"}[x.value == "1" || x.value == "true"]
	case x.kind == cellText:
		raw = x.value // unescaped below, once its length is known to be sane
	default:
		raw = x.value
	}
	// each character takes at most 7 bytes (an _xHHHH_ escape): a text
	// this long is too long whatever it holds, and is not looked at
	if len(raw) > 7*k.max {
		c.errorf("%s: %s: longer than %d characters; shorten it", where, key, k.max)
		return "", false
	}
	if x.kind == cellText {
		raw = unescapeX(raw)
	}
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	raw = strings.TrimSpace(strings.ToValidUTF8(raw, "\uFFFD"))
	limitKey := "name"
	if k.multiline {
		limitKey = "note"
	}
	raw, msg := assess.CleanText(limitKey, raw)
	if msg != "" {
		c.errorf("%s: %s: %s", where, key, msg)
		return "", false
	}
	return raw, true
}

// unescapeX decodes the _xHHHH_ escapes that xlsx files use for
// characters XML cannot hold (_x005F_ is an underscore).
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// numberText is a number cell as a spreadsheet shows it: at most 15
// significant digits, without trailing zeros.
func numberText(v string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return v
	}
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// respondent reads the Respondent sheet: labels in column A (the template
// puts them in rows 1 to 5), values in column B.
func (c *captureReader) respondent(resp *assess.Response) {
	p := &resp.Respondent
	s := c.sheet(CaptureRespondent)
	if s == nil {
		if _, ok := c.book.sheets[CaptureRespondent]; ok {
			return // reported
		}
		p.ID = captureFileID(c.file)
		c.warnf("no %s sheet; the respondent id %q is made from the file name", CaptureRespondent, p.ID)
		return
	}
	rowOf := map[string]int{}
	for row := 1; row <= 20; row++ {
		label, _ := c.text(s, s.cell(1, row), "label", nameText)
		label = strings.ToLower(label)
		if _, seen := rowOf[label]; label != "" && !seen {
			rowOf[label] = row
		}
	}
	c.cells = map[string]string{}
	at := func(i int) (*xcell, string) {
		row := i + 1
		if r, ok := rowOf[strings.ToLower(captureFields[i])]; ok {
			row = r
		}
		name := CaptureRespondent + "!" + ref(2, row)
		c.cells[strings.ToLower(captureFields[i])] = name
		return s.cell(2, row), name
	}
	x, idCell := at(0)
	id, ok := c.text(s, x, "id", nameText)
	for i, dst := range []*string{&p.Name, &p.Role, &p.Team} {
		x, _ := at(i + 1)
		*dst, _ = c.text(s, x, strings.ToLower(captureFields[i+1]), nameText)
	}
	switch {
	case !ok:
	case id == "":
		p.ID = captureFileID(c.file)
		c.warnf("%s: no respondent id; using %q, made from the file name", idCell, p.ID)
	default:
		p.ID = id
		if why := assess.FileIDProblem(id); why != "" {
			c.errorf("%s: id: %s %s", idCell, captureQuote(id), why)
		}
	}
	x, dateCell := at(4)
	resp.Date = c.date(s, x, dateCell)
}

// captureFileID makes a respondent id from a workbook's file name.
func captureFileID(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	id := assess.MakeID(base)
	if id == "" || assess.FileIDProblem(id) != "" {
		return "respondent"
	}
	return id
}

// date reads a date typed as YYYY-MM-DD text or entered as a spreadsheet date.
func (c *captureReader) date(s *sheetCells, x *xcell, where string) assess.Date {
	if x == nil || (x.kind == cellEmpty && !x.hasFormula) {
		return assess.Date{}
	}
	if x.hasFormula && (x.kind == cellEmpty || x.kind == cellError) {
		c.errorf("%s: date: a formula without a computed date; type the date as YYYY-MM-DD", where)
		return assess.Date{}
	}
	if x.kind == cellNumber {
		serial, err := strconv.ParseFloat(strings.TrimSpace(x.value), 64)
		if err == nil && serial >= 1 && serial < 2958466 { // up to 9999-12-31
			if t, err := excelize.ExcelDateToTime(serial, c.book.date1904); err == nil {
				return assess.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
			}
		}
	}
	raw, ok := c.text(s, x, "date", nameText)
	if !ok || raw == "" {
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
	c.errorf("%s: date: %s is not a date; type it as YYYY-MM-DD", where, captureQuote(raw))
	return assess.Date{}
}

// Columns of the Answers sheet that Read reads.
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
	}, strings.ToLower(strings.TrimSpace(s)))
}

// header finds the columns of the Answers sheet in its header row: the
// first of its first ten rows that has a Question ID column. It returns
// the header's row, or 0 after reporting what is missing.
func (c *captureReader) header(s *sheetCells, rows map[int][]int) (int, [capColumns]int) {
	var at [capColumns]int
	for row := 1; row <= 10; row++ {
		for i := range at {
			at[i] = 0
		}
		for _, i := range rows[row] {
			x := &s.cells[i]
			if x.kind != cellText {
				continue
			}
			v := unescapeX(x.value)
			if len(v) > MaxCaptureName {
				continue
			}
			for j, name := range captureColumns {
				if captureHeaderKey(v) != captureHeaderKey(name) {
					continue
				}
				if at[j] > 0 && at[j] != x.col {
					c.errorf("%s!%s: a second %q column (the first is %s); keep one", CaptureAnswers, ref(x.col, row), name, ref(at[j], row))
					return 0, at
				}
				at[j] = x.col
			}
		}
		if at[capQuestionID] == 0 {
			continue
		}
		ok := true
		for j, name := range captureColumns[:capEvidence] {
			if at[j] == 0 {
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

func (c *captureReader) answers(resp *assess.Response) {
	s := c.sheet(CaptureAnswers)
	if s == nil {
		return
	}
	rows := map[int][]int{}
	var rowNums []int
	for i, x := range s.cells {
		if _, seen := rows[x.row]; !seen {
			rowNums = append(rowNums, x.row)
		}
		rows[x.row] = append(rows[x.row], i)
	}
	slices.Sort(rowNums)
	headerRow, at := c.header(s, rows)
	if headerRow == 0 {
		return
	}
	firstRow := map[string]int{}
	filled := 0
	var answers []assess.Answer
	for _, row := range rowNums {
		if row <= headerRow {
			continue
		}
		var x [capColumns]*xcell
		empty := true
		for i, col := range at {
			if col > 0 {
				x[i] = s.cell(col, row)
				empty = empty && blank(x[i])
			}
		}
		if empty {
			continue
		}
		if filled++; filled > MaxCaptureRows {
			c.errorf("%s: more than %d rows; a capture workbook holds at most %d questions", CaptureAnswers, MaxCaptureRows, MaxCaptureRows)
			return
		}
		idCell := CaptureAnswers + "!" + ref(at[capQuestionID], row)
		id, ok := c.text(s, x[capQuestionID], "question id", nameText)
		evidence, okE := c.text(s, x[capEvidence], "evidence", longText)
		note, okN := c.text(s, x[capNote], "note", longText)
		answered := !blank(x[capDocumented]) || !blank(x[capActual]) || evidence != "" || note != ""
		switch {
		case !ok:
			continue
		case id == "":
			if answered {
				c.errorf("%s: a row with answers but no question id", idCell)
			}
			continue
		}
		if first, dup := firstRow[id]; dup {
			c.errorf("%s: question %q is on two rows (first on row %d); keep one", idCell, id, first)
			continue
		}
		firstRow[id] = row
		if c.q.Question(id) == nil {
			if answered {
				c.errorf("%s: questionnaire %q has no question %s", idCell, c.q.ID, captureQuote(id))
			} else {
				c.warnf("%s: questionnaire %q has no question %s; the empty row is ignored", idCell, c.q.ID, captureQuote(id))
			}
			continue
		}
		if !answered {
			continue
		}
		a := assess.Answer{Question: id, Evidence: evidence, Note: note}
		a.Documented = c.level(s, x[capDocumented], "documented")
		a.Actual = c.level(s, x[capActual], "actual")
		if okE && okN {
			answers = append(answers, a)
		}
	}
	slices.SortStableFunc(answers, func(a, b assess.Answer) int {
		return c.q.Question(a.Question).Index - c.q.Question(b.Question).Index
	})
	resp.Answers = answers
	if len(answers) == 0 {
		c.warnf("%s: nothing is filled in; the response has no answers", CaptureAnswers)
	}
}

// blank reports whether a cell holds nothing: no value, no formula, or
// only white space.
func blank(x *xcell) bool {
	if x == nil || x.hasFormula {
		return x == nil
	}
	return x.kind == cellEmpty || (x.kind == cellText && strings.TrimSpace(x.value) == "")
}

// level reads a rating: a whole number within the scale, na, or empty
// (unknown).
func (c *captureReader) level(s *sheetCells, x *xcell, key string) assess.Value {
	sc := c.q.Scale
	if blank(x) {
		return assess.Unknown
	}
	where := s.name + "!" + ref(x.col, x.row)
	switch {
	case x.hasFormula && x.kind == cellEmpty:
		c.errorf("%s: %s: the formula %s has no computed value; type the level %s or na", where, key, captureQuote("="+x.formula), sc)
		return assess.Unknown
	case x.kind == cellError:
		c.errorf("%s: %s: the cell holds the error %s; type the level %s or na", where, key, captureQuote(x.value), sc)
		return assess.Unknown
	}
	v, ok := c.text(s, x, key, nameText)
	if !ok || v == "" {
		return assess.Unknown
	}
	if strings.EqualFold(v, "na") {
		return assess.NA
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && n == math.Trunc(n) && !math.IsInf(n, 0) {
		if n < float64(sc.Min) || n > float64(sc.Max) {
			c.errorf("%s: %s: %s is outside the scale %s", where, key, strconv.FormatFloat(n, 'f', -1, 64), sc)
			return assess.Unknown
		}
		return assess.Value(n)
	}
	c.errorf("%s: %s: %s is not a level %s or na", where, key, captureQuote(v), sc)
	return assess.Unknown
}

// captureQuote quotes s for a message, cut to 40 characters.
func captureQuote(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return strconv.Quote(s)
}
