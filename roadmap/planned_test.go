package roadmap_test

import (
	"encoding/json"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/roadmap"
)

// every outcome says whether the plan delivers it (planned) and,
// when not, why (plan_note); a planned outcome whose initiatives end after
// its due date says so too.
//
// Capacity 1; scope a, b, c (d is outside it); default dates: stabilize
// 2026-12-01..2027-02-28, standardize 2027-03-01..2027-08-31.
//
//	a 1/1, target 3: S and T; highest priority (five pain points)
//	b 1/1, target 3: S and T, but a fills each phase: b waits from stabilize
//	c 3/3, target 3: nothing to improve
//	d outside the scope
func TestMarkPlanned(t *testing.T) {
	f := fixture{
		practices: []prac{{id: "a"}, {id: "b"}, {id: "c"}, {id: "d"}},
		settings:  "scope: [a, b, c]\nplan: {capacity: 1}",
		responses: one(map[string]string{"a-1": "1/1", "b-1": "1/1", "c-1": "3/3", "d-1": "1/1"}),
		painpoints: `  - {id: pa, title: PA, practices: [a], impact: 5, frequency: 5, effort: 1, metric: {id: mttr, baseline: 10, change: -20%, by: 2027-12-31}}
  - {id: pl, title: PL, practices: [a], impact: 5, frequency: 5, effort: 1, metric: {id: mttr, baseline: 10, change: -20%, by: 2027-05-31}}
  - {id: pb, title: PB, practices: [b], impact: 1, frequency: 1, effort: 5}
  - {id: pc, title: PC, practices: [c], impact: 1, frequency: 1, effort: 5}
  - {id: pd, title: PD, practices: [d], impact: 1, frequency: 1, effort: 5}
  - {id: pad, title: PAD, practices: [a, d], impact: 1, frequency: 1, effort: 5}
  - {id: pab, title: PAB, practices: [a, b], impact: 1, frequency: 1, effort: 5}
`,
	}
	x := f.run(t, roadmap.PlanOptions{})
	roadmap.MarkPlanned(x.a, x.outcomes, x.plan)
	wantPhases(t, x.plan, []string{"a"}, []string{"a"}, nil)
	want := map[string]struct {
		planned bool
		by      string // the end of standardize, where a's last initiative is
		note    string
	}{
		"pa":  {true, "2027-08-31", ""},
		"pl":  {true, "2027-08-31", "Late: its last initiative, T1, ends on 2027-08-31 (standardize), after its due date 2027-05-31."},
		"pb":  {false, "", "Not in this plan: its practice waits in the backlog: b from stabilize (capacity: stabilize already holds 1 practice)."},
		"pc":  {false, "", "Nothing to improve in this plan: c already meets its target with no control gap of 1.0 or more."},
		"pd":  {false, "", "Not in this plan: none of its practices (d) is in the assessment's scope."},
		"pad": {true, "2027-08-31", "Outside the scope, so not planned: d."},
		"pab": {true, "2027-08-31", "Partly planned; still in the backlog: b from stabilize (capacity: stabilize already holds 1 practice)."},
	}
	if len(x.outcomes) != len(want) {
		t.Fatalf("%d outcomes, want %d", len(x.outcomes), len(want))
	}
	for _, o := range x.outcomes {
		w := want[o.ID]
		if o.Planned != w.planned || o.PlanNote != w.note || o.PlannedBy.String() != w.by {
			t.Errorf("%s: planned %v by %q, note %q\nwant planned %v by %q, note %q", o.ID, o.Planned, o.PlannedBy, o.PlanNote, w.planned, w.by, w.note)
		}
	}
	// in the JSON, and computed by the one pipeline
	var doc struct {
		Outcomes []struct {
			ID        string  `json:"id"`
			Planned   *bool   `json:"planned"`
			PlanNote  *string `json:"plan_note"`
			PlannedBy *string `json:"planned_by"`
		} `json:"outcomes"`
	}
	if err := json.Unmarshal([]byte(toJSON(t, roadmap.OutcomeList{Outcomes: x.outcomes})), &doc); err != nil {
		t.Fatal(err)
	}
	for _, o := range doc.Outcomes {
		by := ""
		if o.PlannedBy != nil {
			by = *o.PlannedBy
		}
		if o.Planned == nil || o.PlanNote == nil || *o.Planned != want[o.ID].planned || *o.PlanNote != want[o.ID].note || by != want[o.ID].by {
			t.Errorf("JSON outcome %s: planned %v, plan_note %v", o.ID, o.Planned, o.PlanNote)
		}
	}
	res := roadmap.FromAssessment(x.a, nil, assess.ScoreOptions{}, roadmap.PlanOptions{})
	for i, o := range res.Outcomes {
		if o.Planned != x.outcomes[i].Planned || o.PlanNote != x.outcomes[i].PlanNote {
			t.Errorf("FromAssessment outcome %s: planned %v %q, want as MarkPlanned", o.ID, o.Planned, o.PlanNote)
		}
	}
}

// TestLateOutcomes: an outcome is late when its last initiative ends after
// its due date. In the example, slow-requests is due 2027-10-31 and its last
// initiative ends with standardize on 2027-10-03: on time; slow-restore is
// due 2027-06-30 and its last initiative ends with optimize on 2028-04-03:
// late; weekend-change-failures is not planned, so not late either.
func TestLateOutcomes(t *testing.T) {
	res, probs := roadmap.Build(roadmap.Input{Source: assess.FromFS(examples.FS), Dir: examples.Acme})
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]bool{ // planned, late
		"slow-requests":           {true, false},
		"slow-restore":            {true, true},
		"weekend-change-failures": {false, false},
	}
	for _, o := range res.Outcomes {
		if w, ok := want[o.ID]; ok && (o.Planned != w[0] || o.Late != w[1]) {
			t.Errorf("%s: planned %v, late %v; want %v, %v (planned by %s, due %s)", o.ID, o.Planned, o.Late, w[0], w[1], o.PlannedBy, o.By)
		}
	}
}
