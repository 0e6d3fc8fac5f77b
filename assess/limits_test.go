package assess

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Limits on untrusted input, each with its message. The
// file size, alias expansion and nesting limits are in TestParseErrors and
// TestLoadFileSizeLimit; the workbook limits of import in the templates
// package; the command-line view in cmd/itilmap/testdata/script/hostile.txtar.

// manyResponses is an assessment folder whose responses folder lists n
// files, without making them: ReadDir returns fake entries, and Open
// counts what is opened there.
type manyResponses struct {
	Source
	n      int
	opened atomic.Int64
}

type fakeEntry string

func (e fakeEntry) Name() string             { return string(e) }
func (fakeEntry) IsDir() bool                { return false }
func (fakeEntry) Type() fs.FileMode          { return 0 }
func (fakeEntry) Info() (fs.FileInfo, error) { return nil, fs.ErrNotExist }
func (m *manyResponses) ReadDir(name string) ([]fs.DirEntry, error) {
	if path.Clean(name) != "a/responses" {
		return m.Source.ReadDir(name)
	}
	entries := make([]fs.DirEntry, m.n)
	for i := range entries {
		entries[i] = fakeEntry(fmt.Sprintf("r%06d.yaml", i))
	}
	return entries, nil
}

func (m *manyResponses) Open(name string) (fs.File, error) {
	if strings.HasPrefix(path.Clean(name), "a/responses/") {
		m.opened.Add(1)
	}
	return m.Source.Open(name)
}

func TestLoadTooManyResponses(t *testing.T) {
	src := &manyResponses{Source: FromFS(folder(nil)), n: MaxResponses + 1}
	a, probs := Load(src, "a")
	checkProblems(t, probs, []string{"a/responses: 100001 response files; at most 100000 are read"})
	if a == nil || len(a.Responses) != 0 {
		t.Errorf("responses read: %v", a)
	}
	if n := src.opened.Load(); n != 0 {
		t.Errorf("%d response files opened; the count alone should refuse the folder", n)
	}
}

// At the limit the files are read: here every one of them is missing.
func TestLoadResponsesAtTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 100,000 files")
	}
	src := &manyResponses{Source: FromFS(folder(map[string]string{"responses/r1.yaml": removed})), n: MaxResponses}
	start := time.Now()
	_, probs := Load(src, "a")
	if len(probs) != MaxResponses || !strings.HasSuffix(probs[0].String(), ": no such file") {
		t.Errorf("%d problems (%v …), want one per missing file", len(probs), probs[0])
	}
	if n := src.opened.Load(); n != MaxResponses {
		t.Errorf("%d files opened, want %d", n, MaxResponses)
	}
	t.Logf("%d missing files reported in %v", MaxResponses, time.Since(start))
}

// Every kind of hostile file is refused with its own message, whichever
// file of the folder it is.
func TestLoadHostileFiles(t *testing.T) {
	deep := "kind: painpoints\npainpoints: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"
	tests := []struct {
		name, file, data string
		want             string
	}{
		{"alias bomb in a response", "responses/r2.yaml", billionLaughs(),
			"a/responses/r2.yaml: YAML aliases expand to more than 10000 nodes; write the values out instead"},
		{"alias cycle in the settings", "assessment.yaml", "kind: assessment\nscope: &s [*s]\n",
			"a/assessment.yaml: YAML aliases expand to more than 10000 nodes; write the values out instead"},
		{"deep nesting in the pain points", "painpoints.yaml", deep,
			"a/painpoints.yaml:2:77: nesting deeper than 64 levels"},
		{"deep nesting after an alias", "painpoints.yaml", "kind: painpoints\nx: &x 1\ny: *x\n" + deep[len("kind: painpoints\n"):],
			"a/painpoints.yaml:4:77: nesting deeper than 64 levels"},
		{"over 32 MiB in the questionnaire", "tq.yaml", strings.Repeat("#", MaxFileSize+1),
			"a/assessment.yaml:5:16: questionnaire: a/tq.yaml: file is larger than 32 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load(FromFS(folder(map[string]string{tt.file: tt.data})), "a")
			errs := rendered(probs.Errors())
			if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), tt.want) {
				t.Errorf("errors:\n%s\nwant among them:\n%s", strings.Join(errs, "\n"), tt.want)
			}
		})
	}
}

// The YAML library takes some 200 bytes for each value: 32 MiB of tiny
// values would take gigabytes, so the values are counted first.
func TestTokenLimit(t *testing.T) {
	ones := func(n int) string { return "note: [" + strings.Repeat("1,", n-1) + "1]\n" }
	tests := []struct {
		name, data string
		want       []string
	}{
		{"values in a flow list", ones(MaxTokens + 10),
			[]string{"r.yaml:1:500004: more than 250000 YAML keys, values and words; an itilmap file is far smaller"}},
		{"empty lists", "note: " + strings.Repeat("[]", MaxTokens) + "\n",
			[]string{"r.yaml:1:500005: more than 250000 YAML keys, values and words; an itilmap file is far smaller"}},
		// lines are counted at \n: the YAML library counts LS as a break too
		{"entries on lines broken by LS", "note:\n" + strings.Repeat("- 1\u2028", MaxTokens),
			[]string{"r.yaml:2:499999: more than 250000 YAML keys, values and words; an itilmap file is far smaller"}},
		{"just below the limit", ones(MaxTokens - 10),
			[]string{`r.yaml:1:1: response: missing required field "answers"`,
				`r.yaml:1:1: response: missing required field "questionnaire"`,
				`r.yaml:1:1: response: missing required field "respondent"`,
				`r.yaml:1:1: unknown field "note"; expected one of kind, questionnaire, respondent, date, answers`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParseResponse("r.yaml", []byte(tt.data), nil)
			checkProblems(t, probs, tt.want)
		})
	}
}

// Suggesting a question for each of many unknown ids once took seconds per
// hundred thousand: the distance allocated, and every question was tried.
func TestSuggestAllocatesNothing(t *testing.T) {
	q := fuzzQuestionnaireFor(t)
	allocs := testing.AllocsPerRun(100, func() {
		editDistance("SD-PE-1", "SD-PR-2")
		suggestFrom("SD-PE-12", len(q.Questions), func(i int) string { return q.Questions[i].ID })
	})
	if allocs != 0 {
		t.Errorf("%v allocations per suggestion, want 0", allocs)
	}
	if got := suggestFrom("SD-PE-12", len(q.Questions), func(i int) string { return q.Questions[i].ID }); got != "SD-PE-1" {
		t.Errorf("suggestion %q, want SD-PE-1", got)
	}
}

func fuzzQuestionnaireFor(t *testing.T) *Questionnaire {
	t.Helper()
	q, probs := LoadQuestionnaire(nil, "itil4-core", "")
	if q == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	return q
}

// idPattern is what an id looks like, as the JSON Schemas say it.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// isID is idPattern without the regexp machinery.
func TestIsIDMatchesPattern(t *testing.T) {
	words := []string{"", "a", "A1", "SD-PE-1", "itil4-core", "x.y_z-1", "-a", ".a", "_a", "a b", "a/b", "é", "a\n", "1", "a-", "a..", "Zoë"}
	for c := 0; c < 128; c++ {
		words = append(words, string(rune(c)), "a"+string(rune(c)))
	}
	for _, w := range words {
		if got, want := isID(w), idPattern.MatchString(w); got != want {
			t.Errorf("isID(%q) = %v, idPattern says %v", w, got, want)
		}
	}
}
