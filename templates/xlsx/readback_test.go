package xlsx_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
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
	"github.com/itilmap/itilmap/templates/xlsx"
	"github.com/xuri/excelize/v2"
)

// Renderer tests: the workbook is read back cell by cell and compared with
// the result it was rendered from. Every check finds its column by the
// header's name and its row by the result's order, and checks the cell's
// type: a number is a number cell holding the value, a missing value an
// empty cell, a date a date cell. TestWorkbookReadBackCatches shows the
// checks fail when a score is doubled, documented stands where actual
// belongs, a row is dropped, a number goes missing or a date becomes text.

// reassessment is the example as a re-assessment of an earlier baseline:
// "base" is the example six months before, with every actual rating one
// lower (never below 0) and mean time to restore at 11 h.
func reassessment(t testing.TB) *templates.Report {
	t.Helper()
	fsys := fstest.MapFS{}
	lower := regexp.MustCompile(`actual: ([1-5])`)
	err := fs.WalkDir(examples.FS, examples.Acme, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := examples.FS.ReadFile(path)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(path, examples.Acme+"/")
		fsys["now/"+rel] = &fstest.MapFile{Data: b}
		base := string(b)
		switch {
		case rel == "assessment.yaml":
			base = strings.NewReplacer("id: acme-2026q4", "id: acme-2026q2", "date: 2026-11-02", "date: 2026-05-04").Replace(base)
		case rel == "painpoints.yaml":
			base = strings.Replace(base, "baseline: 9.5,", "baseline: 11,", 1)
		case strings.HasPrefix(rel, "responses/"):
			base = lower.ReplaceAllStringFunc(base, func(m string) string {
				n, _ := strconv.Atoi(m[len(m)-1:])
				return "actual: " + strconv.Itoa(n-1)
			})
		}
		fsys["base/"+rel] = &fstest.MapFile{Data: []byte(base)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, probs := roadmap.Build(roadmap.Input{Source: assess.FromFS(fsys), Dir: "now", Baseline: "base"})
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	if res.Progress == nil {
		t.Fatal("no progress with a baseline")
	}
	return &templates.Report{Result: res, Generated: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}
}

// checker collects what a workbook gets wrong.
type checker struct {
	f    *excelize.File
	errs []string
}

func (c *checker) errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

func (c *checker) raw(sheet string, col, row int) (excelize.CellType, string) {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	typ, _ := c.f.GetCellType(sheet, ref)
	v, _ := c.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	return typ, v
}

func ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// num checks a number cell, or an empty cell when want has no data.
func (c *checker) num(sheet string, col, row int, want assess.Num) {
	typ, v := c.raw(sheet, col, row)
	if !want.Valid {
		if v != "" {
			c.errorf("%s!%s = %q, want an empty cell (no data)", sheet, ref(col, row), v)
		}
		return
	}
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		c.errorf("%s!%s has cell type %v, want a number", sheet, ref(col, row), typ)
		return
	}
	got, err := strconv.ParseFloat(v, 64)
	if err != nil {
		c.errorf("%s!%s = %q, want the number %v", sheet, ref(col, row), v, want.Value)
		return
	}
	if math.Abs(got-want.Value) > 1e-9 {
		c.errorf("%s!%s = %v, want %v", sheet, ref(col, row), got, want.Value)
	}
}

func (c *checker) integer(sheet string, col, row int, want *int) {
	if want == nil {
		c.num(sheet, col, row, assess.Num{})
		return
	}
	c.num(sheet, col, row, assess.Some(float64(*want)))
}

func (c *checker) text(sheet string, col, row int, want string) {
	typ, v := c.raw(sheet, col, row)
	if want == "" {
		if v != "" {
			c.errorf("%s!%s = %q, want an empty cell", sheet, ref(col, row), v)
		}
		return
	}
	if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		c.errorf("%s!%s has cell type %v, want text %q", sheet, ref(col, row), typ, want)
	}
	if v != want {
		c.errorf("%s!%s = %q, want %q", sheet, ref(col, row), v, want)
	}
}

// date checks a date cell: a number with a date format, holding the day.
func (c *checker) date(sheet string, col, row int, want assess.Date) {
	typ, v := c.raw(sheet, col, row)
	if want.IsZero() {
		if v != "" {
			c.errorf("%s!%s = %q, want an empty cell (no date)", sheet, ref(col, row), v)
		}
		return
	}
	serial, err := strconv.ParseFloat(v, 64)
	if (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) || err != nil {
		c.errorf("%s!%s = %q (type %v), want the date %s as a date cell", sheet, ref(col, row), v, typ, want)
		return
	}
	got, err := excelize.ExcelDateToTime(serial, false)
	if err != nil || !got.Equal(want.Time) {
		c.errorf("%s!%s holds %v, want %s", sheet, ref(col, row), got, want)
	}
	style, _ := c.f.GetCellStyle(sheet, ref(col, row))
	if st, err := c.f.GetStyle(style); err != nil || st.CustomNumFmt == nil || !strings.Contains(*st.CustomNumFmt, "yy") {
		c.errorf("%s!%s has no date format", sheet, ref(col, row))
	}
}

// header finds the columns of a header row by name; a missing name is an error.
func (c *checker) header(sheet string, row int, names ...string) map[string]int {
	cols := map[string]int{}
	rows, _ := c.f.GetRows(sheet)
	if row-1 < len(rows) {
		for i, v := range rows[row-1] {
			if _, dup := cols[v]; !dup && v != "" {
				cols[v] = i + 1
			}
		}
	}
	for _, n := range names {
		if cols[n] == 0 {
			c.errorf("%s row %d has no column %q", sheet, row, n)
		}
	}
	return cols
}

// end checks that a table of n rows under the header at row ends there.
func (c *checker) end(sheet string, row, n int) {
	if _, v := c.raw(sheet, 1, row+n+1); v != "" {
		c.errorf("%s!%s = %q after the table's %d rows, want nothing more", sheet, ref(1, row+n+1), v, n)
	}
	if n > 0 {
		if _, v := c.raw(sheet, 1, row+n); v == "" {
			c.errorf("%s!%s is empty, want the table's last row", sheet, ref(1, row+n))
		}
	}
}

// rowOf finds the row whose column A holds label, from row from on.
func (c *checker) rowOf(sheet, label string, from int) int {
	rows, _ := c.f.GetRows(sheet)
	for i := from - 1; i < len(rows); i++ {
		if len(rows[i]) > 0 && rows[i][0] == label {
			return i + 1
		}
	}
	c.errorf("%s has no row %q", sheet, label)
	return 0
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func checkWorkbook(f *excelize.File, r *templates.Report) []string {
	c := &checker{f: f}
	res := r.Score
	// Summary: facts by label, readiness under them
	sh := xlsx.SheetSummary
	fact := func(label string) int { return c.rowOf(sh, label, 3) }
	c.text(sh, 2, fact(xlsx.FactOrganization), res.Assessment.Organization)
	c.text(sh, 2, fact(xlsx.FactAssessment), res.Assessment.ID)
	c.date(sh, 2, fact(xlsx.FactDate), res.Assessment.Date)
	c.integer(sh, 2, fact(xlsx.FactRespondents), &res.Respondents)
	c.text(sh, 2, fact(xlsx.FactTeams), format.Dash(strings.Join(res.Teams, ", ")))
	c.num(sh, 2, fact(xlsx.FactActual), res.Overall.Actual)
	c.num(sh, 2, fact(xlsx.FactDocumented), res.Overall.Documented)
	c.num(sh, 2, fact(xlsx.FactDrift), res.Overall.Drift)
	c.integer(sh, 2, fact(xlsx.FactLevel), res.Overall.Level)
	c.num(sh, 2, fact(xlsx.FactCoverage), res.Overall.Coverage)
	c.text(sh, 2, fact(xlsx.FactRollout), r.Plan.Rollout.Mode)
	rr := c.rowOf(sh, "Readiness", 3)
	cols := c.header(sh, rr, "Readiness", "Advice", "Ready")
	for i, rc := range r.Plan.Readiness {
		c.text(sh, cols["Readiness"], rr+1+i, strings.ReplaceAll(rc.Item, "_", " "))
		c.text(sh, cols["Advice"], rr+1+i, rc.Advice)
		c.text(sh, cols["Ready"], rr+1+i, rc.Status)
	}
	c.end(sh, rr, len(r.Plan.Readiness))

	// Practices, in attention order
	sh = xlsx.SheetPractices
	cols = c.header(sh, 1, "Practice", "ID", "Weight", "Target", "Documented", "Actual", "Drift", "Level", "Label",
		"Weakest dimension", "Control gap", "Capability gap", "Target gap", "Coverage", "Team spread")
	ps := res.AttentionPractices()
	for i, p := range ps {
		row := i + 2
		c.text(sh, cols["Practice"], row, p.Name)
		c.text(sh, cols["ID"], row, p.ID)
		c.num(sh, cols["Weight"], row, assess.Some(p.Weight))
		c.integer(sh, cols["Target"], row, &p.Target)
		c.num(sh, cols["Documented"], row, p.Documented)
		c.num(sh, cols["Actual"], row, p.Actual)
		c.num(sh, cols["Drift"], row, p.Drift)
		c.integer(sh, cols["Level"], row, p.Level)
		c.text(sh, cols["Label"], row, deref(p.Label))
		c.text(sh, cols["Weakest dimension"], row, p.Weakest)
		c.num(sh, cols["Control gap"], row, p.ControlGap)
		c.num(sh, cols["Capability gap"], row, p.CapabilityGap)
		c.num(sh, cols["Target gap"], row, p.TargetGap)
		c.num(sh, cols["Coverage"], row, p.Coverage)
		c.num(sh, cols["Team spread"], row, p.TeamSpread)
	}
	c.end(sh, 1, len(ps))

	// Heatmap: practice × dimension, then practice × team
	sh = xlsx.SheetHeatmap
	var dimNames []string
	for _, d := range res.Dimensions {
		dimNames = append(dimNames, d.DisplayName())
	}
	cols = c.header(sh, 1, append([]string{"Practice (actual)", "Overall", "Level"}, dimNames...)...)
	for i, p := range ps {
		row := i + 2
		c.text(sh, cols["Practice (actual)"], row, p.Name)
		for _, d := range res.Dimensions {
			var want assess.Num
			for _, cell := range p.Dimensions {
				if cell.ID == d.ID {
					want = cell.Actual
				}
			}
			c.num(sh, cols[d.DisplayName()], row, want)
		}
		c.num(sh, cols["Overall"], row, p.Actual)
		c.integer(sh, cols["Level"], row, p.Level)
	}
	c.end(sh, 1, len(ps))
	if len(res.Teams) > 0 {
		tr := c.rowOf(sh, "Practice (actual by team)", len(ps)+2)
		cols = c.header(sh, tr, append([]string{"Spread"}, res.Teams...)...)
		for i, p := range ps {
			c.text(sh, 1, tr+1+i, p.Name)
			for j, team := range res.Teams {
				c.num(sh, cols[team], tr+1+i, p.Teams[j].Actual)
			}
			c.num(sh, cols["Spread"], tr+1+i, p.TeamSpread)
		}
		c.end(sh, tr, len(ps))
	}

	// Gaps: every question with a gap, largest first
	sh = xlsx.SheetGaps
	cols = c.header(sh, 1, "Question", "Practice", "Dimension", "Kind", "Documented", "Actual", "Gap", "Statement")
	gaps := res.GapQuestions(0)
	for i, q := range gaps {
		row := i + 2
		c.text(sh, cols["Question"], row, q.ID)
		c.text(sh, cols["Practice"], row, q.Practice)
		c.text(sh, cols["Dimension"], row, q.Dimension)
		c.text(sh, cols["Kind"], row, q.Kind)
		c.num(sh, cols["Documented"], row, q.Documented)
		c.num(sh, cols["Actual"], row, q.Actual)
		c.num(sh, cols["Gap"], row, q.Gap)
		c.text(sh, cols["Statement"], row, q.Text)
	}
	c.end(sh, 1, len(gaps))

	// Outcomes, ranked, with whether the plan delivers them
	sh = xlsx.SheetOutcomes
	cols = c.header(sh, 1, "Rank", "ID", "Pain point", "Priority", "Outcome", "Planned", "Planned by", "Plan note", "Owner", "Practices",
		"Metric", "Unit", "Baseline", "Target", "By", "Needs baseline")
	for i, o := range r.Outcomes {
		row := i + 2
		c.integer(sh, cols["Rank"], row, &o.Rank)
		c.text(sh, cols["ID"], row, o.ID)
		c.text(sh, cols["Pain point"], row, o.Title)
		c.num(sh, cols["Priority"], row, assess.Some(o.Priority))
		c.text(sh, cols["Outcome"], row, o.Statement)
		c.text(sh, cols["Planned"], row, yesNo(o.Planned))
		c.date(sh, cols["Planned by"], row, o.PlannedBy)
		c.text(sh, cols["Plan note"], row, o.PlanNote)
		c.text(sh, cols["Owner"], row, o.Owner)
		c.text(sh, cols["Practices"], row, strings.Join(o.Practices, ", "))
		var base, target assess.Num
		if m := o.Metric; m != nil {
			c.text(sh, cols["Metric"], row, m.ID)
			c.text(sh, cols["Unit"], row, m.Unit)
			base, target = m.Baseline, m.Target
		}
		c.num(sh, cols["Baseline"], row, base)
		c.num(sh, cols["Target"], row, target)
		c.date(sh, cols["By"], row, o.By)
		c.text(sh, cols["Needs baseline"], row, yesNo(o.NeedsBaseline))
	}
	c.end(sh, 1, len(r.Outcomes))

	// Roadmap: one row per initiative, phase by phase
	sh = xlsx.SheetRoadmap
	cols = c.header(sh, 1, "Phase", "ID", "Practice", "Initiative", "From level", "To level", "Fix", "Outcomes", "Depends on",
		"Weakest dimension", "Phase start", "Phase end")
	row := 2
	for _, ph := range r.Plan.Phases {
		for _, ini := range ph.Initiatives {
			c.text(sh, cols["Phase"], row, ph.ID)
			c.text(sh, cols["ID"], row, ini.ID)
			c.text(sh, cols["Practice"], row, ini.PracticeName)
			c.text(sh, cols["Initiative"], row, ini.Title)
			c.integer(sh, cols["From level"], row, &ini.FromLevel)
			c.integer(sh, cols["To level"], row, &ini.ToLevel)
			c.text(sh, cols["Fix"], row, ini.Fix)
			c.text(sh, cols["Outcomes"], row, strings.Join(ini.Outcomes, ", "))
			c.text(sh, cols["Depends on"], row, strings.Join(ini.DependsOn, ", "))
			c.text(sh, cols["Weakest dimension"], row, ini.Dimension)
			c.date(sh, cols["Phase start"], row, ph.Start)
			c.date(sh, cols["Phase end"], row, ph.End)
			row++
		}
	}
	c.end(sh, 1, row-2)

	// the plan's lists, one item a row
	lists := []struct {
		sheet, head string
		items       func(roadmap.Phase) []string
	}{
		{xlsx.SheetExitCriteria, "Exit criterion, checked at re-assessment", func(p roadmap.Phase) []string { return p.ExitCriteria }},
		{xlsx.SheetAdoption, "Adoption step", func(p roadmap.Phase) []string { return p.Adoption }},
	}
	for _, l := range lists {
		cols = c.header(l.sheet, 1, "Phase", l.head)
		row := 2
		for _, ph := range r.Plan.Phases {
			for _, it := range l.items(ph) {
				c.text(l.sheet, cols["Phase"], row, ph.ID)
				c.text(l.sheet, cols[l.head], row, it)
				row++
			}
		}
		c.end(l.sheet, 1, row-2)
	}
	sh = xlsx.SheetBacklog
	cols = c.header(sh, 1, "Practice", "Phase", "Waits because")
	for i, b := range r.Plan.Backlog {
		c.text(sh, cols["Practice"], i+2, b.Practice)
		c.text(sh, cols["Phase"], i+2, b.Phase)
		c.text(sh, cols["Waits because"], i+2, b.Reason)
	}
	if len(r.Plan.Backlog) > 0 {
		c.end(sh, 1, len(r.Plan.Backlog))
	}
	sh = xlsx.SheetNotes
	cols = c.header(sh, 1, "Note on the plan")
	for i, n := range r.Plan.Notes {
		c.text(sh, cols["Note on the plan"], i+2, n)
	}
	if len(r.Plan.Notes) > 0 {
		c.end(sh, 1, len(r.Plan.Notes))
	}

	if r.Progress != nil {
		checkProgress(c, r)
	}
	return c.errs
}

func checkProgress(c *checker, r *templates.Report) {
	sh, p := xlsx.SheetProgress, r.Progress
	base, cur := r.BaselineScore.Assessment.ID, r.Score.Assessment.ID
	at := c.rowOf(sh, xlsx.ProgressOverall, 1) + 1
	cols := c.header(sh, at, "Assessment", "Date", "Actual", "Documented", "Δ actual", "Δ documented", "Level")
	for i, o := range p.Overall {
		c.text(sh, cols["Assessment"], at+1+i, o.ID)
		c.date(sh, cols["Date"], at+1+i, p.Assessments[i].Date)
		c.num(sh, cols["Actual"], at+1+i, o.Actual)
		c.num(sh, cols["Documented"], at+1+i, o.Documented)
		c.num(sh, cols["Δ actual"], at+1+i, o.DeltaActual)
		c.num(sh, cols["Δ documented"], at+1+i, o.DeltaDocumented)
		c.integer(sh, cols["Level"], at+1+i, o.Level)
	}
	c.end(sh, at, len(p.Overall))

	at = c.rowOf(sh, xlsx.ProgressPractices, at) + 1
	cols = c.header(sh, at, "Practice", "ID", "Baseline actual", "Actual", "Δ actual", "Δ documented", "Baseline level", "Level", "Level change")
	for i, t := range p.Practices {
		row := at + 1 + i
		var then, now roadmap.PracticePoint
		for _, pt := range t.Series {
			if pt.Assessment == base {
				then = pt
			}
			if pt.Assessment == cur {
				now = pt
			}
		}
		c.text(sh, cols["ID"], row, t.ID)
		c.num(sh, cols["Baseline actual"], row, then.Actual)
		c.num(sh, cols["Actual"], row, now.Actual)
		c.num(sh, cols["Δ actual"], row, t.DeltaActual)
		c.num(sh, cols["Δ documented"], row, t.DeltaDocumented)
		c.integer(sh, cols["Baseline level"], row, then.Level)
		c.integer(sh, cols["Level"], row, now.Level)
		c.text(sh, cols["Level change"], row, deref(t.LevelChange))
	}
	c.end(sh, at, len(p.Practices))

	for _, q := range []struct{ heading, change string }{{xlsx.ProgressImproved, roadmap.Improved}, {xlsx.ProgressRegressed, roadmap.Regressed}} {
		at = c.rowOf(sh, q.heading, at) + 1
		cols = c.header(sh, at, "Question", "Baseline actual", "Actual", "Δ actual", "Statement")
		qs := p.MostChanged(q.change)
		for i, qc := range qs {
			row := at + 1 + i
			c.text(sh, cols["Question"], row, qc.ID)
			c.num(sh, cols["Baseline actual"], row, qc.Series[0].Actual)
			c.num(sh, cols["Actual"], row, qc.Series[len(qc.Series)-1].Actual)
			c.num(sh, cols["Δ actual"], row, qc.DeltaActual)
			c.text(sh, cols["Statement"], row, qc.Text)
		}
		if len(qs) > 0 {
			c.end(sh, at, len(qs))
		}
	}

	at = c.rowOf(sh, xlsx.ProgressMetrics, at) + 1
	cols = c.header(sh, at, "Pain point", "Metric", "Baseline", "Target", "Now", "Progress", "Status")
	for i, m := range p.Metrics {
		row := at + 1 + i
		c.text(sh, cols["Pain point"], row, m.Title)
		c.text(sh, cols["Metric"], row, deref(m.Metric))
		c.num(sh, cols["Baseline"], row, m.Baseline)
		c.num(sh, cols["Target"], row, m.Target)
		c.num(sh, cols["Now"], row, m.Now)
		c.num(sh, cols["Progress"], row, m.Progress)
		c.text(sh, cols["Status"], row, m.Status)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func openWorkbook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWorkbookReadBack(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *templates.Report
	}{
		{"example", workbookReport(t, assess.FromFS(examples.FS), examples.Acme)},
		{"re-assessment with a baseline", reassessment(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := openWorkbook(t, renderWorkbook(t, tc.r))
			if got, want := strings.Join(f.GetSheetList(), ","), strings.Join(xlsx.SheetNames(tc.r), ","); got != want {
				t.Fatalf("sheets = %s, want %s", got, want)
			}
			for _, e := range checkWorkbook(f, tc.r) {
				t.Error(e)
			}
		})
	}
}

// The fixture is worth checking against: it has what the checks compare.
func TestWorkbookReadBackFixture(t *testing.T) {
	r := reassessment(t)
	p := r.Progress
	if len(p.Improved) == 0 || len(p.Metrics) == 0 || len(r.Plan.Backlog) == 0 || len(r.Plan.Notes) == 0 {
		t.Fatalf("fixture lacks improved questions, metrics, backlog or notes: %d %d %d %d", len(p.Improved), len(p.Metrics), len(r.Plan.Backlog), len(r.Plan.Notes))
	}
	found := false
	for _, m := range p.Metrics {
		if m.PainPoint == "slow-restore" {
			// 11 h, −20% → target 8.8 h; now 9.5 h: (11 − 9.5)/(11 − 8.8) = 68%
			found = true
			if !m.Progress.Valid || math.Abs(m.Progress.Value-1.5/2.2*100) > 1e-9 || m.Status != roadmap.StatusProgressing {
				t.Errorf("slow-restore progress %v %s, want 68%% progressing", m.Progress, m.Status)
			}
		}
	}
	if !found {
		t.Error("no progress for slow-restore")
	}
}

// A value with no data is an empty cell, never 0.
func TestWorkbookReadBackNulls(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"acme/assessment.yaml", "acme/painpoints.yaml"} {
		b, _ := examples.FS.ReadFile(name)
		fsys[name] = &fstest.MapFile{Data: b}
	}
	// one respondent on one practice: every other practice has no score
	fsys["acme/responses/r01.yaml"] = &fstest.MapFile{Data: []byte("questionnaire: itil4-core\nrespondent: {id: r01, team: service-desk}\nanswers:\n  IM-PR-1: {documented: 3, actual: 2}\n")}
	r := workbookReport(t, assess.FromFS(fsys), "acme")
	nulls := 0
	for _, p := range r.Score.Practices {
		if !p.Actual.Valid {
			nulls++
		}
	}
	if nulls == 0 {
		t.Fatal("fixture has no practice without a score")
	}
	f := openWorkbook(t, renderWorkbook(t, r))
	for _, e := range checkWorkbook(f, r) {
		t.Error(e)
	}
}

// The checks fail on a wrong workbook: each change below must be caught.
func TestWorkbookReadBackCatches(t *testing.T) {
	r := reassessment(t)
	data := renderWorkbook(t, r)
	p0 := r.Score.AttentionPractices()[0]
	mutations := []struct {
		name   string
		mutate func(f *excelize.File)
	}{
		{"documented where actual belongs", func(f *excelize.File) {
			f.SetCellValue(xlsx.SheetPractices, "F2", p0.Documented.Value) // Actual column
		}},
		{"a score doubled", func(f *excelize.File) {
			row := 0
			rows, _ := f.GetRows(xlsx.SheetSummary)
			for i, r := range rows {
				if len(r) > 0 && r[0] == xlsx.FactActual {
					row = i + 1
				}
			}
			f.SetCellValue(xlsx.SheetSummary, ref(2, row), 2*r.Score.Overall.Actual.Value)
		}},
		{"a row dropped", func(f *excelize.File) { f.RemoveRow(xlsx.SheetGaps, 3) }},
		{"an outcome dropped", func(f *excelize.File) { f.RemoveRow(xlsx.SheetOutcomes, 2) }},
		{"a number missing", func(f *excelize.File) { f.SetCellValue(xlsx.SheetOutcomes, "D2", nil) }},
		{"a number stored as text", func(f *excelize.File) {
			f.SetCellStr(xlsx.SheetPractices, "E2", format.Num(p0.Documented))
		}},
		{"a date stored as text", func(f *excelize.File) {
			f.SetCellStr(xlsx.SheetRoadmap, "N2", r.Plan.Phases[0].Start.String())
		}},
		{"planned shown wrongly", func(f *excelize.File) {
			f.SetCellStr(xlsx.SheetOutcomes, "F2", yesNo(!r.Outcomes[0].Planned))
		}},
		{"unknown readiness shown as no", func(f *excelize.File) {
			rows, _ := f.GetRows(xlsx.SheetSummary)
			for i, row := range rows {
				if len(row) > 2 && row[2] == roadmap.ReadyUnknown {
					f.SetCellStr(xlsx.SheetSummary, ref(3, i+1), roadmap.NotReady)
					return
				}
			}
		}},
		{"a progress delta doubled", func(f *excelize.File) {
			rows, _ := f.GetRows(xlsx.SheetProgress)
			for i, row := range rows {
				if len(row) > 0 && row[0] == xlsx.ProgressPractices {
					f.SetCellValue(xlsx.SheetProgress, ref(5, i+3), 2*r.Progress.Practices[0].DeltaActual.Value)
					return
				}
			}
		}},
		{"regressed questions in the wrong order", func(f *excelize.File) {
			rows, _ := f.GetRows(xlsx.SheetProgress)
			for i, row := range rows {
				if len(row) > 0 && row[0] == xlsx.ProgressImproved {
					f.SetCellStr(xlsx.SheetProgress, ref(2, i+3), r.Progress.Improved[len(r.Progress.Improved)-1])
					return
				}
			}
		}},
	}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			f := openWorkbook(t, data)
			m.mutate(f)
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			g := openWorkbook(t, buf.Bytes())
			if errs := checkWorkbook(g, r); len(errs) == 0 {
				t.Errorf("the checks pass on a workbook with %s", m.name)
			}
		})
	}
}

// Every sheet prints landscape on A4, one page wide, with its header rows
// repeated on every page.
func TestWorkbookPrintSetup(t *testing.T) {
	r := reassessment(t)
	f := openWorkbook(t, renderWorkbook(t, r))
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sh := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
			pl.FitToHeight == nil || *pl.FitToHeight != 0 || pl.Size == nil || *pl.Size != 9 {
			t.Errorf("%s page layout %+v, want A4 landscape, one page wide", sh, pl)
		}
		props, _ := f.GetSheetProps(sh)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s does not fit to page", sh)
		}
		if want := "'" + sh + "'!$1:$1"; titles[sh] != want {
			t.Errorf("%s print titles %q, want %q", sh, titles[sh], want)
		}
		hf, _ := f.GetHeaderFooter(sh)
		if hf == nil || !strings.Contains(hf.OddFooter, "&P of &N") {
			t.Errorf("%s has no page numbers in its footer: %+v", sh, hf)
		}
	}
}

// Text columns are wide enough for their text: a value no longer than the
// cap fits its column, and a longer one wraps in a row tall enough.
func TestWorkbookColumnsFitText(t *testing.T) {
	r := reassessment(t)
	f := openWorkbook(t, renderWorkbook(t, r))
	for _, sh := range []string{xlsx.SheetPractices, xlsx.SheetOutcomes, xlsx.SheetRoadmap, xlsx.SheetExitCriteria, xlsx.SheetAdoption, xlsx.SheetBacklog, xlsx.SheetNotes} {
		rows, _ := f.GetRows(sh)
		for i, row := range rows[1:] {
			for j, v := range row {
				if v == "" {
					continue
				}
				col, _ := excelize.ColumnNumberToName(j + 1)
				w, _ := f.GetColWidth(sh, col)
				longest := 0
				for _, line := range strings.Split(v, "\n") {
					longest = max(longest, len([]rune(line)))
				}
				if float64(longest) <= w-2 {
					continue
				}
				h, _ := f.GetRowHeight(sh, i+2)
				need := float64(longest)/(w*1.1) + float64(strings.Count(v, "\n"))
				if h < 15*need*0.9 {
					t.Errorf("%s!%s%d: %d characters in a column %.0f wide and a row %.0f pt tall", sh, col, i+2, longest, w, h)
				}
			}
		}
	}
	// the Roadmap's long lists no longer sit in a narrow column
	if w, _ := f.GetColWidth(xlsx.SheetExitCriteria, "C"); w < 60 {
		t.Errorf("exit criteria column %.0f wide", w)
	}
}
