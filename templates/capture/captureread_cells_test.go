package capture_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/templates/capture"
	"github.com/xuri/excelize/v2"
)

// The tiny questionnaire's workbook with its Answers sheet holding the
// header and rows, written as XML the way other programs write cells.
func tinyCells(t *testing.T, rows string) []byte {
	t.Helper()
	header := `<row r="1"><c r="C1" t="inlineStr"><is><t>Question ID</t></is></c><c r="E1" t="inlineStr"><is><t>Documented</t></is></c>` +
		`<c r="F1" t="inlineStr"><is><t>Actual</t></is></c><c r="G1" t="inlineStr"><is><t>Evidence</t></is></c><c r="H1" t="inlineStr"><is><t>Note</t></is></c></row>`
	return patchParts(t, capturedWorkbook(t, tiny(t)), map[string]func(string) string{
		"xl/worksheets/sheet2.xml": replaceSheetData(header + rows),
	})
}

func qid(row int, id string) string {
	return fmt.Sprintf(`<c r="C%d" t="inlineStr"><is><t>%s</t></is></c>`, row, id)
}

// A formula cell is read as its computed value; evidence and notes whose
// formula has no computed value (or an error) keep the formula's text; a
// level whose formula has none is an error naming the cell.
func TestCaptureFormulaCells(t *testing.T) {
	data := tinyCells(t, `<row r="2">`+qid(2, "DK-PE-1")+`<c r="E2"><f>1+2</f><v>3</v></c><c r="F2" t="str"><f>LOWER("NA")</f><v>na</v></c>`+
		`<c r="G2" t="str"><f>HYPERLINK("http://x","runbook")</f><v>runbook</v></c><c r="H2"><f>HYPERLINK("http://x","click")</f></c></row>`+
		`<row r="3">`+qid(3, "DK-PR-1")+`<c r="E3"><v>2</v></c><c r="G3" t="e"><f>great job</f><v>#NAME?</v></c><c r="H3"><f>SUM(A1:A2)</f><v>0</v></c></row>`+
		`<row r="4">`+qid(4, "CH-PR-1")+`<c r="H4" t="str"><f>"a"&amp;"b"</f></c></row>`)
	resp, probs := read(t, data, nil)
	if probs.HasErrors() {
		t.Fatalf("problems:\n%s", messages(probs))
	}
	checkAnswers(t, "Read", resp.Answers, []assess.Answer{
		{Question: "DK-PE-1", Documented: 3, Actual: assess.NA, Evidence: "runbook", Note: `=HYPERLINK("http://x","click")`},
		{Question: "DK-PR-1", Documented: 2, Actual: assess.Unknown, Evidence: "=great job", Note: "0"},
		{Question: "CH-PR-1", Documented: assess.Unknown, Actual: assess.Unknown, Note: `="a"&"b"`},
	})

	data = tinyCells(t, `<row r="2">`+qid(2, "DK-PE-1")+`<c r="E2"><f>A1+1</f></c><c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`+
		`<row r="3">`+qid(3, "DK-PR-1")+`<c r="E3" t="b"><v>1</v></c><c r="H3" t="str"><f t="shared" si="0"/></c></row>`)
	_, probs = read(t, data, nil)
	want := `capture.xlsx: Answers!E2: documented: the formula "=A1+1" has no computed value; type the level 0..5 or na
capture.xlsx: Answers!E3: documented: "TRUE" is not a level 0..5 or na
capture.xlsx: Answers!F2: actual: the cell holds the error "#DIV/0!"; type the level 0..5 or na
capture.xlsx: Answers!H3: note: a formula without a computed value; type the text itself`
	if got := messages(probs.Errors()); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// Text is NFC, _xHHHH_ escapes are decoded, control characters are refused
// with the cell named, and names and notes are bounded.
func TestCaptureTextRules(t *testing.T) {
	q := tiny(t)
	long := strings.Repeat("é", capture.MaxCaptureText+1)
	data := patchParts(t, capturedWorkbook(t, q), map[string]func(string) string{
		"xl/worksheets/sheet1.xml": replaceSheetData(
			`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>r07</t></is></c></row>` +
				`<row r="2"><c r="A2" t="inlineStr"><is><t>Name</t></is></c><c r="B2" t="inlineStr"><is><t>Zoe` + "\u0308" + ` _x005F_x0041_</t></is></c></row>` +
				`<row r="3"><c r="A3" t="inlineStr"><is><t>Role</t></is></c><c r="B3" t="inlineStr"><is><t>` + strings.Repeat("r", 201) + `</t></is></c></row>` +
				`<row r="4"><c r="A4" t="inlineStr"><is><t>Team</t></is></c><c r="B4" t="inlineStr"><is><t>desk_x001B_[31m</t></is></c></row>`),
		"xl/worksheets/sheet2.xml": replaceSheetData(
			`<row r="1"><c r="C1" t="inlineStr"><is><t>Question ID</t></is></c><c r="E1" t="inlineStr"><is><t>Documented</t></is></c>` +
				`<c r="F1" t="inlineStr"><is><t>Actual</t></is></c><c r="H1" t="inlineStr"><is><t>Note</t></is></c></row>` +
				`<row r="2">` + qid(2, "DK-PE-1") + `<c r="E2"><v>1</v></c><c r="H2" t="inlineStr"><is><t>` + long + `</t></is></c></row>` +
				`<row r="3">` + qid(3, "DK-PR-1") + `<c r="E3"><v>1</v></c><c r="H3" t="inlineStr"><is><t>tab&#9;and&#13;&#10;line _x0007_</t></is></c></row>` +
				`<row r="4">` + qid(4, "CH-PR-1") + `<c r="E4"><v>1</v></c><c r="H4" t="inlineStr"><is><t>a&#13;&#10;b&#9;c</t></is></c></row>`),
	})
	c, probs := capture.Read("capture.xlsx", strings.NewReader(string(data)), int64(len(data)), nil)
	want := `capture.xlsx: Answers!H2: note: 10001 characters; a note, evidence, help or question text may be at most 10000
capture.xlsx: Answers!H3: note: control character U+0007 at character 14; write plain text
capture.xlsx: Respondent!B3: role: 201 characters; a name, title or label may be at most 200
capture.xlsx: Respondent!B4: team: control character U+001B at character 5; write plain text`
	if got := messages(probs.Errors()); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if got := c.Response.Respondent.Name; got != "Zoë _x0041_" {
		t.Errorf("name %q, want the NFC form with the escaped escape kept", got)
	}
	if n := len(c.Response.Answers); n != 1 || c.Response.Answers[0].Note != "a\nb\tc" {
		t.Errorf("answers %+v, want CH-PR-1's note with its new line and tab", c.Response.Answers)
	}
}

// Read needs nothing but the workbook: the questionnaire it carries is
// the one it was made from, every question of it, even those the workbook
// does not ask.
func TestCaptureCarriedQuestionnaire(t *testing.T) {
	q := tiny(t)
	data := fill(t, capturedWorkbook(t, q, "change"), func(f *excelize.File) {
		set(t, f, "Respondent", "B1", "r07")
		set(t, f, "Answers", "E2", 4)
	})
	c, probs := capture.Read("capture.xlsx", strings.NewReader(string(data)), int64(len(data)), nil)
	if probs.HasErrors() {
		t.Fatal(messages(probs))
	}
	got := c.Questionnaire
	if got == q || got.ID != "tiny" || got.Version != "0.1.0" || got.Title != "Three questions" || c.Digest != q.Digest() || got.Digest() != q.Digest() {
		t.Errorf("carried %+v, digest %s; want tiny 0.1.0 with digest %s", got, c.Digest, q.Digest())
	}
	if len(got.Questions) != 3 || got.Practice("desk").Name != "Service desk" || got.Scale.Label(5) != "Optimizing" {
		t.Errorf("carried questions %d, practices %+v", len(got.Questions), got.Practices)
	}
	checkAnswers(t, "Read", c.Response.Answers, []assess.Answer{{Question: "CH-PR-1", Documented: 4, Actual: assess.Unknown}})

	// against another questionnaire: the same id is not enough
	other, probs := assess.ParseQuestionnaire("other.yaml", []byte(strings.Replace(tinyQuestionnaire, "logged before work starts", "logged", 1)))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	_, probs = capture.Read("capture.xlsx", strings.NewReader(string(data)), int64(len(data)), other)
	want := "capture.xlsx: this workbook was made from tiny 0.1.0, which asks other questions than the tiny 0.1.0 the answers are imported for: question DK-PR-1 reads differently; make new workbooks with itilmap template"
	if got := messages(probs.Errors()); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	// an older workbook without its questionnaire needs one given
	old := fill(t, data, noCarried)
	_, probs = capture.Read("capture.xlsx", strings.NewReader(string(old)), int64(len(old)), nil)
	want = `capture.xlsx: this workbook names questionnaire "tiny" but does not carry its questions (an older itilmap made it); import it with --questionnaire "tiny", or into the assessment it was made for`
	if got := messages(probs.Errors()); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// A questionnaire whose texts look like _xHHHH_ escapes is carried as it
// is: the workbook reads back to the same digest.
func TestCaptureCarriesEscapeLookalikes(t *testing.T) {
	src := strings.Replace(tinyQuestionnaire, "No change reaches production", "No _x0041_ change reaches production", 1)
	src = strings.Replace(src, "name: Service desk", "name: Desk _x005F_x0042_", 1)
	q, probs := assess.ParseQuestionnaire("tiny.yaml", []byte(src))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	data := capturedWorkbook(t, q)
	c, probs := capture.Read("capture.xlsx", strings.NewReader(string(data)), int64(len(data)), nil)
	if probs.HasErrors() {
		t.Fatal(messages(probs))
	}
	if c.Questionnaire.Question("CH-PR-1").Text != q.Question("CH-PR-1").Text || c.Questionnaire.Practice("desk").Name != "Desk _x005F_x0042_" {
		t.Errorf("carried %q, %q", c.Questionnaire.Question("CH-PR-1").Text, c.Questionnaire.Practice("desk").Name)
	}
}
