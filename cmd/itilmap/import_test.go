package main

import (
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
)

// A workbook's texts follow the rules of response files: control
// characters and overlong names are refused, text is normalised to NFC.
func TestCleanImportedText(t *testing.T) {
	resp := &assess.Response{
		Respondent: assess.Respondent{ID: "r1", Name: "Socie\u0301te\u0301", Team: "desk\x1b[2J", Role: strings.Repeat("x", 201)},
		Answers:    []assess.Answer{{Question: "IM-1", Note: "two\tlines\nok", Evidence: "bell\a"}},
	}
	got := rendered(cleanImportedText("w.xlsx", resp))
	want := []string{
		"w.xlsx: respondent role: 201 characters; a name, title or label may be at most 200",
		"w.xlsx: respondent team: control character U+001B at character 5; write plain text",
		"w.xlsx: IM-1 evidence: control character U+0007 at character 5; write plain text",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if resp.Respondent.Name != "Soci\u00e9t\u00e9" || resp.Answers[0].Note != "two\tlines\nok" {
		t.Errorf("cleaned: %q, %q", resp.Respondent.Name, resp.Answers[0].Note)
	}
}

func rendered(ps assess.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}
