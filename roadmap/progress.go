package roadmap

import (
	"math"
	"sort"
)

// MostChanged returns the questions whose change is change (Improved or
// Regressed), the largest move of the actual consensus first, ties by
// question id: the order of the report's "improved most" and "regressed
// most" lists, which show the first few.
//
// The deliver-core branch adds the same method (with the order in the
// JSON as "improved" and "regressed"); when both are merged, keep that one
// and delete this file and progress_test.go.
func (c *Comparison) MostChanged(change string) []QuestionChange {
	var out []QuestionChange
	for _, q := range c.Questions {
		if q.Change != nil && *q.Change == change && q.DeltaActual.Valid {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := math.Abs(out[i].DeltaActual.Value), math.Abs(out[j].DeltaActual.Value)
		if a != b {
			return a > b
		}
		return out[i].ID < out[j].ID
	})
	return out
}
