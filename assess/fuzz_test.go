package assess

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/questionnaires"
)

// Fuzz targets for every YAML loader: whatever the bytes, a loader returns
// problems, never panics, stops in time and allocates within bounds. Run
// one with
//
//	go test -run '^$' -fuzz '^FuzzParseResponse$' -fuzztime 30s ./assess
//
// Inputs that once failed are kept in testdata/fuzz and run with every go test.

// fuzzSeeds adds the example assessment, the built-in and draft
// questionnaires, and inputs that attack a YAML parser.
func fuzzSeeds(f *testing.F) {
	f.Helper()
	err := fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := examples.FS.ReadFile(path)
		f.Add(data)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	for _, id := range questionnaires.IDs() {
		data, _ := questionnaires.Lookup(id)
		f.Add(data)
	}
	drafts, _ := filepath.Glob(filepath.Join("..", "questionnaires", "draft", "*.yaml"))
	for _, name := range drafts {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		rolesQuestionnaire, rolesAssessment,
		"depends_on: [{practice: a, from: later}, b]\nrefs: {iso20000: [8.5, \"04.1\"], cobit2019: [BAI99]}\n",
		"",
		"\xef\xbb\xbf",
		"~\n",
		"kind: response\n---\nkind: response\n",
		billionLaughs(),
		"a: &a [*a]\n",
		"a: &a {b: *a}\nb: *a\n",
		"note: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n",
		strings.Repeat("- ", 200) + "x\n",
		"<<: {kind: response}\n",
		"answers: {? [a, b]: 1}\n",
		"answers:\n\tSD-PE-1: {documented: 3}\n",
		"respondent: {id: \"\xff\"}\n",
		"kind: !!binary aGVsbG8=\nid: !!int 0x7fffffffffffffff\n",
		"scale: {min: 0, max: 99999999999999999999999}\n",
		"answers: {SD-PE-1: {documented: 1e400, actual: -0}}\n",
		"painpoints: [{id: p, metric: {id: m, baseline: .nan, change: 1e309%}}]\n",
		"date: 9999-99-99\nplan: {start: 0000-00-00, months: {stabilize: -1}}\n",
		"a: 'unterminated\n",
		"0\r\r:",
		"a: \"\\u0000\\uD800\"\n",
		"{" + strings.Repeat("a: 1, ", 500) + "}\n",
		"respondent: {id: r1, team: \"desk\\e[2J\", name: \"Socie\\u0301te\\u0301\"}\n",
		"painpoints: [{id: p, metric: {id: m, baseline: 1e308, change: +900%}}]\n",
		"a: &t " + strings.Repeat("x", 20_000) + "\nb: [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t]\n",
		"responses: /etc\npainpoints: ../x\nplan: {start: 9001-01-01}\nweight: .inf\n",
	} {
		f.Add([]byte(s))
	}
}

// checkProblemsSane fails the test for a problem without a message, in
// another file, or at an impossible position.
func checkProblemsSane(t *testing.T, file string, data []byte, probs Problems) {
	t.Helper()
	lines := 2 // YAML breaks lines at \n, \r, NEL, LS and PS
	for _, br := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		lines += bytes.Count(data, []byte(br))
	}
	for _, p := range probs {
		if p.Message == "" || p.File != file {
			t.Errorf("problem %+v: no message, or not about %s", p, file)
		}
		if p.Line < 0 || p.Column < 0 || p.Line > lines {
			t.Errorf("problem %+v: position outside the file of %d lines", p, lines)
		}
	}
}

func fuzzQuestionnaire(t *testing.T) *Questionnaire {
	q, probs := LoadQuestionnaire(nil, "itil4-core", "")
	if q == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	return q
}

func FuzzParseQuestionnaire(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		q, probs := ParseQuestionnaire("q.yaml", data)
		checkProblemsSane(t, "q.yaml", data, probs)
		if q == nil {
			if !probs.HasErrors() {
				t.Fatal("no questionnaire and no error")
			}
			return
		}
		for i, qu := range q.Questions {
			if qu.Index != i || q.Question(qu.ID) != qu {
				t.Fatalf("question %q is not indexed as %d", qu.ID, i)
			}
		}
		if q.Scale.Min < 0 || q.Scale.Max > MaxScale || q.Scale.Min >= q.Scale.Max {
			if !probs.HasErrors() {
				t.Fatalf("scale %s without an error", q.Scale)
			}
		}
	})
}

func FuzzParseResponse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		q := fuzzQuestionnaire(t)
		for _, q := range []*Questionnaire{q, nil} {
			resp, probs := ParseResponse("r.yaml", data, q)
			checkProblemsSane(t, "r.yaml", data, probs)
			if resp == nil {
				if !probs.HasErrors() {
					t.Fatal("no response and no error")
				}
				continue
			}
			scale := Scale{Min: 0, Max: MaxScale}
			if q != nil {
				scale = q.Scale
			}
			for _, a := range resp.Answers {
				if q != nil && q.Question(a.Question) == nil {
					t.Fatalf("answer to %q, which the questionnaire does not have", a.Question)
				}
				for _, v := range []Value{a.Documented, a.Actual} {
					if v != Unknown && v != NA && (int(v) < scale.Min || int(v) > scale.Max) {
						t.Fatalf("answer %+v outside the scale %s", a, scale)
					}
				}
			}
		}
	})
}

func FuzzParsePainPoints(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		q := fuzzQuestionnaire(t)
		for _, q := range []*Questionnaire{q, nil} {
			pps, probs := ParsePainPoints("painpoints.yaml", data, q)
			checkProblemsSane(t, "painpoints.yaml", data, probs)
			for _, pp := range pps {
				if pp.ID == "" {
					t.Fatalf("a pain point without an id: %+v", pp)
				}
				if !probs.HasErrors() && (pp.Impact < 1 || pp.Impact > 5 || pp.Frequency < 1 || pp.Frequency > 5 || pp.Effort < 1 || pp.Effort > 5) {
					t.Fatalf("pain point %+v outside 1..5 without an error", pp)
				}
			}
		}
	})
}

func FuzzParseSettings(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, probs := ParseSettings("assessment.yaml", data)
		checkProblemsSane(t, "assessment.yaml", data, probs)
		if a == nil {
			if !probs.HasErrors() {
				t.Fatal("no assessment and no error")
			}
			return
		}
		if len(a.Readiness) != len(ReadinessItems) || a.Plan.Capacity < 1 {
			t.Fatalf("settings %+v: readiness or capacity missing", a)
		}
		// the questionnaire's checks of references must not trip on anything ParseSettings accepted
		var probs2 Problems
		r := &reader{file: "assessment.yaml", probs: &probs2}
		if root := r.parse(data); root != nil {
			a2, rf := r.settings(root)
			r.checkRefs(a2, rf, fuzzQuestionnaire(t))
		}
	})
}
