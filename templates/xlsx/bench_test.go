package xlsx_test

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/workshop"
	"github.com/itilmap/itilmap/templates"
	"github.com/itilmap/itilmap/templates/pdf"
	"github.com/itilmap/itilmap/templates/xlsx"
)

// benchReports generates a workshop of 12, 200 and 2,000 respondents on
// itil4-core, once each, scores and plans it, and runs render on the report
// as a sub-benchmark. docs/performance.md has the figures.
func benchReports(b *testing.B, render func(io.Writer, *templates.Report) error) {
	for _, n := range []int{12, 200, 2000} {
		dir := filepath.Join(b.TempDir(), "w")
		answers, err := workshop.Make(dir, "itil4-core", n, 1)
		if err != nil {
			b.Fatal(err)
		}
		r := workbookReport(b, assess.Disk{}, dir)
		b.Run(fmt.Sprintf("respondents=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int64
			for b.Loop() {
				w := &countingWriter{}
				if err := render(w, r); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(answers), "ns/answer")
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

func BenchmarkWorkbook(b *testing.B) { benchReports(b, xlsx.Write) }

func BenchmarkPDF(b *testing.B) { benchReports(b, pdf.Write) }
