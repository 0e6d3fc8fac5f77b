package assess

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/questionnaires"
)

// The fixtures below make one small, valid assessment folder: a questionnaire
// of two practices and four questions, one response answering all of them,
// and two pain points. Loaded together they give no problem at all, so every
// test row shows only what its change breaks. The numbers in the trailing
// comments are line numbers, which the expected positions refer to.

const testQuestionnaire = `kind: questionnaire
id: tq
version: 1.0.0
title: Two-practice test questionnaire
scale: {min: 0, max: 5}                                              # 5
dimensions:
  - {id: people, name: People}
  - {id: process, name: Process}
metrics:
  - {id: mttr, name: Mean time to restore, unit: h, better: down}    # 10
  - {id: fcr, name: First-contact resolution, unit: "%", better: up} # 11
practices:
  - id: service-desk                                                 # 13
    name: Service desk
    metrics: [fcr]                                                   # 15
    questions:
      - {id: SD-1, dimension: people, text: Agents resolve common calls.}   # 17
      - {id: SD-2, dimension: process, text: Every call is logged.}         # 18
  - id: incident-management                                          # 19
    name: Incident management
    depends_on: [service-desk]                                       # 21
    metrics: [mttr]
    questions:
      - {id: IM-1, dimension: process, text: Incidents are prioritised one way.}       # 24
      - {id: IM-2, dimension: people, weight: 2, text: Major incidents have a lead.}   # 25
`

const testResponse = `kind: response
questionnaire: tq
respondent: {id: r1, name: Ann Lee, role: agent, team: desk}          # 3
date: 2026-10-28
answers:                                                              # 5
  SD-1: {documented: 3, actual: 2}                                    # 6
  SD-2: {documented: 4, actual: na}                                   # 7
  IM-1: {documented: 2, actual: 1, evidence: Runbook v3}              # 8
  IM-2: {documented: 3, note: nobody knows}                           # 9
`

const testPainPoints = `kind: painpoints
painpoints:
  - id: slow-restore                                                  # 3
    title: Tills wait hours to be restored
    practices: [incident-management]                                  # 5
    impact: 5                                                         # 6
    frequency: 4
    effort: 2
    metric: {id: mttr, baseline: 9.5, change: -20%}                   # 9
    owner: Dana Lee
  - id: low-fcr                                                       # 11
    title: Callers are passed from team to team
    practices: [service-desk]
    impact: 3
    frequency: 5
    effort: 2
    metric: {id: fcr, baseline: 55, change: +10pp}                    # 17
`

const testAssessment = `kind: assessment
id: test-2026q4
organization: Test Org
date: 2026-11-02                                                      # 4
questionnaire: tq.yaml                                                # 5
targets: {default: 3, incident-management: 4}                         # 6
owners:
  service-desk: {owner: Dana Lee}                                     # 8
scoring: {consensus: mean, disagreement_spread: 3}                    # 9
`

// edit returns s with old replaced by new; old must occur exactly once, so
// that a fixture change cannot silently miss.
func edit(s, old, new string) string {
	if n := strings.Count(s, old); n != 1 {
		panic(fmt.Sprintf("edit: %q occurs %d times in the fixture", old, n))
	}
	return strings.Replace(s, old, new, 1)
}

// removed marks a file that folder leaves out.
const removed = "\x00removed"

// folder builds the assessment folder "a" from the fixtures, with the files
// in changes (named relative to the folder) replaced, added or removed.
func folder(changes map[string]string) fstest.MapFS {
	files := map[string]string{
		"assessment.yaml":   testAssessment,
		"tq.yaml":           testQuestionnaire,
		"responses/r1.yaml": testResponse,
		"painpoints.yaml":   testPainPoints,
	}
	for name, data := range changes {
		files[name] = data
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		if data != removed {
			fsys["a/"+name] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	return fsys
}

// testQ parses the questionnaire fixture, failing the test on any problem.
func testQ(t *testing.T) *Questionnaire {
	t.Helper()
	q, probs := ParseQuestionnaire("tq.yaml", []byte(testQuestionnaire))
	if len(probs) > 0 || q == nil {
		t.Fatalf("fixture questionnaire: %v", probs)
	}
	return q
}

func rendered(ps Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// checkProblems compares the rendered problems with want, in order.
func checkProblems(t *testing.T, got Problems, want []string) {
	t.Helper()
	if g := rendered(got); !slices.Equal(g, want) {
		t.Errorf("problems:\n  got:  %s\n  want: %s", strings.Join(g, "\n        "), strings.Join(want, "\n        "))
	}
}

func TestFixturesHaveNoProblems(t *testing.T) {
	a, probs := Load(FromFS(folder(nil)), "a")
	checkProblems(t, probs, nil)
	if a == nil || a.Questionnaire == nil || len(a.Responses) != 1 || len(a.PainPoints) != 2 {
		t.Fatalf("fixture folder loaded incompletely: %+v", a)
	}
	if !slices.Equal(a.Scope, []string{"service-desk", "incident-management"}) {
		t.Errorf("default scope = %v, want every practice in questionnaire order", a.Scope)
	}
	if got := a.Responses[0].Answers[1].Actual; got != NA {
		t.Errorf("SD-2 actual = %v, want NA", got)
	}
	if got := a.Responses[0].Answers[3].Actual; got != Unknown {
		t.Errorf("IM-2 actual = %v, want Unknown", got)
	}
}

// TestParseErrors covers what any file can get wrong before its keys are
// read: encoding, indentation, YAML itself and the limits on untrusted input.
// Each row is parsed as a response; every kind of file goes through the same
// reader.
func TestParseErrors(t *testing.T) {
	q := testQ(t)
	tests := []struct {
		name string
		data string
		want []string
	}{
		{"empty file", "",
			[]string{"r.yaml: file is empty; expected a YAML mapping"}},
		{"only blanks and comments", "  \n# answers come later\n   # really\n",
			[]string{"r.yaml: file is empty; expected a YAML mapping"}},
		{"only a document marker", "---\n",
			[]string{"r.yaml: file is empty; expected a YAML mapping"}},
		{"only null", "~\n",
			[]string{"r.yaml: file is empty; expected a YAML mapping"}},
		{"tab indentation", edit(testResponse, "  SD-2:", "\tSD-2:"),
			[]string{"r.yaml:7:1: tab character in indentation; YAML indents with spaces"}},
		{"tab after spaces", edit(testResponse, "  SD-2:", "  \tSD-2:"),
			[]string{"r.yaml:7:3: tab character in indentation; YAML indents with spaces"}},
		{"invalid UTF-8", "kind: response\nrespondent: {id: r1, name: Zo\xeb}\n",
			[]string{"r.yaml:2:30: invalid UTF-8 (byte 0xeb); save the file as UTF-8"}},
		{"invalid UTF-8 after multi-byte characters", "note: Zoë Ødegård \xff\n",
			[]string{"r.yaml:1:19: invalid UTF-8 (byte 0xff); save the file as UTF-8"}},
		{"UTF-16", "\xff\xfek\x00i\x00",
			[]string{"r.yaml:1:1: invalid UTF-8 (byte 0xff); save the file as UTF-8"}},
		{"second document", testResponse + "---\nkind: response\n",
			[]string{"r.yaml:10:1: a second YAML document (---) starts here; expected one document per file"}},
		{"YAML syntax error", "kind: response\nnote: a\n  b: c\n",
			[]string{"r.yaml:3:1: invalid YAML: mapping values are not allowed in this context"}},
		{"unterminated quote", "kind: response\nnote: \"never closed\n",
			[]string{"r.yaml:2:1: invalid YAML: found unexpected end of stream"}},
		{"top level is a list", "- SD-1\n- SD-2\n",
			[]string{"r.yaml:1:1: expected a mapping of keys and values at the top of the file, found a list"}},
		{"top level is text", "just some words\n",
			[]string{`r.yaml:1:1: expected a mapping of keys and values at the top of the file, found "just some words"`}},
		{"alias bomb", billionLaughs(),
			[]string{"r.yaml: YAML aliases expand to more than 10000 nodes; write the values out instead"}},
		{"nesting too deep", "note: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n",
			[]string{"r.yaml:1:71: nesting deeper than 64 levels"}},
		{"over 32 MiB", strings.Repeat("#", MaxFileSize+1),
			[]string{"r.yaml: file is larger than 32 MiB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, probs := ParseResponse("r.yaml", []byte(tt.data), q)
			checkProblems(t, probs, tt.want)
			if resp != nil {
				t.Errorf("a file that cannot be read gave a response: %+v", resp)
			}
		})
	}
}

// billionLaughs is nine levels of nine aliases each: 9^9 nodes once expanded.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for c := 'b'; c <= 'i'; c++ {
		p := string(c - 1)
		fmt.Fprintf(&b, "%c: &%c [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", c, c, p, p, p, p, p, p, p, p, p)
	}
	return b.String()
}

func TestQuestionnaireErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown field, did you mean", "weight: 2,", "wieght: 2,",
			[]string{`tq.yaml:25:39: unknown field "wieght" (did you mean "weight"?)`}},
		{"unknown field, no suggestion", "    metrics: [fcr]", "    owner: Dana Lee",
			[]string{`tq.yaml:15:5: unknown field "owner"; expected one of id, name, weight, depends_on, refs, metrics, actions, questions`}},
		{"duplicate key", "    metrics: [fcr]", "    name: Desk",
			[]string{`tq.yaml:15:5: duplicate key "name" (first at line 14)`}},
		{"missing required field", "title: Two-practice test questionnaire", "description: no title",
			[]string{`tq.yaml:1:1: questionnaire: missing required field "title"`}},
		{"missing required field of a question", "{id: SD-1, dimension: people, text: Agents resolve common calls.}", "{id: SD-1, dimension: people}",
			[]string{`tq.yaml:17:9: question: missing required field "text"`}},
		{"text expected, found a list", "title: Two-practice test questionnaire", "title: [a, b]",
			[]string{"tq.yaml:4:8: title: expected text, found a list"}},
		{"text expected, found nothing", "title: Two-practice test questionnaire", "title:",
			[]string{"tq.yaml:4:7: title: expected text, found nothing"}},
		{"number expected", "weight: 2,", "weight: heavy,",
			[]string{`tq.yaml:25:47: weight: expected a number, found "heavy"`}},
		{"list expected", "metrics: [fcr]", "metrics: fcr",
			[]string{`tq.yaml:15:14: metrics: expected a list, found "fcr"`}},
		{"mapping expected", "scale: {min: 0, max: 5}", "scale: 0..5",
			[]string{`tq.yaml:5:8: scale: expected a mapping, found "0..5"`}},
		{"wrong kind of file", "kind: questionnaire", "kind: response",
			[]string{`tq.yaml:1:7: kind: expected "questionnaire" in this file, found "response"`}},
		{"invalid id", "{id: SD-1,", "{id: SD 1,",
			[]string{`tq.yaml:17:14: id: "SD 1" is not a valid id; use letters, digits, '.', '_' and '-'`}},
		{"duplicate practice id", "  - id: incident-management", "  - id: service-desk",
			[]string{`tq.yaml:19:9: id: practice "service-desk" is defined twice`}},
		{"duplicate question id", "{id: IM-2,", "{id: IM-1,",
			[]string{`tq.yaml:25:14: id: question "IM-1" is defined twice (first at line 24)`}},
		{"duplicate dimension id", "  - {id: process, name: Process}", "  - {id: people, name: Process}",
			[]string{
				`tq.yaml:8:10: id: dimension "people" is defined twice`,
				`tq.yaml:18:31: dimension: unknown dimension "process"`,
				`tq.yaml:24:31: dimension: unknown dimension "process"`,
			}},
		// The duplicate metric is reported at its mapping, not at its id.
		{"duplicate metric id", "  - {id: fcr,", "  - {id: mttr,",
			[]string{
				`tq.yaml:11:5: id: metric "mttr" is defined twice`,
				`tq.yaml:15:15: metrics: unknown metric "fcr"`,
			}},
		{"unknown dimension", "dimension: people, text: Agents", "dimension: peple, text: Agents",
			[]string{`tq.yaml:17:31: dimension: unknown dimension "peple" (did you mean "people"?)`}},
		{"unknown metric", "metrics: [mttr]", "metrics: [mtr]",
			[]string{`tq.yaml:22:15: metrics: unknown metric "mtr" (did you mean "mttr"?)`}},
		{"metric better neither up nor down", `unit: "%", better: up}`, `unit: "%", better: higher}`,
			[]string{`tq.yaml:11:66: better: expected up or down, found "higher"`}},
		{"unknown depends_on, did you mean", "depends_on: [service-desk]", "depends_on: [service-dsk]",
			[]string{`tq.yaml:21:18: depends_on: unknown practice "service-dsk" (did you mean "service-desk"?)`}},
		{"self dependency", "depends_on: [service-desk]", "depends_on: [incident-management]",
			[]string{`tq.yaml:21:18: depends_on: practice "incident-management" depends on itself`}},
		{"dependency cycle", "    metrics: [fcr]", "    depends_on: [incident-management]",
			[]string{`tq.yaml:19:9: depends_on: dependency cycle service-desk → incident-management → service-desk`}},
		{"bad question kind", "weight: 2,", "kind: contrl,",
			[]string{`tq.yaml:25:45: kind: expected control or capability, found "contrl"`}},
		{"scale min equals max", "scale: {min: 0, max: 5}", "scale: {min: 5, max: 5}",
			[]string{"tq.yaml:5:8: scale: min 5 must be below max 5"}},
		{"scale min above max", "scale: {min: 0, max: 5}", "scale: {min: 4, max: 2}",
			[]string{"tq.yaml:5:8: scale: min 4 must be below max 2"}},
		{"question weight zero", "weight: 2,", "weight: 0,",
			[]string{`tq.yaml:25:47: weight: must be greater than 0, found "0"`}},
		{"practice weight negative", "    name: Service desk", "    weight: -1\n    name: Service desk",
			[]string{`tq.yaml:14:13: weight: must be greater than 0, found "-1"`}},
		// old is the questions of service-desk, lines 16 to 18
		{"practice without questions", testQuestionnaire[strings.Index(testQuestionnaire, "    questions:"):strings.Index(testQuestionnaire, "  - id: incident-management")],
			"    questions: []\n",
			[]string{`tq.yaml:16:16: questions: practice "service-desk" has no questions`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, probs := ParseQuestionnaire("tq.yaml", []byte(edit(testQuestionnaire, tt.old, tt.new)))
			checkProblems(t, probs, tt.want)
			if q == nil {
				t.Error("a questionnaire with content errors should still be returned")
			}
		})
	}
}

func TestResponseErrors(t *testing.T) {
	q := testQ(t)
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown field, did you mean", "actual: 2}", "actaul: 2}",
			[]string{`r1.yaml:6:25: unknown field "actaul" (did you mean "actual"?)`}},
		{"unknown field, no suggestion", "note: nobody knows", "comment: nobody knows",
			[]string{`r1.yaml:9:25: unknown field "comment"; expected one of documented, actual, evidence, note`}},
		{"duplicate key", "date: 2026-10-28", "questionnaire: tq",
			[]string{`r1.yaml:4:1: duplicate key "questionnaire" (first at line 2)`}},
		{"missing required field", "answers:", "replies:",
			[]string{
				`r1.yaml:1:1: response: missing required field "answers"`,
				`r1.yaml:5:1: unknown field "replies"; expected one of kind, questionnaire, respondent, date, answers`,
			}},
		{"respondent without id", "{id: r1, name: Ann Lee", "{name: Ann Lee",
			[]string{`r1.yaml:3:13: respondent: missing required field "id"`}},
		{"respondent is text", "respondent: {id: r1, name: Ann Lee, role: agent, team: desk}", "respondent: r1",
			[]string{`r1.yaml:3:13: respondent: expected a mapping, found "r1"`}},
		{"answer is not a mapping", "SD-1: {documented: 3, actual: 2}", "SD-1: 3",
			[]string{`r1.yaml:6:9: SD-1: expected a mapping, found "3"`}},
		{"value outside the scale", "actual: 2}", "actual: 7}",
			[]string{"r1.yaml:6:33: actual: 7 is outside the scale 0..5"}},
		{"value below the scale", "documented: 3, actual: 2}", "documented: -1, actual: 2}",
			[]string{"r1.yaml:6:22: documented: -1 is outside the scale 0..5"}},
		{"rating as a word", "actual: 2}", "actual: high}",
			[]string{`r1.yaml:6:33: actual: expected a level 0..5 or na, found "high"`}},
		{"rating with a fraction", "actual: 2}", "actual: 2.5}",
			[]string{`r1.yaml:6:33: actual: expected a level 0..5 or na, found "2.5"`}},
		{"bad date", "date: 2026-10-28", "date: 28/10/2026",
			[]string{`r1.yaml:4:7: date: expected a date as YYYY-MM-DD, found "28/10/2026"`}},
		{"questionnaire mismatch", "questionnaire: tq", "questionnaire: itil4-core",
			[]string{`r1.yaml:2:16: questionnaire: this response answers "itil4-core" but the assessment uses "tq"`}},
		{"unknown question, did you mean", "  IM-2:", "  MI-2:",
			[]string{`r1.yaml:9:3: answers: questionnaire "tq" has no question "MI-2" (did you mean "IM-2"?)`}},
		{"unknown question, no suggestion", "  IM-2:", "  XX-99:",
			[]string{`r1.yaml:9:3: answers: questionnaire "tq" has no question "XX-99"`}},
		{"duplicate answer", "  IM-2:", "  IM-1:",
			[]string{`r1.yaml:9:3: answers: "IM-1" is answered twice (first at line 8)`}},
		{"merge key", "respondent: {id: r1,", "base: &b {id: r1}\nrespondent: {<<: *b,",
			[]string{
				`r1.yaml:3:1: unknown field "base"; expected one of kind, questionnaire, respondent, date, answers`,
				`r1.yaml:4:13: respondent: missing required field "id"`,
				"r1.yaml:4:14: merge keys (<<) are not supported; write the fields out",
			}},
		{"na accepted in any case", "SD-1: {documented: 3, actual: 2}", "SD-1: {documented: NA, actual: na}",
			nil},
		{"an empty answer is allowed", "  IM-2: {documented: 3, note: nobody knows}", "  IM-2:",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, probs := ParseResponse("r1.yaml", []byte(edit(testResponse, tt.old, tt.new)), q)
			checkProblems(t, probs, tt.want)
			if resp == nil {
				t.Error("a response with content errors should still be returned")
			}
		})
	}
}

func TestResponseValues(t *testing.T) {
	resp, probs := ParseResponse("r1.yaml", []byte(edit(testResponse, "{documented: 3, actual: 2}", "{documented: NA, actual: 0}")), testQ(t))
	checkProblems(t, probs, nil)
	want := []Answer{
		{Question: "SD-1", Documented: NA, Actual: 0, Pos: Pos{6, 3}},
		{Question: "SD-2", Documented: 4, Actual: NA, Pos: Pos{7, 3}},
		{Question: "IM-1", Documented: 2, Actual: 1, Evidence: "Runbook v3", Pos: Pos{8, 3}},
		{Question: "IM-2", Documented: 3, Actual: Unknown, Note: "nobody knows", Pos: Pos{9, 3}},
	}
	if !slices.Equal(resp.Answers, want) {
		t.Errorf("answers:\n got %+v\nwant %+v", resp.Answers, want)
	}
	if r := resp.Respondent; r != (Respondent{ID: "r1", Name: "Ann Lee", Role: "agent", Team: "desk", Pos: Pos{3, 18}, RolePos: Pos{3, 43}, TeamPos: Pos{3, 56}}) {
		t.Errorf("respondent = %+v", r)
	}
}

func TestPainPointErrors(t *testing.T) {
	q := testQ(t)
	const restore = "metric: {id: mttr, baseline: 9.5, change: -20%}"
	const fcr = "metric: {id: fcr, baseline: 55, change: +10pp}"
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"target and change both", restore, "metric: {id: mttr, baseline: 9.5, target: 6, change: -20%}",
			[]string{"p.yaml:9:58: metric: give either target or change, not both"}},
		{"neither target nor change", restore, "metric: {id: mttr, baseline: 9.5}",
			[]string{"p.yaml:9:13: metric: give a target (an absolute value) or a change (-20% or +8pp)"}},
		{"percentage points on a metric not in %", restore, "metric: {id: mttr, baseline: 9.5, change: -2pp}",
			[]string{`p.yaml:9:47: metric.change: percentage points (pp) apply only to metrics measured in %; "mttr" is measured in "h"`}},
		{"change that is not a change", restore, "metric: {id: mttr, baseline: 9.5, change: less}",
			[]string{`p.yaml:9:47: metric.change: expected a relative change such as -20% or +8pp, found "less"`}},
		{"target not better, lower is better", restore, "metric: {id: mttr, baseline: 9.5, target: 12}",
			[]string{`p.yaml:9:47: metric.target: 12 is not better than the baseline 9.5 for "mttr", where lower is better`}},
		{"target equal to baseline", restore, "metric: {id: mttr, baseline: 9.5, target: 9.5}",
			[]string{`p.yaml:9:47: metric.target: 9.5 is not better than the baseline 9.5 for "mttr", where lower is better`}},
		{"target not better, higher is better", fcr, "metric: {id: fcr, baseline: 55, target: 50}",
			[]string{`p.yaml:17:45: metric.target: 50 is not better than the baseline 55 for "fcr", where higher is better`}},
		{"change in the wrong direction, lower is better", restore, "metric: {id: mttr, baseline: 9.5, change: +20%}",
			[]string{`p.yaml:9:47: metric.change: +20% does not improve "mttr", where lower is better`}},
		{"change in the wrong direction, higher is better", fcr, "metric: {id: fcr, baseline: 55, change: -10pp}",
			[]string{`p.yaml:17:45: metric.change: -10pp does not improve "fcr", where higher is better`}},
		{"target beyond 100%", fcr, "metric: {id: fcr, baseline: 55, change: +50pp}",
			[]string{`p.yaml:17:45: metric.change: the target 105 is outside the possible range of "fcr"`}},
		{"target below zero", restore, "metric: {id: mttr, baseline: 9.5, target: -1}",
			[]string{`p.yaml:9:47: metric.target: the target -1 is outside the possible range of "mttr"`}},
		{"impact outside 1..5", "    impact: 5", "    impact: 7",
			[]string{"p.yaml:6:13: impact: 7 is outside 1..5"}},
		{"impact as a word", "    impact: 5", "    impact: high",
			[]string{`p.yaml:6:13: impact: expected a whole number, found "high"`}},
		{"unknown practice", "[incident-management]", "[incident-managment]",
			[]string{`p.yaml:5:17: practices: unknown practice "incident-managment" (did you mean "incident-management"?)`}},
		{"no practice", "[incident-management]", "[]",
			[]string{"p.yaml:5:16: practices: name at least one practice this pain point rests on"}},
		{"unknown metric", "{id: mttr,", "{id: mtr,",
			[]string{`p.yaml:9:18: metric.id: unknown metric "mtr" (did you mean "mttr"?)`}},
		{"duplicate pain point id", "  - id: low-fcr", "  - id: slow-restore",
			[]string{`p.yaml:11:9: id: pain point "slow-restore" is defined twice (first at line 3)`}},
		{"missing required field", "    frequency: 4\n", "",
			[]string{`p.yaml:3:5: pain point: missing required field "frequency"`}},
		{"missing baseline with a change is allowed", restore, "metric: {id: mttr, change: -20%}",
			nil},
		{"missing baseline with a target is allowed", restore, "metric: {id: mttr, target: 4}",
			nil},
		{"missing baseline with points is allowed", fcr, "metric: {id: fcr, change: +10pp}",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParsePainPoints("p.yaml", []byte(edit(testPainPoints, tt.old, tt.new)), q)
			checkProblems(t, probs, tt.want)
		})
	}
}

func TestPainPointTargets(t *testing.T) {
	pps, probs := ParsePainPoints("p.yaml", []byte(testPainPoints), testQ(t))
	checkProblems(t, probs, nil)
	for i, want := range []float64{7.6, 65} { // 9.5 × 0.8; 55 + 10 points
		got, ok := pps[i].Metric.TargetValue()
		if !ok || got < want-1e-9 || got > want+1e-9 {
			t.Errorf("%s: target = %v, %v; want %v", pps[i].ID, got, ok, want)
		}
	}
	noBaseline := edit(testPainPoints, "baseline: 9.5, ", "")
	pps, probs = ParsePainPoints("p.yaml", []byte(noBaseline), testQ(t))
	checkProblems(t, probs, nil)
	if _, ok := pps[0].Metric.TargetValue(); ok {
		t.Error("a change without a baseline should have no target value")
	}
}

func TestLoadErrors(t *testing.T) {
	builtins := strings.Join(questionnaires.IDs(), ", ")
	tests := []struct {
		name  string
		files map[string]string // relative to the folder; removed leaves a file out
		want  []string
	}{
		{"unknown field in assessment.yaml, did you mean",
			map[string]string{"assessment.yaml": edit(testAssessment, "organization:", "organisation:")},
			[]string{
				`a/assessment.yaml:1:1: assessment: missing required field "organization"`,
				`a/assessment.yaml:3:1: unknown field "organisation" (did you mean "organization"?)`,
			}},
		{"unknown practice in scope",
			map[string]string{"assessment.yaml": testAssessment + "scope: [service-desk, incident-managment]\n"},
			[]string{`a/assessment.yaml:10:23: scope: unknown practice "incident-managment" (did you mean "incident-management"?)`,
				`a/painpoints.yaml:3:9: warning: pain point "slow-restore": none of its practices (incident-management) is in scope; it is still ranked, but nothing in the plan addresses it`}},
		{"pain point due before the assessment date",
			map[string]string{"painpoints.yaml": edit(testPainPoints, "change: -20%}", "change: -20%, by: 2026-11-01}")},
			[]string{`a/painpoints.yaml:9:57: metric.by: 2026-11-01 is before the assessment date 2026-11-02`}},
		{"scope is not a list",
			map[string]string{"assessment.yaml": testAssessment + "scope: service-desk\n"},
			[]string{`a/assessment.yaml:10:8: scope: expected a list, found "service-desk"`}},
		{"unknown practice in targets",
			map[string]string{"assessment.yaml": edit(testAssessment, "incident-management: 4", "incident-managemnt: 4")},
			[]string{`a/assessment.yaml:6:23: targets: unknown practice "incident-managemnt" (did you mean "incident-management"?)`}},
		{"unknown practice in owners",
			map[string]string{"assessment.yaml": edit(testAssessment, "  service-desk: {owner", "  servce-desk: {owner")},
			[]string{`a/assessment.yaml:8:3: owners: unknown practice "servce-desk" (did you mean "service-desk"?)`}},
		{"target outside the scale",
			map[string]string{"assessment.yaml": edit(testAssessment, "incident-management: 4", "incident-management: 7")},
			[]string{"a/assessment.yaml:6:44: targets.incident-management: 7 is outside the scale 0..5"}},
		{"default target outside the scale",
			map[string]string{"assessment.yaml": edit(testAssessment, "default: 3", "default: 6")},
			[]string{"a/assessment.yaml:6:20: targets.default: 6 is outside the scale 0..5"}},
		{"bad consensus",
			map[string]string{"assessment.yaml": edit(testAssessment, "consensus: mean", "consensus: average")},
			[]string{`a/assessment.yaml:9:22: scoring.consensus: expected mean, median or lowest, found "average"`}},
		{"min_group below 1",
			map[string]string{"assessment.yaml": edit(testAssessment, "disagreement_spread: 3}", "disagreement_spread: 3, min_group: 0}")},
			[]string{"a/assessment.yaml:9:63: scoring.min_group: 0 is outside 1..100000"}},
		{"min_group not a whole number",
			map[string]string{"assessment.yaml": edit(testAssessment, "disagreement_spread: 3}", "disagreement_spread: 3, min_group: 2.5}")},
			[]string{`a/assessment.yaml:9:63: scoring.min_group: expected a whole number, found "2.5"`}},
		{"bad date",
			map[string]string{"assessment.yaml": edit(testAssessment, "date: 2026-11-02", "date: 2026-13-02")},
			[]string{`a/assessment.yaml:4:7: date: expected a date as YYYY-MM-DD, found "2026-13-02"`}},
		{"unknown built-in questionnaire, did you mean",
			map[string]string{"assessment.yaml": edit(testAssessment, "questionnaire: tq.yaml", "questionnaire: itil4-cor")},
			[]string{`a/assessment.yaml:5:16: questionnaire: no built-in questionnaire "itil4-cor" (did you mean "itil4-core"?); built-in: ` +
				builtins + ", or give the path of a .yaml file"}},
		{"questionnaire file missing",
			map[string]string{"assessment.yaml": edit(testAssessment, "questionnaire: tq.yaml", "questionnaire: forms/tq.yaml")},
			[]string{"a/assessment.yaml:5:16: questionnaire: a/forms/tq.yaml: no such file"}},
		{"questionnaire with errors",
			map[string]string{"tq.yaml": edit(testQuestionnaire, "weight: 2,", "weight: 0,")},
			[]string{`a/tq.yaml:25:47: weight: must be greater than 0, found "0"`}},
		{"response for another questionnaire",
			map[string]string{"responses/r1.yaml": edit(testResponse, "questionnaire: tq", "questionnaire: itil4-core")},
			[]string{`a/responses/r1.yaml:2:16: questionnaire: this response answers "itil4-core" but the assessment uses "tq"`}},
		{"duplicate respondent across files",
			map[string]string{"responses/r2.yaml": testResponse},
			[]string{`a/responses/r2.yaml:3:18: respondent.id: "r1" also answers in a/responses/r1.yaml; give each respondent one file`}},
		{"pain point naming an unknown practice",
			map[string]string{"painpoints.yaml": edit(testPainPoints, "[service-desk]", "[service-desks]")},
			[]string{`a/painpoints.yaml:13:17: practices: unknown practice "service-desks" (did you mean "service-desk"?)`}},
		{"no assessment.yaml",
			map[string]string{"assessment.yaml": removed},
			[]string{"a/assessment.yaml: no assessment.yaml here; is this an assessment folder? (itilmap init DIR creates one)"}},
		{"assessment.yaml is a directory",
			map[string]string{"assessment.yaml": removed, "assessment.yaml/old.yaml": testAssessment},
			[]string{"a/assessment.yaml: is a directory; expected a file"}},
		{"assessment.yaml is empty",
			map[string]string{"assessment.yaml": "# to do\n"},
			[]string{"a/assessment.yaml: file is empty; expected a YAML mapping"}},
		{"no responses folder",
			map[string]string{"responses/r1.yaml": removed},
			[]string{"a/responses: no responses folder; create it, or set responses: in assessment.yaml"}},
		{"a response is a directory",
			map[string]string{"responses/r2.yaml/notes.txt": "x"},
			[]string{"a/responses/r2.yaml: is a directory; expected a file"}},
		{"painpoints.yaml is a directory",
			map[string]string{"painpoints.yaml": removed, "painpoints.yaml/a.yaml": testPainPoints},
			[]string{"a/painpoints.yaml: is a directory; expected a file"}},
		{"no painpoints.yaml is allowed",
			map[string]string{"painpoints.yaml": removed},
			nil},
		{"a pain point file named but missing",
			map[string]string{"assessment.yaml": testAssessment + "painpoints: pains.yaml\n"},
			[]string{"a/pains.yaml: no such file"}},
		{"files other than YAML, and drafts, are not responses",
			map[string]string{"responses/notes.txt": "x", "responses/_draft.yaml": "x", "responses/.r9.yaml": "x"},
			nil},
		{"problems in several files, sorted by file then position",
			map[string]string{
				"tq.yaml":           edit(testQuestionnaire, "weight: 2,", "weight: 0,"),
				"assessment.yaml":   edit(edit(testAssessment, "consensus: mean", "consensus: average"), "date: 2026-11-02", "date: 2026-13-02"),
				"responses/r2.yaml": edit(edit(testResponse, "id: r1,", "id: r2,"), "  IM-2:", "  MI-2:"),
				"responses/r1.yaml": edit(edit(testResponse, "actual: 1,", "actual: 9,"), "actual: 2}", "actaul: 2}"),
				"painpoints.yaml":   edit(testPainPoints, "    impact: 5", "    impact: 7"),
			},
			[]string{
				`a/assessment.yaml:4:7: date: expected a date as YYYY-MM-DD, found "2026-13-02"`,
				`a/assessment.yaml:9:22: scoring.consensus: expected mean, median or lowest, found "average"`,
				"a/painpoints.yaml:6:13: impact: 7 is outside 1..5",
				`a/responses/r1.yaml:6:25: unknown field "actaul" (did you mean "actual"?)`,
				"a/responses/r1.yaml:8:33: actual: 9 is outside the scale 0..5",
				`a/responses/r2.yaml: warning: respondent "r2" left 1 of 4 questions in scope unanswered (IM-2)`,
				`a/responses/r2.yaml:9:3: answers: questionnaire "tq" has no question "MI-2" (did you mean "IM-2"?)`,
				`a/tq.yaml:25:47: weight: must be greater than 0, found "0"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, probs := Load(FromFS(folder(tt.files)), "a")
			checkProblems(t, probs, tt.want)
			var wantErrs []string // the error, as printed, leaves the warnings out
			for _, w := range tt.want {
				if !strings.Contains(w, ": warning: ") {
					wantErrs = append(wantErrs, w)
				}
			}
			err := probs.Err()
			if (err != nil) != (len(wantErrs) > 0) {
				t.Errorf("Err() = %v, want an error: %v", err, len(wantErrs) > 0)
			}
			if err != nil && err.Error() != strings.Join(wantErrs, "\n") {
				t.Errorf("Err().Error() =\n%s\nwant\n%s", err, strings.Join(wantErrs, "\n"))
			}
			if a == nil && !strings.HasPrefix(tt.name, "assessment.yaml") && !strings.HasPrefix(tt.name, "no assessment.yaml") {
				t.Error("Load returned no assessment although assessment.yaml was readable")
			}
		})
	}
}

func TestLoadWarnings(t *testing.T) {
	// r1 names no team and answers one question of four: SD-2 is an empty
	// mapping and IM-1 is empty, which both count as unanswered.
	const partial = `kind: response
questionnaire: tq
respondent: {id: r1, name: Ann Lee}
answers:
  SD-1: {documented: 3, actual: 2}
  SD-2: {}
  IM-1:
`
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unanswered questions and no team",
			map[string]string{"responses/r1.yaml": partial},
			[]string{
				`a/responses/r1.yaml: warning: respondent "r1" has no team; team scores leave them out`,
				`a/responses/r1.yaml: warning: respondent "r1" left 3 of 4 questions in scope unanswered (SD-2, IM-1, IM-2)`,
			}},
		{"only questions in scope count",
			map[string]string{
				"assessment.yaml":   testAssessment + "scope: [incident-management]\n",
				"responses/r1.yaml": edit(testResponse, "  IM-2: {documented: 3, note: nobody knows}", "  IM-2: {note: not sure}"),
			},
			[]string{`a/painpoints.yaml:11:9: warning: pain point "low-fcr": none of its practices (service-desk) is in scope; it is still ranked, but nothing in the plan addresses it`,
				`a/responses/r1.yaml: warning: respondent "r1" left 1 of 2 questions in scope unanswered (IM-2)`}},
		{"pain point due on the assessment date",
			map[string]string{"painpoints.yaml": edit(testPainPoints, "change: -20%}", "change: -20%, by: 2026-11-02}")},
			nil},
		{"not applicable counts as answered",
			map[string]string{"responses/r1.yaml": edit(testResponse, "{documented: 3, note: nobody knows}", "{actual: na}")},
			nil},
		{"an empty answers section",
			map[string]string{"responses/r1.yaml": edit(testResponse, testResponse[strings.Index(testResponse, "  SD-1"):], "")},
			[]string{`a/responses/r1.yaml: warning: respondent "r1" left 4 of 4 questions in scope unanswered (SD-1, SD-2, IM-1, IM-2)`}},
		{"pain point without metric",
			map[string]string{"painpoints.yaml": edit(testPainPoints, "    metric: {id: mttr, baseline: 9.5, change: -20%}                   # 9\n", "")},
			[]string{`a/painpoints.yaml:3:9: warning: pain point "slow-restore" has no metric: its outcome cannot be measured`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load(FromFS(folder(tt.files)), "a")
			checkProblems(t, probs, tt.want)
			if err := probs.Err(); err != nil || probs.HasErrors() {
				t.Errorf("warnings alone made an error: %v", err)
			}
			if len(probs.Warnings()) != len(tt.want) {
				t.Errorf("Warnings() = %d problems, want %d", len(probs.Warnings()), len(tt.want))
			}
		})
	}
}

func TestLoadWarnsOfNoResponses(t *testing.T) {
	fsys := folder(map[string]string{"responses/r1.yaml": removed})
	fsys["a/responses"] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	a, probs := Load(FromFS(fsys), "a")
	checkProblems(t, probs, []string{
		"a/responses: warning: no responses yet; add one YAML file per respondent (itilmap template makes a capture workbook)",
	})
	if probs.Err() != nil || len(a.Responses) != 0 {
		t.Errorf("Err() = %v, responses = %d; want nil and 0", probs.Err(), len(a.Responses))
	}
}

// TestLoadSummarisesManyUnanswered uses the built-in itil4-quick: a response
// with no answers names the first five questions and counts the rest.
func TestLoadSummarisesManyUnanswered(t *testing.T) {
	q, qp := LoadQuestionnaire(nil, "itil4-quick", "")
	if q == nil || qp.HasErrors() {
		t.Fatalf("itil4-quick: %v", qp)
	}
	var ids []string
	for _, qu := range q.Questions {
		ids = append(ids, qu.ID)
	}
	_, probs := Load(FromFS(folder(map[string]string{
		"assessment.yaml":   edit(testAssessment, "questionnaire: tq.yaml", "questionnaire: itil4-quick"),
		"responses/r1.yaml": "questionnaire: itil4-quick\nrespondent: {id: r1, team: desk}\nanswers:\n",
	})), "a")
	want := fmt.Sprintf(`a/responses/r1.yaml: warning: respondent "r1" left %d of %d questions in scope unanswered (%s and %d more)`,
		len(ids), len(ids), strings.Join(ids[:5], ", "), len(ids)-5)
	checkProblems(t, probs, []string{want})
}

// endlessFile is a file whose Stat reports size but whose content never
// ends, as a device or a file still being written might.
type endlessFile struct{ size int64 }

func (f endlessFile) Stat() (fs.FileInfo, error) { return sizedInfo{size: f.size}, nil }
func (endlessFile) Close() error                 { return nil }
func (endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	return len(p), nil
}

type sizedInfo struct {
	fs.FileInfo // nil: only Size, IsDir and Mode are asked for
	size        int64
}

func (i sizedInfo) Size() int64     { return i.size }
func (sizedInfo) IsDir() bool       { return false }
func (sizedInfo) Mode() fs.FileMode { return 0o644 }

// overlay serves some names from files instead of the Source below it.
type overlay struct {
	Source
	files map[string]fs.File
}

func (o overlay) Open(name string) (fs.File, error) {
	if f, ok := o.files[name]; ok {
		return f, nil
	}
	return o.Source.Open(name)
}

func TestLoadFileSizeLimit(t *testing.T) {
	tests := []struct {
		name string
		file string
		f    fs.File
		want []string
	}{
		{"assessment.yaml over 32 MiB by its size", "a/assessment.yaml", endlessFile{size: MaxFileSize + 1},
			[]string{"a/assessment.yaml: file is larger than 32 MiB"}},
		{"a response over 32 MiB by its size", "a/responses/r2.yaml", endlessFile{size: 1 << 40},
			[]string{"a/responses/r2.yaml: file is larger than 32 MiB"}},
		{"a response that grows past 32 MiB while read", "a/responses/r2.yaml", endlessFile{size: 100},
			[]string{"a/responses/r2.yaml: file is larger than 32 MiB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := folder(map[string]string{"responses/r2.yaml": "replaced by the overlay"})
			_, probs := Load(overlay{FromFS(fsys), map[string]fs.File{tt.file: tt.f}}, "a")
			checkProblems(t, probs, tt.want)
		})
	}
}

func TestReadFile(t *testing.T) {
	src := FromFS(folder(map[string]string{"responses/r2.yaml/x": "x"}))
	tests := []struct {
		name, file string
		want       string // the problem, or "" for none
	}{
		{"a file", "a/tq.yaml", ""},
		{"a missing file", "a/nothing.yaml", "a/nothing.yaml: no such file"},
		{"a directory", "a/responses/r2.yaml", "a/responses/r2.yaml: is a directory; expected a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, p := ReadFile(src, tt.file)
			switch {
			case tt.want == "" && (p != nil || len(data) == 0):
				t.Errorf("ReadFile = %d bytes, %v; want the file", len(data), p)
			case tt.want != "" && (p == nil || p.String() != tt.want):
				t.Errorf("ReadFile problem = %v, want %s", p, tt.want)
			}
		})
	}
}

func TestCheckFile(t *testing.T) {
	src := FromFS(folder(map[string]string{
		"responses/quick.yaml": "questionnaire: itil4-quick\nrespondent: {id: r9}\nanswers:\n  Q-SD-PE-1: {actual: 6}\n",
		"notes.yaml":           "answers: {}\nquestionnaire: tq\nrespondent: {id: r8}\n",
	}))
	tests := []struct {
		file, kind string
		want       []string
	}{
		{"a/assessment.yaml", KindAssessment, nil},
		{"a/tq.yaml", KindQuestionnaire, nil},
		{"a/responses/r1.yaml", KindResponse, nil},
		{"a/painpoints.yaml", KindPainPoints, nil},
		{"a/notes.yaml", KindResponse, nil}, // no kind: and an unknown name; its keys tell
		// a response naming a built-in questionnaire is checked against it
		{"a/responses/quick.yaml", KindResponse, []string{"a/responses/quick.yaml:4:23: actual: 6 is outside the scale 0..5"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			kind, probs := CheckFile(src, tt.file)
			if kind != tt.kind {
				t.Errorf("kind = %q, want %q", kind, tt.kind)
			}
			checkProblems(t, probs, tt.want)
		})
	}
}

func TestBuiltinQuestionnairesLoad(t *testing.T) {
	ids := questionnaires.IDs()
	if len(ids) == 0 {
		t.Fatal("no built-in questionnaires")
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			q, probs := LoadQuestionnaire(nil, id, "")
			checkProblems(t, probs, nil)
			if q == nil || q.ID != id || len(q.Practices) == 0 || len(q.Questions) == 0 {
				t.Fatalf("built-in %s loaded as %+v", id, q)
			}
		})
	}
}

func TestExampleAcmeLoads(t *testing.T) {
	a, probs := Load(FromFS(examples.FS), examples.Acme)
	if err := probs.Err(); err != nil {
		t.Fatalf("examples/acme has errors:\n%v", err)
	}
	for _, w := range probs.Warnings() {
		t.Log(w)
	}
	if a == nil || a.Questionnaire == nil || len(a.Responses) == 0 || len(a.PainPoints) == 0 {
		t.Fatalf("examples/acme loaded incompletely: %+v", a)
	}
}

// The tests below expect what the loader does not do yet. Each is skipped
// with the reason; remove the t.Skip once the loader is fixed.

func TestYAMLErrorPositions(t *testing.T) {
	tests := []struct{ name, data, wantPos, wantMsg string }{
		{"unclosed flow mapping", "kind: response\nanswers: {SD-1: {actual: 2}\n", "r.yaml:2:", "invalid YAML: did not find expected ',' or '}'"},
		{"key indented one space less", "kind: response\nanswers:\n  SD-1: {actual: 2}\n SD-2: {actual: 1}\n", "r.yaml:4:", "invalid YAML: did not find expected key"},
		{"error on the first line", "kind: response: x\n", "r.yaml:1:", "invalid YAML: mapping values are not allowed in this context"},
		{"unknown anchor", "kind: response\nnote: *nope\n", "r.yaml:2:", "invalid YAML: unknown anchor 'nope' referenced"},
		{"control character", "kind: response\nnote: a\x01b\n", "r.yaml:2:", "control character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParseResponse("r.yaml", []byte(tt.data), nil)
			if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), tt.wantPos) || !strings.Contains(probs[0].Message, tt.wantMsg) {
				t.Errorf("problems = %q, want one at %s saying %q", rendered(probs), tt.wantPos, tt.wantMsg)
			}
		})
	}
}

func TestChangeDirectionWithoutBaseline(t *testing.T) {
	q := testQ(t)
	tests := []struct{ name, old, new, want string }{
		{"lower is better", "metric: {id: mttr, baseline: 9.5, change: -20%}", "metric: {id: mttr, change: +20%}",
			`p.yaml:9:32: metric.change: +20% does not improve "mttr", where lower is better`},
		{"higher is better", "metric: {id: fcr, baseline: 55, change: +10pp}", "metric: {id: fcr, change: -10pp}",
			`p.yaml:17:31: metric.change: -10pp does not improve "fcr", where higher is better`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParsePainPoints("p.yaml", []byte(edit(testPainPoints, tt.old, tt.new)), q)
			checkProblems(t, probs, []string{tt.want})
		})
	}
}

func TestBadScaleMaxReportedOnce(t *testing.T) {
	tests := []struct{ new, want string }{
		{"scale: {min: 0, max: 11}", "tq.yaml:5:22: scale.max: 11 is outside 1..10"},
		{"scale: {min: 0, max: five}", `tq.yaml:5:22: scale.max: expected a whole number, found "five"`},
	}
	for _, tt := range tests {
		t.Run(tt.new, func(t *testing.T) {
			_, probs := ParseQuestionnaire("tq.yaml", []byte(edit(testQuestionnaire, "scale: {min: 0, max: 5}", tt.new)))
			checkProblems(t, probs, []string{tt.want})
		})
	}
}

func TestTabInsideBlockScalarIsContent(t *testing.T) {
	data := edit(testQuestionnaire, "title: Two-practice test questionnaire\n",
		"title: Two-practice test questionnaire\ndescription: |\n  Steps:\n  \t1. ask\n")
	q, probs := ParseQuestionnaire("tq.yaml", []byte(data))
	checkProblems(t, probs, nil)
	if q == nil || q.Description != "Steps:\n\t1. ask" {
		t.Errorf("questionnaire = %+v, want the description with its tab", q)
	}
}

func TestLoadNamesAbsoluteQuestionnairePath(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "elsewhere", "tq.yaml")
	writeFolder(t, dir, map[string]string{"assessment.yaml": edit(testAssessment, "questionnaire: tq.yaml", "questionnaire: "+abs)})
	_, probs := Load(Disk{}, dir)
	checkProblems(t, probs, []string{filepath.Join(dir, "assessment.yaml") + ":5:16: questionnaire: " + abs + ": no such file"})
}

// writeFolder writes the fixture folder, with changes, into dir on disk.
func writeFolder(t *testing.T, dir string, changes map[string]string) {
	t.Helper()
	for name, f := range folder(changes) {
		path := filepath.Join(dir, strings.TrimPrefix(name, "a/"))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadDuplicateQuestionnaireKey(t *testing.T) {
	assessment := edit(testAssessment, "questionnaire: tq.yaml", "questionnaire: itil4-cor") + "questionnaire: itil4-cor\n"
	_, probs := Load(FromFS(folder(map[string]string{"assessment.yaml": assessment})), "a")
	checkProblems(t, probs, []string{
		`a/assessment.yaml:5:16: questionnaire: no built-in questionnaire "itil4-cor" (did you mean "itil4-core"?); built-in: ` +
			strings.Join(questionnaires.IDs(), ", ") + ", or give the path of a .yaml file",
		`a/assessment.yaml:10:1: duplicate key "questionnaire" (first at line 5)`,
	})
}

func TestDuplicateRespondentHasPosition(t *testing.T) {
	_, probs := Load(FromFS(folder(map[string]string{"responses/r2.yaml": testResponse})), "a")
	errs := probs.Errors()
	if len(errs) != 1 || errs[0].File != "a/responses/r2.yaml" || errs[0].Line != 3 ||
		!strings.Contains(errs[0].Message, `"r1" also answers in a/responses/r1.yaml`) {
		t.Errorf("errors = %q, want one at a/responses/r2.yaml:3", rendered(errs))
	}
}

func TestCheckFileNamesQuestionnaireReference(t *testing.T) {
	tests := []struct{ ref, want string }{
		{"itil4-cor", `a/assessment.yaml:5:16: questionnaire: no built-in questionnaire "itil4-cor" (did you mean "itil4-core"?); built-in: ` +
			strings.Join(questionnaires.IDs(), ", ") + ", or give the path of a .yaml file"},
		{"forms/tq.yaml", "a/assessment.yaml:5:16: questionnaire: a/forms/tq.yaml: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			src := FromFS(folder(map[string]string{"assessment.yaml": edit(testAssessment, "questionnaire: tq.yaml", "questionnaire: "+tt.ref)}))
			_, probs := CheckFile(src, "a/assessment.yaml")
			checkProblems(t, probs, []string{tt.want})
		})
	}
}
