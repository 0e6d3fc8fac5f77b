package roadmap_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/workshop"
	"github.com/itilmap/itilmap/roadmap"
)

// BenchmarkPlan ranks the outcomes and plans the roadmap of a scored
// workshop of 12, 200 and 2,000 respondents on itil4-core. It works on
// scores, so its cost hardly depends on the number of answers;
// docs/performance.md has the figures.
func BenchmarkPlan(b *testing.B) {
	for _, n := range workshop.Sizes() {
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

// chainFS is an assessment folder whose questionnaire has n practices in one
// dependency chain (p0001 depends on p0002, which depends on p0003, …), each
// with one question, and one respondent who rates every practice 1/1, so
// that every practice needs stabilize and standardize.
func chainFS(n int) fstest.MapFS {
	var q, r strings.Builder
	q.WriteString("kind: questionnaire\nid: chain\nversion: 1.0.0\ntitle: Chain\nscale: {min: 0, max: 5}\ndimensions: [{id: process, name: Process}]\npractices:\n")
	r.WriteString("kind: response\nquestionnaire: chain\nrespondent: {id: r1, role: agent, team: desk}\nanswers:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&q, "  - id: p%04d\n    name: Practice %d\n", i, i)
		if i < n {
			fmt.Fprintf(&q, "    depends_on: [p%04d]\n", i+1)
		}
		fmt.Fprintf(&q, "    questions: [{id: Q%04d, dimension: process, text: Statement %d.}]\n", i, i)
		fmt.Fprintf(&r, "  Q%04d: {documented: 1, actual: 1}\n", i)
	}
	return fstest.MapFS{
		"a/assessment.yaml":   {Data: []byte("id: chain\norganization: Chain Org\ndate: 2026-11-02\nquestionnaire: chain.yaml\n")},
		"a/chain.yaml":        {Data: []byte(q.String())},
		"a/responses/r1.yaml": {Data: []byte(r.String())},
	}
}

// BenchmarkPlanChain1000 plans a questionnaire of 1,000 practices in one
// dependency chain, the worst case of bringing dependencies along (the
// goal: about a second at most).
func BenchmarkPlanChain1000(b *testing.B) {
	a, probs := assess.Load(assess.FromFS(chainFS(1000)), "a")
	if err := probs.Err(); err != nil {
		b.Fatal(err)
	}
	res := assess.Score(a, assess.ScoreOptions{})
	out := roadmap.Outcomes(a, res)
	b.ReportAllocs()
	for b.Loop() {
		roadmap.Plan(a, res, out, roadmap.PlanOptions{})
	}
}
