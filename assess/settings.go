package assess

import (
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	assessmentFields = []string{"kind", "id", "organization", "date", "questionnaire", "scope", "targets",
		"owners", "plan", "readiness", "scoring", "teams", "roles", "audience", "responses", "painpoints"}
	ownerFields   = []string{"owner", "process_manager", "approver", "stakeholder"}
	planFields    = []string{"start", "capacity", "months"}
	scoringFields = []string{"consensus", "disagreement_spread", "min_group"}
)

// Defaults of assessment.yaml.
const (
	DefaultTarget        = 3
	DefaultCapacity      = 3
	DefaultSpread        = 3.0
	DefaultMinGroup      = 3
	DefaultResponsesDir  = "responses"
	DefaultPainPointFile = "painpoints.yaml"
)

// DefaultMonths are the phase lengths used when plan.months does not say.
var DefaultMonths = map[string]int{Stabilize: 3, Standardize: 6, Optimize: 6}

// refs keeps where practice ids were named in assessment.yaml, to check them
// once the questionnaire is known.
type refs struct {
	scope   []Pos
	targets map[string][2]*yaml.Node // practice id → key and value nodes
	owners  map[string]*yaml.Node
	// audience: the key node of each assessment role, and the value node of
	// each questionnaire role it maps to
	audienceKeys  map[string]*yaml.Node
	audienceRoles map[string][]*yaml.Node
}

// ParseSettings reads and checks assessment.yaml on its own. The references
// to practices are checked by Load once the questionnaire is read.
func ParseSettings(file string, data []byte) (*Assessment, Problems) {
	var probs Problems
	r := &reader{file: file, probs: &probs}
	root := r.parse(data)
	if root == nil {
		return nil, probs
	}
	a, _ := r.settings(root)
	probs.Sort()
	return a, probs
}

func (r *reader) settings(root *yaml.Node) (*Assessment, *refs) {
	a := &Assessment{
		File:           r.file,
		DefaultTarget:  DefaultTarget,
		Targets:        map[string]int{},
		Owners:         map[string]Owners{},
		Plan:           PlanSettings{Capacity: DefaultCapacity, Months: map[string]int{}},
		Scoring:        ScoringSettings{Consensus: Mean, DisagreementSpread: DefaultSpread, MinGroup: DefaultMinGroup},
		ResponsesDir:   DefaultResponsesDir,
		PainPointsFile: DefaultPainPointFile,
	}
	for k, v := range DefaultMonths {
		a.Plan.Months[k] = v
	}
	rf := &refs{targets: map[string][2]*yaml.Node{}, owners: map[string]*yaml.Node{}}
	readiness := map[string]ReadinessItem{}
	seen := r.fields(root, assessmentFields, func(key string, k, v *yaml.Node) {
		optional := key == "scope" || key == "targets" || key == "owners" || key == "plan" || key == "readiness" || key == "scoring" ||
			key == "teams" || key == "roles" || key == "audience"
		if optional && isNull(v) {
			return // a section left empty, or with only comments: the defaults
		}
		switch key {
		case "kind":
			r.kind(v, "assessment")
		case "id":
			a.ID, _ = r.id(key, v)
		case "organization":
			a.Organization, _ = r.str(key, v)
			a.organizationPos = Pos{v.Line, v.Column}
			if p := a.PlaceholderOrganization(); p != nil {
				*r.probs = append(*r.probs, *p)
			}
		case "date":
			a.Date, _ = r.date(key, v)
		case "questionnaire":
			a.QuestionnaireRef, _ = r.str(key, v)
		case "scope":
			a.Scope, rf.scope = r.ids(key, v)
		case "targets":
			r.targets(v, a, rf)
		case "owners":
			r.owners(v, a, rf)
		case "plan":
			r.plan(v, &a.Plan)
		case "readiness":
			r.readiness(v, readiness)
		case "scoring":
			r.scoring(v, &a.Scoring)
		case "teams":
			a.Teams = r.names(key, v)
		case "roles":
			a.Roles = r.names(key, v)
		case "audience":
			r.audienceTable(v, a, rf)
		case "responses":
			if p, ok := r.localPath(key, v); ok {
				a.ResponsesDir = p
			}
		case "painpoints":
			if p, ok := r.localPath(key, v); ok {
				a.PainPointsFile = p
			}
		}
	})
	r.require(root, seen, "assessment", "id", "organization", "date", "questionnaire")
	for _, item := range ReadinessItems {
		it, ok := readiness[item]
		if !ok {
			it = ReadinessItem{Item: item}
		}
		a.Readiness = append(a.Readiness, it)
	}
	return a, rf
}

// names reads the list of teams or roles respondents choose from. Two
// entries that are variants of one name (case, spaces, hyphens) are an
// error: respondents could not tell them apart.
func (r *reader) names(key string, v *yaml.Node) []string {
	if !r.sequence(key, v) {
		return nil
	}
	var out []string
	for _, e := range v.Content {
		e = resolve(e)
		s, ok := r.str(key, e)
		if !ok {
			continue
		}
		if i := slices.IndexFunc(out, func(o string) bool { return FoldName(o) == FoldName(s) }); i >= 0 {
			if out[i] == s {
				r.errorf(e, "%s: %q is listed twice", key, s)
			} else {
				r.errorf(e, "%s: %q and %q are the same name written two ways; keep one", key, out[i], s)
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// audienceTable reads the mapping of the assessment's role names onto
// questionnaire role ids: each value one id or a list of them. The ids are
// checked once the questionnaire is known.
func (r *reader) audienceTable(v *yaml.Node, a *Assessment, rf *refs) {
	if !r.mapping("audience", v) {
		return
	}
	a.Audience = map[string][]string{}
	rf.audienceKeys = map[string]*yaml.Node{}
	rf.audienceRoles = map[string][]*yaml.Node{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, n := resolve(v.Content[i]), resolve(v.Content[i+1])
		role, ok := r.str("audience", k)
		if !ok {
			continue
		}
		if prev := a.audienceKey(role); prev != "" {
			r.errorf(k, "audience: role %q is mapped twice (first at line %d)", role, rf.audienceKeys[prev].Line)
			continue
		}
		var nodes []*yaml.Node
		if n.Kind == yaml.SequenceNode {
			for _, e := range n.Content {
				nodes = append(nodes, resolve(e))
			}
			if len(nodes) == 0 {
				r.errorf(n, "audience.%s: expected at least one questionnaire role", role)
			}
		} else {
			nodes = []*yaml.Node{n}
		}
		var ids []string
		var idNodes []*yaml.Node
		for _, e := range nodes {
			id, ok := r.id("audience."+role, e)
			if !ok {
				continue
			}
			if slices.Contains(ids, id) {
				r.errorf(e, "audience.%s: %q is listed twice", role, id)
				continue
			}
			ids = append(ids, id)
			idNodes = append(idNodes, e)
		}
		a.Audience[role] = ids
		rf.audienceKeys[role] = k
		rf.audienceRoles[role] = idNodes
	}
}

func (r *reader) targets(v *yaml.Node, a *Assessment, rf *refs) {
	if !r.mapping("targets", v) {
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, n := resolve(v.Content[i]), resolve(v.Content[i+1])
		id, ok := r.id("targets", k)
		if !ok {
			continue
		}
		if _, dup := rf.targets[id]; dup || (id == "default" && rf.targets["default"][0] != nil) {
			r.errorf(k, "targets: %q is given twice", id)
			continue
		}
		rf.targets[id] = [2]*yaml.Node{k, n}
		t, ok := r.intRange("targets."+id, n, 0, MaxScale)
		if !ok {
			continue
		}
		if id == "default" {
			a.DefaultTarget = t
		} else {
			a.Targets[id] = t
		}
	}
}

func (r *reader) owners(v *yaml.Node, a *Assessment, rf *refs) {
	if !r.mapping("owners", v) {
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, n := resolve(v.Content[i]), resolve(v.Content[i+1])
		id, ok := r.id("owners", k)
		if !ok {
			continue
		}
		if _, dup := rf.owners[id]; dup {
			r.errorf(k, "owners: %q is given twice", id)
			continue
		}
		rf.owners[id] = k
		if !r.mapping("owners."+id, n) {
			continue
		}
		var o Owners
		r.fields(n, ownerFields, func(key string, _, e *yaml.Node) {
			s := r.optStr(key, e)
			switch key {
			case "owner":
				o.Owner = s
			case "process_manager":
				o.ProcessManager = s
			case "approver":
				o.Approver = s
			case "stakeholder":
				o.Stakeholder = s
			}
		})
		a.Owners[id] = o
	}
}

func (r *reader) plan(v *yaml.Node, p *PlanSettings) {
	if !r.mapping("plan", v) {
		return
	}
	r.fields(v, planFields, func(key string, _, n *yaml.Node) {
		switch key {
		case "start":
			p.Start, _ = r.date("plan.start", n)
		case "capacity":
			if c, ok := r.intRange("plan.capacity", n, 1, 1000); ok {
				p.Capacity = c
			}
		case "months":
			if !r.mapping("plan.months", n) {
				return
			}
			r.fields(n, PhaseIDs, func(phase string, _, m *yaml.Node) {
				if months, ok := r.intRange("plan.months."+phase, m, 1, 60); ok {
					p.Months[phase] = months
				}
			})
		}
	})
}

func (r *reader) readiness(v *yaml.Node, items map[string]ReadinessItem) {
	if !r.mapping("readiness", v) {
		return
	}
	r.fields(v, ReadinessItems, func(key string, _, n *yaml.Node) {
		it := ReadinessItem{Item: key}
		switch {
		case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
			// unknown
		case n.Kind == yaml.ScalarNode && n.Tag == "!!bool":
			it.Known = true
			it.OK = n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
		case n.Kind == yaml.ScalarNode && n.Value != "":
			name, ok := r.text("readiness."+key, n, n.Value)
			if !ok {
				return
			}
			it.Known, it.OK, it.Name = true, true, name
		default:
			r.errorf(n, "readiness.%s: expected true, false or a name, found %s", key, describe(n))
		}
		items[key] = it
	})
}

func (r *reader) scoring(v *yaml.Node, s *ScoringSettings) {
	if !r.mapping("scoring", v) {
		return
	}
	r.fields(v, scoringFields, func(key string, _, n *yaml.Node) {
		switch key {
		case "consensus":
			if c, ok := r.str("scoring.consensus", n); ok {
				switch c {
				case Mean, Median, Lowest:
					s.Consensus = c
				default:
					r.errorf(n, "scoring.consensus: expected mean, median or lowest, found %s", describe(n))
				}
			}
		case "disagreement_spread":
			if f, ok := r.positive("scoring.disagreement_spread", n); ok {
				s.DisagreementSpread = f
			}
		case "min_group":
			if m, ok := r.intRange("scoring.min_group", n, 1, MaxResponses); ok {
				s.MinGroup = m
			}
		}
	})
}

// checkRefs reports practice ids in scope, targets and owners that the
// questionnaire does not have, and targets outside its scale. It fills the
// scope with every practice when none was given.
func (r *reader) checkRefs(a *Assessment, rf *refs, q *Questionnaire) {
	ids := practiceIDs(q)
	var scope []string
	for i, id := range a.Scope {
		if q.practiceByID[id] == nil {
			r.unknownRef(nodeAt(rf.scope[i]), "scope", "practice", id, ids)
			continue
		}
		scope = append(scope, id)
	}
	if len(a.Scope) == 0 {
		scope = ids
	}
	// keep questionnaire order, so that every output lists practices alike
	a.Scope = a.Scope[:0]
	for _, id := range ids {
		for _, s := range scope {
			if s == id {
				a.Scope = append(a.Scope, id)
			}
		}
	}
	for id, kv := range rf.targets {
		if id != "default" && q.practiceByID[id] == nil {
			r.unknownRef(kv[0], "targets", "practice", id, append([]string{"default"}, ids...))
			delete(a.Targets, id)
			continue
		}
		t := a.DefaultTarget
		if id != "default" {
			t = a.Targets[id]
		}
		if _, set := a.Targets[id]; (set || id == "default") && (t < q.Scale.Min || t > q.Scale.Max) {
			r.errorf(kv[1], "targets.%s: %d is outside the scale %s", id, t, q.Scale)
		}
	}
	for id, k := range rf.owners {
		if q.practiceByID[id] == nil {
			r.unknownRef(k, "owners", "practice", id, ids)
		}
	}
	for role, qroles := range a.Audience {
		if len(a.Roles) > 0 && !slices.Contains(a.Roles, role) {
			r.unlisted(rf.audienceKeys[role], "audience", "role", role, a.Roles)
		}
		valid := qroles[:0:0]
		for i, id := range qroles {
			if q.Role(id) == nil {
				r.unknownRole(rf.audienceRoles[role][i], "audience."+role, id, q)
				continue
			}
			valid = append(valid, id)
		}
		a.Audience[role] = valid
	}
}

// isNull reports whether a node holds no value (empty, ~ or null).
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// localPath reads a path inside the assessment folder: relative, without
// "..", and not the folder itself. A problem leaves the default in place,
// so that nothing outside the folder is read.
func (r *reader) localPath(key string, v *yaml.Node) (string, bool) {
	p, ok := r.str(key, v)
	if !ok {
		return "", false
	}
	switch {
	case filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`):
		r.errorf(v, "%s: %s is an absolute path; give a path inside the assessment folder, such as %s", key, describe(v), defaultPath(key))
	case !filepath.IsLocal(p):
		r.errorf(v, "%s: %s leads outside the assessment folder; give a path inside it, such as %s", key, describe(v), defaultPath(key))
	case filepath.Clean(p) == ".":
		r.errorf(v, "%s: %s is the assessment folder itself; give a path inside it, such as %s", key, describe(v), defaultPath(key))
	default:
		return filepath.Clean(p), true
	}
	return "", false
}

func defaultPath(key string) string {
	if key == "responses" {
		return DefaultResponsesDir
	}
	return DefaultPainPointFile
}
