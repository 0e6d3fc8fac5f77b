package capture_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
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
	if err := capture.Write(&blank, q, nil, generatedAt); err != nil {
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

// A value in the last column makes each row 16,384 cells wide: a small
// sheet of such rows would take minutes to read, so the cells are bounded.
func TestCaptureFarColumnsBounded(t *testing.T) {
	q := builtinQ(t, "itil4-quick")
	var rows strings.Builder
	rows.WriteString(captureHeaderRow)
	for r := 2; r < 200; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	data := hostileCapture(t, q, rows.String())
	_, probs := capture.Read("capture.xlsx", bytes.NewReader(data), int64(len(data)), q)
	want := "capture.xlsx: Answers: more than 1000000 cells in use; a capture workbook is far smaller, so it is not read"
	if got := probs.Errors(); len(got) != 1 || got[0].String() != want {
		t.Errorf("problems %v, want %s", got, want)
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
	resp, probs := capture.Read("capture.xlsx", bytes.NewReader(data), int64(len(data)), q)
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
