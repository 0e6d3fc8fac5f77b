package roadmap_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/workshop"
	"github.com/itilmap/itilmap/roadmap"
)

// BenchmarkPlan ranks the outcomes and plans the roadmap of a scored
// workshop of 12, 200 and 2,000 respondents on itil4-core. It works on
// scores, so its cost hardly depends on the number of answers;
// docs/performance.md has the figures.
func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{12, 200, 2000} {
		dir := filepath.Join(b.TempDir(), "w")
		if _, err := workshop.Make(dir, "itil4-core", n, 1); err != nil {
			b.Fatal(err)
		}
		a, probs := assess.Load(assess.Disk{}, dir)
		if err := probs.Err(); err != nil {
			b.Fatal(err)
		}
		res := assess.Score(a, assess.ScoreOptions{})
		b.Run(fmt.Sprintf("respondents=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out := roadmap.Outcomes(a, res)
				roadmap.Plan(a, res, out, roadmap.PlanOptions{})
			}
		})
	}
}
