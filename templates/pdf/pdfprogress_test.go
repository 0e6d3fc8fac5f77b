package pdf_test

import (
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates"
)

// pdfBaselineFS is an earlier assessment of ACME, made from the example:
// half a year before, the service desk rated its actual practice two levels
// lower (so it improved since) and incident management one level higher
// (so it regressed); the pain points' metrics were measured then as
// slow-restore 12 h (-20%: target 9.6; now 9.5, so met), weekend changes
// 80% (target 95; now 82: progressing, 13%) and slow requests 3 days
// (-50%: 1.5; now 3.4: worse).
func pdfBaselineFS(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	sd := regexp.MustCompile(`(SD-[A-Z]+-\d+): \{documented: (\d), actual: (\d)`)
	im := regexp.MustCompile(`(IM-[A-Z]+-\d+): \{documented: (\d), actual: (\d)`)
	shift := func(re *regexp.Regexp, s string, by int) string {
		return re.ReplaceAllStringFunc(s, func(m string) string {
			p := re.FindStringSubmatch(m)
			a, _ := strconv.Atoi(p[3])
			a = min(5, max(0, a+by))
			return p[1] + ": {documented: " + p[2] + ", actual: " + strconv.Itoa(a)
		})
	}
	err := fs.WalkDir(examples.FS, examples.Acme, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(examples.FS, path)
		if err != nil {
			return err
		}
		s := string(b)
		switch {
		case strings.HasSuffix(path, "assessment.yaml"):
			s = strings.Replace(s, "id: acme-2026q4", "id: acme-2026q2", 1)
			s = strings.Replace(s, "date: 2026-11-02", "date: 2026-05-04", 1)
		case strings.HasSuffix(path, "painpoints.yaml"):
			s = strings.Replace(s, "baseline: 9.5, change: -20%", "baseline: 12, change: -20%", 1)
			s = strings.Replace(s, "baseline: 82, target: 95", "baseline: 80, target: 95", 1)
			s = strings.Replace(s, "baseline: 3.4, change: -50%", "baseline: 3, change: -50%", 1)
		default:
			s = regexp.MustCompile(`date: 2026-1\d-\d\d`).ReplaceAllString(s, "date: 2026-04-20")
			s = shift(sd, s, -2)
			s = shift(im, s, +1)
		}
		out["base"+strings.TrimPrefix(path, examples.Acme)] = &fstest.MapFile{Data: []byte(s)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pdfBaselineReport is the example with the baseline above.
func pdfBaselineReport(t *testing.T) *templates.Report {
	t.Helper()
	res, probs := roadmap.Build(roadmap.Input{Source: assess.FromFS(examples.FS), Dir: examples.Acme,
		Baseline: "base", BaselineSource: assess.FromFS(pdfBaselineFS(t))})
	if probs.HasErrors() {
		t.Fatalf("example with baseline: %v", probs.Errors())
	}
	if res.Progress == nil {
		t.Fatal("no progress computed")
	}
	return &templates.Report{Result: res, Generated: time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)}
}

func TestPDFProgress(t *testing.T) {
	r := pdfBaselineReport(t)
	pr := r.Progress
	b := pdfRender(t, r)
	pdfSave(t, "progress.pdf", b)
	pages := pdfRead(t, b)
	sec := pdfSection(pages, "Progress since baseline", "Maturity by dimension")
	if len(sec) == 0 {
		t.Fatal("no progress section")
	}
	rows := pdfAllRows(sec)
	text := strings.Join(rows, "\n")

	// overall: the level move, and the deltas of actual and documented each
	// under its own caption
	o0, o1 := pr.Overall[0], pr.Overall[1]
	p := sec[0]
	for caption, want := range map[string]string{
		"OVERALL LEVEL":       strconv.Itoa(*o0.Level) + " → " + strconv.Itoa(*o1.Level),
		"ACTUAL PRACTICE":     signed(o1.DeltaActual.Value),
		"DOCUMENTED PRACTICE": signed(o1.DeltaDocumented.Value),
	} {
		it, ok := p.Find(caption)
		if !ok {
			t.Errorf("no %s box", caption)
			continue
		}
		if got := p.Below(it); got != want {
			t.Errorf("%s shows %q, want %q", caption, got, want)
		}
	}
	if o1.DeltaActual.Value == o1.DeltaDocumented.Value {
		t.Fatal("the fixture cannot tell actual from documented")
	}

	// every practice with its baseline, now, change and level move
	sd, im := 0, 0
	for _, tr := range pr.Practices {
		p0, p1 := tr.Series[0], tr.Series[1]
		want := []string{tr.Name, format.Num(p0.Actual), format.Num(p1.Actual), signed(tr.DeltaActual.Value),
			strconv.Itoa(*p0.Level) + " → " + strconv.Itoa(*p1.Level) + " (" + *tr.LevelChange + ")"}
		if !pdfHasRow(rows, want...) {
			t.Errorf("no practice row %q", strings.Join(want, " | "))
		}
		switch tr.ID {
		case "service-desk":
			sd++
			if tr.DeltaActual.Value <= 0 {
				t.Errorf("service desk did not improve in the fixture: %v", tr.DeltaActual)
			}
		case "incident-management":
			im++
			if tr.DeltaActual.Value >= 0 {
				t.Errorf("incident management did not regress in the fixture: %v", tr.DeltaActual)
			}
		}
	}
	if sd != 1 || im != 1 {
		t.Fatal("the fixture's practices are missing")
	}

	// the questions that moved most, each under its heading
	improved, regressed := pr.MostChanged(roadmap.Improved), pr.MostChanged(roadmap.Regressed)
	improved, regressed = improved[:min(5, len(improved))], regressed[:min(5, len(regressed))]
	if len(improved) == 0 || len(regressed) == 0 {
		t.Fatal("the fixture has no improved or no regressed question")
	}
	iAt, rAt := strings.Index(text, "Questions that improved most"), strings.Index(text, "Questions that regressed most")
	for _, q := range improved {
		if at := strings.Index(text, q.ID+" | "); at < iAt || at > rAt {
			t.Errorf("improved question %s is not under its heading", q.ID)
		}
		if !strings.Contains(text, "| "+signed(q.DeltaActual.Value)) {
			t.Errorf("improved question %s: no change %s", q.ID, signed(q.DeltaActual.Value))
		}
	}
	for _, q := range regressed {
		if at := strings.Index(text, q.ID+" | "); at < rAt {
			t.Errorf("regressed question %s is not under its heading", q.ID)
		}
	}

	// the metrics, with progress and status
	statuses := map[string]string{"slow-restore": roadmap.StatusMet, "weekend-change-failures": roadmap.StatusProgressing, "slow-requests": roadmap.StatusWorse}
	for _, m := range pr.Metrics {
		want, ok := statuses[m.PainPoint]
		if !ok {
			continue
		}
		if m.Status != want {
			t.Errorf("%s: status %q, want %q (fixture)", m.PainPoint, m.Status, want)
		}
		prog := strconv.FormatFloat(m.Progress.Value, 'f', 0, 64) + "%"
		if !strings.Contains(text, prog+" | "+m.Status) {
			t.Errorf("%s: no %q with status %q", m.PainPoint, prog, m.Status)
		}
	}

	// the summary says it in one line
	sum := pdfFlat(pdfSection(pages, "Executive summary", "Progress since baseline"))
	if want := "Since the baseline acme-2026q2 of 2026-05-04: overall actual " + format.Num(o0.Actual) + " → " + format.Num(o1.Actual) +
		" (" + signed(o1.DeltaActual.Value) + "), documented " + format.Num(o0.Documented) + " → " + format.Num(o1.Documented) +
		" (" + signed(o1.DeltaDocumented.Value) + ")"; !strings.Contains(sum, want) {
		t.Errorf("the summary does not say %q", want)
	}

	// without a baseline, no such section
	if sec := pdfSection(pdfRead(t, pdfRender(t, pdfExampleReport(t))), "Progress since baseline"); sec != nil {
		t.Error("a progress section without a baseline")
	}
}

func signed(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	switch {
	case s == "-0.00":
		return "0.00"
	case v > 0 && s != "0.00":
		return "+" + s
	}
	return s
}
