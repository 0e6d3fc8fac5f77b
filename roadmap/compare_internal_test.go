package roadmap

import (
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
