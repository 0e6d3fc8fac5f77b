package assess_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/workshop"
	"go.yaml.in/yaml/v3"
)

// Workshop sizes of the benchmarks (workshop.Sizes): a real workshop, a
// large organisation, and the scale goal of docs/performance.md (2,000
// respondents of itil4-core, about 780,000 answers), which has the figures.
var benchSizes = workshop.Sizes()

// forEachSize generates a workshop of each size on itil4-core into a
// temporary folder, once, and runs fn on it as a sub-benchmark.
func forEachSize(b *testing.B, fn func(b *testing.B, dir string, answers int)) {
	for _, n := range benchSizes {
		dir := filepath.Join(b.TempDir(), "w")
		answers, err := workshop.Make(dir, "itil4-core", n, 1)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("respondents=%d", n), func(b *testing.B) { fn(b, dir, answers) })
	}
}

// perAnswer reports the cost per answer, which stays flat when cost grows
// linearly with answers.
func perAnswer(b *testing.B, answers int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(answers), "ns/answer")
}

func load(b *testing.B, dir string) *assess.Assessment {
	a, probs := assess.Load(assess.Disk{}, dir)
	if err := probs.Err(); err != nil {
		b.Fatal(err)
	}
	return a
}

func BenchmarkLoad(b *testing.B) {
	forEachSize(b, func(b *testing.B, dir string, answers int) {
		b.ReportAllocs()
		for b.Loop() {
			load(b, dir)
		}
		perAnswer(b, answers)
	})
}

func BenchmarkScore(b *testing.B) {
	forEachSize(b, func(b *testing.B, dir string, answers int) {
		a := load(b, dir)
		b.ReportAllocs()
		for b.Loop() {
			assess.Score(a, assess.ScoreOptions{})
		}
		perAnswer(b, answers)
	})
}

// BenchmarkAssess is what the assess command does: load and score.
func BenchmarkAssess(b *testing.B) {
	forEachSize(b, func(b *testing.B, dir string, answers int) {
		b.ReportAllocs()
		for b.Loop() {
			assess.Score(load(b, dir), assess.ScoreOptions{})
		}
		perAnswer(b, answers)
	})
}

// BenchmarkYAMLAlone is the yardstick of the YAML library
// alone decoding the same response files into yaml.Node, one after another
// on one core. The files are read before the clock starts; BenchmarkAssess
// reads them within it.
func BenchmarkYAMLAlone(b *testing.B) {
	forEachSize(b, func(b *testing.B, dir string, answers int) {
		names, err := filepath.Glob(filepath.Join(dir, "responses", "*.yaml"))
		if err != nil {
			b.Fatal(err)
		}
		files := make([][]byte, len(names))
		for i, name := range names {
			if files[i], err = os.ReadFile(name); err != nil {
				b.Fatal(err)
			}
		}
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		b.ReportAllocs()
		for b.Loop() {
			for _, data := range files {
				var n yaml.Node
				if err := yaml.Unmarshal(data, &n); err != nil {
					b.Fatal(err)
				}
			}
		}
		perAnswer(b, answers)
	})
}
