package xlsx_test

import (
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/workshop"
	"github.com/itilmap/itilmap/templates"
	"github.com/itilmap/itilmap/templates/xlsx"
	"github.com/xuri/excelize/v2"
)

// benchReports generates a workshop of each size of workshop.Sizes on
// itil4-core, once each, builds its report, and runs fn on it as a
// sub-benchmark. docs/performance.md has the figures.
func benchReports(b *testing.B, fn func(b *testing.B, r *templates.Report, answers int)) {
	for _, n := range workshop.Sizes() {
		res, answers, err := workshop.Build(filepath.Join(b.TempDir(), "w"), "itil4-core", n, 1)
		if err != nil {
			b.Fatal(err)
		}
		r := &templates.Report{Result: res, Generated: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}
		b.Run(fmt.Sprintf("respondents=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			fn(b, r, answers)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(answers), "ns/answer")
		})
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkWorkbook renders report.xlsx into memory.
func BenchmarkWorkbook(b *testing.B) {
	benchReports(b, func(b *testing.B, r *templates.Report, _ int) {
		var size int64
		for b.Loop() {
			w := &countingWriter{}
			if err := xlsx.Write(w, r); err != nil {
				b.Fatal(err)
			}
			size = w.n
		}
		b.ReportMetric(float64(size), "bytes")
	})
}

// answerRows calls row with the twelve cells of each row of the Answers
// sheet: text, or an int for a level, or nil for an empty cell.
func answerRows(r *templates.Report, row func(vals []any) error) error {
	q := r.Assessment.Questionnaire
	vals := make([]any, 12)
	str := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	level := func(v assess.Value) any {
		switch {
		case v == assess.NA:
			return "na"
		case v.Known():
			return int(v)
		}
		return nil
	}
	for _, resp := range r.Assessment.Responses {
		p := resp.Respondent
		for _, a := range resp.Answers {
			qu := q.Question(a.Question)
			vals[0], vals[1], vals[2], vals[3] = str(p.ID), str(p.Name), str(p.Role), str(p.Team)
			vals[4], vals[5], vals[6] = str(qu.Practice), str(qu.Dimension), str(a.Question)
			vals[7], vals[8] = level(a.Documented), level(a.Actual)
			vals[9], vals[10], vals[11] = str(a.Evidence), str(a.Note), str(resp.File)
			if err := row(vals); err != nil {
				return err
			}
		}
	}
	return nil
}

// BenchmarkFloorStream is a floor for BenchmarkWorkbook: the spreadsheet
// library alone, writing the cells of the Answers sheet and nothing else
// through its stream writer, as it comes (one core, no styles, no other
// sheet).
func BenchmarkFloorStream(b *testing.B) {
	benchReports(b, func(b *testing.B, r *templates.Report, _ int) {
		var size int64
		for b.Loop() {
			f := excelize.NewFile()
			sw, err := f.NewStreamWriter("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			row := 1
			if err := answerRows(r, func(vals []any) error {
				row++
				return sw.SetRow("A"+strconv.Itoa(row), vals)
			}); err != nil {
				b.Fatal(err)
			}
			if err := sw.Flush(); err != nil {
				b.Fatal(err)
			}
			w := &countingWriter{}
			if err := f.Write(w); err != nil {
				b.Fatal(err)
			}
			size = w.n
			f.Close()
		}
		b.ReportMetric(float64(size), "bytes")
	})
}

// BenchmarkFloorCSV is the other floor: the same cells as CSV, uncompressed.
func BenchmarkFloorCSV(b *testing.B) {
	benchReports(b, func(b *testing.B, r *templates.Report, _ int) {
		var size int64
		rec := make([]string, 12)
		for b.Loop() {
			w := &countingWriter{}
			cw := csv.NewWriter(w)
			if err := answerRows(r, func(vals []any) error {
				for i, v := range vals {
					switch v := v.(type) {
					case string:
						rec[i] = v
					case int:
						rec[i] = strconv.Itoa(v)
					default:
						rec[i] = ""
					}
				}
				return cw.Write(rec)
			}); err != nil {
				b.Fatal(err)
			}
			cw.Flush()
			size = w.n
		}
		b.ReportMetric(float64(size), "bytes")
	})
}
