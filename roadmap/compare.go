package roadmap

import (
	"fmt"
	"math"
	"sort"

	"github.com/itilmap/itilmap/assess"
)

// Comparison lines up a baseline assessment and its re-assessments: what
// `compare --format json` prints (docs/method.md, "Comparison"). Deltas are the
// last assessment minus the baseline; a value with no data is null.
type Comparison struct {
	Assessments []ComparedAssessment `json:"assessments" yaml:"assessments"`
	Overall     []OverallPoint       `json:"overall" yaml:"overall"`
	Dimensions  []DimensionTrend     `json:"dimensions" yaml:"dimensions"`
	Practices   []PracticeTrend      `json:"practices" yaml:"practices"`
	Questions   []QuestionChange     `json:"questions" yaml:"questions"`
	Metrics     []MetricProgress     `json:"metrics" yaml:"metrics"`
	// Improved and Regressed list the ids of the questions that improved
	// (regressed), the largest move of actual consensus first, then by id:
	// the order of "the questions that improved or regressed most".
	Improved  []string `json:"improved" yaml:"improved"`
	Regressed []string `json:"regressed" yaml:"regressed"`
	// SharedQuestions is the share (0..1) of the baseline's in-scope
	// questions that every later assessment scores too: the questions the
	// comparison can compare. 1 when nothing is missing.
	SharedQuestions float64 `json:"shared_questions" yaml:"shared_questions"`
	// Warnings say where the assessments are not like for like.
	Warnings []string `json:"warnings" yaml:"warnings"`

	// BaselineQuestions is how many questions the baseline scores.
	BaselineQuestions int `json:"-" yaml:"-"`
}

// ComparedAssessment identifies one assessment of the comparison, the
// baseline first.
type ComparedAssessment struct {
	ID            string                     `json:"id" yaml:"id"`
	Date          assess.Date                `json:"date" yaml:"date"`
	Organization  string                     `json:"organization" yaml:"organization"`
	Questionnaire assess.ResultQuestionnaire `json:"questionnaire" yaml:"questionnaire"`
}

// OverallPoint is one assessment's overall score, with its change since
// the baseline (0 for the baseline itself).
type OverallPoint struct {
	ID              string     `json:"id" yaml:"id"`
	Actual          assess.Num `json:"actual" yaml:"actual"`
	Documented      assess.Num `json:"documented" yaml:"documented"`
	DeltaActual     assess.Num `json:"delta_actual" yaml:"delta_actual"`
	DeltaDocumented assess.Num `json:"delta_documented" yaml:"delta_documented"`
	Level           *int       `json:"level" yaml:"level"`
	Label           *string    `json:"label" yaml:"label"`
}

// PracticePoint is a practice as one assessment scored it.
type PracticePoint struct {
	Assessment string     `json:"assessment" yaml:"assessment"`
	Actual     assess.Num `json:"actual" yaml:"actual"`
	Documented assess.Num `json:"documented" yaml:"documented"`
	Level      *int       `json:"level" yaml:"level"`
	Label      *string    `json:"label" yaml:"label"`
}

// ScorePoint is a dimension or a question as one assessment scored it.
type ScorePoint struct {
	Assessment string     `json:"assessment" yaml:"assessment"`
	Actual     assess.Num `json:"actual" yaml:"actual"`
	Documented assess.Num `json:"documented" yaml:"documented"`
}

// At is the practice as assessment id scored it; false when that
// assessment does not have the practice in scope.
func (t PracticeTrend) At(id string) (PracticePoint, bool) {
	for _, p := range t.Series {
		if p.Assessment == id {
			return p, true
		}
	}
	return PracticePoint{}, false
}

// At is the question as assessment id scored it; false when that
// assessment does not have it.
func (q QuestionChange) At(id string) (ScorePoint, bool) {
	for _, p := range q.Series {
		if p.Assessment == id {
			return p, true
		}
	}
	return ScorePoint{}, false
}

// Level changes of a practice from the baseline to the last assessment.
const (
	LevelUp   = "up"
	LevelDown = "down"
	LevelSame = "same"
)

// PracticeTrend is one practice across the assessments. Series has a point
// only for the assessments that have the practice in scope; MissingFrom
// names the others. A practice missing from the baseline or the last
// assessment has no delta and no level change: nothing is guessed.
type PracticeTrend struct {
	ID              string          `json:"id" yaml:"id"`
	Name            string          `json:"name" yaml:"name"`
	Series          []PracticePoint `json:"series" yaml:"series"`
	DeltaActual     assess.Num      `json:"delta_actual" yaml:"delta_actual"`
	DeltaDocumented assess.Num      `json:"delta_documented" yaml:"delta_documented"`
	LevelChange     *string         `json:"level_change" yaml:"level_change"`
	MissingFrom     []string        `json:"missing_from" yaml:"missing_from"`
}

// DimensionTrend is one dimension across the assessments, shaped like
// PracticeTrend without levels (a dimension has no level).
type DimensionTrend struct {
	ID              string       `json:"id" yaml:"id"`
	Name            string       `json:"name" yaml:"name"`
	Series          []ScorePoint `json:"series" yaml:"series"`
	DeltaActual     assess.Num   `json:"delta_actual" yaml:"delta_actual"`
	DeltaDocumented assess.Num   `json:"delta_documented" yaml:"delta_documented"`
	MissingFrom     []string     `json:"missing_from" yaml:"missing_from"`
}

// Question changes from the baseline to the last assessment.
const (
	Improved  = "improved"
	Regressed = "regressed"
	Unchanged = "unchanged"
)

// ChangeThreshold is the smallest move of a question's actual consensus
// that counts as improved or regressed.
const ChangeThreshold = 0.5

// changeTolerance keeps 13/6 − 5/3 = 0.4999999999999998 (six ratings
// against three) a change of 0.5.
const changeTolerance = 1e-9

// QuestionChange is one question that every assessment scores. Change is
// null when the baseline or the last assessment has no actual consensus.
type QuestionChange struct {
	ID          string       `json:"id" yaml:"id"`
	Practice    string       `json:"practice" yaml:"practice"`
	Change      *string      `json:"change" yaml:"change"`
	DeltaActual assess.Num   `json:"delta_actual" yaml:"delta_actual"`
	Series      []ScorePoint `json:"series" yaml:"series"`

	Text string `json:"-" yaml:"-"` // the statement, as the last assessment words it
}

// MetricProgress is a pain point's metric, measured again: Now is the
// baseline the last assessment records for it, Baseline and Target are the
// baseline assessment's. Progress = (baseline − now) / (baseline − target)
// × 100, so 100 means the target is met; null when a value is missing or
// the target equals the baseline.
type MetricProgress struct {
	PainPoint string     `json:"painpoint" yaml:"painpoint"`
	Title     string     `json:"title" yaml:"title"`
	Metric    *string    `json:"metric" yaml:"metric"`
	Name      string     `json:"name" yaml:"name"`
	Unit      string     `json:"unit" yaml:"unit"`
	Baseline  assess.Num `json:"baseline" yaml:"baseline"`
	Target    assess.Num `json:"target" yaml:"target"`
	Now       assess.Num `json:"now" yaml:"now"`
	Progress  assess.Num `json:"progress" yaml:"progress"`
	// Status puts the progress in words: met, progressing, no change or
	// worse, or what is missing (no metric, no baseline, no target, not
	// measured again, target equals baseline).
	Status string `json:"status" yaml:"status"`
}

// Metric progress statuses.
const (
	StatusMet         = "met"
	StatusProgressing = "progressing"
	StatusNoChange    = "no change"
	StatusWorse       = "worse"
)

// progressStatus puts a metric's progress in a word, or says what is missing.
func progressStatus(m MetricProgress) string {
	const tol = 1e-9
	switch {
	case m.Metric == nil:
		return "no metric"
	case !m.Baseline.Valid:
		return "no baseline"
	case !m.Target.Valid:
		return "no target"
	case !m.Now.Valid:
		return "not measured again"
	case !m.Progress.Valid:
		return "target equals baseline"
	case m.Progress.Value >= 100-tol:
		return StatusMet
	case m.Progress.Value > tol:
		return StatusProgressing
	case m.Progress.Value >= -tol:
		return StatusNoChange
	}
	return StatusWorse
}

// Compare lines up assessments, the baseline first, each scored with its own
// settings (results[i] is the score of assessments[i]), as docs/method.md says.
// Questions are compared when every assessment scores them; practices and
// dimensions by id, wherever they are in scope. It is pure.
func Compare(assessments []*assess.Assessment, results []*assess.Result) *Comparison {
	n := min(len(assessments), len(results))
	c := &Comparison{
		Assessments: []ComparedAssessment{}, Overall: []OverallPoint{}, Dimensions: []DimensionTrend{},
		Practices: []PracticeTrend{}, Questions: []QuestionChange{}, Metrics: []MetricProgress{},
		Improved: []string{}, Regressed: []string{},
		SharedQuestions: 1, Warnings: []string{},
	}
	if n == 0 {
		return c
	}
	as, rs := assessments[:n], results[:n]
	first := rs[0]
	for _, r := range rs {
		c.Assessments = append(c.Assessments, ComparedAssessment{r.Assessment.ID, r.Assessment.Date, r.Assessment.Organization, r.Questionnaire})
		o := r.Overall
		c.Overall = append(c.Overall, OverallPoint{
			ID: r.Assessment.ID, Actual: o.Actual, Documented: o.Documented,
			DeltaActual: o.Actual.Sub(first.Overall.Actual), DeltaDocumented: o.Documented.Sub(first.Overall.Documented),
			Level: o.Level, Label: o.Label,
		})
	}
	c.Practices = comparePractices(rs)
	c.Dimensions = compareDimensions(rs)
	c.Questions = compareQuestions(rs)
	c.Improved, c.Regressed = mostChanged(c.Questions, Improved), mostChanged(c.Questions, Regressed)
	c.BaselineQuestions = len(first.Questions)
	if len(first.Questions) > 0 {
		c.SharedQuestions = float64(len(c.Questions)) / float64(len(first.Questions))
	}
	c.Metrics = compareMetrics(as[0], as[n-1], &c.Warnings)
	c.Warnings = append(compareWarnings(c, rs), c.Warnings...)
	return c
}

// ids returns the ids of every assessment's items, the baseline's first,
// then those new in each later assessment in their order.
func ids[T any](rs []*assess.Result, items func(*assess.Result) []T, id func(T) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rs {
		for _, it := range items(r) {
			if k := id(it); !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

func comparePractices(rs []*assess.Result) []PracticeTrend {
	out := []PracticeTrend{}
	all := ids(rs, func(r *assess.Result) []assess.PracticeScore { return r.Practices }, func(p assess.PracticeScore) string { return p.ID })
	for _, id := range all {
		t := PracticeTrend{ID: id, Series: []PracticePoint{}, MissingFrom: []string{}}
		for _, r := range rs {
			p := r.Practice(id)
			if p == nil {
				t.MissingFrom = append(t.MissingFrom, r.Assessment.ID)
				continue
			}
			t.Name = p.Name
			t.Series = append(t.Series, PracticePoint{r.Assessment.ID, p.Actual, p.Documented, p.Level, p.Label})
		}
		p0, p1 := rs[0].Practice(id), rs[len(rs)-1].Practice(id)
		if p0 != nil && p1 != nil {
			t.DeltaActual, t.DeltaDocumented = p1.Actual.Sub(p0.Actual), p1.Documented.Sub(p0.Documented)
			t.LevelChange = levelChange(p0.Level, p1.Level)
		}
		out = append(out, t)
	}
	return out
}

func levelChange(from, to *int) *string {
	if from == nil || to == nil {
		return nil
	}
	s := LevelSame
	switch {
	case *to > *from:
		s = LevelUp
	case *to < *from:
		s = LevelDown
	}
	return &s
}

func compareDimensions(rs []*assess.Result) []DimensionTrend {
	out := []DimensionTrend{}
	find := func(r *assess.Result, id string) *assess.DimensionScore {
		for i := range r.Dimensions {
			if r.Dimensions[i].ID == id {
				return &r.Dimensions[i]
			}
		}
		return nil
	}
	all := ids(rs, func(r *assess.Result) []assess.DimensionScore { return r.Dimensions }, func(d assess.DimensionScore) string { return d.ID })
	for _, id := range all {
		t := DimensionTrend{ID: id, Series: []ScorePoint{}, MissingFrom: []string{}}
		for _, r := range rs {
			d := find(r, id)
			if d == nil {
				t.MissingFrom = append(t.MissingFrom, r.Assessment.ID)
				continue
			}
			t.Name = d.Name
			t.Series = append(t.Series, ScorePoint{r.Assessment.ID, d.Actual, d.Documented})
		}
		d0, d1 := find(rs[0], id), find(rs[len(rs)-1], id)
		if d0 != nil && d1 != nil {
			t.DeltaActual, t.DeltaDocumented = d1.Actual.Sub(d0.Actual), d1.Documented.Sub(d0.Documented)
		}
		out = append(out, t)
	}
	return out
}

// compareQuestions lists the baseline's questions that every later
// assessment scores, in the baseline's order.
func compareQuestions(rs []*assess.Result) []QuestionChange {
	index := make([]map[string]*assess.QuestionScore, len(rs))
	for i, r := range rs {
		index[i] = make(map[string]*assess.QuestionScore, len(r.Questions))
		for j := range r.Questions {
			index[i][r.Questions[j].ID] = &r.Questions[j]
		}
	}
	out := []QuestionChange{}
next:
	for _, q0 := range rs[0].Questions {
		qc := QuestionChange{ID: q0.ID, Practice: q0.Practice}
		for i, r := range rs {
			q := index[i][q0.ID]
			if q == nil {
				continue next
			}
			qc.Series = append(qc.Series, ScorePoint{r.Assessment.ID, q.Actual, q.Documented})
			qc.Text = q.Text
		}
		q1 := index[len(rs)-1][q0.ID]
		qc.DeltaActual = q1.Actual.Sub(q0.Actual)
		qc.Change = questionChange(qc.DeltaActual)
		out = append(out, qc)
	}
	return out
}

// mostChanged returns the ids of the questions whose change is change, the
// largest move first, then by id.
func mostChanged(qs []QuestionChange, change string) []string {
	var sel []QuestionChange
	for _, q := range qs {
		if q.Change != nil && *q.Change == change {
			sel = append(sel, q)
		}
	}
	sort.SliceStable(sel, func(i, j int) bool {
		a, b := math.Abs(sel[i].DeltaActual.Value), math.Abs(sel[j].DeltaActual.Value)
		if a != b {
			return a > b
		}
		return sel[i].ID < sel[j].ID
	})
	out := make([]string, len(sel))
	for i, q := range sel {
		out[i] = q.ID
	}
	return out
}

// ChangeCounts counts the compared questions by their change: Improved,
// Regressed, Unchanged, and "" for the questions without an actual rating
// in both assessments (no change). The counts add up to len(Questions).
func (c *Comparison) ChangeCounts() map[string]int {
	counts := map[string]int{}
	for _, q := range c.Questions {
		if q.Change == nil {
			counts[""]++
		} else {
			counts[*q.Change]++
		}
	}
	return counts
}

// MostChanged returns the questions that improved (change Improved) or
// regressed (Regressed), in the order of Improved or Regressed.
func (c *Comparison) MostChanged(change string) []QuestionChange {
	ids := c.Improved
	if change == Regressed {
		ids = c.Regressed
	}
	out := make([]QuestionChange, 0, len(ids))
	for _, id := range ids {
		for _, q := range c.Questions {
			if q.ID == id {
				out = append(out, q)
				break
			}
		}
	}
	return out
}

// questionChange names a move of the actual consensus, or is nil without one.
func questionChange(d assess.Num) *string {
	if !d.Valid {
		return nil
	}
	s := Unchanged
	switch {
	case d.Value >= ChangeThreshold-changeTolerance:
		s = Improved
	case d.Value <= -ChangeThreshold+changeTolerance:
		s = Regressed
	}
	return &s
}

// compareMetrics measures the baseline's pain points again in the last
// assessment: for each pain point id in both, the last assessment's
// baseline of the same metric is "now".
func compareMetrics(base, cur *assess.Assessment, warnings *[]string) []MetricProgress {
	out := []MetricProgress{}
	later := map[string]*assess.PainPoint{}
	for _, pp := range cur.PainPoints {
		later[pp.ID] = pp
	}
	for _, pp := range base.PainPoints {
		pp1 := later[pp.ID]
		if pp1 == nil {
			continue
		}
		m := MetricProgress{PainPoint: pp.ID, Title: pp.Title}
		g := pp.Metric
		if g == nil {
			m.Status = progressStatus(m)
			out = append(out, m)
			continue
		}
		id := g.ID
		m.Metric = &id
		if base.Questionnaire != nil {
			if cm := base.Questionnaire.Metric(id); cm != nil {
				m.Name, m.Unit = cm.Name, cm.Unit
			}
		}
		if g.Baseline != nil {
			m.Baseline = assess.Some(*g.Baseline)
		}
		if t, ok := g.TargetValue(); ok {
			m.Target = assess.Some(t)
		}
		switch g1 := pp1.Metric; {
		case g1 == nil:
		case g1.ID != id:
			*warnings = append(*warnings, fmt.Sprintf("pain point %s: the metric changed from %s to %s; its progress cannot be measured", pp.ID, id, g1.ID))
		case g1.Baseline != nil:
			m.Now = assess.Some(*g1.Baseline)
		}
		if m.Baseline.Valid && m.Target.Valid && m.Now.Valid && m.Baseline.Value != m.Target.Value {
			// a target a hair from the baseline could overflow: no progress then
			if p := (m.Baseline.Value - m.Now.Value) / (m.Baseline.Value - m.Target.Value) * 100; !math.IsInf(p, 0) && !math.IsNaN(p) {
				m.Progress = assess.Some(p)
			}
		}
		m.Status = progressStatus(m)
		out = append(out, m)
	}
	return out
}

// compareWarnings says where the assessments are not like for like.
func compareWarnings(c *Comparison, rs []*assess.Result) []string {
	w := []string{}
	first := rs[0]
	seen := map[string]bool{}
	for i, r := range rs {
		id := r.Assessment.ID
		if seen[id] {
			w = append(w, fmt.Sprintf("assessment %s is given twice: its series cannot be told apart", id))
		}
		seen[id] = true
		if i == 0 {
			continue
		}
		if r.Questionnaire != first.Questionnaire {
			w = append(w, fmt.Sprintf("%s uses questionnaire %s %s, the baseline %s uses %s %s: questions are compared where both ask them, and practice scores rest on each version's own questions",
				id, r.Questionnaire.ID, r.Questionnaire.Version, first.Assessment.ID, first.Questionnaire.ID, first.Questionnaire.Version))
		}
		if r.Scale != first.Scale {
			w = append(w, fmt.Sprintf("%s rates on the scale %d..%d, the baseline on %d..%d: scores are not like for like",
				id, r.Scale.Min, r.Scale.Max, first.Scale.Min, first.Scale.Max))
		}
		if d0, d := first.Assessment.Date, r.Assessment.Date; !d0.IsZero() && !d.IsZero() && d.Before(d0.Time) {
			w = append(w, fmt.Sprintf("%s (%s) is dated before the baseline %s (%s): give the baseline folder first", id, d, first.Assessment.ID, d0))
		}
	}
	if c.SharedQuestions < 1 {
		w = append(w, fmt.Sprintf("%d of the baseline's %d questions (%.0f%%) are scored in every assessment; question changes cover those only",
			len(c.Questions), len(first.Questions), math.Floor(c.SharedQuestions*100)))
	}
	return w
}
