package text

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/internal/format"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// notAssessed marks an assessment that does not have a practice or
// dimension at all (outside its scope or its questionnaire), as opposed to
// "—", a practice it has but nobody answered.
const notAssessed = "n/a"

// CompareTables lays out a comparison as a re-assessment review: the
// overall trend, practices and dimensions per assessment, the questions
// that moved, and how far the pain points' metrics have come.
func CompareTables(c *roadmap.Comparison) []Table {
	if len(c.Assessments) == 0 {
		return []Table{{Title: "Comparison", Empty: "No assessments to compare."}}
	}
	return []Table{
		compareOverall(c), comparePractices(c), compareDimensions(c),
		compareQuestionCounts(c), compareQuestions(c, roadmap.Improved), compareQuestions(c, roadmap.Regressed),
		compareMetrics(c),
	}
}

func compareOverall(c *roadmap.Comparison) Table {
	base, last := c.Assessments[0], c.Assessments[len(c.Assessments)-1]
	t := Table{
		Title: fmt.Sprintf("%s: overall trend from the baseline %s (%s) to %s (%s)",
			base.Organization, base.ID, base.Date, last.ID, last.Date),
		Header: []string{"Assessment", "Date", "Questionnaire", "Actual", "Documented", "Level", "Δ actual", "Δ documented"},
		Right:  []int{3, 4, 6, 7},
		Note:   "Δ: change since the baseline.",
	}
	for i, a := range c.Assessments {
		o := c.Overall[i]
		da, dd := format.Signed(o.DeltaActual), format.Signed(o.DeltaDocumented)
		if i == 0 {
			da, dd = "baseline", "baseline"
		}
		t.Rows = append(t.Rows, []string{a.ID, a.Date.String(), a.Questionnaire.ID + " " + a.Questionnaire.Version,
			format.Num(o.Actual), format.Num(o.Documented), format.Level(o.Level, o.Label), da, dd})
	}
	if c.SharedQuestions < 1 {
		t.Note += " " + sharedNote(c)
	}
	return t
}

func sharedNote(c *roadmap.Comparison) string {
	return fmt.Sprintf("Questions are compared on the %d of the baseline's %d questions that every assessment scores (%.0f%%).",
		len(c.Questions), c.BaselineQuestions, math.Floor(c.SharedQuestions*100))
}

// compareColumns returns the header cells of one column per assessment and
// their indexes after the first lead columns.
func compareColumns(c *roadmap.Comparison, lead int) ([]string, []int) {
	var h []string
	var right []int
	for i, a := range c.Assessments {
		h = append(h, a.ID)
		right = append(right, lead+i)
	}
	return h, right
}

func comparePractices(c *roadmap.Comparison) Table {
	cols, right := compareColumns(c, 1)
	n := len(c.Assessments)
	t := Table{
		Title:  "Practices: actual score per assessment",
		Header: append(append([]string{"Practice"}, cols...), "Δ actual", "Level", "Change"),
		Right:  append(right, n+1),
		Empty:  "No practice is in scope in any assessment.",
		Note:   "Δ and level change: latest against baseline. Level: the weakest dimension caps it. " + notAssessed + ": not in that assessment.",
	}
	var missing []string
	for _, p := range c.Practices {
		actual := map[string]assess.Num{}
		for _, s := range p.Series {
			actual[s.Assessment] = s.Actual
		}
		row := append([]string{compareName(p.Name, p.ID)}, compareSeries(c, actual)...)
		levels := "—"
		if p.LevelChange != nil {
			levels = fmt.Sprintf("%d → %d", *p.Series[0].Level, *p.Series[len(p.Series)-1].Level)
		}
		t.Rows = append(t.Rows, append(row, format.Signed(p.DeltaActual), levels, levelArrow(p.LevelChange)))
		if len(p.MissingFrom) > 0 {
			missing = append(missing, presence(compareName(p.Name, p.ID), p.Series, p.MissingFrom))
		}
	}
	if len(missing) > 0 {
		t.Lists = []List{{Heading: "Not in every assessment (not compared where missing)", Items: missing}}
	}
	return t
}

func presence(name string, series []roadmap.PracticePoint, missingFrom []string) string {
	if len(series) == 1 {
		return fmt.Sprintf("%s: only in %s", name, series[0].Assessment)
	}
	return fmt.Sprintf("%s: not in %s", name, strings.Join(missingFrom, ", "))
}

func levelArrow(change *string) string {
	if change == nil {
		return "—"
	}
	switch *change {
	case roadmap.LevelUp:
		return "↑ up"
	case roadmap.LevelDown:
		return "↓ down"
	}
	return "= same"
}

func compareDimensions(c *roadmap.Comparison) Table {
	cols, right := compareColumns(c, 1)
	n := len(c.Assessments)
	t := Table{
		Title:  "Dimensions: actual score per assessment",
		Header: append(append([]string{"Dimension"}, cols...), "Δ actual", "Δ documented"),
		Right:  append(right, n+1, n+2),
		Empty:  "No dimension in any assessment.",
	}
	for _, d := range c.Dimensions {
		actual := map[string]assess.Num{}
		for _, s := range d.Series {
			actual[s.Assessment] = s.Actual
		}
		row := append([]string{compareName(d.Name, d.ID)}, compareSeries(c, actual)...)
		t.Rows = append(t.Rows, append(row, format.Signed(d.DeltaActual), format.Signed(d.DeltaDocumented)))
	}
	return t
}

// compareQuestionCounts shows how many compared questions changed which way.
func compareQuestionCounts(c *roadmap.Comparison) Table {
	counts := c.ChangeCounts()
	t := Table{
		Title:  "Questions: actual consensus, baseline to latest",
		Header: []string{"Change", "Questions"},
		Right:  []int{1},
		Rows: [][]string{
			{roadmap.Improved, strconv.Itoa(counts[roadmap.Improved])},
			{roadmap.Regressed, strconv.Itoa(counts[roadmap.Regressed])},
			{roadmap.Unchanged, strconv.Itoa(counts[roadmap.Unchanged])},
		},
		Note: fmt.Sprintf("A question improved or regressed when its actual consensus moved by at least %s.", threshold()),
	}
	if n := counts[""]; n > 0 {
		t.Rows = append(t.Rows, []string{"no actual rating in both", strconv.Itoa(n)})
	}
	t.Rows = append(t.Rows, []string{"compared", strconv.Itoa(len(c.Questions))})
	if c.SharedQuestions < 1 {
		t.Note += " " + sharedNote(c)
	}
	return t
}

func threshold() string { return strconv.FormatFloat(roadmap.ChangeThreshold, 'f', -1, 64) }

// compareQuestions lists the questions that improved (or regressed), the
// largest move first.
func compareQuestions(c *roadmap.Comparison, change string) Table {
	qs := c.MostChanged(change)
	word := map[string]string{roadmap.Improved: "rose", roadmap.Regressed: "fell"}[change]
	t := Table{
		Title:  fmt.Sprintf("Questions %s, largest change first", change),
		Header: []string{"Question", "Practice", "Baseline", "Latest", "Δ actual", "Statement"},
		Right:  []int{2, 3, 4},
		Empty:  fmt.Sprintf("No question's actual consensus %s by %s or more.", word, threshold()),
	}
	for _, q := range qs {
		t.Rows = append(t.Rows, []string{q.ID, q.Practice, format.Num(q.Series[0].Actual), format.Num(q.Series[len(q.Series)-1].Actual),
			format.Signed(q.DeltaActual), q.Text})
	}
	return t
}

func compareMetrics(c *roadmap.Comparison) Table {
	t := Table{
		Title:  "Pain point metrics, measured again",
		Header: []string{"Pain point", "Metric", "Baseline", "Target", "Now", "Progress", "Status"},
		Right:  []int{2, 3, 4, 5},
		Empty:  "No pain point of the baseline is in the latest assessment: no metric to measure again.",
		Note: "Baseline and target: the baseline assessment's. Now: the baseline the latest assessment records. " +
			"Progress = (baseline − now) / (baseline − target): 100% means the target is met.",
	}
	for _, m := range c.Metrics {
		metric := "—"
		if m.Metric != nil {
			metric = compareName(m.Name, *m.Metric)
		}
		t.Rows = append(t.Rows, []string{compareName(m.Title, m.PainPoint), metric, compareQuantity(m.Baseline, m.Unit),
			compareQuantity(m.Target, m.Unit), compareQuantity(m.Now, m.Unit), format.Percent(m.Progress), m.Status})
	}
	return t
}

// compareQuantity writes a metric value with its unit: "9.5 h", "72%", or "—".
func compareQuantity(v assess.Num, unit string) string {
	if !v.Valid {
		return "—"
	}
	s := strconv.FormatFloat(math.Round(v.Value*100)/100, 'f', -1, 64)
	switch unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + unit
}

func compareName(name, id string) string {
	if name != "" {
		return name
	}
	return id
}

// compareSeries writes one cell per assessment: the actual score where the
// item was assessed, notAssessed where it was not.
func compareSeries(c *roadmap.Comparison, actual map[string]assess.Num) []string {
	cells := make([]string, len(c.Assessments))
	for i, a := range c.Assessments {
		if v, ok := actual[a.ID]; ok {
			cells[i] = format.Num(v)
		} else {
			cells[i] = notAssessed
		}
	}
	return cells
}
