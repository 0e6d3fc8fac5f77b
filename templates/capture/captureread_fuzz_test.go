package capture_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/templates/capture"
	"github.com/xuri/excelize/v2"
)

// FuzzReadCapture feeds Read workbooks made by Write, blank
// and filled in, and hostile files: whatever the bytes, it returns
// problems, never panics, stops in time and stays within its limits. Run
// it with
//
//	go test -run '^$' -fuzz '^FuzzReadCapture$' -fuzztime 30s ./templates/capture
func FuzzReadCapture(f *testing.F) {
	q := builtinQ(f, "itil4-quick")
	var blank bytes.Buffer
	if err := capture.Write(&blank, q, capture.Options{Generated: generatedAt}); err != nil {
		f.Fatal(err)
	}
	f.Add(blank.Bytes())
	filled, err := excelize.OpenReader(bytes.NewReader(blank.Bytes()))
	if err != nil {
		f.Fatal(err)
	}
	for cell, v := range map[string]any{"B1": "r07", "B2": "Zoë Ødegård", "B3": "agent", "B4": "desk", "B5": "2026-10-28"} {
		filled.SetCellValue(capture.CaptureRespondent, cell, v)
	}
	for cell, v := range map[string]any{"E2": 3, "F2": "na", "E3": "4", "F3": 2.0, "G3": "=1+1", "E4": "high", "F5": 9} {
		filled.SetCellValue(capture.CaptureAnswers, cell, v)
	}
	defer filled.Close()
	buf, err := filled.WriteToBuffer()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(stored(f, buf.Bytes()))
	// a workbook of an older itilmap, without its questionnaire
	filled.DeleteSheet(capture.CaptureQuestionnaire)
	if old, err := filled.WriteToBuffer(); err == nil {
		f.Add(stored(f, old.Bytes()))
	}
	// formula cells with and without computed values, a control character
	f.Add(stored(f, hostileCapture(f, q, captureHeaderRow+`<row r="2"><c r="A2" t="inlineStr"><is><t>`+q.Questions[0].ID+
		`</t></is></c><c r="B2"><f>1+1</f></c><c r="C2" t="e"><f>x</f><v>#NAME?</v></c></row>`+
		`<row r="3"><c r="A3" t="inlineStr"><is><t>`+q.Questions[1].ID+`_x001B_</t></is></c><c r="B3" t="str"><f>"3"</f><v>3</v></c></row>`)))
	far := captureHeaderRow + `<row r="2"><c r="XFD2"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>`
	f.Add(hostileCapture(f, q, far))
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 64)...))
	f.Add(zipOf(f, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}))
	f.Add(zipOf(f, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook><sheets><sheet name=\"Answers\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"}))

	f.Fuzz(func(t *testing.T, data []byte) {
		// against the questionnaire given, and against the one the workbook carries
		for _, want := range []*assess.Questionnaire{q, nil} {
			c, probs := capture.Read("capture.xlsx", bytes.NewReader(data), int64(len(data)), want)
			checkFuzzed(t, c, probs, want)
		}
	})
}

func checkFuzzed(t *testing.T, c *capture.Capture, probs assess.Problems, want *assess.Questionnaire) {
	for _, p := range probs {
		if p.File != "capture.xlsx" || p.Message == "" {
			t.Errorf("problem %+v: not about capture.xlsx, or no message", p)
		}
		if strings.Contains(p.Message, "runtime error") {
			t.Logf("a recovered panic: %s", p)
		}
	}
	if c == nil {
		if !probs.HasErrors() {
			t.Fatal("no response and no error")
		}
		return
	}
	q, resp := c.Questionnaire, c.Response
	if want != nil && q != want {
		t.Fatal("read against another questionnaire than the one given")
	}
	for _, a := range resp.Answers {
		if q.Question(a.Question) == nil {
			t.Fatalf("answer to %q, which the questionnaire does not have", a.Question)
		}
		for _, v := range []assess.Value{a.Documented, a.Actual} {
			if v != assess.Unknown && v != assess.NA && (int(v) < q.Scale.Min || int(v) > q.Scale.Max) {
				t.Fatalf("answer %+v outside the scale %s", a, q.Scale)
			}
		}
		if utf8.RuneCountInString(a.Note) > capture.MaxCaptureText || utf8.RuneCountInString(a.Evidence) > capture.MaxCaptureText {
			t.Fatal("a note or evidence over the bound")
		}
	}
	if len(resp.Answers) > len(q.Questions) {
		t.Fatalf("%d answers to %d questions", len(resp.Answers), len(q.Questions))
	}
	if !probs.HasErrors() && assess.FileIDProblem(resp.Respondent.ID) != "" {
		t.Fatalf("respondent id %q cannot name a file, and no error says so", resp.Respondent.ID)
	}
}

// stored is the workbook with its entries stored, not compressed, and
// without checksums, so that the fuzzer's changes reach the XML inside.
func stored(t testing.TB, data []byte) []byte {
	t.Helper()
	return rezip(t, data, func(h *zip.FileHeader, content []byte, zw *zip.Writer) {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: h.Name, Method: zip.Store,
			CompressedSize64: uint64(len(content)), UncompressedSize64: uint64(len(content))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	})
}
