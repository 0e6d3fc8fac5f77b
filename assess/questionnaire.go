package assess

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Field names of each file kind, shared with the JSON Schemas.
var (
	questionnaireFields = []string{"kind", "id", "version", "title", "description", "scale", "dimensions", "metrics", "practices"}
	scaleFields         = []string{"min", "max", "labels"}
	dimensionFields     = []string{"id", "name"}
	metricFields        = []string{"id", "name", "unit", "better"}
	practiceFields      = []string{"id", "name", "weight", "depends_on", "metrics", "actions", "questions"}
	actionFields        = []string{Stabilize, Standardize, Optimize}
	questionFields      = []string{"id", "dimension", "kind", "weight", "text", "help"}
)

// MaxScale is the highest level a scale may reach.
const MaxScale = 10

// ParseQuestionnaire reads and checks a questionnaire file. The problems
// include every error found; the questionnaire is nil only when the file
// could not be read as a questionnaire at all.
func ParseQuestionnaire(file string, data []byte) (*Questionnaire, Problems) {
	var probs Problems
	r := &reader{file: file, probs: &probs}
	root := r.parse(data)
	if root == nil {
		return nil, probs
	}
	q := r.questionnaire(root)
	probs.Sort()
	return q, probs
}

func (r *reader) questionnaire(root *yaml.Node) *Questionnaire {
	q := &Questionnaire{File: r.file}
	var dimsNode, metricsNode, practicesNode *yaml.Node
	scaleSeen := false
	seen := r.fields(root, questionnaireFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "kind":
			r.kind(v, "questionnaire")
		case "id":
			q.ID, _ = r.id(key, v)
		case "version":
			q.Version, _ = r.str(key, v)
		case "title":
			q.Title, _ = r.str(key, v)
		case "description":
			q.Description = r.optStr(key, v)
		case "scale":
			scaleSeen = r.scale(v, &q.Scale)
		case "dimensions":
			dimsNode = v
		case "metrics":
			metricsNode = v
		case "practices":
			practicesNode = v
		}
	})
	r.require(root, seen, "questionnaire", "id", "version", "title", "scale", "dimensions", "practices")
	if !scaleSeen {
		q.Scale = Scale{Min: 0, Max: 5}
	}

	q.dimIndex = map[string]int{}
	if dimsNode != nil && r.sequence("dimensions", dimsNode) {
		for _, n := range dimsNode.Content {
			n = resolve(n)
			if !r.mapping("dimensions", n) {
				continue
			}
			var d Dimension
			var idNode *yaml.Node
			seen := r.fields(n, dimensionFields, func(key string, k, v *yaml.Node) {
				switch key {
				case "id":
					d.ID, _ = r.id(key, v)
					idNode = v
				case "name":
					d.Name, _ = r.str(key, v)
				}
			})
			r.require(n, seen, "dimension", "id", "name")
			if d.ID == "" {
				continue
			}
			if _, dup := q.dimIndex[d.ID]; dup {
				r.errorf(idNode, "id: dimension %q is defined twice", d.ID)
				continue
			}
			q.dimIndex[d.ID] = len(q.Dimensions)
			q.Dimensions = append(q.Dimensions, d)
		}
		if len(q.Dimensions) == 0 {
			r.errorf(dimsNode, "dimensions: expected at least one dimension")
		}
	}

	q.metricByID = map[string]*Metric{}
	if metricsNode != nil && r.sequence("metrics", metricsNode) {
		for _, n := range metricsNode.Content {
			n = resolve(n)
			if !r.mapping("metrics", n) {
				continue
			}
			m := r.metric(n)
			if m.ID == "" {
				continue
			}
			if _, dup := q.metricByID[m.ID]; dup {
				r.errorf(n, "id: metric %q is defined twice", m.ID)
				continue
			}
			q.Metrics = append(q.Metrics, m)
			q.metricByID[m.ID] = &q.Metrics[len(q.Metrics)-1]
		}
		// the slice may have moved while growing: index it again
		for i := range q.Metrics {
			q.metricByID[q.Metrics[i].ID] = &q.Metrics[i]
		}
	}

	q.practiceByID = map[string]*Practice{}
	q.questionByID = map[string]*Question{}
	if practicesNode != nil && r.sequence("practices", practicesNode) {
		for _, n := range practicesNode.Content {
			n = resolve(n)
			if !r.mapping("practices", n) {
				continue
			}
			p := r.practice(q, n)
			if p == nil {
				continue
			}
			q.practiceByID[p.ID] = p
			q.Practices = append(q.Practices, p)
		}
		if len(q.Practices) == 0 {
			r.errorf(practicesNode, "practices: expected at least one practice")
		}
	}
	r.checkDependencies(q)
	return q
}

func (r *reader) scale(v *yaml.Node, s *Scale) bool {
	*s = Scale{Min: 0, Max: 5}
	if !r.mapping("scale", v) {
		return false
	}
	var labels *yaml.Node
	minOK, maxOK := true, true
	seen := r.fields(v, scaleFields, func(key string, k, n *yaml.Node) {
		switch key {
		case "min":
			s.Min, minOK = r.intRange("scale.min", n, 0, MaxScale-1)
		case "max":
			s.Max, maxOK = r.intRange("scale.max", n, 1, MaxScale)
		case "labels":
			labels = n
		}
	})
	r.require(v, seen, "scale", "min", "max")
	if !minOK || !maxOK {
		*s = Scale{Min: 0, Max: 5}
		return true
	}
	if s.Min >= s.Max {
		r.errorf(v, "scale: min %d must be below max %d", s.Min, s.Max)
		return true
	}
	s.Labels = map[int]string{}
	if labels != nil && r.mapping("scale.labels", labels) {
		for i := 0; i+1 < len(labels.Content); i += 2 {
			k, lv := resolve(labels.Content[i]), resolve(labels.Content[i+1])
			l, ok := r.intRange("scale.labels", k, s.Min, s.Max)
			if !ok {
				continue
			}
			if _, dup := s.Labels[l]; dup {
				r.errorf(k, "scale.labels: level %d is labelled twice", l)
				continue
			}
			if text, ok := r.str("scale.labels", lv); ok {
				s.Labels[l] = text
			}
		}
	}
	return true
}

func (r *reader) metric(n *yaml.Node) Metric {
	var m Metric
	seen := r.fields(n, metricFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			m.ID, _ = r.id(key, v)
		case "name":
			m.Name, _ = r.str(key, v)
		case "unit":
			m.Unit = r.optStr(key, v)
		case "better":
			if s, ok := r.str(key, v); ok {
				if s != "up" && s != "down" {
					r.errorf(v, "better: expected up or down, found %s", describe(v))
				} else {
					m.Better = s
				}
			}
		}
	})
	r.require(n, seen, "metric", "id", "name", "better")
	return m
}

func (r *reader) practice(q *Questionnaire, n *yaml.Node) *Practice {
	p := &Practice{Weight: 1, Pos: posOf(n)}
	var idNode, questionsNode *yaml.Node
	var metricPos []Pos
	seen := r.fields(n, practiceFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			p.ID, _ = r.id(key, v)
			idNode = v
		case "name":
			p.Name, _ = r.str(key, v)
		case "weight":
			p.Weight, _ = r.positive(key, v)
		case "depends_on":
			p.DependsOn, p.dependsPos = r.ids(key, v)
		case "metrics":
			p.Metrics, metricPos = r.ids(key, v)
		case "actions":
			r.actions(v, &p.Actions)
		case "questions":
			questionsNode = v
		}
	})
	r.require(n, seen, "practice", "id", "name", "questions")
	if p.ID == "" {
		return nil
	}
	p.Pos = posOf(idNode)
	if _, dup := q.practiceByID[p.ID]; dup {
		r.errorf(idNode, "id: practice %q is defined twice", p.ID)
		return nil
	}
	for i, m := range p.Metrics {
		if q.metricByID[m] == nil {
			r.unknownRef(nodeAt(metricPos[i]), "metrics", "metric", m, metricIDs(q))
		}
	}
	if questionsNode != nil && r.sequence("questions", questionsNode) {
		for _, qn := range questionsNode.Content {
			qn = resolve(qn)
			if !r.mapping("questions", qn) {
				continue
			}
			qu := r.question(q, p, qn)
			if qu == nil {
				continue
			}
			qu.Index = len(q.Questions)
			q.Questions = append(q.Questions, qu)
			q.questionByID[qu.ID] = qu
			p.Questions = append(p.Questions, qu)
		}
		if len(p.Questions) == 0 && len(questionsNode.Content) == 0 {
			r.errorf(questionsNode, "questions: practice %q has no questions", p.ID)
		}
	}
	return p
}

func (r *reader) actions(v *yaml.Node, a *Actions) {
	if !r.mapping("actions", v) {
		return
	}
	r.fields(v, actionFields, func(key string, k, n *yaml.Node) {
		if !r.sequence("actions."+key, n) {
			return
		}
		var list []string
		for _, e := range n.Content {
			if s, ok := r.str("actions."+key, resolve(e)); ok {
				list = append(list, s)
			}
		}
		switch key {
		case Stabilize:
			a.Stabilize = list
		case Standardize:
			a.Standardize = list
		case Optimize:
			a.Optimize = list
		}
	})
}

func (r *reader) question(q *Questionnaire, p *Practice, n *yaml.Node) *Question {
	qu := &Question{Practice: p.ID, Weight: 1}
	var idNode, dimNode *yaml.Node
	seen := r.fields(n, questionFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			qu.ID, _ = r.id(key, v)
			idNode = v
		case "dimension":
			qu.Dimension, _ = r.id(key, v)
			dimNode = v
		case "kind":
			if s, ok := r.str(key, v); ok {
				if s != Control && s != Capability {
					r.errorf(v, "kind: expected control or capability, found %s", describe(v))
				} else {
					qu.Kind = s
				}
			}
		case "weight":
			qu.Weight, _ = r.positive(key, v)
		case "text":
			qu.Text, _ = r.str(key, v)
		case "help":
			qu.Help = r.optStr(key, v)
		}
	})
	r.require(n, seen, "question", "id", "dimension", "text")
	if qu.ID == "" {
		return nil
	}
	qu.Pos = posOf(idNode)
	if prev := q.questionByID[qu.ID]; prev != nil {
		r.errorf(idNode, "id: question %q is defined twice (first at line %d)", qu.ID, prev.Pos.Line)
		return nil
	}
	if dimNode != nil && qu.Dimension != "" {
		if _, ok := q.dimIndex[qu.Dimension]; !ok {
			r.unknownRef(dimNode, "dimension", "dimension", qu.Dimension, dimensionIDs(q))
			qu.Dimension = ""
		}
	}
	if qu.Kind == "" {
		qu.Kind = DefaultKind(qu.Dimension)
	}
	return qu
}

// DefaultKind is the kind of a question that does not say: process and
// governance questions are about controls, the others about capability.
func DefaultKind(dimension string) string {
	if dimension == "process" || dimension == "governance" {
		return Control
	}
	return Capability
}

// unknownRef reports a reference to an id that does not exist.
func (r *reader) unknownRef(n *yaml.Node, key, what, id string, known []string) {
	if s := suggest(id, known); s != "" {
		r.errorf(n, "%s: unknown %s %q (did you mean %q?)", key, what, id, s)
		return
	}
	r.errorf(n, "%s: unknown %s %q", key, what, id)
}

// checkDependencies reports depends_on entries naming unknown practices, a
// practice depending on itself, and cycles.
func (r *reader) checkDependencies(q *Questionnaire) {
	ids := practiceIDs(q)
	for _, p := range q.Practices {
		valid := p.DependsOn[:0:0]
		for i, d := range p.DependsOn {
			switch {
			case d == p.ID:
				r.errorf(nodeAt(p.dependsPos[i]), "depends_on: practice %q depends on itself", d)
			case q.practiceByID[d] == nil:
				r.unknownRef(nodeAt(p.dependsPos[i]), "depends_on", "practice", d, ids)
			default:
				valid = append(valid, d)
			}
		}
		p.DependsOn = valid
	}
	// depth-first search for cycles, reported once each at the practice that closes it
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(p *Practice)
	visit = func(p *Practice) {
		state[p.ID] = active
		stack = append(stack, p.ID)
		for _, d := range p.DependsOn {
			switch state[d] {
			case unseen:
				visit(q.practiceByID[d])
			case active:
				i := slices.Index(stack, d)
				cycle := append(slices.Clone(stack[i:]), d)
				r.errorf(nodeAt(p.Pos), "depends_on: dependency cycle %s", strings.Join(cycle, " → "))
			}
		}
		stack = stack[:len(stack)-1]
		state[p.ID] = done
	}
	for _, p := range q.Practices {
		if state[p.ID] == unseen {
			visit(p)
		}
	}
}

func practiceIDs(q *Questionnaire) []string {
	out := make([]string, len(q.Practices))
	for i, p := range q.Practices {
		out[i] = p.ID
	}
	return out
}

func dimensionIDs(q *Questionnaire) []string {
	out := make([]string, len(q.Dimensions))
	for i, d := range q.Dimensions {
		out[i] = d.ID
	}
	return out
}

func metricIDs(q *Questionnaire) []string {
	out := make([]string, len(q.Metrics))
	for i, m := range q.Metrics {
		out[i] = m.ID
	}
	return out
}

// PracticeIDs returns the ids of the questionnaire's practices, in order.
func (q *Questionnaire) PracticeIDs() []string { return practiceIDs(q) }

// ScaleText describes the scale as "0..5".
func (s Scale) String() string { return strconv.Itoa(s.Min) + ".." + strconv.Itoa(s.Max) }
