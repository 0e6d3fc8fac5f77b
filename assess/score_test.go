package assess_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/itilmap/itilmap/assess"
)

// The fixture: three practices, five questions, three respondents in two
// teams. Every expected number below is worked out by hand beside it.
//
//	practice alpha (weight 2, target 4): A-PR-1 process control w1, A-PR-2 process control w2,
//	                                     A-PE-1 people capability w1
//	practice beta  (weight 1, target 3): B-PE-1 people, kind control (explicit) w1
//	practice gamma (weight 1, target 3): G-PR-1 process; nobody answers it
//
//	answers (documented/actual)   r1 (t1, agent)   r2 (t1, lead)   r3 (t2, agent)
//	A-PR-1                        4/2              4/4             2/0
//	A-PR-2                        3/3              na/na           3/1
//	A-PE-1                        2/1              3/unknown       3/2
//	B-PE-1                        5/1              4/4             3/2
const fixtureQuestionnaire = `kind: questionnaire
id: tiny
version: 1.0.0
title: Tiny
scale: {min: 0, max: 5, labels: {0: Absent, 1: Initial, 2: Repeatable, 3: Defined, 4: Managed, 5: Optimizing}}
dimensions: [{id: process, name: Process}, {id: people, name: People}]
practices:
  - id: alpha
    name: Alpha
    weight: 2
    questions:
      - {id: A-PR-1, dimension: process, text: One}
      - {id: A-PR-2, dimension: process, weight: 2, text: Two}
      - {id: A-PE-1, dimension: people, text: Three}
  - id: beta
    name: Beta
    questions:
      - {id: B-PE-1, dimension: people, kind: control, text: Four}
  - id: gamma
    name: Gamma
    questions:
      - {id: G-PR-1, dimension: process, text: Five}
`

func fixture(consensus string) fstest.MapFS {
	return fstest.MapFS{
		"a/assessment.yaml": {Data: []byte(`id: tiny-1
organization: Test
date: 2026-11-02
questionnaire: tiny.yaml
targets: {default: 3, alpha: 4}
scoring: {consensus: ` + consensus + `, min_group: 1}
`)},
		"a/tiny.yaml": {Data: []byte(fixtureQuestionnaire)},
		"a/responses/r1.yaml": {Data: []byte(`questionnaire: tiny
respondent: {id: r1, role: agent, team: t1}
answers:
  A-PR-1: {documented: 4, actual: 2}
  A-PR-2: {documented: 3, actual: 3}
  A-PE-1: {documented: 2, actual: 1}
  B-PE-1: {documented: 5, actual: 1}
`)},
		"a/responses/r2.yaml": {Data: []byte(`questionnaire: tiny
respondent: {id: r2, role: lead, team: t1}
answers:
  A-PR-1: {documented: 4, actual: 4}
  A-PR-2: {documented: na, actual: na}
  A-PE-1: {documented: 3}
  B-PE-1: {documented: 4, actual: 4}
`)},
		"a/responses/r3.yaml": {Data: []byte(`questionnaire: tiny
respondent: {id: r3, role: agent, team: t2}
answers:
  A-PR-1: {documented: 2, actual: 0}
  A-PR-2: {documented: 3, actual: 1}
  A-PE-1: {documented: 3, actual: 2}
  B-PE-1: {documented: 3, actual: 2}
`)},
	}
}

func loadFixture(t *testing.T, fsys fstest.MapFS) *assess.Assessment {
	t.Helper()
	a, probs := assess.Load(assess.FromFS(fsys), "a")
	if err := probs.Err(); err != nil {
		t.Fatalf("fixture does not load:\n%v", err)
	}
	return a
}

func scoreFixture(t *testing.T, consensus string) *assess.Result {
	t.Helper()
	return assess.Score(loadFixture(t, fixture(consensus)), assess.ScoreOptions{ByRole: true})
}

func near(t *testing.T, what string, got assess.Num, want float64) {
	t.Helper()
	if !got.Valid {
		t.Errorf("%s = null, want %.10g", what, want)
		return
	}
	if math.Abs(got.Value-want) > 1e-12 {
		t.Errorf("%s = %.15g, want %.15g", what, got.Value, want)
	}
}

func null(t *testing.T, what string, got assess.Num) {
	t.Helper()
	if got.Valid {
		t.Errorf("%s = %v, want null", what, got.Value)
	}
}

func question(t *testing.T, r *assess.Result, id string) assess.QuestionScore {
	t.Helper()
	for _, q := range r.Questions {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("no question %s in the result", id)
	return assess.QuestionScore{}
}

func TestScoreMean(t *testing.T) {
	r := scoreFixture(t, "mean")

	// Questions: the mean of the numbers given; na drops both values of that answer.
	q := question(t, r, "A-PR-1")
	near(t, "A-PR-1 documented", q.Documented, 10.0/3) // (4+4+2)/3
	near(t, "A-PR-1 actual", q.Actual, 2)              // (2+4+0)/3
	near(t, "A-PR-1 drift", q.Drift, 4.0/3)
	if q.N != 3 || *q.MinActual != 0 || *q.MaxActual != 4 || !q.Disagreement { // n ≥ 3, spread 4 ≥ 3
		t.Errorf("A-PR-1 n/min/max/disagreement = %d/%d/%d/%v, want 3/0/4/true", q.N, *q.MinActual, *q.MaxActual, q.Disagreement)
	}
	q = question(t, r, "A-PR-2")
	near(t, "A-PR-2 documented", q.Documented, 3) // (3+3)/2, r2 is na
	near(t, "A-PR-2 actual", q.Actual, 2)         // (3+1)/2
	if q.N != 2 || q.Disagreement {               // spread 2 and only two answers
		t.Errorf("A-PR-2 n/disagreement = %d/%v, want 2/false", q.N, q.Disagreement)
	}
	q = question(t, r, "A-PE-1")
	near(t, "A-PE-1 documented", q.Documented, 8.0/3) // (2+3+3)/3
	near(t, "A-PE-1 actual", q.Actual, 1.5)           // (1+2)/2, r2's actual unknown
	if q.Kind != assess.Capability {
		t.Errorf("A-PE-1 kind = %s, want capability (people default)", q.Kind)
	}
	q = question(t, r, "B-PE-1")
	near(t, "B-PE-1 actual", q.Actual, 7.0/3)        // (1+4+2)/3
	if !q.Disagreement || q.Kind != assess.Control { // spread 3 ≥ 3; explicit kind
		t.Errorf("B-PE-1 disagreement/kind = %v/%s, want true/control", q.Disagreement, q.Kind)
	}
	q = question(t, r, "G-PR-1")
	null(t, "G-PR-1 documented", q.Documented)
	null(t, "G-PR-1 actual", q.Actual)
	if q.N != 0 || q.MinActual != nil || q.MaxActual != nil {
		t.Errorf("G-PR-1 has n/min/max without answers")
	}

	alpha, beta, gamma := r.Practice("alpha"), r.Practice("beta"), r.Practice("gamma")
	// alpha, weighted by question weight 1, 2, 1:
	// documented (10/3 + 2×3 + 8/3)/4 = 3; actual (2 + 2×2 + 1.5)/4 = 1.875
	near(t, "alpha documented", alpha.Documented, 3)
	near(t, "alpha actual", alpha.Actual, 1.875)
	near(t, "alpha drift", alpha.Drift, 1.125)
	// cells: process D (10/3 + 2×3)/3 = 28/9, A (2 + 2×2)/3 = 2; people D 8/3, A 1.5
	near(t, "alpha×process documented", alpha.Dimensions[0].Documented, 28.0/9)
	near(t, "alpha×process actual", alpha.Dimensions[0].Actual, 2)
	near(t, "alpha×people actual", alpha.Dimensions[1].Actual, 1.5)
	// level: floor of the weakest cell, people 1.5 → 1
	if *alpha.Level != 1 || *alpha.Label != "Initial" || alpha.Weakest != "people" {
		t.Errorf("alpha level = %d %s (weakest %s), want 1 Initial (people)", *alpha.Level, *alpha.Label, alpha.Weakest)
	}
	// control gap over A-PR-1 (10/3−2 = 4/3, w1) and A-PR-2 (3−2 = 1, w2): (4/3 + 2)/3 = 10/9
	near(t, "alpha control gap", alpha.ControlGap, 10.0/9)
	// capability gap over A-PE-1: target 4 − 1.5
	near(t, "alpha capability gap", alpha.CapabilityGap, 2.5)
	near(t, "alpha target gap", alpha.TargetGap, 4-1.875)
	// coverage: 7 numeric actuals / (3 respondents × 3 questions − 1 na)
	near(t, "alpha coverage", alpha.Coverage, 7.0/8)
	// teams: t1 = r1, r2: D (4 + 2×3 + 2.5)/4 = 3.125, A (3 + 2×3 + 1)/4 = 2.5; t2 = r3: D 11/4, A (0+2×1+2)/4 = 1
	near(t, "alpha t1 documented", alpha.Teams[0].Documented, 3.125)
	near(t, "alpha t1 actual", alpha.Teams[0].Actual, 2.5)
	near(t, "alpha t2 actual", alpha.Teams[1].Actual, 1)
	near(t, "alpha team spread", alpha.TeamSpread, 1.5)

	// beta: one people question; no process cell at all
	near(t, "beta actual", beta.Actual, 7.0/3)
	if len(beta.Dimensions) != 1 || beta.Dimensions[0].ID != "people" || *beta.Level != 2 {
		t.Errorf("beta cells %v level %d, want people only and level 2", beta.Dimensions, *beta.Level)
	}
	near(t, "beta control gap", beta.ControlGap, 4-7.0/3)
	null(t, "beta capability gap", beta.CapabilityGap) // no capability question
	near(t, "beta target gap", beta.TargetGap, 3-7.0/3)
	near(t, "beta coverage", beta.Coverage, 1)

	// gamma: nobody answered; null everywhere, coverage 0 of 3
	null(t, "gamma actual", gamma.Actual)
	null(t, "gamma target gap", gamma.TargetGap)
	null(t, "gamma control gap", gamma.ControlGap)
	near(t, "gamma coverage", gamma.Coverage, 0)
	if gamma.Level != nil || gamma.Label != nil {
		t.Errorf("gamma has a level without answers")
	}

	// dimensions, weighted by practice weight (alpha 2, beta 1), skipping gamma's empty cell:
	// process D 28/9, A 2; people D (2×8/3 + 4)/3 = 28/9, A (2×1.5 + 7/3)/3 = 16/9
	near(t, "process documented", r.Dimensions[0].Documented, 28.0/9)
	near(t, "process actual", r.Dimensions[0].Actual, 2)
	near(t, "people actual", r.Dimensions[1].Actual, 16.0/9)
	near(t, "people drift", r.Dimensions[1].Drift, 28.0/9-16.0/9)
	// targets: process from alpha alone (gamma has no score): 4; people (2×4 + 3)/3
	near(t, "process target", r.Dimensions[0].Target, 4)
	near(t, "people target", r.Dimensions[1].Target, 11.0/3)

	// overall: D (2×3 + 4)/3 = 10/3, A (2×1.875 + 7/3)/3 = 73/36 ≈ 2.03;
	// level: floor of the levels weighted by practice weight, alpha 1 (w2) and
	// beta 2 (w1), gamma unscored: (2×1 + 2)/3 = 4/3 → 1, though the actual
	// score is above 2 (the overall level never contradicts the practice levels);
	// coverage 10 numeric actuals / (3 × 5 − 1 na) = 5/7
	near(t, "overall documented", r.Overall.Documented, 10.0/3)
	near(t, "overall actual", r.Overall.Actual, 73.0/36)
	near(t, "overall drift", r.Overall.Drift, 10.0/3-73.0/36)
	near(t, "overall coverage", r.Overall.Coverage, 5.0/7)
	if *r.Overall.Level != 1 || *r.Overall.Label != "Initial" {
		t.Errorf("overall level = %d %s, want 1 Initial", *r.Overall.Level, *r.Overall.Label)
	}
	if r.Respondents != 3 || strings.Join(r.Teams, ",") != "t1,t2" || strings.Join(r.Roles, ",") != "agent,lead" {
		t.Errorf("respondents/teams/roles = %d %v %v", r.Respondents, r.Teams, r.Roles)
	}
	// roles: agent = r1, r3 on beta: A (1+2)/2
	near(t, "beta agent actual", beta.Roles[0].Actual, 1.5)
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "gamma") {
		t.Errorf("warnings = %q, want one about gamma", r.Warnings)
	}
}

func TestScoreMedian(t *testing.T) {
	r := scoreFixture(t, "median")
	near(t, "A-PR-1 documented", question(t, r, "A-PR-1").Documented, 4) // 2 4 4
	near(t, "A-PR-1 actual", question(t, r, "A-PR-1").Actual, 2)         // 0 2 4
	near(t, "A-PR-2 actual", question(t, r, "A-PR-2").Actual, 2)         // 1 3: mean of the middle two
	near(t, "A-PE-1 documented", question(t, r, "A-PE-1").Documented, 3) // 2 3 3
	near(t, "B-PE-1 actual", question(t, r, "B-PE-1").Actual, 2)         // 1 2 4
	// alpha actual (2 + 2×2 + 1.5)/4 = 1.875 again; beta 2
	near(t, "alpha actual", r.Practice("alpha").Actual, 1.875)
	near(t, "beta actual", r.Practice("beta").Actual, 2)
}

func TestScoreLowest(t *testing.T) {
	r := scoreFixture(t, "lowest")
	near(t, "A-PR-1 documented", question(t, r, "A-PR-1").Documented, 2)
	near(t, "A-PR-1 actual", question(t, r, "A-PR-1").Actual, 0)
	alpha := r.Practice("alpha")
	// D (2 + 2×3 + 2)/4 = 2.5; A (0 + 2×1 + 1)/4 = 0.75; process cell (0 + 2×1)/3 = 2/3 → level 0
	near(t, "alpha documented", alpha.Documented, 2.5)
	near(t, "alpha actual", alpha.Actual, 0.75)
	if *alpha.Level != 0 || alpha.Weakest != "process" {
		t.Errorf("alpha level %d weakest %s, want 0 process", *alpha.Level, alpha.Weakest)
	}
	near(t, "alpha control gap", alpha.ControlGap, 2)       // (2 + 2×2)/3
	near(t, "alpha capability gap", alpha.CapabilityGap, 3) // 4 − 1
}

func TestScoreLevelTolerance(t *testing.T) {
	fsys := fixture("mean")
	// three answers of 3, 3 and 2.9999999999-ish do not exist on an integer
	// scale, so check the floor directly through weights: 1/3 + 1/3 + 1/3 of 3
	// alpha's practice weight 0.1 and beta's 1 make the overall level's mean
	// (0.1×3 + 1×3)/1.1 = 2.9999999999999996 in float64: it must count as 3
	fsys["a/tiny.yaml"] = &fstest.MapFile{Data: []byte(strings.NewReplacer("weight: 2, text: Two", "weight: 0.1, text: Two",
		"name: Alpha\n    weight: 2\n", "name: Alpha\n    weight: 0.1\n").Replace(fixtureQuestionnaire))}
	for _, f := range []string{"a/responses/r1.yaml", "a/responses/r2.yaml", "a/responses/r3.yaml"} {
		fsys[f] = &fstest.MapFile{Data: []byte(strings.NewReplacer("actual: 0", "actual: 3", "actual: 1", "actual: 3", "actual: 2", "actual: 3", "actual: 4", "actual: 3").Replace(string(fsys[f].Data)))}
	}
	r := assess.Score(loadFixture(t, fsys), assess.ScoreOptions{})
	// every actual is 3; weights of 0.1 make sums like 0.30000000000000004 on the way
	if l := r.Practice("alpha").Level; l == nil || *l != 3 {
		t.Errorf("alpha level = %s, want 3", fmtLevel(l))
	}
	if l := r.Overall.Level; l == nil || *l != 3 {
		t.Errorf("overall level = %s, want 3", fmtLevel(l))
	}
}

// a team or role with fewer respondents than scoring.min_group is
// not shown on its own anywhere, yet its respondents count in every overall
// score; the result says how many groups were withheld and why.
//
// Teams: t1 = r1, r2 (2 respondents), t2 = r3 (1). Roles: agent = r1, r3 (2),
// lead = r2 (1).
func TestScoreMinGroup(t *testing.T) {
	withMinGroup := func(line string) *assess.Result {
		fsys := fixture("mean")
		fsys["a/assessment.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["a/assessment.yaml"].Data),
			"scoring: {consensus: mean, min_group: 1}", line, 1))}
		return assess.Score(loadFixture(t, fsys), assess.ScoreOptions{ByRole: true})
	}
	all := scoreFixture(t, "mean") // min_group: 1 shows every group
	cases := []struct {
		name, line           string
		teams, roles         string
		withheldT, withheldR int
		minGroup             int
	}{
		{"min_group 1 shows every group", "scoring: {consensus: mean, min_group: 1}", "t1,t2", "agent,lead", 0, 0, 1},
		{"min_group 2 withholds the groups of one", "scoring: {consensus: mean, min_group: 2}", "t1", "agent", 1, 1, 2},
		{"default 3 withholds every group here", "scoring: {consensus: mean}", "", "", 2, 2, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := withMinGroup(c.line)
			if strings.Join(r.Teams, ",") != c.teams || strings.Join(r.Roles, ",") != c.roles {
				t.Errorf("teams %v roles %v, want %q and %q", r.Teams, r.Roles, c.teams, c.roles)
			}
			if w := r.Withheld; w.Teams != c.withheldT || w.Roles != c.withheldR || w.MinGroup != c.minGroup {
				t.Errorf("withheld %+v, want teams %d roles %d min_group %d", w, c.withheldT, c.withheldR, c.minGroup)
			}
			// every overall, dimension, practice and question score is the same:
			// the withheld respondents still count
			near(t, "overall actual", r.Overall.Actual, 73.0/36)
			near(t, "alpha actual", r.Practice("alpha").Actual, 1.875)
			near(t, "people actual", r.Dimensions[1].Actual, 16.0/9)
			near(t, "B-PE-1 actual", question(t, r, "B-PE-1").Actual, 7.0/3)
			if r.Respondents != 3 {
				t.Errorf("respondents = %d, want 3", r.Respondents)
			}
			for _, p := range r.Practices {
				if len(p.Teams) != len(r.Teams) || len(p.Roles) != len(r.Roles) {
					t.Errorf("%s shows %d teams and %d roles, want %d and %d", p.ID, len(p.Teams), len(p.Roles), len(r.Teams), len(r.Roles))
				}
			}
			if len(r.TeamOverall) != len(r.Teams) {
				t.Errorf("team overall scores %v, want one per shown team", r.TeamOverall)
			}
			js := resultJSON(t, r)
			if !strings.Contains(js, fmt.Sprintf(`"withheld":{"teams":%d,"roles":%d,"min_group":%d}`, c.withheldT, c.withheldR, c.minGroup)) {
				t.Errorf("JSON lacks the withheld counts: %s", js)
			}
			warned := false
			for _, w := range r.Warnings {
				warned = warned || strings.Contains(w, "scoring.min_group")
			}
			if warned != (c.withheldT+c.withheldR > 0) {
				t.Errorf("warnings %q: want a min_group warning only when a group is withheld", r.Warnings)
			}
		})
	}
	// t1 alone: its scores are the same as with every group shown; the team
	// spread, over shown teams only, has no data with one team
	r := withMinGroup("scoring: {consensus: mean, min_group: 2}")
	near(t, "alpha t1 actual", r.Practice("alpha").Teams[0].Actual, 2.5)
	near(t, "alpha t1 actual, every group shown", all.Practice("alpha").Teams[0].Actual, 2.5)
	null(t, "alpha team spread over one shown team", r.Practice("alpha").TeamSpread)
	near(t, "agent on beta", r.Practice("beta").Roles[0].Actual, 1.5)
	if want := "2 teams and 2 roles with fewer than 3 respondents are not shown on their own (scoring.min_group: 3); their answers count in every overall score"; !slices.Contains(withMinGroup("scoring: {consensus: mean}").Warnings, want) {
		t.Errorf("warnings lack %q", want)
	}
}

func resultJSON(t *testing.T, r *assess.Result) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Shuffling respondents changes no number.
func TestScoreOrderIndependent(t *testing.T) {
	a := loadFixture(t, fixture("median"))
	want := resultJSON(t, assess.Score(a, assess.ScoreOptions{ByRole: true}))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		rng.Shuffle(len(a.Responses), func(i, j int) { a.Responses[i], a.Responses[j] = a.Responses[j], a.Responses[i] })
		if got := resultJSON(t, assess.Score(a, assess.ScoreOptions{ByRole: true})); got != want {
			t.Fatalf("shuffled respondents change the result:\n%s\n%s", got, want)
		}
	}
}

// A respondent who answers na everywhere changes no score.
func TestScoreNARespondentChangesNothing(t *testing.T) {
	for _, rule := range []string{"mean", "median", "lowest"} {
		fsys := fixture(rule)
		before := assess.Score(loadFixture(t, fsys), assess.ScoreOptions{})
		fsys["a/responses/r9.yaml"] = &fstest.MapFile{Data: []byte(`questionnaire: tiny
respondent: {id: r9, team: t1}
answers:
  A-PR-1: {documented: na, actual: na}
  A-PR-2: {documented: na, actual: na}
  A-PE-1: {documented: na, actual: na}
  B-PE-1: {documented: na, actual: na}
  G-PR-1: {documented: na, actual: na}
`)}
		after := assess.Score(loadFixture(t, fsys), assess.ScoreOptions{})
		after.Respondents = before.Respondents
		if got, want := resultJSON(t, after), resultJSON(t, before); got != want {
			t.Errorf("%s: an all-na respondent changes the result:\n%s\n%s", rule, got, want)
		}
	}
}

// Whatever the answers, every score stays inside the scale and every gap is
// at least 0.
func TestScoreWithinScale(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	ids := []string{"A-PR-1", "A-PR-2", "A-PE-1", "B-PE-1", "G-PR-1"}
	for _, rule := range []string{"mean", "median", "lowest"} {
		for round := range 20 {
			fsys := fixture(rule)
			for r := range 5 {
				var b strings.Builder
				b.WriteString("questionnaire: tiny\nrespondent: {id: x" + string(rune('a'+r)) + ", team: t" + string(rune('0'+r%2)) + "}\nanswers:\n")
				for _, id := range ids {
					b.WriteString("  " + id + ": {documented: " + randValue(rng) + ", actual: " + randValue(rng) + "}\n")
				}
				fsys["a/responses/x"+string(rune('a'+r))+".yaml"] = &fstest.MapFile{Data: []byte(b.String())}
			}
			res := assess.Score(loadFixture(t, fsys), assess.ScoreOptions{ByRole: true})
			check := func(what string, s assess.Num, lo float64) {
				if s.Valid && (s.Value < lo-1e-12 || s.Value > 5+1e-12 || math.IsNaN(s.Value)) {
					t.Errorf("%s round %d: %s = %v outside %v..5", rule, round, what, s.Value, lo)
				}
			}
			check("overall actual", res.Overall.Actual, 0)
			check("overall documented", res.Overall.Documented, 0)
			check("overall coverage", res.Overall.Coverage, 0)
			for _, p := range res.Practices {
				check(p.ID+" actual", p.Actual, 0)
				check(p.ID+" documented", p.Documented, 0)
				check(p.ID+" control gap", p.ControlGap, 0)
				check(p.ID+" capability gap", p.CapabilityGap, 0)
				check(p.ID+" target gap", p.TargetGap, 0)
				if p.Coverage.Valid && p.Coverage.Value > 1 {
					t.Errorf("%s coverage %v > 1", p.ID, p.Coverage.Value)
				}
				for _, c := range p.Dimensions {
					check(p.ID+"×"+c.ID, c.Actual, 0)
				}
			}
			for _, d := range res.Dimensions {
				check(d.ID, d.Actual, 0)
			}
		}
	}
}

func randValue(rng *rand.Rand) string {
	switch n := rng.IntN(8); n {
	case 6:
		return "na"
	case 7:
		return "" // unknown
	default:
		return string(rune('0' + n))
	}
}

// JSON writes null, never 0, where there is no data.
func TestScoreJSONNull(t *testing.T) {
	r := scoreFixture(t, "mean")
	b, _ := json.Marshal(r.Practice("gamma"))
	for _, want := range []string{`"actual":null`, `"documented":null`, `"level":null`, `"label":null`, `"target_gap":null`, `"coverage":0`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("gamma JSON lacks %s: %s", want, b)
		}
	}
}

func fmtLevel(l *int) string {
	if l == nil {
		return "null"
	}
	return strconv.Itoa(*l)
}

// TestCoverageCountsQuestionsPutToTheRole: coverage is measured against the
// questions put to each respondent's role, and a question answered anyway
// counts as usual.
//
//	questionnaire: Q-1 (audience agent), Q-2 (no audience: everyone), Q-3 (audience manager)
//	audience table: desk → agent, boss → manager; "visitor" is not mapped: every question
//	r1 desk:    Q-1 3/2, Q-2 3/3           put to: asked 2, numeric 2
//	r2 boss:    Q-2 2/1, Q-3 na, Q-1 4/4   put to; Q-1 answered anyway: asked 3, na 1, numeric 2
//	r3 visitor: Q-2 3/-                    put to all three: asked 3, numeric 0
//	overall coverage = (2 + 2 + 0) / (2 + 3 + 3 − 1) = 4/7
//	(without audiences it would be 4 / (3·3 − 1) = 4/8)
func TestCoverageCountsQuestionsPutToTheRole(t *testing.T) {
	fsys := fstest.MapFS{
		"a/assessment.yaml": {Data: []byte("id: aud\norganization: Test\ndate: 2026-11-02\nquestionnaire: q.yaml\naudience: {desk: agent, boss: manager}\n")},
		"a/q.yaml": {Data: []byte(`kind: questionnaire
id: q
version: 1.0.0
title: Audience
scale: {min: 0, max: 5, labels: {0: a, 1: b, 2: c, 3: d, 4: e, 5: f}}
dimensions: [{id: process, name: Process}]
roles: [{id: agent, name: Agent}, {id: manager, name: Manager}]
practices:
  - id: p
    name: P
    questions:
      - {id: Q-1, dimension: process, audience: [agent], text: One}
      - {id: Q-2, dimension: process, text: Two}
      - {id: Q-3, dimension: process, audience: [manager], text: Three}
`)},
		"a/responses/r1.yaml": {Data: []byte("questionnaire: q\nrespondent: {id: r1, role: desk}\nanswers:\n  Q-1: {documented: 3, actual: 2}\n  Q-2: {documented: 3, actual: 3}\n")},
		"a/responses/r2.yaml": {Data: []byte("questionnaire: q\nrespondent: {id: r2, role: boss}\nanswers:\n  Q-2: {documented: 2, actual: 1}\n  Q-3: {documented: na, actual: na}\n  Q-1: {documented: 4, actual: 4}\n")},
		"a/responses/r3.yaml": {Data: []byte("questionnaire: q\nrespondent: {id: r3, role: visitor}\nanswers:\n  Q-2: {documented: 3}\n")},
	}
	res := assess.Score(loadFixture(t, fsys), assess.ScoreOptions{})
	near(t, "overall coverage", res.Overall.Coverage, 4.0/7)
	near(t, "practice coverage", res.Practices[0].Coverage, 4.0/7)
	near(t, "Q-1 actual (r1 2, r2 4 although not asked)", res.Questions[0].Actual, 3)
}
