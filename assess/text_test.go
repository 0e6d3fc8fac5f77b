package assess

import (
	"fmt"
	"strings"
	"testing"
)

// Text limits: names, titles and labels of at most 200
// characters, running text of at most 10,000, counted after aliases are
// expanded; no control characters; NFC.
func TestTextLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) } // two bytes, one character
	tests := []struct {
		name, file, old, new string
		want                 []string
	}{
		{"escape sequence in a team", "responses/r1.yaml", "team: desk}", `team: "desk\e[2J"}`,
			[]string{`a/responses/r1.yaml:3:56: respondent.team: control character U+001B at character 5; write plain text`}},
		{"line break in a name", "responses/r1.yaml", "name: Ann Lee,", `name: "Ann\nLee",`,
			[]string{`a/responses/r1.yaml:3:28: respondent.name: control character U+000A at character 4; write plain text`}},
		{"C1 control in a title", "painpoints.yaml", "title: Tills wait hours to be restored", `title: "Tills wait\u0085hours"`,
			[]string{`a/painpoints.yaml:4:12: title: control character U+0085 at character 11; write plain text`}},
		{"carriage return in a note", "responses/r1.yaml", "note: nobody knows", `note: "nobody\rknows"`,
			[]string{`a/responses/r1.yaml:9:31: note: control character U+000D at character 7; write plain text`}},
		{"tab and line break in a note", "responses/r1.yaml", "note: nobody knows", `note: "nobody\tknows\nat all"`, nil},
		{"organization of 200 characters", "assessment.yaml", "organization: Test Org", "organization: " + long(200), nil},
		{"organization of 201 characters", "assessment.yaml", "organization: Test Org", "organization: " + long(201),
			[]string{`a/assessment.yaml:3:15: organization: 201 characters; a name, title or label may be at most 200`}},
		{"owner of 201 characters", "assessment.yaml", "{owner: Dana Lee}", "{owner: " + long(201) + "}",
			[]string{`a/assessment.yaml:8:25: owner: 201 characters; a name, title or label may be at most 200`}},
		{"evidence of 10,000 characters", "responses/r1.yaml", "evidence: Runbook v3", "evidence: " + long(10_000), nil},
		{"evidence of 10,001 characters", "responses/r1.yaml", "evidence: Runbook v3", "evidence: " + long(10_001),
			[]string{`a/responses/r1.yaml:8:46: evidence: 10001 characters; a note, evidence, help or question text may be at most 10000`}},
		{"a long text reused by alias", "responses/r1.yaml", "Runbook v3}              # 8\n  IM-2: {documented: 3, note: nobody knows}",
			"&n " + long(10_001) + "}              # 8\n  IM-2: {documented: 3, note: *n}",
			[]string{
				`a/responses/r1.yaml:8:46: evidence: 10001 characters; a note, evidence, help or question text may be at most 10000`,
				`a/responses/r1.yaml:9:31: note: 10001 characters; a note, evidence, help or question text may be at most 10000`,
			}},
		{"a readiness name with an escape", "assessment.yaml", "scoring:", "readiness: {budget: \"\\e]0;x\\a\"}\nscoring:",
			[]string{`a/assessment.yaml:9:21: readiness.budget: control character U+001B at character 1; write plain text`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fixture := map[string]string{"assessment.yaml": testAssessment, "responses/r1.yaml": testResponse, "painpoints.yaml": testPainPoints}[tt.file]
			_, probs := Load(FromFS(folder(map[string]string{tt.file: edit(fixture, tt.old, tt.new)})), "a")
			checkProblems(t, probs.Errors(), tt.want)
		})
	}
}

func TestTextIsNFC(t *testing.T) {
	_, probs := Load(FromFS(folder(map[string]string{
		"assessment.yaml": edit(testAssessment, "organization: Test Org", `organization: "Socie\u0301te\u0301"`),
	})), "a")
	a, _ := Load(FromFS(folder(map[string]string{
		"assessment.yaml": edit(testAssessment, "organization: Test Org", `organization: "Socie\u0301te\u0301"`),
	})), "a")
	checkProblems(t, probs, nil)
	if a.Organization != "Soci\u00e9t\u00e9" {
		t.Errorf("organization %q, want %q", a.Organization, "Soci\u00e9t\u00e9")
	}
}

// One text of 200,000 characters, anchored once and reused by 31 questions:
// refused at the alias that repeats more than MaxAliasText of text, before
// any value is read.
func TestAliasTextBlowUp(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind: questionnaire\nid: big\nversion: 1.0.0\ntitle: Big\nscale: {min: 0, max: 5}\n")
	b.WriteString("dimensions: [{id: people, name: People}]\npractices:\n  - id: p\n    name: P\n    questions:\n")
	b.WriteString("      - {id: Q0, dimension: people, text: &t " + strings.Repeat("x", 200_000) + "}\n")
	for i := 1; i <= 31; i++ {
		fmt.Fprintf(&b, "      - {id: Q%d, dimension: people, text: *t}\n", i)
	}
	_, probs := ParseQuestionnaire("big.yaml", []byte(b.String()))
	// 6 aliases of 200,000 bytes pass 1 MiB: the sixth, on line 17
	checkProblems(t, probs, []string{"big.yaml:17:43: YAML aliases repeat more than 1 MiB of text; write the values out instead"})
}

func TestCleanText(t *testing.T) {
	tests := []struct{ key, in, out, msg string }{
		{"name", "Łódź", "Łódź", ""},
		{"name", "Socie\u0301te\u0301", "Société", ""},
		{"respondent.team", "a\tb", "", "control character U+0009 at character 2; write plain text"},
		{"note", "a\tb\nc", "a\tb\nc", ""},
		{"actions.stabilize", strings.Repeat("a", 10_000), strings.Repeat("a", 10_000), ""},
		{"title", "\x7f", "", "control character U+007F at character 1; write plain text"},
		{"questionnaire", strings.Repeat("a", 1025), "", "1025 characters; a path may be at most 1024"},
	}
	for _, tt := range tests {
		out, msg := CleanText(tt.key, tt.in)
		if out != tt.out || msg != tt.msg {
			t.Errorf("CleanText(%q, %.20q) = %.20q, %q; want %.20q, %q", tt.key, tt.in, out, msg, tt.out, tt.msg)
		}
	}
}
