package assess

import (
	"strings"
	"testing"
)

// Numbers are finite and stay finite through every formula: NaN and infinity are refused, and so is a number or a target so large
// that a formula over it would overflow.
func TestNumbersStayFinite(t *testing.T) {
	q := testQ(t)
	const fcr = "metric: {id: fcr, baseline: 55, change: +10pp}"
	const restore = "metric: {id: mttr, baseline: 9.5, change: -20%}"
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"a change whose target overflows", fcr, "metric: {id: fcr, baseline: 1e308, change: +900%}",
			[]string{
				`p.yaml:17:33: metric.baseline: "1e308" is too large; a number here is at most 1e15 in magnitude`,
				`p.yaml:17:48: metric.change: +900% of the baseline 1e+308 gives a target beyond 1e15; give a smaller change or a target`,
			}},
		{"a change whose target passes the bound", fcr, "metric: {id: fcr, baseline: 1e14, change: +1000%}",
			[]string{`p.yaml:17:47: metric.change: +1000% of the baseline 1e+14 gives a target beyond 1e15; give a smaller change or a target`}},
		{"a baseline of .inf", restore, "metric: {id: mttr, baseline: .inf, change: -20%}",
			[]string{`p.yaml:9:34: metric.baseline: expected a finite number, found ".inf"`}},
		{"a target of .nan", restore, "metric: {id: mttr, baseline: 9.5, target: .nan}",
			[]string{`p.yaml:9:47: metric.target: expected a finite number, found ".nan"`}},
		{"a target of -.Inf", restore, "metric: {id: mttr, baseline: 9.5, target: -.Inf}",
			[]string{`p.yaml:9:47: metric.target: expected a finite number, found "-.Inf"`}},
		{"a number beyond float64", restore, "metric: {id: mttr, baseline: 1e400, change: -20%}",
			[]string{`p.yaml:9:34: metric.baseline: "1e400" is too large; a number here is at most 1e15 in magnitude`}},
		{"a change of 400 digits", restore, "metric: {id: mttr, baseline: 9.5, change: -1" + strings.Repeat("0", 400) + "%}",
			[]string{`p.yaml:9:47: metric.change: expected a relative change such as -20% or +8pp, found "-1` + strings.Repeat("0", 38) + `…"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParsePainPoints("p.yaml", []byte(edit(testPainPoints, tt.old, tt.new)), q)
			checkProblems(t, probs, tt.want)
		})
	}
}

func TestWeightsAreBounded(t *testing.T) {
	for _, tt := range []struct{ old, new, want string }{
		{"weight: 2, text: Major", "weight: 1001, text: Major", `tq.yaml:25:47: weight: must be at most 1000, found "1001"`},
		{"weight: 2, text: Major", "weight: 1e308, text: Major", `tq.yaml:25:47: weight: "1e308" is too large; a number here is at most 1e15 in magnitude`},
		{"weight: 2, text: Major", "weight: .inf, text: Major", `tq.yaml:25:47: weight: expected a finite number, found ".inf"`},
	} {
		_, probs := ParseQuestionnaire("tq.yaml", []byte(edit(testQuestionnaire, tt.old, tt.new)))
		checkProblems(t, probs, []string{tt.want})
	}
}
