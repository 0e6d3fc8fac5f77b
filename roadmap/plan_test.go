package roadmap_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// Plan tests: one test per rule, each on a tiny assessment
// whose practice scores are set through the answers (see fixture in
// outcomes_test.go). Practice priority = Σ pain point priorities +
// target_gap × weight; every practice here has weight 1.

type bl = roadmap.BacklogItem

var phaseOrder = map[string]int{assess.Stabilize: 0, assess.Standardize: 1, assess.Optimize: 2}

func phaseOf(t *testing.T, rm *roadmap.Roadmap, id string) roadmap.Phase {
	t.Helper()
	for _, ph := range rm.Phases {
		if ph.ID == id {
			return ph
		}
	}
	t.Fatalf("no phase %s in %v", id, rm.Phases)
	return roadmap.Phase{}
}

// wantPhases checks which practices each phase holds, in order.
func wantPhases(t *testing.T, rm *roadmap.Roadmap, stabilize, standardize, optimize []string) {
	t.Helper()
	for i, want := range [][]string{stabilize, standardize, optimize} {
		ph := phaseOf(t, rm, assess.PhaseIDs[i])
		if want == nil {
			want = []string{}
		}
		if !reflect.DeepEqual(ph.Practices, want) {
			t.Errorf("%s practices = %v, want %v", ph.ID, ph.Practices, want)
		}
		var got []string
		for _, ini := range ph.Initiatives {
			got = append(got, ini.Practice)
		}
		if !reflect.DeepEqual(nonNil(got), want) {
			t.Errorf("%s initiatives are for %v, want %v", ph.ID, got, want)
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// wantBacklog checks the backlog as a set. A wanted reason ending in "…"
// matches any reason that starts with the text before it.
func wantBacklog(t *testing.T, rm *roadmap.Roadmap, want ...bl) {
	t.Helper()
	order := func(s []bl) []bl {
		out := slices.Clone(s)
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Phase != out[j].Phase {
				return phaseOrder[out[i].Phase] < phaseOrder[out[j].Phase]
			}
			return out[i].Practice < out[j].Practice
		})
		return out
	}
	got, exp := order(rm.Backlog), order(want)
	ok := len(got) == len(exp)
	for i := 0; ok && i < len(got); i++ {
		g, w := got[i], exp[i]
		if g.Practice != w.Practice || g.Phase != w.Phase {
			ok = false
		} else if prefix, cut := strings.CutSuffix(w.Reason, "…"); cut {
			ok = strings.HasPrefix(g.Reason, prefix)
		} else {
			ok = g.Reason == w.Reason
		}
	}
	if !ok {
		t.Errorf("backlog\n got %s\nwant %s", fmtBacklog(got), fmtBacklog(exp))
	}
}

func fmtBacklog(items []bl) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString("\n  " + it.Phase + " " + it.Practice + ": " + it.Reason)
	}
	if b.Len() == 0 {
		return "(empty)"
	}
	return b.String()
}

func initiative(t *testing.T, rm *roadmap.Roadmap, phase, practice string) roadmap.Initiative {
	t.Helper()
	for _, ini := range phaseOf(t, rm, phase).Initiatives {
		if ini.Practice == practice {
			return ini
		}
	}
	t.Fatalf("no %s initiative for %s", phase, practice)
	return roadmap.Initiative{}
}

// sane checks what every plan must satisfy, whatever the input: three
// phases in order, never more practices than the capacity, initiatives
// matching the phase's practices, unique ids, no nil lists, and JSON that
// encodes.
func sane(t *testing.T, rm *roadmap.Roadmap, capacity int) {
	t.Helper()
	if rm == nil {
		t.Fatal("nil plan")
	}
	if len(rm.Phases) != 3 {
		t.Fatalf("%d phases, want 3", len(rm.Phases))
	}
	ids := map[string]bool{}
	for i, ph := range rm.Phases {
		if ph.ID != assess.PhaseIDs[i] {
			t.Errorf("phase %d is %s, want %s", i, ph.ID, assess.PhaseIDs[i])
		}
		if len(ph.Practices) > capacity {
			t.Errorf("%s holds %d practices, capacity %d", ph.ID, len(ph.Practices), capacity)
		}
		if ph.Practices == nil || ph.Initiatives == nil || ph.Adoption == nil || ph.ExitCriteria == nil {
			t.Errorf("%s has a nil list", ph.ID)
		}
		if len(ph.Initiatives) != len(ph.Practices) {
			t.Errorf("%s: %d initiatives for %d practices", ph.ID, len(ph.Initiatives), len(ph.Practices))
		}
		if ph.Start.IsZero() || ph.End.Before(ph.Start.Time) {
			t.Errorf("%s runs %s to %s", ph.ID, ph.Start, ph.End)
		}
		if i > 0 && !rm.Phases[i-1].End.AddDate(0, 0, 1).Equal(ph.Start.Time) {
			t.Errorf("%s starts %s, not the day after %s ends (%s)", ph.ID, ph.Start, rm.Phases[i-1].ID, rm.Phases[i-1].End)
		}
		for _, ini := range ph.Initiatives {
			if ids[ini.ID] {
				t.Errorf("initiative id %s used twice", ini.ID)
			}
			ids[ini.ID] = true
			if ini.Phase != ph.ID || ini.Title == "" || (ini.Fix != roadmap.Formal && ini.Fix != roadmap.Lightweight) {
				t.Errorf("initiative %+v: phase, title or fix wrong", ini)
			}
			if ini.Outcomes == nil || ini.DependsOn == nil {
				t.Errorf("initiative %s has a nil list", ini.ID)
			}
			if ini.ToLevel < ini.FromLevel {
				t.Errorf("initiative %s goes down from %d to %d", ini.ID, ini.FromLevel, ini.ToLevel)
			}
		}
		for _, b := range rm.Backlog {
			if b.Phase == ph.ID && slices.Contains(ph.Practices, b.Practice) {
				t.Errorf("%s is both scheduled and in the backlog of %s", b.Practice, ph.ID)
			}
		}
	}
	for _, b := range rm.Backlog {
		if b.Reason == "" {
			t.Errorf("backlog item %+v has no reason", b)
		}
	}
	if rm.Backlog == nil || rm.Readiness == nil || rm.Rollout.Reasons == nil {
		t.Error("plan has a nil list")
	}
	if rm.Rollout.Mode != roadmap.Broad && rm.Rollout.Mode != roadmap.Incremental {
		t.Errorf("rollout mode %q", rm.Rollout.Mode)
	}
	if rm.Rollout.Mode == roadmap.Incremental && len(rm.Rollout.Reasons) == 0 {
		t.Error("incremental rollout without a reason")
	}
	toJSON(t, rm)
}

func capacity(plan string) string { return "plan: {capacity: " + plan + "}" }

// stabilize when level < min(2, target) or control gap ≥ 1.0;
// standardize when actual < min(3, target); optimize when target ≥ 4 and
// actual < target. Capacity 20, so only the needs decide.
//
//	practice  answers            target  actual  level  ctrl gap  gap  needs
//	lvl       1/1                3       1       1      0         2    S T
//	ctl       4/3                3       3       3      1.0       0    S          (control gap exactly 1.0)
//	cg-half   4/3, 3/3           3       3       3      0.5       0    —          (control gap below 1.0)
//	std       2/2, 3/3           3       2.5     2      0         0.5  T
//	opt       3/3                4       3       3      0         1    O
//	opt5      4/4                5       4       4      0         1    O          (4 ≥ min(3,5): no T)
//	low       0/0                1       0       0      0         1    S T        (min(2,1) = min(3,1) = 1)
//	t2        2/2                2       2       2      0         0    —
//	both      2/2                4       2       2      0         2    T O
//	weak      3/3, people 1/1    3       2       1      0         1    S T        (people caps the level)
//	done      3/3                3       3       3      0         0    —
//	top       5/5                3       5       5      0         0    —          (above target)
func TestPlanNeeds(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "lvl"}, {id: "ctl"}, {id: "cg-half", dims: []string{"process", "process"}},
			{id: "std", dims: []string{"process", "process"}}, {id: "opt"}, {id: "opt5"}, {id: "low"}, {id: "t2"},
			{id: "both"}, {id: "weak", dims: []string{"process", "people"}}, {id: "done"}, {id: "top"}},
		settings: "targets: {default: 3, opt: 4, opt5: 5, low: 1, t2: 2, both: 4}\n" + capacity("20"),
		responses: one(map[string]string{
			"lvl-1": "1/1", "ctl-1": "4/3", "cg-half-1": "4/3", "cg-half-2": "3/3", "std-1": "2/2", "std-2": "3/3",
			"opt-1": "3/3", "opt5-1": "4/4", "low-1": "0/0", "t2-1": "2/2", "both-1": "2/2",
			"weak-1": "3/3", "weak-2": "1/1", "done-1": "3/3", "top-1": "5/5",
		}),
	}
	x := f.run(t, roadmap.PlanOptions{})
	// the fixture is what the table says
	for _, c := range []struct {
		id            string
		actual, ctl   float64
		level         int
		weakDimension string
	}{{"ctl", 3, 1, 3, "process"}, {"cg-half", 3, 0.5, 3, "process"}, {"std", 2.5, 0, 2, "process"}, {"weak", 2, 0, 1, "people"}} {
		ps := x.r.Practice(c.id)
		if !ps.Actual.Valid || ps.Actual.Value != c.actual || ps.ControlGap.Value != c.ctl || *ps.Level != c.level || ps.Weakest != c.weakDimension {
			t.Fatalf("fixture: %s actual %v control gap %v level %d weakest %s; want %v %v %d %s",
				c.id, ps.Actual.Value, ps.ControlGap.Value, *ps.Level, ps.Weakest, c.actual, c.ctl, c.level, c.weakDimension)
		}
	}
	sane(t, x.plan, 20)
	// priorities (= target gaps): lvl 2, both 2, low 1, weak 1, opt 1, opt5 1, std 0.5, ctl 0; ties by id
	wantPhases(t, x.plan,
		[]string{"lvl", "low", "weak", "ctl"},
		[]string{"both", "lvl", "low", "weak", "std"},
		[]string{"both", "opt", "opt5"})
	wantBacklog(t, x.plan)
}

// at most capacity practices per phase, filled by priority (ties by
// id); the rest waits in the backlog with its phase and the reason. The
// capacity comes from plan.capacity (default 3) unless PlanOptions overrides it.
//
// a..e all answer 1/1 with target 3 (stabilize and standardize, gap 2).
// d carries a pain point 5×5×(1+2/5)/1 = 35 → priority 37; c one of
// 1×1×1.4/5 = 0.28 → 2.28; a, b and e stay at 2 and go by id.
func TestPlanCapacityAndPriority(t *testing.T) {
	base := fixture{
		practices: []prac{{id: "a"}, {id: "b"}, {id: "c"}, {id: "d"}, {id: "e"}},
		responses: one(map[string]string{"a-1": "1/1", "b-1": "1/1", "c-1": "1/1", "d-1": "1/1", "e-1": "1/1"}),
		painpoints: `  - {id: hurt, title: Hurt, practices: [d], impact: 5, frequency: 5, effort: 1}
  - {id: minor, title: Minor, practices: [c], impact: 1, frequency: 1, effort: 5}
`,
	}
	cases := []struct {
		name     string
		settings string
		opts     roadmap.PlanOptions
		capacity int
		want     []string
	}{
		{"plan.capacity 2", capacity("2"), roadmap.PlanOptions{}, 2, []string{"d", "c"}},
		{"default capacity 3", "", roadmap.PlanOptions{}, 3, []string{"d", "c", "a"}},
		{"PlanOptions.Capacity 4 overrides plan.capacity 2", capacity("2"), roadmap.PlanOptions{Capacity: 4}, 4, []string{"d", "c", "a", "b"}},
		{"PlanOptions.Capacity 1", capacity("2"), roadmap.PlanOptions{Capacity: 1}, 1, []string{"d"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := base
			f.settings = c.settings
			x := f.run(t, c.opts)
			sane(t, x.plan, c.capacity)
			wantPhases(t, x.plan, c.want, c.want, nil)
			var want []bl
			word := "practices"
			if c.capacity == 1 {
				word = "practice"
			}
			for _, id := range []string{"a", "b", "c", "d", "e"} {
				if !slices.Contains(c.want, id) {
					want = append(want,
						bl{Practice: id, Phase: assess.Stabilize, Reason: "capacity: stabilize already holds " + string(rune('0'+c.capacity)) + " " + word},
						bl{Practice: id, Phase: assess.Standardize, Reason: "waits for its stabilize"})
				}
			}
			wantBacklog(t, x.plan, want...)
		})
	}
}

// practice priority = sum of the priorities of its pain points +
// target_gap × weight. Every practice answers 2/2 (level 2, actual 2, target 3,
// gap 1): standardize only. Capacity 3.
//
//	practice  weight  pain points (G = 1, factor 1.2)            priority
//	sum       1       s1 1×2/1 = 2.4, s2 1×2/1 = 2.4              1 + 4.8 = 5.8
//	heavy     3       —                                            1 × 3   = 3
//	single    1       one 1×2/2 = 1.2                              1 + 1.2 = 2.2
//	light     1       —                                            1
//
// Without the weight heavy would fall behind single; without the pain points
// sum would tie with light.
func TestPlanPracticePriority(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "heavy", weight: 3}, {id: "light"}, {id: "single"}, {id: "sum"}},
		responses: one(map[string]string{"heavy-1": "2/2", "light-1": "2/2", "single-1": "2/2", "sum-1": "2/2"}),
		painpoints: `  - {id: s1, title: S1, practices: [sum], impact: 1, frequency: 2, effort: 1}
  - {id: s2, title: S2, practices: [sum], impact: 1, frequency: 2, effort: 1}
  - {id: one, title: One, practices: [single], impact: 1, frequency: 2, effort: 2}
`,
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 3)
	wantPhases(t, x.plan, nil, []string{"sum", "heavy", "single"}, nil)
	wantBacklog(t, x.plan, bl{"light", assess.Standardize, "capacity: standardize already holds 3 practices"})
	if got := initiative(t, x.plan, assess.Standardize, "sum").Outcomes; !reflect.DeepEqual(got, []string{"s1", "s2"}) {
		t.Errorf("sum serves %v, want [s1 s2]", got)
	}
}

// a practice's later initiatives wait while an earlier one of its
// own waits. Capacity 1.
//
//	a 1/1 target 4: S T O, gap 3    b 1/1 target 3: S T, gap 2    c 2/2 target 4: T O, gap 2
//
// stabilize: a; b waits (capacity). standardize: a; b waits for its
// stabilize; c waits (capacity). optimize: a; c waits for its standardize.
func TestPlanWaitsForItsStabilize(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a"}, {id: "b"}, {id: "c"}},
		settings:  "targets: {default: 3, a: 4, c: 4}\n" + capacity("1"),
		responses: one(map[string]string{"a-1": "1/1", "b-1": "1/1", "c-1": "2/2"}),
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 1)
	wantPhases(t, x.plan, []string{"a"}, []string{"a"}, []string{"a"})
	wantBacklog(t, x.plan,
		bl{"b", assess.Stabilize, "capacity: stabilize already holds 1 practice"},
		bl{"b", assess.Standardize, "waits for its stabilize"},
		bl{"c", assess.Standardize, "capacity: standardize already holds 1 practice"},
		bl{"c", assess.Optimize, "waits for its standardize"})
}

// when p depends on q, choosing p brings q's initiative of the same
// phase along, within the capacity; otherwise p waits ("waits for q").
//
// p, q, r all answer 1/1 (stabilize and standardize). p depends on q.
// Priorities: p 25×1.4 + 2 = 37, r 9×1.4 + 2 = 14.6, q 2.
func TestPlanDependencyBroughtAlong(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "p", deps: []string{"q"}}, {id: "q"}, {id: "r"}},
		responses: one(map[string]string{"p-1": "1/1", "q-1": "1/1", "r-1": "1/1"}),
		painpoints: `  - {id: pp1, title: P hurts, practices: [p], impact: 5, frequency: 5, effort: 1}
  - {id: pp2, title: R hurts, practices: [r], impact: 3, frequency: 3, effort: 1}
`,
	}
	t.Run("capacity 2: p brings q, r waits although it outranks q", func(t *testing.T) {
		f := f
		f.settings = capacity("2")
		x := f.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 2)
		wantPhases(t, x.plan, []string{"q", "p"}, []string{"q", "p"}, nil)
		wantBacklog(t, x.plan,
			bl{"r", assess.Stabilize, "capacity: stabilize already holds 2 practices"},
			bl{"r", assess.Standardize, "waits for its stabilize"})
		sq, sp := initiative(t, x.plan, assess.Stabilize, "q"), initiative(t, x.plan, assess.Stabilize, "p")
		if !slices.Contains(sp.DependsOn, sq.ID) {
			t.Errorf("p's stabilize depends on %v, want it to include q's %s", sp.DependsOn, sq.ID)
		}
		if len(sq.DependsOn) != 0 {
			t.Errorf("q's stabilize depends on %v, want nothing", sq.DependsOn)
		}
		tq, tp := initiative(t, x.plan, assess.Standardize, "q"), initiative(t, x.plan, assess.Standardize, "p")
		if !slices.Contains(tp.DependsOn, tq.ID) || !slices.Contains(tp.DependsOn, sp.ID) {
			t.Errorf("p's standardize depends on %v, want q's %s and its own stabilize %s", tp.DependsOn, tq.ID, sp.ID)
		}
		if !reflect.DeepEqual(sp.Outcomes, []string{"pp1"}) || len(sq.Outcomes) != 0 {
			t.Errorf("outcomes served: p %v, q %v; want [pp1] and none", sp.Outcomes, sq.Outcomes)
		}
	})
	t.Run("capacity 1: p and q do not fit together, p waits for q", func(t *testing.T) {
		f := f
		f.settings = capacity("1")
		x := f.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 1)
		// stabilize by priority: p (needs q too: 2 > 1, waits), r fits, q finds the phase full
		wantPhases(t, x.plan, []string{"r"}, []string{"r"}, nil)
		wantBacklog(t, x.plan,
			bl{"p", assess.Stabilize, "waits for q…"},
			bl{"q", assess.Stabilize, "capacity: stabilize already holds 1 practice"},
			bl{"p", assess.Standardize, "waits for its stabilize"},
			bl{"q", assess.Standardize, "waits for its stabilize"})
	})
}

// p's initiative of a phase is scheduled only if every initiative q
// needs in that phase or an earlier one is scheduled; otherwise "waits for q".
//
// z1, z2 answer 5/3 (level 3, control gap 2: stabilize only) and carry pain
// points of 25 each, so with capacity 2 they fill stabilize and q's
// stabilize waits (capacity). p depends on q and answers 2/2 (standardize
// only, priority 1). Standardize has room, but p waits for q, whether q
// needs a standardize of its own (1/1) or not (5/3: stabilize only).
func TestPlanDependencyWaitsForEarlierPhase(t *testing.T) {
	for _, c := range []struct {
		name, q string
		backlog []bl
	}{
		{"q needs stabilize and standardize", "1/1", []bl{
			{"q", assess.Stabilize, "capacity: stabilize already holds 2 practices"},
			{"q", assess.Standardize, "waits for its stabilize"},
			{"p", assess.Standardize, "waits for q"}}},
		{"q needs stabilize only", "5/3", []bl{
			{"q", assess.Stabilize, "capacity: stabilize already holds 2 practices"},
			{"p", assess.Standardize, "waits for q"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := fixture{
				practices: []prac{{id: "z1"}, {id: "z2"}, {id: "q"}, {id: "p", deps: []string{"q"}}},
				settings:  capacity("2"),
				responses: one(map[string]string{"z1-1": "5/3", "z2-1": "5/3", "q-1": c.q, "p-1": "2/2"}),
				painpoints: `  - {id: h1, title: H1, practices: [z1], impact: 5, frequency: 5, effort: 1}
  - {id: h2, title: H2, practices: [z2], impact: 5, frequency: 5, effort: 1}
`,
			}
			x := f.run(t, roadmap.PlanOptions{})
			sane(t, x.plan, 2)
			wantPhases(t, x.plan, []string{"z1", "z2"}, nil, nil)
			wantBacklog(t, x.plan, c.backlog...)
		})
	}
}

// never automate a broken process. An optimize initiative for a
// practice whose control gap is at least 0.5 is scheduled only if the plan
// also schedules a stabilize or standardize initiative for it.
//
// All targets 4, capacity 10.
//
//	half   4/3, 3/3        actual 3, ctrl 0.5, level 3: O only   → waits: control gap
//	fixed  5/3             actual 3, ctrl 2,   level 3: S O      → both scheduled
//	mixed  3/2, 2/2        actual 2, ctrl 0.5, level 2: T O      → both scheduled
//	clean  3/3             actual 3, ctrl 0:            O        → scheduled
//	near   4/3, 3/3, 3/3   actual 3, ctrl 1/3:          O        → scheduled (below 0.5)
func TestPlanNeverAutomateBrokenProcess(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "half", dims: []string{"process", "process"}}, {id: "fixed"},
			{id: "mixed", dims: []string{"process", "process"}}, {id: "clean"},
			{id: "near", dims: []string{"process", "process", "process"}}},
		settings: "targets: {default: 4}\n" + capacity("10"),
		responses: one(map[string]string{"half-1": "4/3", "half-2": "3/3", "fixed-1": "5/3", "mixed-1": "3/2", "mixed-2": "2/2",
			"clean-1": "3/3", "near-1": "4/3", "near-2": "3/3", "near-3": "3/3"}),
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 10)
	wantPhases(t, x.plan, []string{"fixed"}, []string{"mixed"}, []string{"mixed", "clean", "fixed", "near"})
	wantBacklog(t, x.plan, bl{"half", assess.Optimize, "control gap: standardize first"})
}

// stabilize aims at min(2, target), standardize at min(3, target),
// optimize at the target; from_level is the current level or the level the
// previous scheduled initiative reached; to_level = max(aim, from_level).
func TestPlanLevels(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a"}, {id: "b"}, {id: "c"}, {id: "d"}, {id: "e"},
			{id: "f", dims: []string{"process", "people"}}, {id: "g"}, {id: "h"}},
		settings: "targets: {default: 3, a: 4, c: 4, d: 1, g: 5}\n" + capacity("10"),
		responses: one(map[string]string{"a-1": "1/1", "b-1": "5/3", "c-1": "5/3", "d-1": "0/0", "e-1": "2/2",
			"f-1": "4/4", "f-2": "1/1", "g-1": "3/3", "h-1": "5/4"}),
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 10)
	type lv struct{ from, to int }
	want := map[string]map[string]lv{
		// a: level 1, target 4: 1→2, 2→3, 3→4
		"a": {assess.Stabilize: {1, 2}, assess.Standardize: {2, 3}, assess.Optimize: {3, 4}},
		// b: level 3 with a control gap of 2: the stabilize keeps level 3
		"b": {assess.Stabilize: {3, 3}},
		// c: the same at target 4; optimize starts from 3
		"c": {assess.Stabilize: {3, 3}, assess.Optimize: {3, 4}},
		// d: target 1: stabilize aims at min(2,1) = 1, standardize at min(3,1) = 1
		"d": {assess.Stabilize: {0, 1}, assess.Standardize: {1, 1}},
		// e: level 2: standardize only
		"e": {assess.Standardize: {2, 3}},
		// f: actual 2.5 but the people cell (1) caps the level at 1
		"f": {assess.Stabilize: {1, 2}, assess.Standardize: {2, 3}},
		// g: optimize straight to target 5
		"g": {assess.Optimize: {3, 5}},
		// h: level 4 above target 3 with a control gap of 1: stays at 4
		"h": {assess.Stabilize: {4, 4}},
	}
	got := map[string]map[string]lv{}
	for _, ph := range x.plan.Phases {
		for _, ini := range ph.Initiatives {
			if got[ini.Practice] == nil {
				got[ini.Practice] = map[string]lv{}
			}
			got[ini.Practice][ph.ID] = lv{ini.FromLevel, ini.ToLevel}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("levels (practice → phase → from, to)\n got %v\nwant %v", got, want)
	}
	if d := initiative(t, x.plan, assess.Stabilize, "f").Dimension; d != "people" {
		t.Errorf("f's weakest dimension = %q, want people", d)
	}
	wantBacklog(t, x.plan)
}

// fix is formal when the team spread of the practice is at least
// 1.5, or a linked pain point has impact ≥ 4 and frequency ≥ 4, or actual <
// 1.5; else lightweight. Two respondents in teams t1 and t2.
//
//	practice  t1 (r1)    t2 (r2)    actual  team spread  pain points      fix
//	spread    4/4, 4/4   3/3, 2/2   3.25    1.5          —                formal (spread)
//	narrow    4/4        3/3        3.5     1.0          —                lightweight
//	hurt      2/2        2/2        2       0            4×4              formal (pain point)
//	mild      2/2        2/2        2       0            5×3 and 3×5      lightweight
//	weak      1/1        1/1        1       0            —                formal (actual < 1.5)
//	edge      2/2        1/1        1.5     1.0          —                lightweight (1.5 is not < 1.5)
func TestPlanFixType(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "spread", dims: []string{"process", "process"}}, {id: "narrow"}, {id: "hurt"},
			{id: "mild"}, {id: "weak"}, {id: "edge"}},
		settings: "targets: {default: 3, spread: 4, narrow: 4}\n" + capacity("10"),
		responses: []resp{
			{id: "r1", team: "t1", role: "agent", answers: map[string]string{"spread-1": "4/4", "spread-2": "4/4", "narrow-1": "4/4",
				"hurt-1": "2/2", "mild-1": "2/2", "weak-1": "1/1", "edge-1": "2/2"}},
			{id: "r2", team: "t2", role: "lead", answers: map[string]string{"spread-1": "3/3", "spread-2": "2/2", "narrow-1": "3/3",
				"hurt-1": "2/2", "mild-1": "2/2", "weak-1": "1/1", "edge-1": "1/1"}},
		},
		painpoints: `  - {id: big, title: Big, practices: [hurt], impact: 4, frequency: 4, effort: 5}
  - {id: wide, title: Wide, practices: [mild], impact: 5, frequency: 3, effort: 5}
  - {id: often, title: Often, practices: [mild], impact: 3, frequency: 5, effort: 5}
`,
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 10)
	if s := x.r.Practice("spread").TeamSpread; !s.Valid || s.Value != 1.5 {
		t.Fatalf("fixture: spread's team spread = %v, want 1.5", s)
	}
	want := map[string]string{
		"spread": roadmap.Formal, "narrow": roadmap.Lightweight, "hurt": roadmap.Formal,
		"mild": roadmap.Lightweight, "weak": roadmap.Formal, "edge": roadmap.Lightweight,
	}
	seen := map[string]bool{}
	for _, ph := range x.plan.Phases {
		for _, ini := range ph.Initiatives {
			seen[ini.Practice] = true
			if ini.Fix != want[ini.Practice] {
				t.Errorf("%s %s: fix %s, want %s", ph.ID, ini.Practice, ini.Fix, want[ini.Practice])
			}
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("%s has no initiative", id)
		}
	}

	// The team spread counts shown teams only: with scoring.min_group 2 both
	// teams of one are withheld, spread has no team spread, and its fix is
	// lightweight (actual (3.5 + 3)/2 = 3.25, no pain point).
	f.settings += "\nscoring: {min_group: 2}"
	x = f.run(t, roadmap.PlanOptions{})
	if s := x.r.Practice("spread").TeamSpread; s.Valid {
		t.Errorf("team spread over withheld teams = %v, want none", s.Value)
	}
	if ini := initiative(t, x.plan, assess.Optimize, "spread"); ini.Fix != roadmap.Lightweight {
		t.Errorf("spread with its teams withheld: fix %s, want lightweight", ini.Fix)
	}
}

// stabilize starts on plan.start (default: the first day of the
// month after the assessment date) and lasts plan.months.stabilize months
// (defaults 3, 6, 6); each phase ends the day before the next one starts.
func TestPlanDates(t *testing.T) {
	cases := []struct {
		name, date, settings string
		start                string // PlanOptions.Start
		want                 [3][2]string
	}{
		{"default start and months", "2026-11-02", "", "",
			[3][2]string{{"2026-12-01", "2027-02-28"}, {"2027-03-01", "2027-08-31"}, {"2027-09-01", "2028-02-29"}}},
		{"default start across the year end", "2026-12-15", "", "",
			[3][2]string{{"2027-01-01", "2027-03-31"}, {"2027-04-01", "2027-09-30"}, {"2027-10-01", "2028-03-31"}}},
		{"plan.start", "2026-11-02", "plan: {start: 2027-01-04}", "",
			[3][2]string{{"2027-01-04", "2027-04-03"}, {"2027-04-04", "2027-10-03"}, {"2027-10-04", "2028-04-03"}}},
		{"plan.months", "2026-11-02", "plan: {months: {stabilize: 2, standardize: 4, optimize: 1}}", "",
			[3][2]string{{"2026-12-01", "2027-01-31"}, {"2027-02-01", "2027-05-31"}, {"2027-06-01", "2027-06-30"}}},
		{"plan.months in part", "2026-11-02", "plan: {months: {standardize: 1}}", "",
			[3][2]string{{"2026-12-01", "2027-02-28"}, {"2027-03-01", "2027-03-31"}, {"2027-04-01", "2027-09-30"}}},
		{"--start overrides plan.start", "2026-11-02", "plan: {start: 2027-01-04, months: {stabilize: 2, standardize: 4, optimize: 1}}", "2027-02-01",
			[3][2]string{{"2027-02-01", "2027-03-31"}, {"2027-04-01", "2027-07-31"}, {"2027-08-01", "2027-08-31"}}},
		{"--start without plan.start", "2026-11-02", "", "2027-05-17",
			[3][2]string{{"2027-05-17", "2027-08-16"}, {"2027-08-17", "2028-02-16"}, {"2028-02-17", "2028-08-16"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fixture{
				practices: []prac{{id: "a"}},
				date:      c.date,
				settings:  "targets: {default: 4}\n" + c.settings,
				responses: one(map[string]string{"a-1": "1/1"}),
			}
			var opts roadmap.PlanOptions
			if c.start != "" {
				d, err := assess.ParseDate(c.start)
				if err != nil {
					t.Fatal(err)
				}
				opts.Start = d
			}
			x := f.run(t, opts)
			sane(t, x.plan, 3)
			for i, ph := range x.plan.Phases {
				if got := [2]string{ph.Start.String(), ph.End.String()}; got != c.want[i] {
					t.Errorf("%s runs %v, want %v", ph.ID, got, c.want[i])
				}
			}
			var doc struct {
				Phases []struct{ Start, End string }
			}
			if err := json.Unmarshal([]byte(toJSON(t, x.plan)), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Phases[0].Start != c.want[0][0] || doc.Phases[2].End != c.want[2][1] {
				t.Errorf("JSON dates %v, want YYYY-MM-DD strings %v", doc.Phases, c.want)
			}
		})
	}
}

// each phase's exit criteria are the levels its practices must reach
// and the metric targets of the outcomes whose last initiative ends in it.
//
//	a 1/1 (S: level 2, T: level 3)   b 5/3 (S only, stays at level 3)   c 3/3 (nothing)
//
//	outcome  practices  target        last initiative
//	pa       a          mttr 10 → 8   a's standardize
//	pb       b          fcr 40 → 50   b's stabilize
//	pab      a, b       csat 3 → 4    a's standardize
//	pc       c          lead 10 → 5   none: no exit criterion
func TestPlanExitCriteria(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a"}, {id: "b"}, {id: "c"}},
		responses: one(map[string]string{"a-1": "1/1", "b-1": "5/3", "c-1": "3/3"}),
		painpoints: `  - {id: pa, title: PA, practices: [a], impact: 3, frequency: 3, effort: 3, metric: {id: mttr, baseline: 10, change: -20%, by: 2028-01-31}}
  - {id: pb, title: PB, practices: [b], impact: 3, frequency: 3, effort: 3, metric: {id: fcr, baseline: 40, target: 50, by: 2027-06-30}}
  - {id: pab, title: PAB, practices: [a, b], impact: 3, frequency: 3, effort: 3, metric: {id: csat, baseline: 3, target: 4}}
  - {id: pc, title: PC, practices: [c], impact: 3, frequency: 3, effort: 3, metric: {id: lead, baseline: 10, target: 5}}
`,
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 3)
	// priorities: a 4.2 + 3.6 + gap 2 = 9.8; b 3 + 3.6 + gap 0 = 6.6
	wantPhases(t, x.plan, []string{"a", "b"}, []string{"a"}, nil)
	has := func(phase string, parts ...string) bool {
		for _, c := range phaseOf(t, x.plan, phase).ExitCriteria {
			ok := true
			for _, p := range parts {
				ok = ok && strings.Contains(c, p)
			}
			if ok {
				return true
			}
		}
		return false
	}
	type crit struct {
		phase string
		parts []string
		want  bool
	}
	for _, c := range []crit{
		{assess.Stabilize, []string{"A ", "level 2"}, true},
		{assess.Stabilize, []string{"B ", "level 3"}, true},
		{assess.Stabilize, []string{"First-contact resolution", "50%", "(pb)"}, true},
		{assess.Stabilize, []string{"(pa)"}, false},
		{assess.Stabilize, []string{"(pab)"}, false},
		{assess.Standardize, []string{"A ", "level 3"}, true},
		{assess.Standardize, []string{"B ", "level"}, false},
		{assess.Standardize, []string{"Mean time to restore service", "8 h", "(pa)"}, true},
		{assess.Standardize, []string{"Customer satisfaction", "4", "(pab)"}, true},
		{assess.Standardize, []string{"(pb)"}, false},
	} {
		if got := has(c.phase, c.parts...); got != c.want {
			t.Errorf("%s exit criteria %q: a criterion with %q present = %v, want %v", c.phase, phaseOf(t, x.plan, c.phase).ExitCriteria, c.parts, got, c.want)
		}
	}
	for _, ph := range x.plan.Phases {
		for _, c := range ph.ExitCriteria {
			if strings.Contains(c, "(pc)") {
				t.Errorf("%s has an exit criterion for pc, whose practice needs nothing: %q", ph.ID, c)
			}
		}
	}
	if n := len(phaseOf(t, x.plan, assess.Optimize).ExitCriteria); n != 0 {
		t.Errorf("optimize has %d exit criteria, want none", n)
	}
}

// broad only when overall actual ≥ 3.0, team spread of overall
// actual ≤ 0.75, an executive sponsor is named, and every practice needing
// work fits the capacity; otherwise incremental, with each reason stated.
//
// The broad base: teams t1 (r1) and t2 (r2); a answers 3/3 in both (done);
// b target 4 answers 4/4 and 3/3 (actual 3.5: optimize). Overall 3.25; team
// overall t1 (3+4)/2 = 3.5, t2 3: spread 0.5; one practice needs work.
func TestPlanRollout(t *testing.T) {
	type answers = map[string]string
	two := func(r1, r2 answers) []resp {
		return []resp{{id: "r1", team: "t1", role: "agent", answers: r1}, {id: "r2", team: "t2", role: "lead", answers: r2}}
	}
	sponsor := "readiness: {executive_sponsor: CIO Maria Rossi}\n"
	cases := []struct {
		name      string
		practices []prac
		settings  string
		responses []resp
		fails     []string // a word of each failing reason; none: broad
	}{
		{"broad", nil, sponsor + "targets: {default: 3, b: 4}",
			two(answers{"a-1": "3/3", "b-1": "4/4"}, answers{"a-1": "3/3", "b-1": "3/3"}), nil},
		{"broad at overall exactly 3.0", nil, sponsor + "targets: {default: 3, b: 4}",
			two(answers{"a-1": "3/3", "b-1": "3/3"}, answers{"a-1": "3/3", "b-1": "3/3"}), nil},
		// b = (4+4)/2 for t1 and (3+2)/2 for t2: actual 3.25; team overall 3.5 and 2.75
		{"broad at team spread exactly 0.75", []prac{{id: "a"}, {id: "b", dims: []string{"process", "process"}}}, sponsor + "targets: {default: 3, b: 4}",
			two(answers{"a-1": "3/3", "b-1": "4/4", "b-2": "4/4"}, answers{"a-1": "3/3", "b-1": "3/3", "b-2": "2/2"}), nil},
		// overall (2 + 3.5)/2 = 2.75; teams 3 and 2.5
		{"overall below 3.0", nil, sponsor + "targets: {default: 3, b: 4}",
			two(answers{"a-1": "2/2", "b-1": "4/4"}, answers{"a-1": "2/2", "b-1": "3/3"}), []string{"3.0"}},
		// b target 5, 5/5 and 3/3: overall 3.5; teams 4 and 3
		{"teams differ by 1.0", nil, sponsor + "targets: {default: 3, b: 5}",
			two(answers{"a-1": "3/3", "b-1": "5/5"}, answers{"a-1": "3/3", "b-1": "3/3"}), []string{"0.75"}},
		{"sponsor false", nil, "readiness: {executive_sponsor: false}\ntargets: {default: 3, b: 4}",
			two(answers{"a-1": "3/3", "b-1": "4/4"}, answers{"a-1": "3/3", "b-1": "3/3"}), []string{"sponsor"}},
		{"sponsor unknown", nil, "targets: {default: 3, b: 4}",
			two(answers{"a-1": "3/3", "b-1": "4/4"}, answers{"a-1": "3/3", "b-1": "3/3"}), []string{"sponsor"}},
		// a target 4 too: two practices need work, capacity 1
		{"more practices than capacity", nil, sponsor + "targets: {default: 4}\n" + capacity("1"),
			two(answers{"a-1": "3/3", "b-1": "4/4"}, answers{"a-1": "3/3", "b-1": "3/3"}), []string{"capacity"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := c.practices
			if ps == nil {
				ps = []prac{{id: "a"}, {id: "b"}}
			}
			x := fixture{practices: ps, settings: c.settings, responses: c.responses}.run(t, roadmap.PlanOptions{})
			sane(t, x.plan, 3)
			ro := x.plan.Rollout
			if len(c.fails) == 0 {
				if ro.Mode != roadmap.Broad {
					t.Errorf("mode %s, want broad; reasons %q", ro.Mode, ro.Reasons)
				}
				return
			}
			if ro.Mode != roadmap.Incremental || len(ro.Reasons) != len(c.fails) {
				t.Fatalf("rollout %s %q, want incremental with %d reason(s) about %q", ro.Mode, ro.Reasons, len(c.fails), c.fails)
			}
			for i, w := range c.fails {
				if !strings.Contains(ro.Reasons[i], w) {
					t.Errorf("reason %q does not mention %q", ro.Reasons[i], w)
				}
			}
		})
	}
	t.Run("every condition fails", func(t *testing.T) {
		// one respondent (no team), overall 1, no sponsor, two practices for capacity 1
		x := fixture{practices: []prac{{id: "a"}, {id: "b"}}, settings: capacity("1"),
			responses: one(map[string]string{"a-1": "1/1", "b-1": "1/1"})}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 1)
		ro := x.plan.Rollout
		if ro.Mode != roadmap.Incremental {
			t.Fatalf("mode %s, want incremental", ro.Mode)
		}
		// without teams the spread between teams is not shown to be within 0.75
		if len(ro.Reasons) != 4 {
			t.Fatalf("reasons %q: want the four failing conditions", ro.Reasons)
		}
		for i, w := range []string{"3.0", "team", "sponsor", "capacity"} {
			if !strings.Contains(ro.Reasons[i], w) {
				t.Errorf("reason %q does not mention %q", ro.Reasons[i], w)
			}
		}
	})
}

// each readiness item that is false or unknown becomes a check with
// ok=false and an initiative in the stabilize adoption track.
func TestPlanReadiness(t *testing.T) {
	base := fixture{practices: []prac{{id: "a"}}, responses: one(map[string]string{"a-1": "1/1"})}
	t.Run("mixed", func(t *testing.T) {
		f := base
		f.settings = "readiness: {executive_sponsor: CIO Maria Rossi, project_team: true, project_plan: false, budget: true}"
		x := f.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		want := []struct {
			item   string
			ok     bool
			status string // unknown (left out) is told from no (false)
		}{{"executive_sponsor", true, "yes"}, {"project_team", true, "yes"}, {"project_plan", false, "no"}, {"process_owners", false, "unknown"},
			{"communication_plan", false, "unknown"}, {"training_plan", false, "unknown"}, {"budget", true, "yes"}}
		rs := x.plan.Readiness
		if len(rs) != len(want) {
			t.Fatalf("readiness %v, want %d items", rs, len(want))
		}
		adoption := phaseOf(t, x.plan, assess.Stabilize).Adoption
		for i, w := range want {
			if rs[i].Item != w.item || rs[i].OK != w.ok || rs[i].Status != w.status || rs[i].Advice == "" {
				t.Errorf("readiness %d = %+v, want %s ok=%v status=%s with advice", i, rs[i], w.item, w.ok, w.status)
			}
			if !w.ok && !slices.Contains(adoption, rs[i].Advice) {
				t.Errorf("%s (%q) is not in the stabilize adoption track %q", w.item, rs[i].Advice, adoption)
			}
			if w.ok && rs[i].Advice != "CIO Maria Rossi" && slices.Contains(adoption, rs[i].Advice) {
				t.Errorf("%s is ready but its advice %q is in the adoption track", w.item, rs[i].Advice)
			}
		}
		if rs[0].Advice != "CIO Maria Rossi" {
			t.Errorf("named sponsor advice = %q, want the name", rs[0].Advice)
		}
		for _, p := range x.plan.Phases[1:] {
			for _, r := range rs {
				if !r.OK && slices.Contains(p.Adoption, r.Advice) {
					t.Errorf("readiness advice %q is in %s, want it in stabilize only", r.Advice, p.ID)
				}
			}
		}
	})
	t.Run("none given", func(t *testing.T) {
		x := base.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		if len(x.plan.Readiness) != len(assess.ReadinessItems) {
			t.Fatalf("readiness %v, want every item", x.plan.Readiness)
		}
		for _, r := range x.plan.Readiness {
			if r.OK {
				t.Errorf("unknown %s is ok", r.Item)
			}
		}
		sp := x.plan.Readiness[0]
		if sp.Item != "executive_sponsor" || !strings.Contains(sp.Advice, "Name an executive sponsor") {
			t.Errorf("sponsor check = %+v, want advice to name an executive sponsor", sp)
		}
		if !slices.Contains(phaseOf(t, x.plan, assess.Stabilize).Adoption, sp.Advice) {
			t.Errorf("stabilize adoption %q lacks %q", phaseOf(t, x.plan, assess.Stabilize).Adoption, sp.Advice)
		}
	})
}

// each phase has an adoption track: sponsor communication,
// role-based training for the roles its initiatives touch, champions per
// team, a feedback review cadence.
//
// r1 (team t1, role agent) answers only a (1/1: S T); r2 (team t2, role
// lead) answers only c (3/3, target 4: O).
func TestPlanAdoption(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a"}, {id: "c"}},
		settings:  "targets: {default: 3, c: 4}\nreadiness: {executive_sponsor: CIO Maria Rossi, project_team: true, project_plan: true, process_owners: true, communication_plan: true, training_plan: true, budget: true}",
		responses: []resp{
			{id: "r1", team: "t1", role: "agent", answers: map[string]string{"a-1": "1/1"}},
			{id: "r2", team: "t2", role: "lead", answers: map[string]string{"c-1": "3/3"}},
		},
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 3)
	wantPhases(t, x.plan, []string{"a"}, []string{"a"}, []string{"c"})
	find := func(ph roadmap.Phase, prefix string) string {
		for _, s := range ph.Adoption {
			if strings.HasPrefix(s, prefix) {
				return s
			}
		}
		t.Errorf("%s adoption %q has no item starting %q", ph.ID, ph.Adoption, prefix)
		return ""
	}
	roles := map[string][2]string{ // phase → role touched, role not touched
		assess.Stabilize: {"agent", "lead"}, assess.Standardize: {"agent", "lead"}, assess.Optimize: {"lead", "agent"},
	}
	for _, ph := range x.plan.Phases {
		if s := find(ph, "Sponsor communication"); !strings.Contains(s, "CIO Maria Rossi") {
			t.Errorf("%s sponsor communication %q does not name the sponsor", ph.ID, s)
		}
		if s := find(ph, "Role-based training"); !strings.Contains(s, roles[ph.ID][0]) || strings.Contains(s, roles[ph.ID][1]) {
			t.Errorf("%s training %q: want role %s only", ph.ID, s, roles[ph.ID][0])
		}
		found := false
		for _, s := range ph.Adoption {
			if strings.Contains(strings.ToLower(s), "champion") && strings.Contains(s, "t1") && strings.Contains(s, "t2") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s adoption %q has no champion per team (t1, t2)", ph.ID, ph.Adoption)
		}
		find(ph, "Feedback review")
	}
	// everything is ready: nothing else in the stabilize track
	if n := len(phaseOf(t, x.plan, assess.Stabilize).Adoption); n != 4 {
		t.Errorf("stabilize adoption has %d items with every readiness item in place, want 4", n)
	}
}

// each initiative has an id, phase, practice, weakest dimension,
// title from the questionnaire's actions, levels, fix, owner (role and name
// from owners), the outcomes it serves and the initiatives it depends on.
func TestPlanInitiativeFields(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a", dims: []string{"process", "people"}, actions: true}, {id: "b", deps: []string{"a"}},
			{id: "c"}, {id: "d"}, {id: "e"}},
		settings: `owners:
  a: {owner: Dana Lee, process_manager: Sam Ortiz, approver: Kim Park, stakeholder: Head of Retail Ops}
  b: {process_manager: Sam Ortiz, approver: Kim Park}
  c: {approver: Kim Park, stakeholder: Head of Retail Ops}
  d: {stakeholder: Head of Retail Ops}
` + capacity("10"),
		responses: one(map[string]string{"a-1": "3/3", "a-2": "1/1", "b-1": "1/1", "c-1": "1/1", "d-1": "1/1", "e-1": "1/1"}),
		painpoints: `  - {id: pain, title: Pain, practices: [a, c], impact: 2, frequency: 2, effort: 2}
`,
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 10)
	sa := initiative(t, x.plan, assess.Stabilize, "a")
	if sa.Title != "Stabilize a first" || sa.Dimension != "people" || sa.Phase != assess.Stabilize {
		t.Errorf("a's stabilize: title %q dimension %q phase %q; want the first action, people, stabilize", sa.Title, sa.Dimension, sa.Phase)
	}
	if ta := initiative(t, x.plan, assess.Standardize, "a"); ta.Title != "Standardize a" || !slices.Contains(ta.DependsOn, sa.ID) {
		t.Errorf("a's standardize: title %q depends on %v; want \"Standardize a\" after %s", ta.Title, ta.DependsOn, sa.ID)
	}
	if sb := initiative(t, x.plan, assess.Stabilize, "b"); !slices.Contains(sb.DependsOn, sa.ID) {
		t.Errorf("b's stabilize depends on %v, want a's %s", sb.DependsOn, sa.ID)
	}
	owners := map[string]roadmap.Owner{
		"a": {Role: "owner", Name: "Dana Lee"}, "b": {Role: "process_manager", Name: "Sam Ortiz"},
		"c": {Role: "approver", Name: "Kim Park"}, "d": {Role: "stakeholder", Name: "Head of Retail Ops"},
	}
	for id, w := range owners {
		if got := initiative(t, x.plan, assess.Stabilize, id).Owner; got != w {
			t.Errorf("%s owner = %+v, want %+v", id, got, w)
		}
	}
	outcomes := map[string][]string{"a": {"pain"}, "b": {}, "c": {"pain"}, "d": {}, "e": {}}
	for id, w := range outcomes {
		if got := initiative(t, x.plan, assess.Stabilize, id).Outcomes; !reflect.DeepEqual(got, w) {
			t.Errorf("%s outcomes = %v, want %v", id, got, w)
		}
	}
	if c := initiative(t, x.plan, assess.Stabilize, "c"); c.Title == "" {
		t.Error("an initiative of a practice without actions has no title")
	}
}

// the field names of `roadmap --format json`.
func TestPlanJSON(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a", actions: true}, {id: "b", deps: []string{"a"}}},
		settings:  "owners: {a: {owner: Dana Lee}}",
		responses: one(map[string]string{"a-1": "4/1", "b-1": "1/1"}),
		painpoints: `  - {id: pain, title: Pain, practices: [a], impact: 5, frequency: 4, effort: 2, metric: {id: mttr, baseline: 9.5, change: -20%}}
`,
	}
	x := f.run(t, roadmap.PlanOptions{Capacity: 1})
	sane(t, x.plan, 1)
	var doc map[string]any
	if err := json.Unmarshal([]byte(toJSON(t, x.plan)), &doc); err != nil {
		t.Fatal(err)
	}
	need := func(what string, v any, fields ...string) map[string]any {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s is %T, want an object", what, v)
		}
		for _, k := range fields {
			if _, ok := m[k]; !ok {
				t.Errorf("%s lacks %q: %v", what, k, keys(t, what, v))
			}
		}
		return m
	}
	need("roadmap", doc, "rollout", "phases", "backlog", "readiness")
	need("rollout", doc["rollout"], "mode", "reasons")
	phases := doc["phases"].([]any)
	ph := need("phase", phases[0], "id", "start", "end", "practices", "initiatives", "adoption", "exit_criteria")
	ini := need("initiative", ph["initiatives"].([]any)[0], "id", "phase", "practice", "dimension", "title", "from_level",
		"to_level", "fix", "owner", "outcomes", "depends_on")
	need("owner", ini["owner"], "role", "name")
	backlog := doc["backlog"].([]any)
	if len(backlog) == 0 {
		t.Fatal("the fixture should leave b in the backlog")
	}
	need("backlog item", backlog[0], "practice", "phase", "reason")
	need("readiness check", doc["readiness"].([]any)[0], "item", "ok", "advice")
	if ini["from_level"] != 1.0 || ini["to_level"] != 2.0 || ini["fix"] != "formal" {
		t.Errorf("initiative %v: want from_level 1, to_level 2, fix formal", ini)
	}
	// an empty phase still writes lists, not null
	if o := phases[2].(map[string]any); o["initiatives"] == nil || o["practices"] == nil || o["exit_criteria"] == nil {
		t.Errorf("empty optimize phase writes null lists: %v", o)
	}
}

// The same input gives the same plan, byte for byte, whatever the order in
// which responses and pain points were read.
func TestPlanDeterministic(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a", actions: true}, {id: "b", deps: []string{"a"}}, {id: "c", deps: []string{"a", "b"}},
			{id: "d", dims: []string{"process", "people"}}, {id: "e"}, {id: "f"}},
		settings: "targets: {default: 4, f: 3}\nowners: {a: {owner: Dana Lee}, c: {approver: Kim Park}}\nreadiness: {executive_sponsor: CIO Maria Rossi, budget: false}\n" + capacity("2"),
		responses: []resp{
			{id: "r1", team: "t1", role: "agent", answers: map[string]string{"a-1": "4/1", "b-1": "2/2", "c-1": "3/1", "d-1": "3/3", "d-2": "2/1", "e-1": "3/3", "f-1": "2/2"}},
			{id: "r2", team: "t2", role: "lead", answers: map[string]string{"a-1": "3/2", "b-1": "4/2", "c-1": "1/1", "d-1": "4/4", "d-2": "2/2", "e-1": "4/3", "f-1": "2/2"}},
			{id: "r3", team: "t2", role: "agent", answers: map[string]string{"a-1": "2/2", "b-1": "3/1", "c-1": "2/2", "d-1": "3/2", "d-2": "3/3", "e-1": "4/4", "f-1": "3/1"}},
		},
		painpoints: `  - {id: p1, title: P1, practices: [c, e], impact: 5, frequency: 4, effort: 2, metric: {id: mttr, baseline: 9.5, change: -20%, by: 2027-06-30}}
  - {id: p2, title: P2, practices: [b], impact: 3, frequency: 3, effort: 1, metric: {id: fcr, baseline: 40, change: +8pp}}
  - {id: p3, title: P3, practices: [d, f], impact: 3, frequency: 3, effort: 1}
`,
	}
	first := f.run(t, roadmap.PlanOptions{})
	sane(t, first.plan, 2)
	want := toJSON(t, first.plan)
	if got := toJSON(t, f.run(t, roadmap.PlanOptions{}).plan); got != want {
		t.Errorf("second run differs:\n%s\n%s", got, want)
	}
	for range 5 {
		if got := toJSON(t, roadmap.Plan(first.a, first.r, first.outcomes, roadmap.PlanOptions{})); got != want {
			t.Fatalf("planning the same values again differs:\n%s\n%s", got, want)
		}
	}
	a, _ := f.load(t)
	slices.Reverse(a.Responses)
	slices.Reverse(a.PainPoints)
	r := assess.Score(a, assess.ScoreOptions{})
	if got := toJSON(t, roadmap.Plan(a, r, roadmap.Outcomes(a, r), roadmap.PlanOptions{})); got != want {
		t.Errorf("reversed responses and pain points change the plan:\n%s\n%s", got, want)
	}
}

// Edge cases: each gives a plan with clear words and no panic.
func TestPlanEdgeCases(t *testing.T) {
	notes := func(rm *roadmap.Roadmap) string { return strings.Join(rm.Notes, "\n") }
	initiatives := func(rm *roadmap.Roadmap) int {
		n := 0
		for _, ph := range rm.Phases {
			n += len(ph.Initiatives)
		}
		return n
	}

	t.Run("no pain points", func(t *testing.T) {
		x := fixture{practices: []prac{{id: "a"}, {id: "b"}}, responses: one(map[string]string{"a-1": "1/1", "b-1": "2/2"})}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		if len(x.outcomes) != 0 {
			t.Fatalf("outcomes %v", x.outcomes)
		}
		// ranked by target gap alone: a (2) before b (1)
		wantPhases(t, x.plan, []string{"a"}, []string{"a", "b"}, nil)
		if !strings.Contains(strings.ToLower(notes(x.plan)), "pain point") {
			t.Errorf("notes %q do not say that there are no pain points", x.plan.Notes)
		}
	})

	t.Run("every practice at target", func(t *testing.T) {
		x := fixture{practices: []prac{{id: "a"}, {id: "b"}}, responses: one(map[string]string{"a-1": "3/3", "b-1": "4/4"})}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		if n := initiatives(x.plan); n != 0 || len(x.plan.Backlog) != 0 {
			t.Errorf("%d initiatives and backlog %v, want none", n, x.plan.Backlog)
		}
		if n := notes(x.plan); !strings.Contains(n, "No practice needs an initiative") || !strings.Contains(n, "target") {
			t.Errorf("notes %q do not say why the plan is empty", x.plan.Notes)
		}
		// readiness gaps still open the stabilize adoption track
		if len(phaseOf(t, x.plan, assess.Stabilize).Adoption) == 0 {
			t.Error("stabilize adoption is empty although no readiness item is in place")
		}
	})

	t.Run("one practice", func(t *testing.T) {
		x := fixture{practices: []prac{{id: "a"}}, settings: "targets: {default: 4}", responses: one(map[string]string{"a-1": "1/1"})}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		wantPhases(t, x.plan, []string{"a"}, []string{"a"}, []string{"a"})
		wantBacklog(t, x.plan)
		ids := []string{x.plan.Phases[0].Initiatives[0].ID, x.plan.Phases[1].Initiatives[0].ID, x.plan.Phases[2].Initiatives[0].ID}
		if o := x.plan.Phases[2].Initiatives[0]; !slices.Contains(o.DependsOn, ids[1]) {
			t.Errorf("optimize depends on %v, want the standardize %s", o.DependsOn, ids[1])
		}
	})

	t.Run("capacity 1", func(t *testing.T) {
		x := fixture{practices: []prac{{id: "a"}, {id: "b"}, {id: "c"}}, settings: "targets: {default: 4}",
			responses: one(map[string]string{"a-1": "1/1", "b-1": "1/1", "c-1": "1/1"})}.run(t, roadmap.PlanOptions{Capacity: 1})
		sane(t, x.plan, 1)
		wantPhases(t, x.plan, []string{"a"}, []string{"a"}, []string{"a"})
		wantBacklog(t, x.plan,
			bl{"b", assess.Stabilize, "capacity: stabilize already holds 1 practice"},
			bl{"c", assess.Stabilize, "capacity: stabilize already holds 1 practice"},
			bl{"b", assess.Standardize, "waits for its stabilize"},
			bl{"c", assess.Standardize, "waits for its stabilize"},
			bl{"b", assess.Optimize, "waits for its stabilize"},
			bl{"c", assess.Optimize, "waits for its stabilize"})
		if x.plan.Rollout.Mode != roadmap.Incremental {
			t.Errorf("rollout %s with three practices for capacity 1", x.plan.Rollout.Mode)
		}
	})

	t.Run("dependency outside the scope", func(t *testing.T) {
		// a depends on x, which the questionnaire has but the scope leaves out
		x := fixture{practices: []prac{{id: "a", deps: []string{"x"}}, {id: "x"}}, settings: "scope: [a]",
			responses: one(map[string]string{"a-1": "1/1", "x-1": "0/0"})}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		wantPhases(t, x.plan, []string{"a"}, []string{"a"}, nil)
		wantBacklog(t, x.plan)
		if d := initiative(t, x.plan, assess.Stabilize, "a").DependsOn; len(d) != 0 {
			t.Errorf("a's stabilize depends on %v, want nothing in this plan", d)
		}
	})

	t.Run("all practices blocked by one dependency", func(t *testing.T) {
		// targets 4; a, b, c (3/3: optimize only) depend on q, whose optimize
		// is blocked by its control gap of 0.5 (4/3, 3/3) with nothing to
		// stabilize or standardize
		x := fixture{
			practices: []prac{{id: "a", deps: []string{"q"}}, {id: "b", deps: []string{"q"}}, {id: "c", deps: []string{"q"}},
				{id: "q", dims: []string{"process", "process"}}},
			settings:  "targets: {default: 4}",
			responses: one(map[string]string{"a-1": "3/3", "b-1": "3/3", "c-1": "3/3", "q-1": "4/3", "q-2": "3/3"}),
		}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		wantPhases(t, x.plan, nil, nil, nil)
		wantBacklog(t, x.plan,
			bl{"a", assess.Optimize, "waits for q"},
			bl{"b", assess.Optimize, "waits for q"},
			bl{"c", assess.Optimize, "waits for q"},
			bl{"q", assess.Optimize, "control gap: standardize first"})
		if !strings.Contains(notes(x.plan), "Nothing could be scheduled") {
			t.Errorf("notes %q do not say that everything waits", x.plan.Notes)
		}
	})

	t.Run("practice nobody answered", func(t *testing.T) {
		x := fixture{practices: []prac{{id: "a"}, {id: "u"}}, responses: one(map[string]string{"a-1": "1/1"})}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		wantPhases(t, x.plan, []string{"a"}, []string{"a"}, nil)
		wantBacklog(t, x.plan, bl{"u", assess.Stabilize, "not scored…"})
	})

	t.Run("no responses at all", func(t *testing.T) {
		x := fixture{practices: []prac{{id: "a"}, {id: "b"}},
			painpoints: "  - {id: p, title: P, practices: [a], impact: 3, frequency: 3, effort: 3, metric: {id: mttr, baseline: 5, target: 4}}\n",
		}.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 3)
		if n := initiatives(x.plan); n != 0 || len(x.plan.Backlog) != 2 || len(x.plan.Notes) == 0 {
			t.Errorf("%d initiatives, backlog %v, notes %q; want none, both practices waiting to be scored, and a note", n, x.plan.Backlog, x.plan.Notes)
		}
		if x.plan.Rollout.Mode != roadmap.Incremental {
			t.Errorf("rollout %s without any score", x.plan.Rollout.Mode)
		}
	})
}

// a dependency declared {practice: q, from: standardize} binds only
// initiatives of standardize and later: p's stabilize never waits for q,
// but p's standardize does.
//
// p and q answer 1/1 (stabilize and standardize). A pain point on p ranks
// it first: p 25×1.4 + 2 = 37, q 2.
func TestPlanDependencyFromPhase(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "p", deps: []string{"{practice: q, from: standardize}"}}, {id: "q"}},
		responses: one(map[string]string{"p-1": "1/1", "q-1": "1/1"}),
		painpoints: `  - {id: pp1, title: P hurts, practices: [p], impact: 5, frequency: 5, effort: 1}
`,
	}
	t.Run("capacity 1: stabilize takes p alone, standardize waits for q", func(t *testing.T) {
		f := f
		f.settings = capacity("1")
		x := f.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 1)
		wantPhases(t, x.plan, []string{"p"}, nil, nil)
		wantBacklog(t, x.plan,
			bl{"q", assess.Stabilize, "capacity: stabilize already holds 1 practice"},
			bl{"p", assess.Standardize, "waits for q"},
			bl{"q", assess.Standardize, "waits for its stabilize"})
	})
	t.Run("capacity 1, a plain dependency: p waits in stabilize too", func(t *testing.T) {
		f := f
		f.practices = []prac{{id: "p", deps: []string{"q"}}, {id: "q"}}
		f.settings = capacity("1")
		x := f.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 1)
		wantPhases(t, x.plan, []string{"q"}, []string{"q"}, nil)
		wantBacklog(t, x.plan,
			bl{"p", assess.Stabilize, "waits for q: not enough capacity in stabilize to bring it along"},
			bl{"p", assess.Standardize, "waits for its stabilize"})
	})
	t.Run("capacity 2: the stabilize initiatives are independent, standardize depends", func(t *testing.T) {
		f := f
		f.settings = capacity("2")
		x := f.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 2)
		// stabilize: p alone, then q by priority; standardize: p brings q along
		wantPhases(t, x.plan, []string{"p", "q"}, []string{"q", "p"}, nil)
		sp, sq := initiative(t, x.plan, assess.Stabilize, "p"), initiative(t, x.plan, assess.Stabilize, "q")
		if len(sp.DependsOn) != 0 {
			t.Errorf("p's stabilize depends on %v, want nothing: the dependency binds from standardize", sp.DependsOn)
		}
		tp, tq := initiative(t, x.plan, assess.Standardize, "p"), initiative(t, x.plan, assess.Standardize, "q")
		for _, want := range []string{sp.ID, tq.ID} {
			if !slices.Contains(tp.DependsOn, want) {
				t.Errorf("p's standardize depends on %v, want %s among them (its stabilize, q's standardize)", tp.DependsOn, want)
			}
		}
		if slices.Contains(tq.DependsOn, tp.ID) || slices.Contains(tq.DependsOn, sp.ID) || !slices.Contains(tq.DependsOn, sq.ID) {
			t.Errorf("q's standardize depends on %v, want its own stabilize %s only", tq.DependsOn, sq.ID)
		}
	})
	t.Run("from optimize: neither stabilize nor standardize waits", func(t *testing.T) {
		f := f
		f.practices = []prac{{id: "p", deps: []string{"{practice: q, from: optimize}"}}, {id: "q"}}
		f.settings = capacity("1")
		x := f.run(t, roadmap.PlanOptions{})
		sane(t, x.plan, 1)
		wantPhases(t, x.plan, []string{"p"}, []string{"p"}, nil)
	})
}

// the title is the first of the phase's actions that addresses the
// practice's weakest dimension, else the first action; every action of the
// phase is a step, in order.
//
// a answers process 3/3 and people 1/1: weakest dimension people, level 1
// (stabilize), actual 2 (standardize).
func TestPlanTitleFromWeakestDimension(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a", dims: []string{"process", "people"}, actionsYAML: `{` +
			`stabilize: [Define one path, {text: Agree the process owner, dimension: process}, {text: Train the agents, dimension: people}, {text: Coach the leads, dimension: people}], ` +
			`standardize: [{text: Write the runbook, dimension: process}, Review it quarterly]}`}},
		responses: one(map[string]string{"a-1": "3/3", "a-2": "1/1"}),
	}
	x := f.run(t, roadmap.PlanOptions{})
	sane(t, x.plan, 3)
	sa := initiative(t, x.plan, assess.Stabilize, "a")
	if sa.Dimension != "people" {
		t.Fatalf("weakest dimension %q, want people", sa.Dimension)
	}
	if sa.Title != "Train the agents" {
		t.Errorf("stabilize title %q, want the first action addressing people", sa.Title)
	}
	if want := []string{"Define one path", "Agree the process owner", "Train the agents", "Coach the leads"}; !reflect.DeepEqual(sa.Actions, want) {
		t.Errorf("stabilize steps %q, want every action %q", sa.Actions, want)
	}
	ta := initiative(t, x.plan, assess.Standardize, "a")
	if ta.Title != "Write the runbook" {
		t.Errorf("standardize title %q, want the first action: none addresses people", ta.Title)
	}
	if want := []string{"Write the runbook", "Review it quarterly"}; !reflect.DeepEqual(ta.Actions, want) {
		t.Errorf("standardize steps %q, want %q", ta.Actions, want)
	}
	var doc struct {
		Phases []struct {
			Initiatives []map[string]any `json:"initiatives"`
		} `json:"phases"`
	}
	if err := json.Unmarshal([]byte(toJSON(t, x.plan)), &doc); err != nil {
		t.Fatal(err)
	}
	if steps, ok := doc.Phases[0].Initiatives[0]["actions"].([]any); !ok || len(steps) != 4 {
		t.Errorf("JSON actions of a's stabilize = %v, want its four steps", doc.Phases[0].Initiatives[0]["actions"])
	}
}

// planning a long dependency chain is a low-degree polynomial, and
// a practice waiting for many others names a few and counts the rest.
func TestPlanLongChain(t *testing.T) {
	a, probs := assess.Load(assess.FromFS(chainFS(200)), "a")
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	r := assess.Score(a, assess.ScoreOptions{})
	rm := roadmap.Plan(a, r, roadmap.Outcomes(a, r), roadmap.PlanOptions{})
	sane(t, rm, 3)
	// the end of the chain fits: p0198 brings p0199 and p0200 along
	wantPhasesPrefix := []string{"p0200", "p0199", "p0198"}
	if got := rm.Phases[0].Practices; !reflect.DeepEqual(got, wantPhasesPrefix) {
		t.Errorf("stabilize holds %v, want %v", got, wantPhasesPrefix)
	}
	for _, b := range rm.Backlog {
		if b.Practice == "p0001" && b.Phase == assess.Stabilize {
			if want := "waits for p0002, p0003, p0004, p0005, p0006 and 194 more: not enough capacity in stabilize to bring it along"; b.Reason != want {
				t.Errorf("p0001 reason %q, want %q", b.Reason, want)
			}
			return
		}
	}
	t.Error("p0001 is not in the stabilize backlog")
}

// TestSpan: the months a plan touches, from the first start to the last end.
//
//	stabilize 2027-01-04..2027-04-03, standardize 2027-04-04..2027-10-03:
//	January 2027 to October 2027 is 10 months.
func TestSpan(t *testing.T) {
	d := func(s string) assess.Date { v, _ := assess.ParseDate(s); return v }
	rm := &roadmap.Roadmap{Phases: []roadmap.Phase{
		{ID: assess.Standardize, Start: d("2027-04-04"), End: d("2027-10-03")},
		{ID: assess.Stabilize, Start: d("2027-01-04"), End: d("2027-04-03")},
		{ID: assess.Optimize}, // not dated
	}}
	first, last, months := rm.Span()
	if first.Format("2006-01-02") != "2027-01-04" || last.Format("2006-01-02") != "2027-10-03" || months != 10 {
		t.Errorf("Span = %v, %v, %d; want 2027-01-04, 2027-10-03, 10", first, last, months)
	}
	if _, _, months := (&roadmap.Roadmap{}).Span(); months != 0 {
		t.Errorf("an undated plan spans %d months, want 0", months)
	}
}
