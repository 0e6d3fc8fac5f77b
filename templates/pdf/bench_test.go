package pdf_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/itilmap/itilmap/internal/workshop"
	"github.com/itilmap/itilmap/templates"
	"github.com/itilmap/itilmap/templates/pdf"
)

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkPDF renders report.pdf into memory for a workshop of each size
// of workshop.Sizes on itil4-core. The PDF shows scores, not raw answers:
// its cost hardly depends on the number of answers. docs/performance.md
// has the figures.
func BenchmarkPDF(b *testing.B) {
	for _, n := range workshop.Sizes() {
		res, answers, err := workshop.Build(filepath.Join(b.TempDir(), "w"), "itil4-core", n, 1)
		if err != nil {
			b.Fatal(err)
		}
		r := &templates.Report{Result: res, Generated: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}
		b.Run(fmt.Sprintf("respondents=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int64
			for b.Loop() {
				w := &countingWriter{}
				if err := pdf.Write(w, r); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(answers), "ns/answer")
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
