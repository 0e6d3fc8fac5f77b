package roadmap_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// ---------------------------------------------------------------------------
// Fixture builder shared by the outcome and plan tests.
//
// Every test writes a tiny questionnaire and a handful of answers so that each
// practice score is set exactly: with a single respondent answering one
// process question "D/A" of a practice, its documented score is D, its actual
// score and level are A and its control gap is max(0, D−A) (process questions
// are control questions by default; people questions are capability ones).

const scale05 = `{min: 0, max: 5, labels: {0: Absent, 1: Initial, 2: Repeatable, 3: Defined, 4: Managed, 5: Optimizing}}`

// prac is one practice of the fixture questionnaire.
type prac struct {
	id      string
	dims    []string // the dimension of each question <id>-1, <id>-2, …; nil: one process question
	deps    []string
	weight  float64 // 0: the default 1
	actions bool    // give it stabilize, standardize and optimize actions
	// actionsYAML, when set, is the practice's actions: mapping as written
	// (flow style), instead of the ones actions gives
	actionsYAML string
}

// resp is one response; answers maps a question id to "D/A".
type resp struct {
	id, team, role string
	answers        map[string]string
}

type fixture struct {
	scale      string // default scale05
	practices  []prac
	date       string // assessment date; default 2026-11-02
	settings   string // extra lines of assessment.yaml (scope, targets, plan, readiness, owners)
	responses  []resp
	painpoints string // the items of painpoints.yaml (YAML list); "" writes no file
}

// one is a single respondent without a team.
func one(answers map[string]string) []resp {
	return []resp{{id: "r1", role: "agent", answers: answers}}
}

func name(id string) string { return strings.ToUpper(id[:1]) + id[1:] }

func (f fixture) files() fstest.MapFS {
	var q strings.Builder
	scale := f.scale
	if scale == "" {
		scale = scale05
	}
	fmt.Fprintf(&q, `kind: questionnaire
id: mini
version: 1.0.0
title: Mini
scale: %s
dimensions: [{id: process, name: Process}, {id: people, name: People}]
metrics:
  - {id: mttr, name: Mean time to restore service, unit: h, better: down}
  - {id: fcr, name: First-contact resolution, unit: "%%", better: up}
  - {id: cfr, name: Change failure rate, unit: "%%", better: down}
  - {id: csat, name: Customer satisfaction, better: up}
  - {id: lead, name: Lead time, unit: days, better: down}
practices:
`, scale)
	for _, p := range f.practices {
		fmt.Fprintf(&q, "  - id: %s\n    name: %s\n", p.id, name(p.id))
		if p.weight != 0 {
			fmt.Fprintf(&q, "    weight: %g\n", p.weight)
		}
		if len(p.deps) > 0 {
			fmt.Fprintf(&q, "    depends_on: [%s]\n", strings.Join(p.deps, ", "))
		}
		if p.actionsYAML != "" {
			fmt.Fprintf(&q, "    actions: %s\n", p.actionsYAML)
		} else if p.actions {
			fmt.Fprintf(&q, "    actions:\n      stabilize: [Stabilize %[1]s first, Stabilize %[1]s second]\n      standardize: [Standardize %[1]s]\n      optimize: [Optimize %[1]s]\n", p.id)
		}
		q.WriteString("    questions:\n")
		dims := p.dims
		if dims == nil {
			dims = []string{"process"}
		}
		for i, d := range dims {
			fmt.Fprintf(&q, "      - {id: %s-%d, dimension: %s, text: Question %d of %s}\n", p.id, i+1, d, i+1, p.id)
		}
	}
	date := f.date
	if date == "" {
		date = "2026-11-02"
	}
	// teams of one respondent are shown unless the fixture says otherwise
	scoring := "scoring: {min_group: 1}"
	if strings.Contains(f.settings, "scoring:") {
		scoring = ""
	}
	fsys := fstest.MapFS{
		"a/mini.yaml": {Data: []byte(q.String())},
		"a/assessment.yaml": {Data: []byte(fmt.Sprintf("kind: assessment\nid: test\norganization: Test\ndate: %s\nquestionnaire: mini.yaml\n%s\n%s\n",
			date, scoring, f.settings))},
		"a/responses": {Mode: fs.ModeDir | 0o755},
	}
	for _, r := range f.responses {
		var b strings.Builder
		fmt.Fprintf(&b, "kind: response\nquestionnaire: mini\nrespondent: {id: %s", r.id)
		if r.role != "" {
			fmt.Fprintf(&b, ", role: %s", r.role)
		}
		if r.team != "" {
			fmt.Fprintf(&b, ", team: %s", r.team)
		}
		b.WriteString("}\nanswers:\n")
		ids := make([]string, 0, len(r.answers))
		for id := range r.answers {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			d, a, ok := strings.Cut(r.answers[id], "/")
			if !ok {
				panic("answer " + r.answers[id] + " is not D/A")
			}
			fmt.Fprintf(&b, "  %s: {documented: %s, actual: %s}\n", id, d, a)
		}
		fsys["a/responses/"+r.id+".yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	if f.painpoints != "" {
		fsys["a/painpoints.yaml"] = &fstest.MapFile{Data: []byte("kind: painpoints\npainpoints:\n" + f.painpoints)}
	}
	return fsys
}

// run is one fixture loaded, scored, ranked and planned.
type run struct {
	a        *assess.Assessment
	r        *assess.Result
	outcomes []roadmap.Outcome
	plan     *roadmap.Roadmap
}

func (f fixture) load(t *testing.T) (*assess.Assessment, *assess.Result) {
	t.Helper()
	a, probs := assess.Load(assess.FromFS(f.files()), "a")
	if probs.HasErrors() {
		t.Fatalf("fixture does not load:\n%v", probs)
	}
	return a, assess.Score(a, assess.ScoreOptions{})
}

func (f fixture) run(t *testing.T, opts roadmap.PlanOptions) run {
	t.Helper()
	a, r := f.load(t)
	outs := roadmap.Outcomes(a, r)
	return run{a: a, r: r, outcomes: outs, plan: roadmap.Plan(a, r, outs, opts)}
}

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

func toJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// keys returns the sorted keys of a JSON object.
func keys(t *testing.T, what string, v any) []string {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s is %T, want a JSON object", what, v)
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sorted(s ...string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// ---------------------------------------------------------------------------
// Outcomes

// The ranking fixture. One respondent; targets default 3, sd 4; scope leaves x out.
//
//	practice  answer  target  actual  target_gap
//	im        1/1     3       1       2
//	sd        3/3     4       3       1
//	ch        2/2     3       2       1
//	u         —       3       null    null     (in scope, nobody answered)
//	x         0/0     3       out of scope (would have a gap of 3)
//
//	pain point    practices   I  F  E   G(k)              priority = I×F×(1+G/5)/E
//	changes-fail  ch, x, u    4  3  1   1 (ch only)       12 × 1.2 / 1 = 14.4
//	slow-restore  im, sd      5  4  2   (2+1)/2 = 1.5     20 × 1.3 / 2 = 13
//	fcr-low       sd          3  5  3   1                 15 × 1.2 / 3 = 6
//	tie-hi        ch          4  2  2   1                  8 × 1.2 / 2 = 4.8
//	tie-a         ch          2  4  2   1                  8 × 1.2 / 2 = 4.8  (impact 2 < 4)
//	tie-b         ch          2  4  2   1                  8 × 1.2 / 2 = 4.8  (id after tie-a)
//	no-baseline   u           2  2  1   0 (none scored)    4 × 1   / 1 = 4
//	no-metric     im          1  1  5   2                  1 × 1.4 / 5 = 0.28
var rankFixture = fixture{
	practices: []prac{{id: "im"}, {id: "sd"}, {id: "ch"}, {id: "u"}, {id: "x"}},
	settings: `scope: [im, sd, ch, u]
targets: {default: 3, sd: 4}
owners:
  sd: {owner: Sam Ortiz}
  ch: {process_manager: Kim Park}`,
	responses: one(map[string]string{"im-1": "1/1", "sd-1": "3/3", "ch-1": "2/2", "x-1": "0/0"}),
	painpoints: `  - id: slow-restore
    title: Store tills wait hours for incident restoration
    practices: [im, sd]
    impact: 5
    frequency: 4
    effort: 2
    metric: {id: mttr, baseline: 9.5, change: -20%, by: 2027-06-30}
    owner: Head of Service Desk
  - id: tie-b
    title: Tie B
    practices: [ch]
    impact: 2
    frequency: 4
    effort: 2
    metric: {id: lead, target: 5}
  - id: fcr-low
    title: Callers are passed from team to team
    practices: [sd]
    impact: 3
    frequency: 5
    effort: 3
    metric: {id: fcr, baseline: 40, change: +8pp, by: 2027-09-30}
  - id: no-metric
    title: Nobody knows what is broken
    practices: [im]
    impact: 1
    frequency: 1
    effort: 5
  - id: changes-fail
    title: Changes break the tills
    practices: [ch, x, u]
    impact: 4
    frequency: 3
    effort: 1
    metric: {id: cfr, baseline: 30, target: 15, by: 2027-12-31}
  - id: tie-a
    title: Tie A
    practices: [ch]
    impact: 2
    frequency: 4
    effort: 2
    metric: {id: lead, baseline: 10, change: -25%}
  - id: no-baseline
    title: Restores are slow somewhere
    practices: [u]
    impact: 2
    frequency: 2
    effort: 1
    metric: {id: mttr, change: -10%, by: 2027-06-30}
  - id: tie-hi
    title: Tie high impact
    practices: [ch]
    impact: 4
    frequency: 2
    effort: 2
    metric: {id: csat, baseline: 3.2, target: 4}
`,
}

func TestOutcomesPriorityAndRank(t *testing.T) {
	a, r := rankFixture.load(t)
	outs := roadmap.Outcomes(a, r)
	want := []struct {
		id       string
		gap      float64
		priority float64
	}{
		{"changes-fail", 1, 14.4},
		{"slow-restore", 1.5, 13},
		{"fcr-low", 1, 6},
		{"tie-hi", 1, 4.8},
		{"tie-a", 1, 4.8},
		{"tie-b", 1, 4.8},
		{"no-baseline", 0, 4},
		{"no-metric", 2, 0.28},
	}
	if len(outs) != len(want) {
		t.Fatalf("%d outcomes, want %d", len(outs), len(want))
	}
	for i, w := range want {
		o := outs[i]
		if o.ID != w.id || o.Rank != i+1 {
			t.Errorf("rank %d: got %s (rank %d), want %s", i+1, o.ID, o.Rank, w.id)
			continue
		}
		approx(t, w.id+" G", o.Gap, w.gap)
		approx(t, w.id+" priority", o.Priority, w.priority)
	}
	// practices are given as written, out-of-scope ones included
	if got := outs[0].Practices; !reflect.DeepEqual(got, []string{"ch", "x", "u"}) {
		t.Errorf("changes-fail practices = %v", got)
	}
	// owner: the pain point's own, else the owner of its first practice that has one
	owners := map[string]string{"slow-restore": "Head of Service Desk", "fcr-low": "Sam Ortiz"}
	for _, o := range outs {
		if w, ok := owners[o.ID]; ok && o.Owner != w {
			t.Errorf("%s owner = %q, want %q", o.ID, o.Owner, w)
		}
	}
}

// The priority divides the gap by the questionnaire's scale maximum, not by 5.
func TestOutcomesScaleMax(t *testing.T) {
	f := fixture{
		scale:     `{min: 1, max: 4}`,
		practices: []prac{{id: "a"}},
		responses: one(map[string]string{"a-1": "1/1"}),
		painpoints: `  - {id: p, title: P, practices: [a], impact: 2, frequency: 3, effort: 3}
`,
	}
	a, r := f.load(t)
	outs := roadmap.Outcomes(a, r)
	// G = 3 − 1 = 2; 2 × 3 × (1 + 2/4) / 3 = 3 (with /5 it would be 2.8)
	approx(t, "priority", outs[0].Priority, 3)
}

// When no linked practice is scored, G is 0 and the priority is I×F/E.
func TestOutcomesNoScoredPractice(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a"}, {id: "b"}},
		settings:  "scope: [a]",
		responses: one(map[string]string{"b-1": "0/0"}),
		painpoints: `  - {id: p, title: P, practices: [a, b], impact: 3, frequency: 4, effort: 2}
`,
	}
	a, r := f.load(t)
	outs := roadmap.Outcomes(a, r)
	approx(t, "G", outs[0].Gap, 0)
	approx(t, "priority", outs[0].Priority, 6)
}

func TestOutcomesTargetsAndStatements(t *testing.T) {
	cases := []struct {
		name          string
		metric        string
		baseline      any // float64 or nil
		target        any // float64 or nil
		statement     string
		needsBaseline bool
	}{
		{"percent change, better down (the example of docs/method.md)", `{id: mttr, baseline: 9.5, change: -20%, by: 2027-06-30}`,
			9.5, 7.6, "Reduce mean time to restore service from 9.5 h to 7.6 h (-20%) by 2027-06-30", false},
		{"percent change, better up", `{id: csat, baseline: 3.2, change: +25%}`,
			3.2, 4.0, "Increase customer satisfaction from 3.2 to 4 (+25%)", false},
		{"percent change on a % metric is relative", `{id: cfr, baseline: 30, change: -20%}`,
			30.0, 24.0, "Reduce change failure rate from 30% to 24% (-20%)", false},
		{"fractional percent change", `{id: lead, baseline: 12, change: -12.5%, by: 2028-01-31}`,
			12.0, 10.5, "Reduce lead time from 12 days to 10.5 days (-12.5%) by 2028-01-31", false},
		{"pp change, better up", `{id: fcr, baseline: 40, change: +8pp, by: 2027-09-30}`,
			40.0, 48.0, "Increase first-contact resolution from 40% to 48% (+8 pp) by 2027-09-30", false},
		{"pp change, better down", `{id: cfr, baseline: 30, change: -5pp}`,
			30.0, 25.0, "Reduce change failure rate from 30% to 25% (-5 pp)", false},
		{"absolute target, better down", `{id: mttr, baseline: 8, target: 6, by: 2027-06-30}`,
			8.0, 6.0, "Reduce mean time to restore service from 8 h to 6 h (-25%) by 2027-06-30", false},
		{"absolute target, better up, % unit", `{id: fcr, baseline: 40, target: 50}`,
			40.0, 50.0, "Increase first-contact resolution from 40% to 50% (+10 pp)", false},
		{"no baseline, change", `{id: mttr, change: -20%, by: 2027-06-30}`,
			nil, nil, "", true},
		{"no baseline, absolute target", `{id: lead, target: 5}`,
			nil, 5.0, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fixture{
				practices:  []prac{{id: "a"}},
				responses:  one(map[string]string{"a-1": "2/2"}),
				painpoints: "  - {id: p, title: Pain, practices: [a], impact: 3, frequency: 3, effort: 3, metric: " + c.metric + "}\n",
			}
			a, r := f.load(t)
			o := roadmap.Outcomes(a, r)[0]
			if o.Metric == nil {
				t.Fatal("metric is nil")
			}
			check := func(what string, got assess.Num, want any) {
				t.Helper()
				switch w := want.(type) {
				case nil:
					if got.Valid {
						t.Errorf("%s = %v, want null", what, got.Value)
					}
				case float64:
					if !got.Valid {
						t.Errorf("%s = null, want %v", what, w)
					} else {
						approx(t, what, got.Value, w)
					}
				}
			}
			check("baseline", o.Metric.Baseline, c.baseline)
			check("target", o.Metric.Target, c.target)
			if o.NeedsBaseline != c.needsBaseline {
				t.Errorf("needs_baseline = %v, want %v", o.NeedsBaseline, c.needsBaseline)
			}
			if c.statement != "" && o.Statement != c.statement {
				t.Errorf("statement\n got %q\nwant %q", o.Statement, c.statement)
			}
			if c.needsBaseline {
				// no improvement claim without a baseline: the sentence asks for one
				if !strings.Contains(strings.ToLower(o.Statement), "baseline") || strings.Contains(o.Statement, " from ") {
					t.Errorf("statement without a baseline = %q, want it to ask for the baseline", o.Statement)
				}
			}
			verb := "Reduce"
			if o.Metric.Better == "up" {
				verb = "Increase"
			}
			if !c.needsBaseline && !strings.HasPrefix(o.Statement, verb+" ") {
				t.Errorf("statement %q does not start with %q (better %s)", o.Statement, verb, o.Metric.Better)
			}
		})
	}
}

func TestOutcomesNoMetric(t *testing.T) {
	f := fixture{
		practices:  []prac{{id: "a"}},
		responses:  one(map[string]string{"a-1": "2/2"}),
		painpoints: "  - {id: p, title: Pain, practices: [a], impact: 3, frequency: 3, effort: 3}\n",
	}
	a, r := f.load(t)
	o := roadmap.Outcomes(a, r)[0]
	if o.Metric != nil || !o.NeedsBaseline || o.Statement == "" {
		t.Errorf("no metric: metric %v needs_baseline %v statement %q; want nil, true and a sentence", o.Metric, o.NeedsBaseline, o.Statement)
	}
	if j := toJSON(t, o); !strings.Contains(j, `"metric":null`) {
		t.Errorf("JSON of an outcome without a metric lacks \"metric\":null: %s", j)
	}
}

func TestOutcomesNone(t *testing.T) {
	f := fixture{practices: []prac{{id: "a"}}, responses: one(map[string]string{"a-1": "2/2"})}
	a, r := f.load(t)
	outs := roadmap.Outcomes(a, r)
	if len(outs) != 0 {
		t.Errorf("outcomes without pain points = %v", outs)
	}
	if j := toJSON(t, roadmap.OutcomeList{Outcomes: outs}); j != `{"outcomes":[]}` {
		t.Errorf("JSON = %s, want {\"outcomes\":[]}", j)
	}
}

// {"outcomes": [{"rank", "id", "title", "priority", "practices",
// "metric": {"id", "name", "unit", "better", "baseline", "target"}, "statement",
// "owner", "needs_baseline"}]}, with null where there is no data.
func TestOutcomesJSON(t *testing.T) {
	a, r := rankFixture.load(t)
	var doc map[string]any
	if err := json.Unmarshal([]byte(toJSON(t, roadmap.OutcomeList{Outcomes: roadmap.Outcomes(a, r)})), &doc); err != nil {
		t.Fatal(err)
	}
	if got := keys(t, "document", doc); !reflect.DeepEqual(got, []string{"outcomes"}) {
		t.Fatalf("top-level keys = %v, want [outcomes]", got)
	}
	list := doc["outcomes"].([]any)
	wantKeys := sorted("rank", "id", "title", "priority", "practices", "metric", "statement", "owner", "needs_baseline", "planned", "plan_note", "planned_by", "late")
	wantMetric := sorted("id", "name", "unit", "better", "baseline", "target")
	byID := map[string]map[string]any{}
	for i, it := range list {
		if got := keys(t, "outcome", it); !reflect.DeepEqual(got, wantKeys) {
			t.Errorf("outcome %d keys = %v, want %v", i, got, wantKeys)
		}
		o := it.(map[string]any)
		byID[o["id"].(string)] = o
		if m := o["metric"]; m != nil {
			if got := keys(t, "metric", m); !reflect.DeepEqual(got, wantMetric) {
				t.Errorf("outcome %d metric keys = %v, want %v", i, got, wantMetric)
			}
		}
	}
	first := list[0].(map[string]any)
	if first["rank"] != 1.0 || first["id"] != "changes-fail" || first["needs_baseline"] != false {
		t.Errorf("first outcome = %v", first)
	}
	sr := byID["slow-restore"]
	m := sr["metric"].(map[string]any)
	if m["id"] != "mttr" || m["name"] != "Mean time to restore service" || m["unit"] != "h" || m["better"] != "down" || m["baseline"] != 9.5 {
		t.Errorf("slow-restore metric = %v", m)
	}
	if v, ok := m["target"].(float64); !ok || math.Abs(v-7.6) > 1e-9 {
		t.Errorf("slow-restore target = %v, want 7.6", m["target"])
	}
	if sr["statement"] != "Reduce mean time to restore service from 9.5 h to 7.6 h (-20%) by 2027-06-30" {
		t.Errorf("slow-restore statement = %v", sr["statement"])
	}
	// missing baseline: baseline and target null (a change has nothing to apply to)
	nb := byID["no-baseline"]
	nm := nb["metric"].(map[string]any)
	if nm["baseline"] != nil || nm["target"] != nil || nb["needs_baseline"] != true {
		t.Errorf("no-baseline: baseline %v target %v needs_baseline %v; want null, null, true", nm["baseline"], nm["target"], nb["needs_baseline"])
	}
	// missing baseline with an absolute target: baseline null, target kept
	tb := byID["tie-b"]["metric"].(map[string]any)
	if tb["baseline"] != nil || tb["target"] != 5.0 || byID["tie-b"]["needs_baseline"] != true {
		t.Errorf("tie-b: baseline %v target %v needs_baseline %v; want null, 5, true", tb["baseline"], tb["target"], byID["tie-b"]["needs_baseline"])
	}
	if byID["no-metric"]["metric"] != nil || byID["no-metric"]["needs_baseline"] != true {
		t.Errorf("no-metric: metric %v needs_baseline %v; want null, true", byID["no-metric"]["metric"], byID["no-metric"]["needs_baseline"])
	}
	if p, ok := byID["changes-fail"]["practices"].([]any); !ok || len(p) != 3 {
		t.Errorf("changes-fail practices = %v", byID["changes-fail"]["practices"])
	}
}

// The same input gives the same ranking, whatever the order of the pain points.
func TestOutcomesOrderIndependent(t *testing.T) {
	a, r := rankFixture.load(t)
	want := toJSON(t, roadmap.Outcomes(a, r))
	for i, j := 0, len(a.PainPoints)-1; i < j; i, j = i+1, j-1 {
		a.PainPoints[i], a.PainPoints[j] = a.PainPoints[j], a.PainPoints[i]
	}
	if got := toJSON(t, roadmap.Outcomes(a, r)); got != want {
		t.Errorf("reversed pain points change the outcomes:\n%s\n%s", got, want)
	}
}
