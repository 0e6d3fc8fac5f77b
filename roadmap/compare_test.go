package roadmap_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// The comparison fixture: questionnaire "tiny" 1.0.0 asks
//
//	desk   (Service desk, weight 1):      DK-PE-1 people (capability), DK-PR-1 process (control)
//	change (Change enablement, weight 2): CH-PR-1 process (control)
//
// Version 2.0.0 drops DK-PR-1, adds DK-PR-2 to desk and a practice problem
// (PB-PR-1). Two respondents each time; consensus is the mean.
const cmpTinyV1 = `kind: questionnaire
id: tiny
version: 1.0.0
title: Tiny
scale: {min: 0, max: 5, labels: {0: Absent, 1: Initial, 2: Repeatable, 3: Defined, 4: Managed, 5: Optimizing}}
dimensions: [{id: people, name: People}, {id: process, name: Process}]
metrics:
  - {id: mttr, name: Mean time to restore service, unit: h, better: down}
  - {id: fcr, name: First-contact resolution, unit: "%", better: up}
practices:
  - id: desk
    name: Service desk
    questions:
      - {id: DK-PE-1, dimension: people, text: Agents resolve common issues at first contact.}
      - {id: DK-PR-1, dimension: process, text: Every contact is logged before work starts.}
  - id: change
    name: Change enablement
    weight: 2
    questions:
      - {id: CH-PR-1, dimension: process, text: No change reaches production without an approved record.}
`

var cmpTinyV2 = strings.NewReplacer(
	"version: 1.0.0", "version: 2.0.0",
	"DK-PR-1, dimension: process, text: Every contact is logged before work starts.",
	"DK-PR-2, dimension: process, text: Every contact is logged with its category.",
).Replace(cmpTinyV1) + `  - id: problem
    name: Problem management
    questions:
      - {id: PB-PR-1, dimension: process, text: Recurring incidents get a problem record.}
`

// cmpFolder writes one assessment folder into fsys: assessment.yaml (with
// extra settings lines), the questionnaire, two responses given as answer
// lines, and painpoints.yaml when painpoints is not "".
func cmpFolder(fsys fstest.MapFS, dir, date, questionnaire, settings string, r1, r2, painpoints string) {
	fsys[dir+"/assessment.yaml"] = &fstest.MapFile{Data: []byte("kind: assessment\nid: " + dir + "\norganization: Tiny Ltd\ndate: " + date +
		"\nquestionnaire: tiny.yaml\n" + settings)}
	fsys[dir+"/tiny.yaml"] = &fstest.MapFile{Data: []byte(questionnaire)}
	for id, answers := range map[string]string{"r1": r1, "r2": r2} {
		fsys[dir+"/responses/"+id+".yaml"] = &fstest.MapFile{Data: []byte("kind: response\nquestionnaire: tiny\nrespondent: {id: " + id +
			", team: t}\nanswers:\n" + answers)}
	}
	if painpoints != "" {
		fsys[dir+"/painpoints.yaml"] = &fstest.MapFile{Data: []byte("kind: painpoints\npainpoints:\n" + painpoints)}
	}
}

// cmpCompare loads and scores each folder with its own settings, then
// compares them, the first as the baseline.
func cmpCompare(t *testing.T, fsys fstest.MapFS, dirs ...string) *roadmap.Comparison {
	t.Helper()
	var as []*assess.Assessment
	var rs []*assess.Result
	for _, dir := range dirs {
		a, probs := assess.Load(assess.FromFS(fsys), dir)
		if err := probs.Err(); err != nil {
			t.Fatalf("%s does not load:\n%v", dir, err)
		}
		as = append(as, a)
		rs = append(rs, assess.Score(a, assess.ScoreOptions{}))
	}
	return roadmap.Compare(as, rs)
}

func cmpNear(t *testing.T, what string, got assess.Num, want float64) {
	t.Helper()
	if !got.Valid {
		t.Errorf("%s = null, want %.10g", what, want)
	} else if math.Abs(got.Value-want) > 1e-12 {
		t.Errorf("%s = %.15g, want %.15g", what, got.Value, want)
	}
}

func cmpNull(t *testing.T, what string, got assess.Num) {
	t.Helper()
	if got.Valid {
		t.Errorf("%s = %v, want null", what, got.Value)
	}
}

func cmpStr(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

func cmpLevel(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func cmpPractice(t *testing.T, c *roadmap.Comparison, id string) roadmap.PracticeTrend {
	t.Helper()
	for _, p := range c.Practices {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("practice %s is not in the comparison", id)
	return roadmap.PracticeTrend{}
}

// Baseline "base" (2026-01-15), answers documented/actual:
//
//	        DK-PE-1  DK-PR-1  CH-PR-1
//	r1      3/2      4/1      3/1
//	r2      3/3      4/2      2/1
//	mean    3/2.5    4/1.5    2.5/1
//
// desk D (3+4)/2 = 3.5, A (2.5+1.5)/2 = 2, cells people 2.5, process 1.5: level 1
// change D 2.5, A 1: level 1
// overall D (3.5 + 2.5·2)/3 = 17/6 = 2.8333, A (2 + 1·2)/3 = 4/3 = 1.3333;
// level from the practice levels by weight: (1 + 1·2)/3 = 1
// people D 3, A 2.5; process D (4 + 2.5·2)/3 = 3, A (1.5 + 1·2)/3 = 7/6
const (
	cmpBaseR1 = "  DK-PE-1: {documented: 3, actual: 2}\n  DK-PR-1: {documented: 4, actual: 1}\n  CH-PR-1: {documented: 3, actual: 1}\n"
	cmpBaseR2 = "  DK-PE-1: {documented: 3, actual: 3}\n  DK-PR-1: {documented: 4, actual: 2}\n  CH-PR-1: {documented: 2, actual: 1}\n"
)

// Re-assessment "now" (2026-07-15):
//
//	        DK-PE-1  DK-PR-1  CH-PR-1
//	r1      3/3      4/3      3/1
//	r2      4/2      4/2      3/0
//	mean    3.5/2.5  4/2.5    3/0.5
//
// desk D (3.5+4)/2 = 3.75, A 2.5, cells people 2.5, process 2.5: level 2 (up)
// change D 3, A 0.5: level 0 (down)
// overall D (3.75 + 3·2)/3 = 3.25, A (2.5 + 0.5·2)/3 = 7/6;
// level from the practice levels by weight: (2 + 0·2)/3 = 2/3 → 0
// people D 3.5, A 2.5; process D (4 + 3·2)/3 = 10/3, A (2.5 + 0.5·2)/3 = 7/6
const (
	cmpNowR1 = "  DK-PE-1: {documented: 3, actual: 3}\n  DK-PR-1: {documented: 4, actual: 3}\n  CH-PR-1: {documented: 3, actual: 1}\n"
	cmpNowR2 = "  DK-PE-1: {documented: 4, actual: 2}\n  DK-PR-1: {documented: 4, actual: 2}\n  CH-PR-1: {documented: 3, actual: 0}\n"
)

// Pain points of the baseline, and what the re-assessment measures:
//
//	slow-restore  mttr 10 h, −20%  → target 8;   now 9  → (10 − 9)/(10 − 8)    = 50%
//	low-fcr       fcr 60%, +10pp   → target 70;  now 72 → (60 − 72)/(60 − 70)  = 120%
//	worse         mttr 10, target 8;             now 11 → (10 − 11)/(10 − 8)   = −50%
//	unmeasured    mttr, target 5, no baseline;   now 6  → progress null
//	gone          only in the baseline: not compared
//
// The re-assessment's own pain point "new" is not in the baseline: not compared.
const cmpBasePainPoints = `  - {id: slow-restore, title: Tills wait for restoration, practices: [desk], impact: 5, frequency: 4, effort: 2, metric: {id: mttr, baseline: 10, change: -20%}}
  - {id: low-fcr, title: Callers are passed around, practices: [desk], impact: 3, frequency: 3, effort: 2, metric: {id: fcr, baseline: 60, change: +10pp}}
  - {id: worse, title: Outages drag on, practices: [desk], impact: 3, frequency: 3, effort: 2, metric: {id: mttr, baseline: 10, target: 8}}
  - {id: unmeasured, title: Nobody knows, practices: [desk], impact: 2, frequency: 2, effort: 2, metric: {id: mttr, target: 5}}
  - {id: gone, title: Fixed long ago, practices: [change], impact: 2, frequency: 2, effort: 2, metric: {id: mttr, baseline: 4, target: 3}}
`

const cmpNowPainPoints = `  - {id: new, title: Something new, practices: [change], impact: 2, frequency: 2, effort: 2, metric: {id: mttr, baseline: 7, target: 5}}
  - {id: low-fcr, title: Callers are passed around, practices: [desk], impact: 3, frequency: 3, effort: 2, metric: {id: fcr, baseline: 72, change: +5pp}}
  - {id: slow-restore, title: Tills wait for restoration, practices: [desk], impact: 5, frequency: 4, effort: 2, metric: {id: mttr, baseline: 9, change: -20%}}
  - {id: worse, title: Outages drag on, practices: [desk], impact: 3, frequency: 3, effort: 2, metric: {id: mttr, baseline: 11, target: 8}}
  - {id: unmeasured, title: Nobody knows, practices: [desk], impact: 2, frequency: 2, effort: 2, metric: {id: mttr, baseline: 6, target: 5}}
`

func cmpTwo() fstest.MapFS {
	fsys := fstest.MapFS{}
	cmpFolder(fsys, "base", "2026-01-15", cmpTinyV1, "", cmpBaseR1, cmpBaseR2, cmpBasePainPoints)
	cmpFolder(fsys, "now", "2026-07-15", cmpTinyV1, "", cmpNowR1, cmpNowR2, cmpNowPainPoints)
	return fsys
}

func TestCompareTwo(t *testing.T) {
	c := cmpCompare(t, cmpTwo(), "base", "now")

	if len(c.Assessments) != 2 || c.Assessments[0].ID != "base" || c.Assessments[1].ID != "now" ||
		c.Assessments[1].Date.String() != "2026-07-15" {
		t.Fatalf("assessments = %+v", c.Assessments)
	}

	// overall: the baseline's delta is 0; now − base:
	// A 7/6 − 4/3 = −1/6, D 3.25 − 17/6 = 5/12; level 1, then 0
	o0, o1 := c.Overall[0], c.Overall[1]
	cmpNear(t, "overall[base].actual", o0.Actual, 4.0/3)
	cmpNear(t, "overall[base].delta_actual", o0.DeltaActual, 0)
	cmpNear(t, "overall[now].actual", o1.Actual, 7.0/6)
	cmpNear(t, "overall[now].documented", o1.Documented, 3.25)
	cmpNear(t, "overall[now].delta_actual", o1.DeltaActual, -1.0/6)
	cmpNear(t, "overall[now].delta_documented", o1.DeltaDocumented, 5.0/12)
	if cmpLevel(o0.Level) != 1 || cmpLevel(o1.Level) != 0 {
		t.Errorf("overall levels = %d, %d, want 1, 0", cmpLevel(o0.Level), cmpLevel(o1.Level))
	}

	// desk: A 2 → 2.5 (+0.5), D 3.5 → 3.75 (+0.25), level 1 → 2: up
	desk := cmpPractice(t, c, "desk")
	cmpNear(t, "desk.delta_actual", desk.DeltaActual, 0.5)
	cmpNear(t, "desk.delta_documented", desk.DeltaDocumented, 0.25)
	if got := cmpStr(desk.LevelChange); got != roadmap.LevelUp {
		t.Errorf("desk.level_change = %s, want up", got)
	}
	if len(desk.Series) != 2 || desk.Series[0].Assessment != "base" || cmpLevel(desk.Series[1].Level) != 2 || len(desk.MissingFrom) != 0 {
		t.Errorf("desk = %+v", desk)
	}
	// change: A 1 → 0.5 (−0.5), D 2.5 → 3 (+0.5), level 1 → 0: down
	change := cmpPractice(t, c, "change")
	cmpNear(t, "change.delta_actual", change.DeltaActual, -0.5)
	cmpNear(t, "change.delta_documented", change.DeltaDocumented, 0.5)
	if got := cmpStr(change.LevelChange); got != roadmap.LevelDown {
		t.Errorf("change.level_change = %s, want down", got)
	}

	// dimensions: people A 2.5 → 2.5 (0), D 3 → 3.5 (+0.5);
	// process A 7/6 → 7/6 (0), D 3 → 10/3 (+1/3)
	if len(c.Dimensions) != 2 || c.Dimensions[0].ID != "people" || c.Dimensions[1].Name != "Process" {
		t.Fatalf("dimensions = %+v", c.Dimensions)
	}
	cmpNear(t, "people.delta_actual", c.Dimensions[0].DeltaActual, 0)
	cmpNear(t, "people.delta_documented", c.Dimensions[0].DeltaDocumented, 0.5)
	cmpNear(t, "process.delta_actual", c.Dimensions[1].DeltaActual, 0)
	cmpNear(t, "process.delta_documented", c.Dimensions[1].DeltaDocumented, 1.0/3)

	// questions: DK-PE-1 2.5 → 2.5 unchanged; DK-PR-1 1.5 → 2.5 (+1) improved;
	// CH-PR-1 1 → 0.5 (−0.5) regressed: a change of exactly 0.5 counts
	want := map[string]string{"DK-PE-1": roadmap.Unchanged, "DK-PR-1": roadmap.Improved, "CH-PR-1": roadmap.Regressed}
	if len(c.Questions) != 3 {
		t.Fatalf("questions = %+v", c.Questions)
	}
	for _, q := range c.Questions {
		if got := cmpStr(q.Change); got != want[q.ID] {
			t.Errorf("question %s: change %s, want %s", q.ID, got, want[q.ID])
		}
	}
	cmpNear(t, "DK-PR-1.delta_actual", c.Questions[1].DeltaActual, 1)
	if c.SharedQuestions != 1 {
		t.Errorf("shared_questions = %v, want 1", c.SharedQuestions)
	}

	// metrics, in the baseline's order; "gone" and "new" are in one only
	type mp struct {
		id                    string
		base, target, now, pr float64 // NaN: null
	}
	nan := math.NaN()
	wantM := []mp{
		{"slow-restore", 10, 8, 9, 50},
		{"low-fcr", 60, 70, 72, 120},
		{"worse", 10, 8, 11, -50},
		{"unmeasured", nan, 5, 6, nan},
	}
	if len(c.Metrics) != len(wantM) {
		t.Fatalf("metrics = %+v", c.Metrics)
	}
	for i, w := range wantM {
		m := c.Metrics[i]
		if m.PainPoint != w.id {
			t.Errorf("metrics[%d] = %s, want %s", i, m.PainPoint, w.id)
			continue
		}
		for _, f := range []struct {
			what string
			got  assess.Num
			want float64
		}{{"baseline", m.Baseline, w.base}, {"target", m.Target, w.target}, {"now", m.Now, w.now}, {"progress", m.Progress, w.pr}} {
			if math.IsNaN(f.want) {
				cmpNull(t, w.id+"."+f.what, f.got)
			} else {
				cmpNear(t, w.id+"."+f.what, f.got, f.want)
			}
		}
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", c.Warnings)
	}
}

// TestCompareJSON pins the JSON keys and the nulls.
func TestCompareJSON(t *testing.T) {
	c := cmpCompare(t, cmpTwo(), "base", "now")
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	has := func(what string, v any, keys ...string) {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s is %T, want an object", what, v)
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%s has no key %q", what, k)
			}
		}
	}
	first := func(key string) any {
		t.Helper()
		l, ok := doc[key].([]any)
		if !ok || len(l) == 0 {
			t.Fatalf("%s is %v, want a non-empty list", key, doc[key])
		}
		return l[0]
	}
	has("compare", doc, "assessments", "overall", "practices", "questions", "metrics", "shared_questions")
	has("assessments[0]", first("assessments"), "id", "date")
	has("overall[0]", first("overall"), "id", "actual", "documented", "delta_actual", "level")
	p := first("practices")
	has("practices[0]", p, "id", "series", "delta_actual", "level_change")
	has("practices[0].series[0]", p.(map[string]any)["series"].([]any)[0], "assessment", "actual", "documented", "level")
	has("questions[0]", first("questions"), "id", "change")
	has("metrics[0]", first("metrics"), "painpoint", "metric", "baseline", "target", "now", "progress")
	if s := string(data); !strings.Contains(s, `"painpoint":"unmeasured","title":"Nobody knows","metric":"mttr","name":"Mean time to restore service","unit":"h","baseline":null,"target":5,"now":6,"progress":null`) {
		t.Errorf("the unmeasured pain point is not written with nulls:\n%s", s)
	}
}

// Three assessments: deltas are the last minus the first, and a practice
// outside one assessment's scope has no point there.
//
//	base (scope desk):          desk A 2 (level 1); change not assessed
//	mid  (scope desk, change):  desk A 2.5,  change A 0.5
//	now  (scope desk):          the base answers again, change out of scope
//
// desk: A 2 → 2.5 → 2, delta 0, level 1 → 2 → 1: same
// change: only in mid: listed with one point, no delta, no level change
// questions of base: DK-PE-1, DK-PR-1, both in every assessment: share 1
func TestCompareThree(t *testing.T) {
	fsys := fstest.MapFS{}
	cmpFolder(fsys, "base", "2026-01-15", cmpTinyV1, "scope: [desk]\n", cmpBaseR1, cmpBaseR2, "")
	cmpFolder(fsys, "mid", "2026-04-15", cmpTinyV1, "", cmpNowR1, cmpNowR2, "")
	cmpFolder(fsys, "now", "2026-07-15", cmpTinyV1, "scope: [desk]\n", cmpBaseR1, cmpBaseR2, "")
	c := cmpCompare(t, fsys, "base", "mid", "now")

	desk := cmpPractice(t, c, "desk")
	if len(desk.Series) != 3 {
		t.Fatalf("desk.series = %+v, want three points", desk.Series)
	}
	cmpNear(t, "desk.series[mid].actual", desk.Series[1].Actual, 2.5)
	cmpNear(t, "desk.delta_actual", desk.DeltaActual, 0)
	if got := cmpStr(desk.LevelChange); got != roadmap.LevelSame {
		t.Errorf("desk.level_change = %s, want same", got)
	}

	change := cmpPractice(t, c, "change")
	if len(change.Series) != 1 || change.Series[0].Assessment != "mid" {
		t.Errorf("change.series = %+v, want one point, of mid", change.Series)
	}
	cmpNear(t, "change.series[mid].actual", change.Series[0].Actual, 0.5)
	if !reflect.DeepEqual(change.MissingFrom, []string{"base", "now"}) {
		t.Errorf("change.missing_from = %q, want [base now]", change.MissingFrom)
	}
	cmpNull(t, "change.delta_actual", change.DeltaActual)
	if change.LevelChange != nil {
		t.Errorf("change.level_change = %s, want null", *change.LevelChange)
	}

	// overall: base 2 (desk only), mid 7/6, now 2: deltas 0, −5/6, 0
	cmpNear(t, "overall[mid].delta_actual", c.Overall[1].DeltaActual, 7.0/6-2)
	cmpNear(t, "overall[now].delta_actual", c.Overall[2].DeltaActual, 0)
	if c.SharedQuestions != 1 || len(c.Questions) != 2 {
		t.Errorf("shared_questions = %v over %d questions, want 1 over 2", c.SharedQuestions, len(c.Questions))
	}
	for _, q := range c.Questions {
		if cmpStr(q.Change) != roadmap.Unchanged || len(q.Series) != 3 {
			t.Errorf("question %s: change %s with %d points, want unchanged with 3", q.ID, cmpStr(q.Change), len(q.Series))
		}
	}
	// no painpoints.yaml: nothing to measure
	if len(c.Metrics) != 0 || c.Metrics == nil {
		t.Errorf("metrics = %#v, want an empty list", c.Metrics)
	}
}

// A re-assessment on questionnaire 2.0.0 (DK-PR-1 dropped, DK-PR-2 and the
// practice problem added) is compared on the questions both versions ask:
// DK-PE-1 and CH-PR-1 of the baseline's 3, a share of 2/3.
//
//	now answers  DK-PE-1  DK-PR-2  CH-PR-1  PB-PR-1
//	r1           3/3      4/4      3/2      2/1
//	r2           3/3      4/4      3/2      2/na
//
// DK-PE-1 2.5 → 3 (+0.5) improved; CH-PR-1 1 → 2 (+1) improved
// desk A (3 + 4)/2 = 3.5: its own questions, not only the shared ones
// problem only in now; question PB-PR-1 is not the baseline's
func TestCompareQuestionnaireVersions(t *testing.T) {
	fsys := fstest.MapFS{}
	cmpFolder(fsys, "base", "2026-01-15", cmpTinyV1, "", cmpBaseR1, cmpBaseR2, "")
	now := "  DK-PE-1: {documented: 3, actual: 3}\n  DK-PR-2: {documented: 4, actual: 4}\n  CH-PR-1: {documented: 3, actual: 2}\n  PB-PR-1: {documented: 2, actual: 1}\n"
	cmpFolder(fsys, "now", "2026-07-15", cmpTinyV2, "", now, strings.Replace(now, "{documented: 2, actual: 1}", "{documented: 2, actual: na}", 1), "")
	c := cmpCompare(t, fsys, "base", "now")

	if math.Abs(c.SharedQuestions-2.0/3) > 1e-12 {
		t.Errorf("shared_questions = %v, want 2/3", c.SharedQuestions)
	}
	var got []string
	for _, q := range c.Questions {
		got = append(got, q.ID+" "+cmpStr(q.Change))
	}
	if want := []string{"DK-PE-1 improved", "CH-PR-1 improved"}; !reflect.DeepEqual(got, want) {
		t.Errorf("questions = %q, want %q", got, want)
	}
	cmpNear(t, "desk.series[now].actual", cmpPractice(t, c, "desk").Series[1].Actual, 3.5)

	problem := cmpPractice(t, c, "problem")
	if len(problem.Series) != 1 || problem.Series[0].Assessment != "now" || !reflect.DeepEqual(problem.MissingFrom, []string{"base"}) {
		t.Errorf("problem = %+v, want only in now", problem)
	}
	cmpNull(t, "problem.delta_actual", problem.DeltaActual)
	if c.Practices[len(c.Practices)-1].ID != "problem" {
		t.Errorf("practices end with %s, want the new practice problem after the baseline's", c.Practices[len(c.Practices)-1].ID)
	}

	warnings := strings.Join(c.Warnings, "\n")
	for _, w := range []string{
		"now uses questionnaire tiny 2.0.0, the baseline base uses tiny 1.0.0",
		"2 of the baseline's 3 questions (66%) are scored in every assessment",
	} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings do not say %q:\n%s", w, warnings)
		}
	}
}

// A question without an actual consensus in the baseline or the last
// assessment has no change: null, not "unchanged".
func TestCompareQuestionWithoutConsensus(t *testing.T) {
	fsys := fstest.MapFS{}
	cmpFolder(fsys, "base", "2026-01-15", cmpTinyV1, "", cmpBaseR1, cmpBaseR2, "")
	na := strings.NewReplacer("DK-PR-1: {documented: 4, actual: 3}", "DK-PR-1: {documented: 4}", "DK-PR-1: {documented: 4, actual: 2}", "DK-PR-1: {documented: 4}")
	cmpFolder(fsys, "now", "2026-07-15", cmpTinyV1, "", na.Replace(cmpNowR1), na.Replace(cmpNowR2), "")
	c := cmpCompare(t, fsys, "base", "now")
	q := c.Questions[1]
	if q.ID != "DK-PR-1" || q.Change != nil || q.DeltaActual.Valid {
		t.Errorf("DK-PR-1 = change %s, delta %v; want null, null", cmpStr(q.Change), q.DeltaActual)
	}
}

// Warnings for inputs that are not like for like: the baseline given after
// the re-assessment, the same assessment twice, a pain point whose metric
// changed.
func TestCompareWarnings(t *testing.T) {
	fsys := cmpTwo()
	cmpFolder(fsys, "swap", "2026-07-15", cmpTinyV1, "", cmpNowR1, cmpNowR2,
		"  - {id: slow-restore, title: Tills, practices: [desk], impact: 5, frequency: 4, effort: 2, metric: {id: fcr, baseline: 50, target: 60}}\n")
	c := cmpCompare(t, fsys, "now", "base", "base", "swap")
	warnings := strings.Join(c.Warnings, "\n")
	for _, w := range []string{
		"base (2026-01-15) is dated before the baseline now (2026-07-15): give the baseline folder first",
		"assessment base is given twice",
		"pain point slow-restore: the metric changed from mttr to fcr",
	} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings do not say %q:\n%s", w, warnings)
		}
	}
}

func TestCompareEmpty(t *testing.T) {
	data, err := json.Marshal(roadmap.Compare(nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"assessments":[],"overall":[],"dimensions":[],"practices":[],"questions":[],"metrics":[],"improved":[],"regressed":[],"shared_questions":1,"warnings":[]}`
	if string(data) != want {
		t.Errorf("Compare(nil, nil) = %s, want %s", data, want)
	}
}
