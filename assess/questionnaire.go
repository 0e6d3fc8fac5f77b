package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Field names of each file kind, shared with the JSON Schemas.
var (
	questionnaireFields = []string{"kind", "id", "version", "title", "description", "scale", "dimensions", "roles", "metrics", "practices"}
	scaleFields         = []string{"min", "max", "labels"}
	dimensionFields     = []string{"id", "name"}
	roleFields          = []string{"id", "name"}
	metricFields        = []string{"id", "name", "unit", "better"}
	practiceFields      = []string{"id", "name", "weight", "depends_on", "refs", "metrics", "actions", "questions"}
	dependencyFields    = []string{"practice", "from"}
	refFields           = []string{"iso20000", "cobit2019"}
	actionFields        = []string{Stabilize, Standardize, Optimize}
	actionItemFields    = []string{"text", "dimension"}
	questionFields      = []string{"id", "dimension", "kind", "weight", "audience", "text", "help", "guide", "maps_to"}
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
	var dimsNode, rolesNode, metricsNode, practicesNode *yaml.Node
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
		case "roles":
			if !isNull(v) {
				rolesNode = v
			}
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
	if dimsNode != nil {
		if dims, ok := r.idNames(dimsNode, "dimensions", "dimension", "", dimensionFields); ok {
			for _, d := range dims {
				q.dimIndex[d.id] = len(q.Dimensions)
				q.Dimensions = append(q.Dimensions, Dimension{ID: d.id, Name: d.name})
			}
			if len(q.Dimensions) == 0 {
				r.errorf(dimsNode, "dimensions: expected at least one dimension")
			}
		}
	}

	if rolesNode != nil {
		r.roles(q, rolesNode)
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

// roles reads the questionnaire's roles: who its questions can be put to.
func (r *reader) roles(q *Questionnaire, v *yaml.Node) {
	roles, _ := r.idNames(v, "roles", "role", "roles.", roleFields)
	for _, role := range roles {
		q.Roles = append(q.Roles, Role{ID: role.id, Name: role.name})
	}
}

// idName is an entry of a list that idNames reads.
type idName struct{ id, name string }

// idNames reads a list of {id, name} entries, the questionnaire's
// dimensions and roles: each entry's id and name, both required, in the
// order given. An entry without an id is left out; an id given again is
// an error at the second one, which is left out too. prefix is how
// messages name the entries' fields ("roles." for "roles.id"). ok is false
// when v is not a list.
func (r *reader) idNames(v *yaml.Node, list, what, prefix string, fields []string) (entries []idName, ok bool) {
	if !r.sequence(list, v) {
		return nil, false
	}
	seenIDs := map[string]bool{}
	for _, n := range v.Content {
		n = resolve(n)
		if !r.mapping(list, n) {
			continue
		}
		var id, name string
		var idNode *yaml.Node
		seen := r.fields(n, fields, func(key string, k, v *yaml.Node) {
			switch key {
			case "id":
				id, _ = r.id(prefix+key, v)
				idNode = v
			case "name":
				name, _ = r.str(prefix+key, v)
			}
		})
		r.require(n, seen, what, "id", "name")
		if id == "" {
			continue
		}
		if seenIDs[id] {
			r.errorf(idNode, "id: %s %q is defined twice", what, id)
			continue
		}
		seenIDs[id] = true
		entries = append(entries, idName{id, name})
	}
	return entries, true
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
			r.dependsOn(v, p)
		case "refs":
			r.refs(v, &p.Refs)
		case "metrics":
			p.Metrics, metricPos = r.ids(key, v)
		case "actions":
			r.actions(q, v, &p.Actions)
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

// dependsOn reads depends_on: each entry a practice id, or a mapping
// {practice: ID, from: PHASE} for a dependency that binds from that phase on.
func (r *reader) dependsOn(v *yaml.Node, p *Practice) {
	if !r.sequence("depends_on", v) {
		return
	}
	for _, e := range v.Content {
		e = resolve(e)
		d := Dependency{From: Stabilize}
		var at *yaml.Node
		switch e.Kind {
		case yaml.MappingNode:
			seen := r.fields(e, dependencyFields, func(key string, k, n *yaml.Node) {
				switch key {
				case "practice":
					d.Practice, _ = r.id("depends_on.practice", n)
					at = n
				case "from":
					if s, ok := r.str("depends_on.from", n); ok {
						if slices.Contains(PhaseIDs, s) {
							d.From = s
						} else if sg := suggest(s, PhaseIDs); sg != "" {
							r.errorf(n, "depends_on.from: unknown phase %q (did you mean %q?)", s, sg)
						} else {
							r.errorf(n, "depends_on.from: expected stabilize, standardize or optimize, found %s", describe(n))
						}
					}
				}
			})
			r.require(e, seen, "depends_on", "practice")
		default:
			d.Practice, _ = r.id("depends_on", e)
			at = e
		}
		if d.Practice == "" {
			continue
		}
		if slices.Contains(p.DependsOn, d.Practice) {
			r.errorf(at, "depends_on: %q is listed twice", d.Practice)
			continue
		}
		p.DependsOn = append(p.DependsOn, d.Practice)
		p.Dependencies = append(p.Dependencies, d)
		p.dependsPos = append(p.dependsPos, posOf(at))
	}
}

// refs reads the ids of related ISO/IEC 20000-1 clauses and COBIT 2019
// objectives, checking their format.
func (r *reader) refs(v *yaml.Node, refs *Refs) {
	if !r.mapping("refs", v) {
		return
	}
	r.fields(v, refFields, func(key string, _, n *yaml.Node) {
		if !r.sequence("refs."+key, n) {
			return
		}
		var list []string
		for _, e := range n.Content {
			e = resolve(e)
			if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
				r.errorf(e, "refs.%s: expected an id, found %s", key, describe(e))
				continue
			}
			id := strings.TrimSpace(e.Value)
			switch key {
			case "iso20000":
				if !isISO20000Clause(id) {
					r.errorf(e, "refs.iso20000: %s is not a clause of ISO/IEC 20000-1:2018; write its number, like 8.5.1 (4 to 10, then sub-clauses)", describe(e))
					continue
				}
			case "cobit2019":
				if !isCOBITObjective(id) {
					msg := fmt.Sprintf("refs.cobit2019: %s is not a COBIT 2019 objective; write its id, like BAI06 (EDM01-05, APO01-14, BAI01-11, DSS01-06, MEA01-04)", describe(e))
					if up := strings.ToUpper(id); isCOBITObjective(up) {
						msg += fmt.Sprintf(" (did you mean %q?)", up)
					} else if s := suggest(up, cobitObjectives()); s != "" {
						msg += fmt.Sprintf(" (did you mean %q?)", s)
					}
					r.errorf(e, "%s", msg)
					continue
				}
			}
			if slices.Contains(list, id) {
				r.errorf(e, "refs.%s: %q is listed twice", key, id)
				continue
			}
			list = append(list, id)
		}
		switch key {
		case "iso20000":
			refs.ISO20000 = list
		case "cobit2019":
			refs.COBIT2019 = list
		}
	})
}

// isISO20000Clause reports whether s is a clause number of ISO/IEC
// 20000-1:2018: numbers separated by dots, the first 4 to 10 (the clauses
// that hold requirements).
func isISO20000Clause(s string) bool {
	parts := strings.Split(s, ".")
	for _, p := range parts {
		if p == "" || len(p) > 3 {
			return false
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	first, _ := strconv.Atoi(parts[0])
	return first >= 4 && first <= 10 && parts[0][0] != '0'
}

// cobitDomains are the COBIT 2019 domains with the number of objectives in each.
var cobitDomains = []struct {
	id string
	n  int
}{{"EDM", 5}, {"APO", 14}, {"BAI", 11}, {"DSS", 6}, {"MEA", 4}}

// isCOBITObjective reports whether s is one of the 40 COBIT 2019 objectives.
func isCOBITObjective(s string) bool {
	if len(s) != 5 {
		return false
	}
	n, err := strconv.Atoi(s[3:])
	if err != nil || s[3] < '0' || s[3] > '9' {
		return false
	}
	for _, d := range cobitDomains {
		if s[:3] == d.id {
			return n >= 1 && n <= d.n
		}
	}
	return false
}

func cobitObjectives() []string {
	var out []string
	for _, d := range cobitDomains {
		for i := 1; i <= d.n; i++ {
			out = append(out, fmt.Sprintf("%s%02d", d.id, i))
		}
	}
	return out
}

// actions reads the recommended initiatives per phase: each a text, or a
// mapping {text, dimension} naming the dimension it addresses.
func (r *reader) actions(q *Questionnaire, v *yaml.Node, a *Actions) {
	if !r.mapping("actions", v) {
		return
	}
	a.ByPhase = map[string][]Action{}
	r.fields(v, actionFields, func(key string, k, n *yaml.Node) {
		if !r.sequence("actions."+key, n) {
			return
		}
		var list []Action
		for _, e := range n.Content {
			e = resolve(e)
			if e.Kind != yaml.MappingNode {
				if s, ok := r.str("actions."+key, e); ok {
					list = append(list, Action{Text: s})
				}
				continue
			}
			var act Action
			seen := r.fields(e, actionItemFields, func(field string, _, f *yaml.Node) {
				switch field {
				case "text":
					act.Text, _ = r.str("actions."+key+".text", f)
				case "dimension":
					if d, ok := r.id("actions."+key+".dimension", f); ok {
						if _, known := q.dimIndex[d]; known {
							act.Dimension = d
						} else {
							r.unknownRef(f, "actions."+key+".dimension", "dimension", d, dimensionIDs(q))
						}
					}
				}
			})
			r.require(e, seen, "action", "text")
			if act.Text != "" {
				list = append(list, act)
			}
		}
		texts := make([]string, len(list))
		for i, act := range list {
			texts[i] = act.Text
		}
		a.ByPhase[key] = list
		switch key {
		case Stabilize:
			a.Stabilize = texts
		case Standardize:
			a.Standardize = texts
		case Optimize:
			a.Optimize = texts
		}
	})
}

func (r *reader) question(q *Questionnaire, p *Practice, n *yaml.Node) *Question {
	qu := &Question{Practice: p.ID, Weight: 1}
	var idNode, dimNode, audienceNode, guideNode *yaml.Node
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
		case "audience":
			audienceNode = v
		case "guide":
			guideNode = v
		case "maps_to":
			qu.MapsTo, _ = r.ids(key, v)
		}
	})
	r.require(n, seen, "question", "id", "dimension", "text")
	if audienceNode != nil {
		qu.Audience = r.audience(q, audienceNode)
	}
	if guideNode != nil {
		qu.Guide = r.guide(q, guideNode)
	}
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

// audience reads the questionnaire roles a question is put to.
func (r *reader) audience(q *Questionnaire, v *yaml.Node) []string {
	ids, pos := r.ids("audience", v)
	var out []string
	for i, id := range ids {
		if q.Role(id) == nil {
			r.unknownRole(nodeAt(pos[i]), "audience", id, q)
			continue
		}
		out = append(out, id)
	}
	return out
}

// unknownRole reports a reference to a role the questionnaire does not define.
func (r *reader) unknownRole(n *yaml.Node, key, id string, q *Questionnaire) {
	if len(q.Roles) == 0 {
		r.errorf(n, "%s: unknown role %q; the questionnaire defines no roles (add them under roles:)", key, id)
		return
	}
	r.unknownRef(n, key, "role", id, q.RoleIDs())
}

// guide reads what some levels look like for a question: a mapping of
// levels within the scale to non-empty text.
func (r *reader) guide(q *Questionnaire, v *yaml.Node) map[int]string {
	if !r.mapping("guide", v) {
		return nil
	}
	out := map[int]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, t := resolve(v.Content[i]), resolve(v.Content[i+1])
		l, ok := r.integer("guide", k)
		if !ok {
			continue
		}
		if l < q.Scale.Min || l > q.Scale.Max {
			r.errorf(k, "guide: level %d is outside the scale %s", l, q.Scale)
			continue
		}
		if _, dup := out[l]; dup {
			r.errorf(k, "guide: level %d is described twice", l)
			continue
		}
		if text, ok := r.str(fmt.Sprintf("guide.%d", l), t); ok {
			out[l] = text
		}
	}
	return out
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
		var deps []Dependency
		for i, d := range p.DependsOn {
			switch {
			case d == p.ID:
				r.errorf(nodeAt(p.dependsPos[i]), "depends_on: practice %q depends on itself", d)
			case q.practiceByID[d] == nil:
				r.unknownRef(nodeAt(p.dependsPos[i]), "depends_on", "practice", d, ids)
			default:
				valid = append(valid, d)
				deps = append(deps, p.Dependencies[i])
			}
		}
		p.DependsOn, p.Dependencies = valid, deps
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

// Role returns the questionnaire role with the given id, or nil.
func (q *Questionnaire) Role(id string) *Role {
	for i := range q.Roles {
		if q.Roles[i].ID == id {
			return &q.Roles[i]
		}
	}
	return nil
}

// RoleIDs returns the ids of the questionnaire's roles, in order.
func (q *Questionnaire) RoleIDs() []string {
	out := make([]string, len(q.Roles))
	for i, r := range q.Roles {
		out[i] = r.ID
	}
	return out
}

// QuestionsForRoles returns the questions put to a respondent holding any
// of the given questionnaire roles, in questionnaire order: those whose
// audience names one of them, and those without an audience. With no role
// given, every question.
func (q *Questionnaire) QuestionsForRoles(roles ...string) []*Question {
	out := make([]*Question, 0, len(q.Questions))
	for _, qu := range q.Questions {
		if qu.PutTo(roles...) {
			out = append(out, qu)
		}
	}
	return out
}

// PracticeIDs returns the ids of the questionnaire's practices, in order.
func (q *Questionnaire) PracticeIDs() []string { return practiceIDs(q) }

// ScaleText describes the scale as "0..5".
func (s Scale) String() string { return strconv.Itoa(s.Min) + ".." + strconv.Itoa(s.Max) }
