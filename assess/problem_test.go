package assess

import (
	"strings"
	"testing"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "r.yaml", Line: 14, Column: 5, Message: "actual: 7 is outside the scale 0..5"},
			"r.yaml:14:5: actual: 7 is outside the scale 0..5"},
		{Problem{File: "r.yaml", Line: 3, Message: "no column known"}, "r.yaml:3:1: no column known"},
		{Problem{File: "r.yaml", Message: "file is empty"}, "r.yaml: file is empty"},
		{Problem{File: "r.yaml", Line: 2, Column: 9, Message: "no team", Severity: Warning}, "r.yaml:2:9: warning: no team"},
		{Problem{File: "responses", Message: "no responses yet", Severity: Warning}, "responses: warning: no responses yet"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestProblemsErr(t *testing.T) {
	probs := Problems{
		{File: "b.yaml", Line: 2, Column: 1, Message: "second"},
		{File: "a.yaml", Line: 10, Column: 3, Message: "late"},
		{File: "a.yaml", Message: "warned", Severity: Warning},
		{File: "a.yaml", Line: 2, Column: 7, Message: "right"},
		{File: "a.yaml", Line: 2, Column: 1, Message: "left"},
	}
	err := probs.Err()
	if err == nil {
		t.Fatal("Err() = nil with errors present")
	}
	want := strings.Join([]string{"a.yaml:2:1: left", "a.yaml:2:7: right", "a.yaml:10:3: late", "b.yaml:2:1: second"}, "\n")
	if err.Error() != want {
		t.Errorf("Err() =\n%s\nwant (sorted, warnings left out)\n%s", err, want)
	}
	if n := len(probs.Warnings()); n != 1 {
		t.Errorf("Warnings() = %d, want 1", n)
	}
	if err := probs.Warnings().Err(); err != nil {
		t.Errorf("Err() of warnings only = %v, want nil", err)
	}
	if err := Problems(nil).Err(); err != nil {
		t.Errorf("Err() of no problems = %v, want nil", err)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"actual", "actual", 0},
		{"actaul", "actual", 1}, // a swap of neighbours is one edit
		{"mtr", "mttr", 1},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"Zoë", "Zoe", 1}, // runes, not bytes
		{strings.Repeat("a", 65), "a", 1 << 20},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		s          string
		candidates []string
		want       string
	}{
		{"actaul", answerFields, "actual"},
		{"documneted", answerFields, "documented"},
		{"comment", answerFields, ""},            // nothing close
		{"actual", answerFields, ""},             // an exact match is no typo
		{"mtr", []string{"mttr", "fcr"}, "mttr"}, // short words: one edit
		{"mt", []string{"mttr", "fcr"}, ""},      // two edits in a short word is a guess
		{"itil4-cor", []string{"itil4-core", "itil4-quick"}, "itil4-core"},
		{"x", nil, ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.s, tt.candidates); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
