package assess

import (
	"math"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

var (
	painpointsFields = []string{"kind", "painpoints"}
	painpointFields  = []string{"id", "title", "practices", "impact", "frequency", "effort", "metric", "owner"}
	metricGoalFields = []string{"id", "baseline", "target", "change", "by"}
)

// ParsePainPoints reads and checks a pain points file. When q is not nil the
// practices and metrics are checked against it.
func ParsePainPoints(file string, data []byte, q *Questionnaire) ([]*PainPoint, Problems) {
	var probs Problems
	r := &reader{file: file, probs: &probs}
	root := r.parse(data)
	if root == nil {
		return nil, probs
	}
	pps := r.painpoints(root, q)
	probs.Sort()
	return pps, probs
}

func (r *reader) painpoints(root *yaml.Node, q *Questionnaire) []*PainPoint {
	var out []*PainPoint
	seen := r.fields(root, painpointsFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "kind":
			r.kind(v, "painpoints")
		case "painpoints":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				return // none yet
			}
			if !r.sequence(key, v) {
				return
			}
			ids := map[string]int{}
			for _, n := range v.Content {
				n = resolve(n)
				if !r.mapping("painpoints", n) {
					continue
				}
				pp := r.painpoint(n, q)
				if pp == nil {
					continue
				}
				if line, dup := ids[pp.ID]; dup {
					r.errorf(nodeAt(pp.Pos), "id: pain point %q is defined twice (first at line %d)", pp.ID, line)
					continue
				}
				ids[pp.ID] = pp.Pos.Line
				out = append(out, pp)
			}
		}
	})
	r.require(root, seen, "painpoints file", "painpoints")
	return out
}

func (r *reader) painpoint(n *yaml.Node, q *Questionnaire) *PainPoint {
	pp := &PainPoint{Pos: posOf(n)}
	var practicesNode, metricNode *yaml.Node
	var practicePos []Pos
	seen := r.fields(n, painpointFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			pp.ID, _ = r.id(key, v)
			pp.Pos = posOf(v)
		case "title":
			pp.Title, _ = r.str(key, v)
		case "practices":
			pp.Practices, practicePos = r.ids(key, v)
			practicesNode = v
		case "impact":
			pp.Impact, _ = r.intRange(key, v, 1, 5)
		case "frequency":
			pp.Frequency, _ = r.intRange(key, v, 1, 5)
		case "effort":
			pp.Effort, _ = r.intRange(key, v, 1, 5)
		case "metric":
			metricNode = v
		case "owner":
			pp.Owner = r.optStr(key, v)
		}
	})
	r.require(n, seen, "pain point", "id", "title", "practices", "impact", "frequency", "effort")
	if pp.ID == "" {
		return nil
	}
	if practicesNode != nil && len(pp.Practices) == 0 && practicesNode.Kind == yaml.SequenceNode {
		r.errorf(practicesNode, "practices: name at least one practice this pain point rests on")
	}
	if q != nil {
		for i, p := range pp.Practices {
			if q.practiceByID[p] == nil {
				r.unknownRef(nodeAt(practicePos[i]), "practices", "practice", p, practiceIDs(q))
			}
		}
	}
	if metricNode != nil {
		pp.Metric = r.metricGoal(metricNode, q)
	} else {
		r.warnf(nodeAt(pp.Pos), "pain point %q has no metric: its outcome cannot be measured", pp.ID)
	}
	return pp
}

var changePattern = regexp.MustCompile(`^([+-]?[0-9]+(?:\.[0-9]+)?)\s*(%|pp)$`)

func (r *reader) metricGoal(v *yaml.Node, q *Questionnaire) *MetricGoal {
	if !r.mapping("metric", v) {
		return nil
	}
	g := &MetricGoal{}
	var idNode, targetNode, changeNode *yaml.Node
	var tooLarge float64 // a baseline beyond MaxMagnitude
	seen := r.fields(v, metricGoalFields, func(key string, k, n *yaml.Node) {
		switch key {
		case "id":
			g.ID, _ = r.id("metric.id", n)
			idNode = n
		case "baseline":
			if f, ok := r.number("metric.baseline", n); ok {
				g.Baseline = &f
			} else if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsNaN(f) {
				tooLarge = f // refused, and kept to say what a change would make of it
			}
		case "target":
			targetNode = n
			if f, ok := r.number("metric.target", n); ok {
				g.Target = &f
			}
		case "change":
			changeNode = n
			g.Change = r.change(n)
		case "by":
			g.By, _ = r.date("metric.by", n)
			g.ByPos = posOf(n)
		}
	})
	r.require(v, seen, "metric", "id")
	if g.Change != nil && (g.Baseline != nil || tooLarge != 0) {
		base := tooLarge
		if g.Baseline != nil {
			base = *g.Baseline
		}
		if t, _ := (&MetricGoal{Baseline: &base, Change: g.Change}).TargetValue(); !(math.Abs(t) <= MaxMagnitude) {
			r.errorf(changeNode, "metric.change: %s of the baseline %s gives a target beyond 1e15; give a smaller change or a target",
				g.Change.Text, strconv.FormatFloat(base, 'g', -1, 64))
			g.Change = nil
			return g
		}
	}
	switch {
	case targetNode != nil && changeNode != nil:
		r.errorf(changeNode, "metric: give either target or change, not both")
		return g
	case targetNode == nil && changeNode == nil:
		r.errorf(v, "metric: give a target (an absolute value) or a change (-20%% or +8pp)")
		return g
	}
	if q == nil || g.ID == "" {
		return g
	}
	m := q.metricByID[g.ID]
	if m == nil {
		r.unknownRef(idNode, "metric.id", "metric", g.ID, metricIDs(q))
		return g
	}
	if g.Change != nil && g.Change.Unit == "pp" && m.Unit != "%" {
		r.errorf(changeNode, "metric.change: percentage points (pp) apply only to metrics measured in %%; %q is measured in %q", m.ID, m.Unit)
		return g
	}
	r.checkDirection(g, m, targetNode, changeNode)
	return g
}

func (r *reader) change(n *yaml.Node) *Change {
	if n.Kind == yaml.ScalarNode {
		if m := changePattern.FindStringSubmatch(n.Value); m != nil {
			f, err := strconv.ParseFloat(m[1], 64)
			if err == nil && f != 0 && math.Abs(f) <= MaxMagnitude {
				return &Change{Value: f, Unit: m[2], Text: n.Value}
			}
		}
	}
	r.errorf(n, "metric.change: expected a relative change such as -20%% or +8pp, found %s", describe(n))
	return nil
}

// checkDirection reports a goal that does not improve the metric, or that
// leaves the metric's possible range.
func (r *reader) checkDirection(g *MetricGoal, m *Metric, targetNode, changeNode *yaml.Node) {
	at, what := targetNode, "metric.target"
	if changeNode != nil {
		at, what = changeNode, "metric.change"
	}
	if g.Change != nil && ((m.Better == "down") != (g.Change.Value < 0)) {
		r.errorf(at, "%s: %s does not improve %q, where %s is better", what, g.Change.Text, m.ID, betterWord(m))
		return
	}
	if g.Baseline == nil {
		return
	}
	target, ok := g.TargetValue()
	if !ok {
		return
	}
	improves := target < *g.Baseline
	if m.Better == "up" {
		improves = target > *g.Baseline
	}
	if !improves {
		r.errorf(at, "%s: %s is not better than the baseline %s for %q, where %s is better",
			what, fmtNum(target), fmtNum(*g.Baseline), m.ID, betterWord(m))
		return
	}
	if target < 0 || (m.Unit == "%" && target > 100) {
		r.errorf(at, "%s: the target %s is outside the possible range of %q", what, fmtNum(target), m.ID)
	}
}

// TargetValue returns the absolute target: the target as written, or the
// baseline moved by the change (baseline × (1 + change) for %, baseline +
// points for pp). It is false when there is no baseline to move.
func (g *MetricGoal) TargetValue() (float64, bool) {
	switch {
	case g.Target != nil:
		return *g.Target, true
	case g.Change != nil && g.Baseline != nil:
		if g.Change.Unit == "pp" {
			return *g.Baseline + g.Change.Value, true
		}
		return *g.Baseline * (1 + g.Change.Value/100), true
	}
	return 0, false
}

func betterWord(m *Metric) string {
	if m.Better == "up" {
		return "higher"
	}
	return "lower"
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
