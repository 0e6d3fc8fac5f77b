package capture_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/templates/capture"
)

// hostileCapture is a blank capture workbook of q whose Answers sheet
// (sheet2.xml) holds rows instead of its own.
func hostileCapture(t testing.TB, q *assess.Questionnaire, rows string) []byte {
	t.Helper()
	var blank bytes.Buffer
	if err := capture.Write(&blank, q, capture.Options{Generated: generatedAt}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(blank.Bytes()), int64(blank.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet2.xml" {
			s := string(data)
			i, j := strings.Index(s, "<sheetData>"), strings.Index(s, "</sheetData>")
			if i < 0 || j < 0 {
				t.Fatalf("no sheetData in %s", zf.Name)
			}
			data = []byte(s[:i] + "<sheetData>" + rows + s[j:])
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// generatedAt dates the workbooks made here.
var generatedAt = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

const captureHeaderRow = `<row r="1"><c r="A1" t="inlineStr"><is><t>Question ID</t></is></c>` +
	`<c r="B1" t="inlineStr"><is><t>Documented</t></is></c><c r="C1" t="inlineStr"><is><t>Actual</t></is></c></row>`

// A value in the last column costs one cell, not the 16,384 before it: a
// sheet of such rows reads at once. More cells than MaxCaptureCells are
// refused before they cost more.
func TestCaptureCellsBounded(t *testing.T) {
	q := builtinQ(t, "itil4-quick")
	var rows strings.Builder
	rows.WriteString(captureHeaderRow)
	for r := 2; r < 200; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	data := hostileCapture(t, q, rows.String())
	if _, probs := readAs(t, "capture.xlsx", data, q); probs.HasErrors() {
		t.Errorf("far columns: %v", probs)
	}

	rows.Reset()
	rows.WriteString(captureHeaderRow)
	for r := 2; r*10 < capture.MaxCaptureCells+100; r++ {
		fmt.Fprintf(&rows, `<row r="%d">`, r)
		for c := 'D'; c < 'N'; c++ {
			fmt.Fprintf(&rows, `<c r="%c%d"><v>1</v></c>`, c, r)
		}
		rows.WriteString(`</row>`)
	}
	data = hostileCapture(t, q, rows.String())
	_, probs := readAs(t, "capture.xlsx", data, q)
	want := fmt.Sprintf("capture.xlsx: Answers: more than %d cells in use; a capture workbook is far smaller, so it is not read", capture.MaxCaptureCells)
	if got := probs.Errors(); len(got) != 1 || got[0].String() != want {
		t.Errorf("problems %v, want %s", got, want)
	}
}

// A workbook of a few kilobytes whose one shared string of 15 MB fills
// every Evidence and Note cell: each cell is refused, named, without the
// string being copied into a response (it once made a 2 GB file).
func TestCaptureHugeSharedString(t *testing.T) {
	q := builtinQ(t, "itil4-quick")
	blank := capturedWorkbook(t, q)
	huge := strings.Repeat("x", 15<<20)
	huge0 := strings.Count(string(zipPart(t, blank, "xl/sharedStrings.xml")), "<si>") // its index
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Question ID</t></is></c><c r="B1" t="inlineStr"><is><t>Documented</t></is></c>` +
		`<c r="C1" t="inlineStr"><is><t>Actual</t></is></c><c r="D1" t="inlineStr"><is><t>Evidence</t></is></c><c r="E1" t="inlineStr"><is><t>Note</t></is></c></row>`)
	for i, qu := range q.Questions {
		r := i + 2
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>3</v></c>`+
			`<c r="D%d" t="s"><v>%d</v></c><c r="E%d" t="s"><v>%d</v></c></row>`, r, r, qu.ID, r, r, huge0, r, huge0)
	}
	data := patchParts(t, blank, map[string]func(string) string{
		"xl/sharedStrings.xml": func(s string) string {
			return strings.Replace(s, "</sst>", "<si><t>"+huge+"</t></si></sst>", 1)
		},
		"xl/worksheets/sheet2.xml": replaceSheetData(rows.String()),
	})
	if len(data) > 100<<10 {
		t.Fatalf("the workbook is %d bytes; it should be a few kilobytes", len(data))
	}
	resp, probs := readAs(t, "capture.xlsx", data, q)
	errs := probs.Errors()
	if len(errs) != 2*len(q.Questions) {
		t.Fatalf("%d errors, want one for each Evidence and Note cell: %v", len(errs), errs)
	}
	for _, want := range []string{"capture.xlsx: Answers!D2: evidence: longer than 10000 characters; shorten it",
		"capture.xlsx: Answers!E2: note: longer than 10000 characters; shorten it"} {
		if !slices.Contains(errs.Strings(), want) {
			t.Errorf("no problem %s among %v", want, errs[:2])
		}
	}
	for _, a := range resp.Answers {
		if len(a.Evidence) > capture.MaxCaptureText || len(a.Note) > capture.MaxCaptureText {
			t.Fatalf("an answer keeps %d bytes of evidence", len(a.Evidence))
		}
	}
}

// A shared-strings part larger than MaxCapturePart is refused before it
// is unpacked.
func TestCaptureSharedStringsBounded(t *testing.T) {
	q := builtinQ(t, "itil4-quick")
	data := patchParts(t, capturedWorkbook(t, q), map[string]func(string) string{
		"xl/sharedStrings.xml": func(s string) string {
			i := strings.Index(s, "<si>")
			return s[:i] + "<si><t>" + strings.Repeat("x", capture.MaxCapturePart) + "</t></si>" + s[i:]
		},
	})
	_, probs := readAs(t, "capture.xlsx", data, q)
	want := "capture.xlsx: xl/sharedStrings.xml inside the workbook unpacks to more than 16 MiB; a capture workbook is far smaller, so it is not read"
	if got := probs.Errors(); len(got) != 1 || got[0].String() != want {
		t.Errorf("problems %v, want %s", got, want)
	}
}

// patchParts rewrites parts of a workbook.
func patchParts(t testing.TB, data []byte, edits map[string]func(string) string) []byte {
	t.Helper()
	return rezip(t, data, func(h *zip.FileHeader, b []byte, zw *zip.Writer) {
		if edit, ok := edits[h.Name]; ok {
			b = []byte(edit(string(b)))
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	})
}

// replaceSheetData is an edit that puts rows in a sheet instead of its own.
func replaceSheetData(rows string) func(string) string {
	return func(s string) string {
		i, j := strings.Index(s, "<sheetData"), strings.Index(s, "</sheetData>")
		if i < 0 {
			return s
		}
		if j < 0 { // <sheetData/>
			j = i + strings.Index(s[i:], "/>") + 2
			return s[:i] + "<sheetData>" + rows + "</sheetData>" + s[j:]
		}
		return s[:i] + "<sheetData>" + rows + s[j:]
	}
}

// A row numbered 1,048,576 (the last a sheet has) after the questions is
// read, not refused, and does not count as a million rows.
func TestCaptureLastRowOfSheet(t *testing.T) {
	q := builtinQ(t, "itil4-quick")
	id := q.Questions[0].ID
	rows := captureHeaderRow +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>` + id + `</t></is></c><c r="B2"><v>3</v></c><c r="C2"><v>2</v></c></row>` +
		`<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>` + q.Questions[1].ID + `</t></is></c><c r="C1048576"><v>1</v></c></row>`
	data := hostileCapture(t, q, rows)
	resp, probs := readAs(t, "capture.xlsx", data, q)
	if probs.HasErrors() || resp == nil || len(resp.Answers) != 2 {
		t.Fatalf("response %+v, problems %v; want two answers", resp, probs)
	}
}

func builtinQ(t testing.TB, id string) *assess.Questionnaire {
	t.Helper()
	q, probs := assess.LoadQuestionnaire(nil, id, "")
	if q == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	return q
}

// BenchmarkReadCapture reads a filled workbook of the full built-in
// questionnaire, and the hostile workbook whose one 15 MB shared string
// fills every Evidence and Note cell (it once took minutes and gigabytes).
func BenchmarkReadCapture(b *testing.B) {
	q := builtinQ(b, "itil4-core")
	var blank bytes.Buffer
	if err := capture.Write(&blank, q, capture.Options{Generated: generatedAt}); err != nil {
		b.Fatal(err)
	}
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Question ID</t></is></c><c r="B1" t="inlineStr"><is><t>Documented</t></is></c>` +
		`<c r="C1" t="inlineStr"><is><t>Actual</t></is></c><c r="D1" t="inlineStr"><is><t>Evidence</t></is></c><c r="E1" t="inlineStr"><is><t>Note</t></is></c></row>`)
	huge0 := strings.Count(string(zipPart(b, blank.Bytes(), "xl/sharedStrings.xml")), "<si>")
	var filled strings.Builder
	filled.WriteString(rows.String())
	for i, qu := range q.Questions {
		r := i + 2
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>3</v></c>`+
			`<c r="D%d" t="s"><v>%d</v></c><c r="E%d" t="s"><v>%d</v></c></row>`, r, r, qu.ID, r, r, huge0, r, huge0)
		fmt.Fprintf(&filled, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>3</v></c><c r="C%d"><v>2</v></c>`+
			`<c r="E%d" t="inlineStr"><is><t>Weekend shifts skip this step.</t></is></c></row>`, r, r, qu.ID, r, r, r)
	}
	for _, bb := range []struct {
		name string
		data []byte
	}{
		{"filled", patchParts(b, blank.Bytes(), map[string]func(string) string{"xl/worksheets/sheet2.xml": replaceSheetData(filled.String())})},
		{"huge-shared-string", patchParts(b, blank.Bytes(), map[string]func(string) string{
			"xl/sharedStrings.xml": func(s string) string {
				return strings.Replace(s, "</sst>", "<si><t>"+strings.Repeat("x", 15<<20)+"</t></si></sst>", 1)
			},
			"xl/worksheets/sheet2.xml": replaceSheetData(rows.String()),
		})},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				capture.Read("capture.xlsx", bytes.NewReader(bb.data), int64(len(bb.data)), nil)
			}
		})
	}
}
