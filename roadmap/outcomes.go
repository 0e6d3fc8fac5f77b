// Package roadmap turns a scored assessment into ranked, measurable
// outcomes and a phased improvement plan, and compares re-assessments with
// a baseline. Its functions are pure: they read values and return values.
package roadmap

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
)

// Outcome is a pain point ranked and stated as a measurable result.
type Outcome struct {
	Rank          int            `json:"rank" yaml:"rank"`
	ID            string         `json:"id" yaml:"id"`
	Title         string         `json:"title" yaml:"title"`
	Priority      float64        `json:"priority" yaml:"priority"`
	Practices     []string       `json:"practices" yaml:"practices"`
	Metric        *OutcomeMetric `json:"metric" yaml:"metric"`
	Statement     string         `json:"statement" yaml:"statement"`
	Owner         string         `json:"owner" yaml:"owner"`
	NeedsBaseline bool           `json:"needs_baseline" yaml:"needs_baseline"`
	// Planned is true when at least one initiative of the plan serves the
	// outcome; PlanNote says in plain words why not, or that its
	// initiatives end after its due date.
	Planned bool `json:"planned" yaml:"planned"`
	// Late is true when the outcome's last initiative ends after its due
	// date (by).
	Late     bool   `json:"late" yaml:"late"`
	PlanNote string `json:"plan_note" yaml:"plan_note"`
	// PlannedBy is when the plan delivers the outcome: the end of the phase
	// of the last initiative that serves it (null when not planned).
	PlannedBy assess.Date `json:"planned_by" yaml:"planned_by"`

	Impact    int         `json:"-" yaml:"-"`
	Frequency int         `json:"-" yaml:"-"`
	Effort    int         `json:"-" yaml:"-"`
	Gap       float64     `json:"-" yaml:"-"` // G(k): mean target gap of its scored practices
	By        assess.Date `json:"-" yaml:"-"`
}

// PriorityFormula says in words how an outcome's priority is computed: the
// one text every table, page and help message shows.
const PriorityFormula = "priority = impact × frequency × (1 + mean gap to target of its practices / scale max) / effort"

// OutcomeMetric is the metric an outcome moves, with the target worked out.
type OutcomeMetric struct {
	ID       string     `json:"id" yaml:"id"`
	Name     string     `json:"name" yaml:"name"`
	Unit     string     `json:"unit" yaml:"unit"`
	Better   string     `json:"better" yaml:"better"`
	Baseline assess.Num `json:"baseline" yaml:"baseline"`
	Target   assess.Num `json:"target" yaml:"target"`
}

// OutcomeList is what `outcomes --format json` prints.
type OutcomeList struct {
	Outcomes []Outcome `json:"outcomes" yaml:"outcomes"`
}

// Outcomes ranks the assessment's pain points (docs/method.md, "Outcomes"):
// priority = impact × frequency × (1 + G / scale max) / effort, where G is
// the mean target gap of the pain point's scored, in-scope practices.
// Ties go to the higher impact, then to the id.
func Outcomes(a *assess.Assessment, r *assess.Result) []Outcome {
	q := a.Questionnaire
	out := make([]Outcome, 0, len(a.PainPoints))
	for _, pp := range a.PainPoints {
		o := Outcome{
			ID: pp.ID, Title: pp.Title, Practices: pp.Practices, Owner: pp.Owner,
			Impact: pp.Impact, Frequency: pp.Frequency, Effort: pp.Effort,
		}
		if o.Practices == nil {
			o.Practices = []string{}
		}
		var sum float64
		n := 0
		for _, pid := range pp.Practices {
			if ps := r.Practice(pid); ps != nil && ps.TargetGap.Valid {
				sum += ps.TargetGap.Value
				n++
			}
		}
		if n > 0 {
			o.Gap = sum / float64(n)
		}
		if pp.Effort > 0 {
			o.Priority = float64(pp.Impact*pp.Frequency) * (1 + o.Gap/float64(q.Scale.Max)) / float64(pp.Effort)
		}
		if o.Owner == "" {
			o.Owner = practiceOwner(a, pp.Practices)
		}
		if g := pp.Metric; g != nil {
			o.By = g.By
			if m := q.Metric(g.ID); m != nil {
				om := &OutcomeMetric{ID: m.ID, Name: m.Name, Unit: m.Unit, Better: m.Better}
				if g.Baseline != nil {
					om.Baseline = assess.Some(*g.Baseline)
				}
				if t, ok := g.TargetValue(); ok {
					om.Target = assess.Some(t)
				} else if g.Target != nil {
					om.Target = assess.Some(*g.Target)
				}
				o.Metric = om
			}
		}
		o.NeedsBaseline = o.Metric == nil || !o.Metric.Baseline.Valid
		o.Statement = statement(o, pp.Metric)
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Priority != b.Priority {
			return a.Priority > b.Priority
		}
		if a.Impact != b.Impact {
			return a.Impact > b.Impact
		}
		return a.ID < b.ID
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// practiceOwner names the owner of the first linked practice that has one.
func practiceOwner(a *assess.Assessment, practices []string) string {
	for _, p := range practices {
		if o := a.Owners[p]; o.Owner != "" {
			return o.Owner
		}
	}
	return ""
}

// statement writes the outcome as one measurable sentence:
// "Reduce mean time to restore service from 9.5 h to 7.6 h (-20%) by 2027-06-30".
// Without a baseline it asks for one first: no improvement claim without it.
func statement(o Outcome, g *assess.MetricGoal) string {
	m := o.Metric
	if m == nil {
		return fmt.Sprintf("Define a metric that shows %q is fixed, and measure its baseline", lowerFirst(o.Title))
	}
	verb := "Reduce"
	if m.Better == "up" {
		verb = "Increase"
	}
	name := lowerFirst(m.Name)
	by := ""
	if !o.By.IsZero() {
		by = " by " + o.By.String()
	}
	if !m.Baseline.Valid {
		switch {
		case g.Change != nil:
			return fmt.Sprintf("Measure the baseline of %s, then %s it by %s%s", name, strings.ToLower(verb), changeText(g.Change, true), by)
		default:
			return fmt.Sprintf("Measure the baseline of %s, then bring it to %s%s", name, quantity(m.Target.Value, m.Unit), by)
		}
	}
	base, target := m.Baseline.Value, m.Target.Value
	var delta string
	switch {
	case g.Change != nil:
		delta = changeText(g.Change, false)
	case m.Unit == "%":
		delta = signed(target-base) + " pp"
	case base != 0:
		// a baseline near zero makes a relative change meaningless, and may overflow
		if pct := (target - base) / base * 100; math.Abs(pct) <= maxPercent {
			delta = signed(pct) + "%"
		}
	}
	s := fmt.Sprintf("%s %s from %s to %s", verb, name, quantity(base, m.Unit), quantity(target, m.Unit))
	if delta != "" {
		s += " (" + delta + ")"
	}
	return s + by
}

func changeText(c *assess.Change, magnitude bool) string {
	v := c.Value
	if magnitude {
		v = math.Abs(v)
	}
	num := formatNumber(v)
	if !magnitude && v > 0 {
		num = "+" + num
	}
	if c.Unit == "pp" {
		if magnitude {
			return num + " percentage points"
		}
		return num + " pp"
	}
	return num + "%"
}

func signed(v float64) string {
	if v > 0 {
		return "+" + formatNumber(v)
	}
	return formatNumber(v)
}

// quantity writes a value with its unit: "9.5 h", "48%", "3 days".
func quantity(v float64, unit string) string {
	switch unit {
	case "":
		return formatNumber(v)
	case "%":
		return formatNumber(v) + "%"
	}
	return formatNumber(v) + " " + unit
}

// maxPercent is the largest relative change a statement states in %.
const maxPercent = 1e6

// formatNumber rounds to at most two decimals and drops trailing zeros.
// Numbers beyond 1e15 (which the loader does not let through) are written
// in exponent form, and never as +Inf.
func formatNumber(v float64) string {
	if !(math.Abs(v) <= 1e15) {
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// lowerFirst lowers the first letter unless the word is an acronym ("SLA").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
