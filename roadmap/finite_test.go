package roadmap_test

import (
	"strings"
	"testing"

	"github.com/itilmap/itilmap/roadmap"
)

// Every number an outcome states is finite: a baseline a
// hair above zero makes no relative change of 10^304 %, and the JSON holds
// no +Inf.
func TestOutcomesStayFinite(t *testing.T) {
	f := fixture{
		practices:  []prac{{id: "a"}},
		responses:  one(map[string]string{"a-1": "2/2"}),
		painpoints: "  - {id: p, title: Pain, practices: [a], impact: 3, frequency: 3, effort: 3, metric: {id: csat, baseline: 1e-300, target: 1e15}}\n",
	}
	a, r := f.load(t)
	o := roadmap.Outcomes(a, r)[0]
	if want := "Increase customer satisfaction from 0 to 1000000000000000"; o.Statement != want {
		t.Errorf("statement %q, want %q", o.Statement, want)
	}
	if js := toJSON(t, o); strings.Contains(js, "Inf") || strings.Contains(js, "NaN") {
		t.Errorf("JSON holds a number that is not finite: %s", js)
	}
}
