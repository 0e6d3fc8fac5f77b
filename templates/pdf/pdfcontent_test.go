package pdf_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates"
)

// These tests read back what the PDF shows and compare it with the result
// it was rendered from: a number shown in the wrong place (documented where
// actual belongs), a doubled score or a dropped row fails them.

// pdfRowIndex is the index of the first row that holds cells as
// consecutive pieces, or -1.
func pdfRowIndex(rows []string, cells ...string) int {
	for i := range rows {
		if pdfHasRow(rows[i:i+1], cells...) {
			return i
		}
	}
	return -1
}

// pdfStartsRow is the index of the first row that starts with first and
// ends with last (consecutive pieces), or -1.
func pdfStartsRow(rows []string, first string, last ...string) int {
	tail := strings.Join(last, " | ")
	for i, r := range rows {
		if strings.HasPrefix(r, first+" | ") && strings.HasSuffix(r, " | "+tail) {
			return i
		}
	}
	return -1
}

// pdfPlannedReport is the example with outcomes the plan delivers and
// does not, set by hand (roadmap computes them; this tests the layout).
func pdfPlannedReport(t *testing.T) *templates.Report {
	r := pdfExampleReport(t)
	r.Outcomes[0].Planned, r.Outcomes[0].PlanNote = true, "Its last initiative ends 2027-10-03, after it is due (2027-04-30)."
	r.Outcomes[1].Planned, r.Outcomes[1].PlanNote = false, "Not in this plan: its practices wait in the backlog for capacity."
	r.Outcomes[2].Planned, r.Outcomes[2].PlanNote = true, ""
	return r
}

// pdfServedBy is what the report says of a planned outcome: the
// initiatives that serve it, with their phases' end dates.
func pdfServedBy(r *templates.Report, id string) string {
	var by []string
	for _, ph := range r.Plan.Phases {
		for _, ini := range ph.Initiatives {
			if slices.Contains(ini.Outcomes, id) {
				by = append(by, ini.ID+" "+strings.ToUpper(ph.ID[:1])+ph.ID[1:]+" to "+ph.End.String())
			}
		}
	}
	return strings.Join(by, ", ")
}

func TestPDFSummaryReadsBack(t *testing.T) {
	r := pdfPlannedReport(t)
	pages := pdfRead(t, pdfRender(t, r))
	sec := pdfSection(pages, "Executive summary", "Maturity by dimension")
	if len(sec) != 1 {
		t.Fatalf("the summary spans %d pages, want 1", len(sec))
	}
	p := sec[0]
	o := r.Score.Overall
	if o.Actual.Value == o.Documented.Value {
		t.Fatal("the example cannot tell actual from documented")
	}
	for caption, want := range map[string]string{
		"OVERALL LEVEL":       format.Level(o.Level, o.Label),
		"ACTUAL PRACTICE":     format.Num(o.Actual),
		"DOCUMENTED PRACTICE": format.Num(o.Documented),
		"DRIFT":               format.Num(o.Drift),
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
	rows := p.RowTexts()
	flat := strings.Join(strings.Fields(p.Text()), " ")

	// the three practices furthest from their target, in attention order
	last := -1
	for _, ps := range r.Score.AttentionPractices()[:3] {
		i := pdfRowIndex(rows, format.Num(ps.Actual), strconv.Itoa(ps.Target), format.Num(ps.TargetGap), format.Level(ps.Level, ps.Label))
		if i < 0 {
			t.Errorf("no row for %s: actual %s, target %d, gap %s", ps.ID, format.Num(ps.Actual), ps.Target, format.Num(ps.TargetGap))
		} else if i <= last {
			t.Errorf("%s is out of attention order", ps.ID)
		}
		last = i
		if !strings.Contains(flat, ps.Name) {
			t.Errorf("no practice %s", ps.Name)
		}
	}
	// the three largest gaps, largest first
	last = -1
	gaps := r.Score.GapQuestions(3)
	if len(gaps) != 3 {
		t.Fatalf("the example has %d gap questions", len(gaps))
	}
	for _, q := range gaps {
		i := pdfStartsRow(rows, q.ID, q.Kind, format.Num(q.Actual), format.Num(q.Gap))
		if i < 0 {
			t.Errorf("no gap row %s … %s %s %s", q.ID, q.Kind, format.Num(q.Actual), format.Num(q.Gap))
		} else if i <= last {
			t.Errorf("gap %s is out of order", q.ID)
		}
		last = i
	}
	// the three top outcomes, each with whether and when the plan delivers it
	for i, oc := range r.Outcomes[:3] {
		if !pdfHasRow(rows, strconv.Itoa(oc.Rank), oc.Statement) {
			t.Errorf("no top outcome %d: %q", oc.Rank, oc.Statement)
		}
		var want string
		switch i {
		case 0:
			want = "In the plan: " + pdfServedBy(r, oc.ID) + ". " + oc.PlanNote
		case 1:
			want = oc.PlanNote // roadmap's note says "Not in this plan" itself
		case 2:
			want = "In the plan: " + pdfServedBy(r, oc.ID)
		}
		if !strings.Contains(flat, want) {
			t.Errorf("outcome %d: no %q", oc.Rank, want)
		}
	}
	if strings.Contains(flat, r.Outcomes[3].Statement) {
		t.Error("a fourth outcome is on the summary")
	}
	// rollout advice with its reasons, and readiness telling no from unknown
	if !strings.Contains(flat, "Rollout advice: "+r.Plan.Rollout.Mode) {
		t.Errorf("no rollout advice %q", r.Plan.Rollout.Mode)
	}
	for _, reason := range r.Plan.Rollout.Reasons {
		if !strings.Contains(flat, reason) {
			t.Errorf("no rollout reason %q", reason)
		}
	}
	var no, unknown []string
	for _, rc := range r.Plan.Readiness {
		switch rc.Status {
		case roadmap.NotReady:
			no = append(no, strings.ReplaceAll(rc.Item, "_", " "))
		case roadmap.ReadyUnknown:
			unknown = append(unknown, strings.ReplaceAll(rc.Item, "_", " "))
		}
	}
	if len(no) == 0 || len(unknown) == 0 {
		t.Fatal("the example's readiness has no false or no unknown item")
	}
	if want := "Readiness gaps: missing " + strings.Join(no, ", ") + "; not known: " + strings.Join(unknown, ", "); !strings.Contains(flat, want) {
		t.Errorf("no %q", want)
	}
}

func TestPDFHeatmapReadsBack(t *testing.T) {
	r := pdfExampleReport(t)
	pages := pdfRead(t, pdfRender(t, r))
	rows := pdfAllRows(pdfSection(pages, "Practice heatmap", "Outcomes"))
	sc := r.Score
	last := -1
	for _, p := range sc.AttentionPractices() {
		var cells []string
		for _, ds := range sc.Dimensions {
			for _, c := range p.Dimensions {
				if c.ID == ds.ID {
					cells = append(cells, format.Num(c.Actual))
				}
			}
		}
		cells = append(cells, format.Num(p.Actual), format.Level(p.Level, p.Label))
		i := pdfRowIndex(rows, cells...)
		if i < 0 {
			t.Errorf("no heatmap row for %s: %q", p.ID, cells)
		} else if i <= last {
			t.Errorf("%s is out of attention order", p.ID)
		}
		last = i

		// and by team, with the spread
		cells = nil
		for _, team := range sc.Teams {
			v := assess.Num{}
			for _, g := range p.Teams {
				if g.ID == team {
					v = g.Actual
				}
			}
			cells = append(cells, format.Num(v))
		}
		cells = append(cells, format.Num(p.TeamSpread))
		if pdfRowIndex(rows, cells...) < 0 {
			t.Errorf("no team row for %s: %q", p.ID, cells)
		}
	}
	for _, team := range sc.Teams {
		if pdfRowIndex(rows, team) < 0 {
			t.Errorf("no team column %s", team)
		}
	}
}

func TestPDFOutcomesReadBack(t *testing.T) {
	r := pdfPlannedReport(t)
	pages := pdfRead(t, pdfRender(t, r))
	sec := pdfSection(pages, "Outcomes", "Roadmap timeline")
	flat := pdfFlat(sec)
	at := -1
	for i, o := range r.Outcomes {
		k := strings.Index(flat, o.Statement)
		if k < 0 {
			t.Errorf("no outcome %q", o.Statement)
			continue
		}
		if k <= at {
			t.Errorf("outcome %d is out of rank order", o.Rank)
		}
		at = k
		for _, want := range []string{o.Title, fmt.Sprintf("priority %.2f", o.Priority), "Owner: " + format.Dash(o.Owner)} {
			if !strings.Contains(flat, want) {
				t.Errorf("outcome %d: no %q", o.Rank, want)
			}
		}
		plan := o.PlanNote // roadmap's note says "Not in this plan" itself
		if o.Planned {
			plan = "In the plan: " + pdfServedBy(r, o.ID)
		}
		if !strings.Contains(flat, plan) {
			t.Errorf("outcome %d (%d on the page): no %q", o.Rank, i+1, plan)
		}
	}
}

func TestPDFPhasesReadBack(t *testing.T) {
	r := pdfExampleReport(t)
	pages := pdfRead(t, pdfRender(t, r))
	titles := []string{"Phase 1: Stabilize", "Phase 2: Standardize", "Phase 3: Optimize", "Backlog"}
	for k, ph := range r.Plan.Phases {
		sec := pdfSection(pages, titles[k], titles[k+1:]...)
		if sec == nil {
			t.Errorf("no section %s", titles[k])
			continue
		}
		rows := pdfAllRows(sec)
		flat := pdfFlat(sec)
		if !strings.Contains(flat, ph.Start.String()+" to "+ph.End.String()) {
			t.Errorf("%s: no dates", ph.ID)
		}
		for _, ini := range ph.Initiatives {
			if pdfStartsRow(rows, ini.ID) < 0 && !slices.ContainsFunc(rows, func(s string) bool { return strings.HasPrefix(s, ini.ID+" | ") }) {
				t.Errorf("%s: no initiative %s", ph.ID, ini.ID)
			}
			if !slices.ContainsFunc(rows, func(s string) bool {
				return strings.HasPrefix(s, ini.ID+" | ") && strings.Contains(s, fmt.Sprintf(" | %d → %d | ", ini.FromLevel, ini.ToLevel))
			}) {
				t.Errorf("%s: initiative %s without its levels %d → %d", ph.ID, ini.ID, ini.FromLevel, ini.ToLevel)
			}
		}
		if len(ph.ExitCriteria) == 0 {
			t.Errorf("%s: the example has no exit criteria", ph.ID)
		}
		for _, ec := range ph.ExitCriteria {
			if !strings.Contains(flat, ec) {
				t.Errorf("%s: no exit criterion %q", ph.ID, ec)
			}
		}
		for _, a := range ph.Adoption {
			if !strings.Contains(flat, a) {
				t.Errorf("%s: no adoption item %q", ph.ID, a)
			}
		}
	}
}

func TestPDFAppendixReadsBack(t *testing.T) {
	r := pdfExampleReport(t)
	pages := pdfSection(pdfRead(t, pdfRender(t, r)), "Appendix: practices in detail")
	starts := make([]int, len(r.Score.Practices))
	for i, p := range r.Score.Practices {
		starts[i] = -1
		for j, pg := range pages {
			if slices.ContainsFunc(pg.Items, func(it pdfItem) bool { return strings.HasPrefix(it.S, p.ID+" · weight") }) {
				starts[i] = j
				break
			}
		}
		if starts[i] < 0 {
			t.Fatalf("no appendix page for %s", p.ID)
		}
	}
	for i, p := range r.Score.Practices {
		end := len(pages)
		if i+1 < len(starts) {
			end = starts[i+1] + 1
		}
		first := pages[starts[i]]
		for caption, want := range map[string]string{
			"Documented": format.Num(p.Documented), "Actual": format.Num(p.Actual), "Drift": format.Num(p.Drift),
			"Target": strconv.Itoa(p.Target), "Level": format.Level(p.Level, p.Label), "Control gap": format.Num(p.ControlGap),
			"Capability gap": format.Num(p.CapabilityGap), "Target gap": format.Num(p.TargetGap), "Coverage": format.Pct(p.Coverage),
		} {
			it, ok := first.Find(caption)
			if !ok {
				t.Errorf("%s: no %s", p.ID, caption)
				continue
			}
			if got := first.Below(it); got != want {
				t.Errorf("%s: %s shows %q, want %q", p.ID, caption, got, want)
			}
		}
		rows := pdfAllRows(pages[starts[i]:end])
		n := 0
		for _, q := range r.Score.Questions {
			if q.Practice != p.ID {
				continue
			}
			n++
			if pdfStartsRow(rows, q.ID, format.Num(q.Documented), format.Num(q.Actual), format.Num(q.Gap)) < 0 {
				t.Errorf("%s: no question row %s … %s %s %s", p.ID, q.ID, format.Num(q.Documented), format.Num(q.Actual), format.Num(q.Gap))
			}
		}
		if n == 0 {
			t.Errorf("%s has no questions in the example", p.ID)
		}
		for _, ds := range r.Score.Dimensions {
			for _, c := range p.Dimensions {
				if c.ID == ds.ID && pdfRowIndex(rows, ds.DisplayName(), format.Num(c.Documented), format.Num(c.Actual)) < 0 {
					t.Errorf("%s: no dimension row %s %s %s", p.ID, ds.DisplayName(), format.Num(c.Documented), format.Num(c.Actual))
				}
			}
		}
	}
}

// The tests above catch the mistakes they are for: the same checks fail
// on a report whose actual and documented are swapped, whose score is
// doubled, or that dropped a row.
func TestPDFReadBackCatchesMistakes(t *testing.T) {
	r := pdfExampleReport(t)
	o := &r.Score.Overall
	o.Actual, o.Documented = o.Documented, o.Actual
	p := pdfSection(pdfRead(t, pdfRender(t, r)), "Executive summary")[0]
	it, _ := p.Find("ACTUAL PRACTICE")
	if p.Below(it) == format.Num(o.Documented) {
		t.Error("swapped actual and documented read back as right")
	}

	r = pdfExampleReport(t)
	want := r.Score.Practices[0]
	r.Score.Practices[0].Actual = assess.Some(want.Actual.Value * 2)
	rows := pdfAllRows(pdfRead(t, pdfRender(t, r)))
	if pdfRowIndex(rows, format.Num(want.Actual), strconv.Itoa(want.Target)) >= 0 {
		t.Error("a doubled score reads back as the right one")
	}

	r = pdfExampleReport(t)
	dropped := r.Plan.Phases[0].ExitCriteria[0]
	r.Plan.Phases[0].ExitCriteria = r.Plan.Phases[0].ExitCriteria[1:]
	if strings.Contains(pdfFlat(pdfRead(t, pdfRender(t, r))), dropped) {
		t.Error("a dropped exit criterion is still found")
	}
}
