package capture_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/templates/capture"
	"github.com/xuri/excelize/v2"
)

// A questionnaire of three questions in two practices, on a 0..5 scale:
// the template has one header row and the questions on rows 2, 3 and 4.
const tinyQuestionnaire = `kind: questionnaire
id: tiny
version: 0.1.0
title: Three questions
scale: {min: 0, max: 5, labels: {0: Absent, 1: Initial, 2: Repeatable, 3: Defined, 4: Managed, 5: Optimizing}}
dimensions:
  - {id: people, name: People}
  - {id: process, name: Process}
practices:
  - id: desk
    name: Service desk
    questions:
      - {id: DK-PE-1, dimension: people, text: Agents resolve common issues at first contact., help: Listen to five calls.}
      - {id: DK-PR-1, dimension: process, text: Every contact is logged before work starts.}
  - id: change
    name: Change enablement
    questions:
      - {id: CH-PR-1, dimension: process, text: No change reaches production without an approved record.}
`

var generated = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func tiny(t testing.TB) *assess.Questionnaire {
	t.Helper()
	q, probs := assess.ParseQuestionnaire("tiny.yaml", []byte(tinyQuestionnaire))
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	return q
}

func capturedWorkbook(t testing.TB, q *assess.Questionnaire, scope ...string) []byte {
	t.Helper()
	var questions []*assess.Question
	for _, id := range scope {
		questions = append(questions, q.Practice(id).Questions...)
	}
	var buf bytes.Buffer
	if err := capture.Write(&buf, q, capture.Options{Questions: questions, Generated: generated}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fill opens a capture workbook as another spreadsheet program would, lets
// edit change it, and returns the saved bytes.
func fill(t testing.TB, data []byte, edit func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	edit(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func set(t testing.TB, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

func read(t testing.TB, data []byte, q *assess.Questionnaire) (*assess.Response, assess.Problems) {
	t.Helper()
	return readAs(t, "capture.xlsx", data, q)
}

// readAs reads data as the workbook file, against q (nil: the
// questionnaire the workbook carries).
func readAs(t testing.TB, file string, data []byte, q *assess.Questionnaire) (*assess.Response, assess.Problems) {
	t.Helper()
	c, probs := capture.Read(file, bytes.NewReader(data), int64(len(data)), q)
	if c == nil {
		return nil, probs
	}
	if q != nil && c.Questionnaire != q {
		t.Errorf("read against %p, not the questionnaire given", c.Questionnaire)
	}
	return c.Response, probs
}

func messages(ps assess.Problems) string {
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

func TestCaptureLayout(t *testing.T) {
	q := tiny(t)
	data := capturedWorkbook(t, q)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Respondent,Answers,Scale,Questionnaire" {
		t.Fatalf("sheets = %s", got)
	}
	if v, _ := f.GetSheetVisible("Questionnaire"); v {
		t.Error("the Questionnaire sheet is visible")
	}
	if !regexp.MustCompile(`<sheet name="Questionnaire"[^>]* state="veryHidden"`).Match(zipPart(t, data, "xl/workbook.xml")) {
		t.Error("the Questionnaire sheet is not very hidden")
	}
	rows, _ := f.GetRows("Answers")
	if got := strings.Join(rows[0], ","); got != "Practice,Dimension,Question ID,Question,Documented,Actual,Evidence,Note,Help" {
		t.Errorf("header = %s", got)
	}
	if len(rows) != 4 || rows[1][2] != "DK-PE-1" || rows[1][0] != "Service desk" || rows[1][1] != "People" ||
		rows[1][3] != "Agents resolve common issues at first contact." || rows[1][8] != "Listen to five calls." || rows[3][2] != "CH-PR-1" {
		t.Errorf("question rows = %q", rows[1:])
	}
	for i, label := range []string{"ID", "Name", "Role", "Team", "Date"} {
		if v, _ := f.GetCellValue("Respondent", "A"+strconv.Itoa(i+1)); v != label {
			t.Errorf("Respondent!A%d = %q, want %q", i+1, v, label)
		}
	}
	if v, _ := f.GetCellValue("Scale", "B1"); v != "tiny" {
		t.Errorf("Scale!B1 = %q, want the questionnaire id", v)
	}
	if v, _ := f.GetCellValue("Scale", "B2"); v != "0.1.0" {
		t.Errorf("Scale!B2 = %q, want the version", v)
	}

	// drop-downs of the levels and na on Documented and Actual
	dvs, err := f.GetDataValidations("Answers")
	if err != nil {
		t.Fatal(err)
	}
	ranges := map[string]string{}
	for _, dv := range dvs {
		ranges[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	for _, r := range []string{"E2:E4", "F2:F4"} {
		if got := ranges[r]; got != `list "0,1,2,3,4,5,na"` {
			t.Errorf("validation of %s = %q, want a list of 0..5 and na (all: %v)", r, got, ranges)
		}
	}

	// only the answer cells and the respondent's values are unlocked
	locked := func(sheet, cell string) bool {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for _, c := range []string{"E2", "F2", "G2", "H2", "E4", "H4"} {
		if locked("Answers", c) {
			t.Errorf("Answers!%s is locked; respondents fill it in", c)
		}
	}
	for _, c := range []string{"A1", "C2", "D2", "I2", "A4", "D4"} {
		if !locked("Answers", c) {
			t.Errorf("Answers!%s is unlocked", c)
		}
	}
	for _, c := range []string{"B1", "B2", "B3", "B4", "B5"} {
		if locked("Respondent", c) {
			t.Errorf("Respondent!%s is locked", c)
		}
	}
	if !locked("Respondent", "A1") || !locked("Scale", "B1") {
		t.Error("labels and the questionnaire id are unlocked")
	}
	// every sheet is protected, without a password; the header is frozen
	for name, xml := range sheetXML(t, data) {
		prot := regexp.MustCompile(`<sheetProtection [^>]*>`).FindString(xml)
		if !regexp.MustCompile(` sheet="(1|true)"`).MatchString(prot) || strings.Contains(prot, "assword") || strings.Contains(prot, "hashValue") {
			t.Errorf("%s: protection %q, want on and without a password", name, prot)
		}
	}
	panes, _ := f.GetPanes("Answers")
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Answers header not frozen: %+v", panes)
	}
	if w, _ := f.GetColWidth("Answers", "D"); w < 40 {
		t.Errorf("question column %v wide", w)
	}
}

func sheetXML(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			out[zf.Name] = string(b)
		}
	}
	if len(out) != 4 {
		t.Fatalf("%d worksheets", len(out))
	}
	return out
}

func TestCaptureScope(t *testing.T) {
	data := capturedWorkbook(t, tiny(t), "change")
	f, _ := excelize.OpenReader(bytes.NewReader(data))
	defer f.Close()
	rows, _ := f.GetRows("Answers")
	if len(rows) != 2 || rows[1][2] != "CH-PR-1" {
		t.Errorf("rows of scope [change] = %q", rows)
	}
}

func TestCaptureDeterministic(t *testing.T) {
	q := tiny(t)
	if !bytes.Equal(capturedWorkbook(t, q), capturedWorkbook(t, q)) {
		t.Fatal("two renders of the same capture workbook differ")
	}
}

// The whole round trip: the template, filled in by another program with
// numbers, numbers typed as text, na in any case, blanks, a date cell and
// texts that look like formulas, read back and written as a response file
// that the loader reads to the same answers.
func TestCaptureRoundTrip(t *testing.T) {
	q := tiny(t)
	data := fill(t, capturedWorkbook(t, q), func(f *excelize.File) {
		set(t, f, "Respondent", "B1", "r07")
		set(t, f, "Respondent", "B2", "Søren Ødegård")
		set(t, f, "Respondent", "B3", "service-desk-agent")
		set(t, f, "Respondent", "B4", "service desk, 2nd line")
		set(t, f, "Respondent", "B5", time.Date(2026, 10, 28, 0, 0, 0, 0, time.UTC)) // a date cell
		// DK-PE-1
		set(t, f, "Answers", "E2", 4)
		set(t, f, "Answers", "F2", "2")
		set(t, f, "Answers", "G2", `=HYPERLINK("http://x","Runbook v3")`)
		set(t, f, "Answers", "H2", "Weekend shift skips triage;\n\"night\" too")
		// DK-PR-1
		set(t, f, "Answers", "E3", "na")
		set(t, f, "Answers", "F3", " NA ")
		// CH-PR-1: documented only, typed 3.0; actual left blank
		set(t, f, "Answers", "E4", "3.0")
		set(t, f, "Answers", "H4", "=1+1")
	})
	resp, probs := read(t, data, q)
	if len(probs) > 0 {
		t.Fatalf("problems:\n%s", messages(probs))
	}
	wantRespondent := assess.Respondent{ID: "r07", Name: "Søren Ødegård", Role: "service-desk-agent", Team: "service desk, 2nd line"}
	if resp.Respondent != wantRespondent || resp.Date.String() != "2026-10-28" || resp.Questionnaire != "tiny" || resp.File != "capture.xlsx" {
		t.Errorf("response = %+v, date %s", resp, resp.Date)
	}
	want := []assess.Answer{
		{Question: "DK-PE-1", Documented: 4, Actual: 2, Evidence: `=HYPERLINK("http://x","Runbook v3")`, Note: "Weekend shift skips triage;\n\"night\" too"},
		{Question: "DK-PR-1", Documented: assess.NA, Actual: assess.NA},
		{Question: "CH-PR-1", Documented: 3, Actual: assess.Unknown, Note: "=1+1"},
	}
	checkAnswers(t, "ReadCapture", resp.Answers, want)

	yml := assess.ResponseYAML(resp, q)
	wantYAML := `kind: response
questionnaire: tiny
respondent: {id: r07, name: "Søren Ødegård", role: service-desk-agent, team: "service desk, 2nd line"}
date: 2026-10-28
answers:
  # Service desk
  DK-PE-1: {documented: 4, actual: 2, evidence: "=HYPERLINK(\"http://x\",\"Runbook v3\")", note: "Weekend shift skips triage;\n\"night\" too"}
  DK-PR-1: {documented: na, actual: na}
  # Change enablement
  CH-PR-1: {documented: 3, note: "=1+1"}
`
	if string(yml) != wantYAML {
		t.Errorf("ResponseYAML:\n%s\nwant:\n%s", yml, wantYAML)
	}
	back, probs := assess.ParseResponse("r07.yaml", yml, q)
	if err := probs.Err(); err != nil {
		t.Fatalf("the YAML does not load: %v\n%s", err, yml)
	}
	checkAnswers(t, "ParseResponse(ResponseYAML)", back.Answers, want)
	if back.Respondent.ID != "r07" || back.Respondent.Name != wantRespondent.Name || back.Respondent.Team != wantRespondent.Team || back.Date != resp.Date {
		t.Errorf("respondent after the round trip: %+v %s", back.Respondent, back.Date)
	}
}

func checkAnswers(t *testing.T, what string, got, want []assess.Answer) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d answers %+v, want %d", what, len(got), got, len(want))
	}
	for i := range want {
		g := got[i]
		g.Pos = assess.Pos{}
		if g != want[i] {
			t.Errorf("%s: answer %d = %+v, want %+v", what, i, g, want[i])
		}
	}
}

// Tricky texts survive the YAML: quotes, backslashes, colons, hashes,
// leading dashes, YAML words and numbers as names. (A tab or other control
// character in a name is refused by assess.)
func TestResponseYAMLQuoting(t *testing.T) {
	q := tiny(t)
	texts := []string{`a "quoted" \ back`, "key: value # not a comment", "- dash", "null", "007", "yes", "{x}", "a\u2028b", "émoji 🎉", "'single'"}
	for _, s := range texts {
		resp := &assess.Response{Questionnaire: "tiny", Respondent: assess.Respondent{ID: "r1", Name: s, Role: s, Team: s},
			Answers: []assess.Answer{{Question: "DK-PE-1", Documented: 1, Actual: 0, Evidence: s, Note: s}}}
		yml := assess.ResponseYAML(resp, q)
		back, probs := assess.ParseResponse("r.yaml", yml, q)
		if err := probs.Err(); err != nil {
			t.Errorf("%q: %v\n%s", s, err, yml)
			continue
		}
		a := back.Answers[0]
		if back.Respondent.Name != s || back.Respondent.Role != s || back.Respondent.Team != s || a.Evidence != s || a.Note != s || a.Documented != 1 || a.Actual != 0 {
			t.Errorf("%q came back as %+v %+v", s, back.Respondent, a)
		}
	}
	// nothing answered: an empty answers mapping, and no date line without a date
	yml := string(assess.ResponseYAML(&assess.Response{Questionnaire: "tiny", Respondent: assess.Respondent{ID: "r1"},
		Answers: []assess.Answer{{Question: "DK-PE-1", Documented: assess.Unknown, Actual: assess.Unknown}}}, q))
	if yml != "kind: response\nquestionnaire: tiny\nrespondent: {id: r1}\nanswers: {}\n" {
		t.Errorf("empty response:\n%s", yml)
	}
}

// Columns are found by their header: reordered and extra columns, and a
// workbook made by hand, still read.
func TestCaptureReorderedColumns(t *testing.T) {
	q := tiny(t)
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Answers")
	f.NewSheet("Scale")
	set(t, f, "Scale", "B1", "tiny")
	rows := [][]any{
		{"Note", "question id", "Comment", "ACTUAL", "Documented"},
		{"n1", "CH-PR-1", "mine", 1, 2},
		{nil, "DK-PE-1", nil, nil, nil},
		{nil, "DK-PR-1", nil, "na", 5},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Answers", "A"+strconv.Itoa(i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, _ := f.WriteToBuffer()
	resp, probs := readAs(t, "by-hand.xlsx", buf.Bytes(), q)
	if messages(probs) != `by-hand.xlsx: warning: no Respondent sheet; the respondent id "by-hand" is made from the file name` {
		t.Errorf("problems:\n%s", messages(probs))
	}
	checkAnswers(t, "ReadCapture", resp.Answers, []assess.Answer{
		{Question: "DK-PR-1", Documented: 5, Actual: assess.NA},
		{Question: "CH-PR-1", Documented: 2, Actual: 1, Note: "n1"},
	})
	if resp.Respondent.ID != "by-hand" {
		t.Errorf("respondent id %q", resp.Respondent.ID)
	}
}

// A blank template reads as a response without answers, with warnings.
func TestCaptureBlank(t *testing.T) {
	resp, probs := read(t, capturedWorkbook(t, tiny(t)), tiny(t))
	want := `capture.xlsx: warning: Answers: nothing is filled in; the response has no answers
capture.xlsx: warning: Respondent!B1: no respondent id; using "capture", made from the file name`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if resp == nil || len(resp.Answers) != 0 || resp.Respondent.ID != "capture" || !resp.Date.IsZero() {
		t.Errorf("response = %+v", resp)
	}
}

func TestCaptureErrors(t *testing.T) {
	q := tiny(t)
	blank := capturedWorkbook(t, q)
	edit := func(edits ...func(f *excelize.File)) []byte {
		return fill(t, blank, func(f *excelize.File) {
			set(t, f, "Respondent", "B1", "r07")
			for _, e := range edits {
				e(f)
			}
		})
	}
	cell := func(sheet, c string, v any) func(f *excelize.File) {
		return func(f *excelize.File) { set(t, f, sheet, c, v) }
	}
	tests := []struct {
		name string
		data []byte
		want string // every problem, one a line
	}{
		{"bad value", edit(cell("Answers", "E3", "high"), cell("Answers", "F3", 2)),
			`capture.xlsx: Answers!E3: documented: "high" is not a level 0..5 or na`},
		{"out of scale", edit(cell("Answers", "F2", 7), cell("Answers", "E2", -1), cell("Answers", "E4", 2.5), cell("Answers", "F4", "6")),
			"capture.xlsx: Answers!E2: documented: -1 is outside the scale 0..5\n" +
				`capture.xlsx: Answers!E4: documented: "2.5" is not a level 0..5 or na` + "\n" +
				"capture.xlsx: Answers!F2: actual: 7 is outside the scale 0..5\n" +
				"capture.xlsx: Answers!F4: actual: 6 is outside the scale 0..5"},
		{"unknown question", edit(cell("Answers", "C3", "DK-XX-9"), cell("Answers", "E3", 3)),
			`capture.xlsx: Answers!C3: questionnaire "tiny" has no question "DK-XX-9"`},
		{"duplicate question", edit(cell("Answers", "C4", "DK-PE-1"), cell("Answers", "E4", 3)),
			`capture.xlsx: Answers!C4: question "DK-PE-1" is on two rows (first on row 2); keep one`},
		{"answers without a question id", edit(cell("Answers", "C3", ""), cell("Answers", "E3", 3)),
			`capture.xlsx: Answers!C3: a row with answers but no question id`},
		{"wrong questionnaire id in an older workbook", edit(noCarried, cell("Scale", "B1", "itil4-core"), cell("Answers", "E2", 3)),
			`capture.xlsx: Scale!B1: this workbook captures questionnaire "itil4-core", but the answers are imported for "tiny"; make new workbooks with itilmap template`},
		{"no questionnaire id in an older workbook", edit(noCarried, cell("Scale", "B1", "")),
			`capture.xlsx: Scale!B1: no questionnaire id; was the workbook made with itilmap template?`},
		{"a carried question changed", edit(cell("Questionnaire", "F15", "Agents resolve every issue.")),
			`capture.xlsx: Questionnaire: the questions do not match the digest the workbook carries; the workbook was changed after itilmap template made it: make a new one`},
		{"a carried record of an unknown kind", edit(cell("Questionnaire", "A17", "remark")),
			`capture.xlsx: Questionnaire!A17: unknown record "remark"; the workbook was changed after itilmap template made it: make a new one`},
		{"a newer format", edit(cell("Questionnaire", "C1", "2")),
			`capture.xlsx: Questionnaire!C1: the workbook is of format "2", which this itilmap does not read; a newer itilmap made it`},
		{"bad respondent id", edit(cell("Respondent", "B1", "r 07"), cell("Answers", "E2", 3)),
			`capture.xlsx: Respondent!B1: id: "r 07" is not a valid id; use letters, digits, '.', '_' and '-'`},
		{"bad date", edit(cell("Respondent", "B5", "28/10/2026"), cell("Answers", "E2", 3)),
			`capture.xlsx: Respondent!B5: date: "28/10/2026" is not a date; type it as YYYY-MM-DD`},
		{"no Answers sheet", edit(func(f *excelize.File) { f.DeleteSheet("Answers") }),
			`capture.xlsx: not a capture workbook: it has no Answers sheet (itilmap template makes one)`},
		{"no Documented column", edit(cell("Answers", "E1", "Docs"), cell("Answers", "F2", 3)),
			`capture.xlsx: Answers: no "Documented" column in the header row 1`},
		{"random bytes", randomBytes(4096),
			`capture.xlsx: not an xlsx workbook; save it from your spreadsheet program as Excel Workbook (.xlsx)`},
		{"empty file", nil,
			`capture.xlsx: not an xlsx workbook; save it from your spreadsheet program as Excel Workbook (.xlsx)`},
		{"a zip that is not a workbook", zipOf(t, map[string]string{"notes.txt": "hello"}),
			`capture.xlsx: not an xlsx workbook: a zip archive without a workbook in it`},
		{"an OpenDocument spreadsheet", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
			`capture.xlsx: not an xlsx workbook: an OpenDocument spreadsheet; save it from your spreadsheet program as Excel Workbook (.xlsx)`},
		{"an old xls or encrypted workbook", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, randomBytes(512)...),
			`capture.xlsx: not an xlsx workbook: an old .xls file or a password-protected workbook; save it from your spreadsheet program as Excel Workbook (.xlsx), without a password`},
		{"a sheet that unpacks huge", bomb(t, blank),
			`capture.xlsx: xl/worksheets/sheet2.xml inside the workbook unpacks to more than 16 MiB; a capture workbook is far smaller, so it is not read`},
		{"a workbook that claims to unpack huge", claimsHuge(t, blank),
			`capture.xlsx: the workbook unpacks to more than 64 MiB; a capture workbook is far smaller, so it is not read`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, probs := read(t, tt.data, q)
			if got := messages(probs.Errors()); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
			if !probs.HasErrors() {
				t.Errorf("no error (response %+v)", resp)
			}
		})
	}
}

// An empty row whose question the questionnaire no longer has is only a
// warning: the workbook may come from an older version.
func TestCaptureUnknownEmptyRow(t *testing.T) {
	q := tiny(t)
	data := fill(t, capturedWorkbook(t, q), func(f *excelize.File) {
		noCarried(f) // a workbook of an older itilmap, read against a newer version
		set(t, f, "Respondent", "B1", "r07")
		set(t, f, "Respondent", "B5", "2026-10-28") // a date typed as text
		set(t, f, "Scale", "B2", "0.0.9")
		set(t, f, "Answers", "C3", "DK-OLD-1")
		set(t, f, "Answers", "E2", 1)
	})
	resp, probs := read(t, data, q)
	want := `capture.xlsx: warning: Answers!C3: questionnaire "tiny" has no question "DK-OLD-1"; the empty row is ignored
capture.xlsx: warning: Scale!B2: this workbook was made from version 0.0.9 of "tiny"; the answers are imported for version 0.1.0`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if len(resp.Answers) != 1 || resp.Date.String() != "2026-10-28" {
		t.Errorf("answers %+v, date %s", resp.Answers, resp.Date)
	}
}

func TestCaptureTooManyRows(t *testing.T) {
	q := tiny(t)
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Answers")
	f.NewSheet("Scale")
	set(t, f, "Scale", "B1", "tiny")
	sw, err := f.NewStreamWriter("Answers")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"Question ID", "Documented", "Actual"})
	for i := range capture.MaxCaptureRows + 5 {
		sw.SetRow("A"+strconv.Itoa(i+2), []any{"Q-" + strconv.Itoa(i), 1, 1})
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, _ := f.WriteToBuffer()
	_, probs := read(t, buf.Bytes(), q)
	want := "capture.xlsx: Answers: more than 10000 rows; a capture workbook holds at most 10000 questions"
	if !strings.Contains(messages(probs), want) {
		t.Errorf("no %q among the problems", want)
	}
}

// noCarried makes the workbook one of an older itilmap, which did not
// carry its questionnaire.
func noCarried(f *excelize.File) { f.DeleteSheet("Questionnaire") }

func zipPart(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b
		}
	}
	t.Fatalf("no %s", name)
	return nil
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb is the workbook with its Answers sheet replaced by 17 MiB of rows
// that compress to a few kilobytes.
func bomb(t testing.TB, workbook []byte) []byte {
	t.Helper()
	row := []byte(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`)
	huge := append([]byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`),
		bytes.Repeat(row, (17<<20)/len(row)+1)...)
	huge = append(huge, `</sheetData></worksheet>`...)
	return rezip(t, workbook, func(h *zip.FileHeader, data []byte, zw *zip.Writer) {
		if h.Name == "xl/worksheets/sheet2.xml" {
			data = huge
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate})
		w.Write(data)
	})
}

// claimsHuge is the workbook with five more entries whose headers claim
// 15 MiB each, together more than 64 MiB: such a workbook is refused before
// anything is unpacked.
func claimsHuge(t testing.TB, workbook []byte) []byte {
	t.Helper()
	var payload bytes.Buffer
	fw, _ := flate.NewWriter(&payload, flate.BestCompression)
	fw.Write([]byte("x"))
	fw.Close()
	return rezip(t, workbook, func(h *zip.FileHeader, data []byte, zw *zip.Writer) {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate})
		w.Write(data)
		if h.Name != "xl/workbook.xml" {
			return
		}
		for i := range 5 {
			rw, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/pad" + strconv.Itoa(i) + ".bin", Method: zip.Deflate,
				CompressedSize64: uint64(payload.Len()), UncompressedSize64: 15 << 20})
			if err != nil {
				t.Fatal(err)
			}
			rw.Write(payload.Bytes())
		}
	})
}

// rezip rewrites a workbook entry by entry: each gets every entry's header
// and content and writes what it wants into zw. It is the one zip-rewriting
// helper of the tests.
func rezip(t testing.TB, data []byte, each func(h *zip.FileHeader, data []byte, zw *zip.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		each(&zf.FileHeader, b, zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook for one role asks only the questions given, fills in the
// role, and offers the assessment's teams and roles as drop-downs that
// read their names from the Questionnaire sheet.
func TestCaptureAudienceAndLists(t *testing.T) {
	q := tiny(t)
	var buf bytes.Buffer
	err := capture.Write(&buf, q, capture.Options{Questions: []*assess.Question{q.Question("DK-PR-1"), q.Question("CH-PR-1")},
		Audience: "agent", Teams: []string{"service-desk", "apps"}, Roles: []string{"agent", "manager"}, Generated: generated})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Answers")
	if len(rows) != 3 || rows[1][2] != "DK-PR-1" || rows[2][2] != "CH-PR-1" {
		t.Errorf("Answers rows %q, want DK-PR-1 and CH-PR-1 only", rows)
	}
	if v, _ := f.GetCellValue("Respondent", "B3"); v != "agent" {
		t.Errorf("Respondent!B3 = %q, want the role filled in", v)
	}
	dvs, err := f.GetDataValidations("Respondent")
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string][]string{}
	for _, dv := range dvs {
		// the formula names a range of the Questionnaire sheet; read it
		ref := strings.TrimPrefix(dv.Formula1, "'Questionnaire'!")
		from, to, _ := strings.Cut(strings.ReplaceAll(ref, "$", ""), ":")
		var names []string
		for _, cell := range []string{from, to} {
			v, _ := f.GetCellValue("Questionnaire", cell)
			names = append(names, v)
		}
		lists[dv.Sqref] = names
	}
	if got := strings.Join(lists["B4"], ","); got != "service-desk,apps" {
		t.Errorf("team drop-down %q (all %v)", got, lists)
	}
	if got := strings.Join(lists["B3"], ","); got != "agent,manager" {
		t.Errorf("role drop-down %q (all %v)", got, lists)
	}
	// it still carries every question, and reads back with the role
	data := fill(t, buf.Bytes(), func(f *excelize.File) { set(t, f, "Answers", "E2", 2) })
	c, probs := capture.Read("agent.xlsx", bytes.NewReader(data), int64(len(data)), nil)
	if probs.HasErrors() || len(c.Questionnaire.Questions) != 3 || c.Response.Respondent.Role != "agent" || c.Cells["team"] != "Respondent!B4" {
		t.Errorf("read back: %v, %+v", probs, c)
	}
}
