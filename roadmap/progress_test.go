package roadmap_test

import (
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

func TestMostChanged(t *testing.T) {
	s := func(v string) *string { return &v }
	c := &roadmap.Comparison{Questions: []roadmap.QuestionChange{
		{ID: "A", Change: s(roadmap.Improved), DeltaActual: assess.Some(0.5)},
		{ID: "B", Change: s(roadmap.Regressed), DeltaActual: assess.Some(-2)},
		{ID: "C", Change: s(roadmap.Improved), DeltaActual: assess.Some(1.5)},
		{ID: "D", Change: s(roadmap.Improved), DeltaActual: assess.Some(0.5)},
		{ID: "E", Change: s(roadmap.Unchanged), DeltaActual: assess.Some(0.1)},
		{ID: "F", Change: nil},
		{ID: "G", Change: s(roadmap.Regressed), DeltaActual: assess.Some(-0.5)},
	}}
	ids := func(qs []roadmap.QuestionChange) string {
		out := ""
		for _, q := range qs {
			out += q.ID
		}
		return out
	}
	if got := ids(c.MostChanged(roadmap.Improved)); got != "CAD" {
		t.Errorf("improved: %s, want CAD (largest first, ties by id)", got)
	}
	if got := ids(c.MostChanged(roadmap.Regressed)); got != "BG" {
		t.Errorf("regressed: %s, want BG", got)
	}
}
