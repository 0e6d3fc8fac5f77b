package roadmap

import (
	"math"
	"sort"
)

// MostChanged returns at most n of the questions whose change is change
// (Improved or Regressed), the largest move of the actual consensus first,
// ties by question id: the "improved most" and "regressed most" lists of
// the report's progress section.
func (c *Comparison) MostChanged(change string, n int) []QuestionChange {
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
	if len(out) > n {
		out = out[:n]
	}
	return out
}
