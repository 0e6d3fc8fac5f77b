package roadmap

import (
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
)

// TestQuestionChange pins the threshold of 0.5, reached exactly or by a
// float a hair short of it (13/6 − 5/3: six ratings summing to 13 against
// three summing to 5).
func TestQuestionChange(t *testing.T) {
	for _, tt := range []struct {
		delta assess.Num
		want  string
	}{
		{assess.Some(13.0/6 - 5.0/3), Improved},
		{assess.Some(5.0/3 - 13.0/6), Regressed},
		{assess.Some(0.5), Improved},
		{assess.Some(-0.5), Regressed},
		{assess.Some(0.49), Unchanged},
		{assess.Some(-0.49), Unchanged},
		{assess.Some(0), Unchanged},
		{assess.Num{}, "<null>"},
	} {
		got := "<null>"
		if s := questionChange(tt.delta); s != nil {
			got = *s
		}
		if got != tt.want {
			t.Errorf("questionChange(%v) = %s, want %s", tt.delta, got, tt.want)
		}
	}
}

// The questions that moved most come first; ties by id; unchanged and
// unknown changes are left out.
func TestMostChanged(t *testing.T) {
	imp, reg, same := Improved, Regressed, Unchanged
	qs := []QuestionChange{
		{ID: "Q1", Change: &imp, DeltaActual: assess.Some(0.5)},
		{ID: "Q2", Change: &imp, DeltaActual: assess.Some(2)},
		{ID: "Q0", Change: &imp, DeltaActual: assess.Some(0.5)},
		{ID: "Q3", Change: &reg, DeltaActual: assess.Some(-0.5)},
		{ID: "Q4", Change: &reg, DeltaActual: assess.Some(-1.5)},
		{ID: "Q5", Change: &same, DeltaActual: assess.Some(0.25)},
		{ID: "Q6"},
	}
	if got := strings.Join(mostChanged(qs, Improved), ","); got != "Q2,Q0,Q1" {
		t.Errorf("improved = %s, want Q2,Q0,Q1", got)
	}
	if got := strings.Join(mostChanged(qs, Regressed), ","); got != "Q4,Q3" {
		t.Errorf("regressed = %s, want Q4,Q3", got)
	}
	c := &Comparison{Questions: qs, Improved: mostChanged(qs, Improved), Regressed: mostChanged(qs, Regressed)}
	if got := c.MostChanged(Regressed); len(got) != 2 || got[0].ID != "Q4" || got[0].DeltaActual.Value != -1.5 {
		t.Errorf("MostChanged(regressed) = %+v", got)
	}
}
