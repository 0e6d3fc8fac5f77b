package questionnaires_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/questionnaires"
)

// The rules every built-in questionnaire keeps, so that an edit of the YAML
// content cannot quietly break the library consultants rely on.

// questionID is the one id scheme: an optional Q- (the quick check), a
// practice prefix, the dimension code and a number.
var questionID = regexp.MustCompile(`^((?:Q-)?[A-Z]{2,4})-(PE|PR|TE|GO)-[0-9]+$`)

// dimensionCode is the code a question id carries for its dimension.
var dimensionCode = map[string]string{
	"people":     "PE",
	"process":    "PR",
	"technology": "TE",
	"governance": "GO",
}

// corePractices are the 34 ITIL 4 practices of itil4-core with the prefix
// of their question ids.
var corePractices = map[string]string{
	"service-desk":                           "SD",
	"incident-management":                    "IM",
	"service-request-management":             "SRM",
	"problem-management":                     "PM",
	"knowledge-management":                   "KM",
	"monitoring-and-event-management":        "MEM",
	"service-level-management":               "SLM",
	"service-catalogue-management":           "SCAT",
	"availability-management":                "AVM",
	"capacity-and-performance-management":    "CPM",
	"service-continuity-management":          "SCO",
	"change-enablement":                      "CHG",
	"service-configuration-management":       "SCM",
	"it-asset-management":                    "ITAM",
	"release-management":                     "REL",
	"deployment-management":                  "DEP",
	"service-validation-and-testing":         "SVT",
	"infrastructure-and-platform-management": "IPM",
	"software-development-and-management":    "SDM",
	"service-design":                         "SDE",
	"architecture-management":                "ARC",
	"information-security-management":        "ISM",
	"measurement-and-reporting":              "MR",
	"continual-improvement":                  "CI",
	"relationship-management":                "RLM",
	"supplier-management":                    "SUP",
	"risk-management":                        "RSK",
	"service-financial-management":           "SFM",
	"workforce-and-talent-management":        "WTM",
	"portfolio-management":                   "PFM",
	"project-management":                     "PJM",
	"strategy-management":                    "STM",
	"organizational-change-management":       "OCM",
	"business-analysis":                      "BA",
}

// Thresholds of the content rules (issue 12).
const (
	maxTextLen = 200 // characters of a statement

	minQuestionsPerPractice = 8
	minQuestionsPerDim      = 2
	minActionsPerPhase      = 2
	maxActionsPerPhase      = 4
	minPracticesWithRefs    = 30
	minAudienceShare        = 0.8
	minGuides               = 40
	minRoles, maxRoles      = 4, 6

	// Two statements whose word sets overlap by more than this (Jaccard
	// similarity, after dropping a few filler words) ask the same thing.
	// The draft's "Acceptance criteria are signed off by the business owner
	// before build starts" against "Requirements are signed off by the
	// business owner before build starts" scores 0.70; the clean library
	// stays below 0.5.
	maxSimilarity = 0.6

	longStatement    = 30 // words
	maxLongStatement = 3  // statements allowed above longStatement
	maxAbsolutes     = 3  // statements allowed to say "never" or "always"

	maxQuickQuestions = 40
)

// load reads built-in questionnaire id. Its problems are reported once, by
// TestBuiltinsLoadWithoutProblems; the other tests look at the content.
func load(t *testing.T, id string) *assess.Questionnaire {
	t.Helper()
	q, _ := assess.LoadQuestionnaire(nil, id, "")
	if q == nil {
		t.Fatalf("%s: not loaded", id)
	}
	return q
}

// normalise makes texts comparable: lower case, single spaces, no trailing
// full stop.
func normalise(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.TrimRight(s, ".")
}

var wordRE = regexp.MustCompile(`[a-z0-9]+(?:'[a-z]+)?`)

// filler words carry no meaning of their own in a statement.
var filler = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "is": true,
	"are": true, "and": true, "or": true, "in": true, "on": true, "for": true,
	"by": true, "with": true, "its": true, "their": true, "it": true,
	"that": true, "be": true, "as": true, "at": true,
}

// words is the set of meaningful words of s.
func words(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		if !filler[w] {
			set[w] = true
		}
	}
	return set
}

// similarity is the Jaccard similarity of the word sets of a and b.
func similarity(a, b string) float64 {
	wa, wb := words(a), words(b)
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	union := len(wa) + len(wb) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func forEachBuiltin(t *testing.T, f func(t *testing.T, q *assess.Questionnaire)) {
	t.Helper()
	ids := questionnaires.IDs()
	for _, want := range []string{"itil4-core", "itil4-quick"} {
		if !slices.Contains(ids, want) {
			t.Errorf("built-in questionnaire %s is missing (have %v)", want, ids)
		}
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) { f(t, load(t, id)) })
	}
}

func TestBuiltinsLoadWithoutProblems(t *testing.T) {
	forEachBuiltin(t, func(t *testing.T, q *assess.Questionnaire) {
		_, probs := assess.LoadQuestionnaire(nil, q.ID, "")
		for _, p := range probs {
			t.Errorf("%s", p) // errors and warnings alike
		}
		if q.ID != strings.TrimSuffix(strings.TrimPrefix(q.File, "built-in:"), ".yaml") {
			t.Errorf("file %s declares id %q", q.File, q.ID)
		}
		if len(q.Practices) == 0 || len(q.Questions) == 0 {
			t.Errorf("no practices or no questions")
		}
	})
}

func TestQuestionIDScheme(t *testing.T) {
	forEachBuiltin(t, func(t *testing.T, q *assess.Questionnaire) {
		prefixOwner := map[string]string{} // prefix → practice
		quick := map[bool]int{}            // questions with and without Q-
		for _, p := range q.Practices {
			prefix := ""
			for _, qu := range p.Questions {
				m := questionID.FindStringSubmatch(qu.ID)
				if m == nil {
					t.Errorf("%s: id %q does not match %s", p.ID, qu.ID, questionID)
					continue
				}
				quick[strings.HasPrefix(qu.ID, "Q-")]++
				if want := dimensionCode[qu.Dimension]; m[2] != want {
					t.Errorf("%s: dimension %s, but the id says %s (want %s)", qu.ID, qu.Dimension, m[2], want)
				}
				switch {
				case prefix == "":
					prefix = m[1]
				case m[1] != prefix:
					t.Errorf("%s: prefix %s differs from %s used by the other questions of %s", qu.ID, m[1], prefix, p.ID)
				}
			}
			if prefix == "" {
				continue
			}
			if other, dup := prefixOwner[prefix]; dup {
				t.Errorf("prefix %s is used by both %s and %s", prefix, other, p.ID)
			}
			prefixOwner[prefix] = p.ID
			if want, ok := corePractices[p.ID]; ok && strings.TrimPrefix(prefix, "Q-") != want {
				t.Errorf("%s: question prefix %s, want %s", p.ID, prefix, want)
			}
		}
		if len(quick) > 1 {
			t.Errorf("ids mix two schemes: %d with Q- and %d without", quick[true], quick[false])
		}
	})
}

func TestSimilarity(t *testing.T) {
	// A duplicate the first draft of itil4-core had across two practices.
	dup := similarity("Acceptance criteria are signed off by the business owner before build starts.",
		"Requirements are signed off by the business owner before build starts.")
	if dup <= maxSimilarity {
		t.Errorf("known duplicate scores %.2f, not above %.2f", dup, maxSimilarity)
	}
	// Same subject, different questions.
	distinct := similarity("Each critical service has a named person accountable for its availability.",
		"A named person owns the capacity plan of each critical service.")
	if distinct > maxSimilarity {
		t.Errorf("distinct statements score %.2f, above %.2f", distinct, maxSimilarity)
	}
}

func TestQuestionTexts(t *testing.T) {
	forEachBuiltin(t, func(t *testing.T, q *assess.Questionnaire) {
		texts := map[string]string{} // normalised text → question id
		helps := map[string]string{}
		var long, absolute []string
		for _, qu := range q.Questions {
			if strings.TrimSpace(qu.Help) == "" {
				t.Errorf("%s: no help line", qu.ID)
			} else {
				h := normalise(qu.Help)
				if first, dup := helps[h]; dup {
					t.Errorf("%s: help line repeats %s: %q", qu.ID, first, qu.Help)
				}
				helps[h] = qu.ID
			}
			n := normalise(qu.Text)
			if first, dup := texts[n]; dup {
				t.Errorf("%s: text repeats %s: %q", qu.ID, first, qu.Text)
			}
			texts[n] = qu.ID
			text := strings.TrimSpace(qu.Text)
			if strings.HasSuffix(text, "?") {
				t.Errorf("%s: text is a question, write a statement: %q", qu.ID, text)
			}
			if l := utf8.RuneCountInString(text); l > maxTextLen {
				t.Errorf("%s: text is %d characters long, at most %d", qu.ID, l, maxTextLen)
			}
			if strings.Contains(strings.ToLower(text), "and/or") {
				t.Errorf("%s: and/or asks two things: %q", qu.ID, text)
			}
			if n := wordCount(text); n > longStatement {
				long = append(long, fmt.Sprintf("%s (%d words)", qu.ID, n))
			}
			if w := words(text); w["never"] || w["always"] {
				absolute = append(absolute, qu.ID)
			}
		}
		if len(long) > maxLongStatement {
			t.Errorf("%d statements above %d words, at most %d: %s", len(long), longStatement, maxLongStatement, strings.Join(long, ", "))
		}
		if len(absolute) > maxAbsolutes {
			t.Errorf("%d statements say never or always, at most %d: %s", len(absolute), maxAbsolutes, strings.Join(absolute, ", "))
		}
	})
}

func TestNoNearDuplicateStatements(t *testing.T) {
	forEachBuiltin(t, func(t *testing.T, q *assess.Questionnaire) {
		for i, a := range q.Questions {
			for _, b := range q.Questions[i+1:] {
				if s := similarity(a.Text, b.Text); s > maxSimilarity {
					t.Errorf("%s and %s are near-duplicates (similarity %.2f):\n\t%s\n\t%s", a.ID, b.ID, s, a.Text, b.Text)
				}
			}
		}
	})
}

func TestPracticeActionsMetricsDependencies(t *testing.T) {
	forEachBuiltin(t, func(t *testing.T, q *assess.Questionnaire) {
		type seen struct{ where, text, practice string }
		var all []seen
		actions := map[string]string{} // normalised action → where
		for _, p := range q.Practices {
			for _, phase := range assess.PhaseIDs {
				list := p.Actions.Phase(phase)
				if len(list) < minActionsPerPhase || len(list) > maxActionsPerPhase {
					t.Errorf("%s: %d %s actions, want %d to %d", p.ID, len(list), phase, minActionsPerPhase, maxActionsPerPhase)
				}
				for i, a := range list {
					where := fmt.Sprintf("%s %s action %d", p.ID, phase, i+1)
					n := normalise(a.Text)
					if n == "" {
						t.Errorf("%s: empty", where)
						continue
					}
					if a.Dimension != "" && q.DimensionIndex(a.Dimension) < 0 {
						t.Errorf("%s: unknown dimension %q", where, a.Dimension)
					}
					if first, dup := actions[n]; dup {
						t.Errorf("%s repeats %s: %q", where, first, a.Text)
					}
					actions[n] = where
					all = append(all, seen{where, a.Text, p.ID})
				}
			}
			if len(p.Metrics) == 0 {
				t.Errorf("%s: no metrics", p.ID)
			}
			for _, m := range p.Metrics {
				if q.Metric(m) == nil {
					t.Errorf("%s: metric %q is not in the catalogue", p.ID, m)
				}
			}
			for _, d := range p.DependsOn {
				if q.Practice(d) == nil {
					t.Errorf("%s: depends on unknown practice %q", p.ID, d)
				}
			}
		}
		// The same action reworded in two practices.
		for i, a := range all {
			for _, b := range all[i+1:] {
				if a.practice != b.practice && similarity(a.text, b.text) > maxSimilarity {
					t.Errorf("%s and %s are near-duplicates:\n\t%s\n\t%s", a.where, b.where, a.text, b.text)
				}
			}
		}
		if cycle := dependencyCycle(q); cycle != nil {
			t.Errorf("dependency cycle: %s", strings.Join(cycle, " → "))
		}
	})
}

// dependencyCycle returns one cycle of the depends_on graph, or nil.
func dependencyCycle(q *assess.Questionnaire) []string {
	const (
		unvisited = iota
		active
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(id string) []string
	visit = func(id string) []string {
		state[id] = active
		stack = append(stack, id)
		if p := q.Practice(id); p != nil {
			for _, d := range p.DependsOn {
				switch state[d] {
				case active:
					i := slices.Index(stack, d)
					return append(slices.Clone(stack[i:]), d)
				case unvisited:
					if c := visit(d); c != nil {
						return c
					}
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[id] = done
		return nil
	}
	for _, p := range q.Practices {
		if state[p.ID] == unvisited {
			if c := visit(p.ID); c != nil {
				return c
			}
		}
	}
	return nil
}

// blockers returns the practices that hold back phase ph of practice id,
// directly or through other practices' dependencies that bind in ph.
func blockers(q *assess.Questionnaire, id, ph string) map[string]bool {
	out := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		p := q.Practice(id)
		if p == nil {
			return
		}
		for _, d := range p.Dependencies {
			if d.Binds(ph) && !out[d.Practice] {
				out[d.Practice] = true
				walk(d.Practice)
			}
		}
	}
	walk(id)
	return out
}

func TestCoreLibrary(t *testing.T) {
	q := load(t, "itil4-core")

	if len(q.Practices) != len(corePractices) {
		t.Errorf("%d practices, want the %d ITIL 4 practices", len(q.Practices), len(corePractices))
	}
	for id := range corePractices {
		if q.Practice(id) == nil {
			t.Errorf("practice %s is missing", id)
		}
	}
	for d := range dimensionCode {
		if q.DimensionIndex(d) < 0 {
			t.Errorf("dimension %s is missing", d)
		}
	}

	for _, p := range q.Practices {
		if n := len(p.Questions); n < minQuestionsPerPractice {
			t.Errorf("%s: %d questions, want at least %d", p.ID, n, minQuestionsPerPractice)
		}
		perDim := map[string]int{}
		for _, qu := range p.Questions {
			perDim[qu.Dimension]++
		}
		for _, d := range q.Dimensions {
			if perDim[d.ID] < minQuestionsPerDim {
				t.Errorf("%s: %d %s questions, want at least %d", p.ID, perDim[d.ID], d.ID, minQuestionsPerDim)
			}
		}
		for _, phase := range assess.PhaseIDs {
			withDim := 0
			for _, a := range p.Actions.Phase(phase) {
				if a.Dimension != "" {
					withDim++
				}
			}
			if withDim == 0 {
				t.Errorf("%s: no %s action names the dimension it addresses", p.ID, phase)
			}
		}
	}
}

func TestCoreMetrics(t *testing.T) {
	q := load(t, "itil4-core")
	used := map[string]bool{}
	for _, p := range q.Practices {
		for _, m := range p.Metrics {
			used[m] = true
		}
	}
	for _, m := range q.Metrics {
		if m.Better != "up" && m.Better != "down" {
			t.Errorf("metric %s: better %q, want up or down", m.ID, m.Better)
		}
		if !used[m.ID] {
			t.Errorf("metric %s is in the catalogue but no practice uses it", m.ID)
		}
	}
	// Metrics that pain points and reports have long relied on.
	for _, id := range []string{
		"mttr", "fcr", "change-success-rate", "emergency-change-rate", "rollback-success",
		"backlog-age", "sla-attainment", "reopen-rate", "csat", "escalation-rate",
		"repeat-incident-rate", "mi-update-timeliness",
	} {
		if q.Metric(id) == nil {
			t.Errorf("metric %s is missing from the catalogue", id)
		}
	}
}

var (
	isoClause = regexp.MustCompile(`^(4|5|6|7|8|9|10)(\.[1-9][0-9]?){1,2}$`)
	cobitID   = regexp.MustCompile(`^(EDM0[1-5]|APO(0[1-9]|1[0-4])|BAI(0[1-9]|1[01])|DSS0[1-6]|MEA0[1-4])$`)
)

func TestCoreRefs(t *testing.T) {
	q := load(t, "itil4-core")
	with := 0
	for _, p := range q.Practices {
		if len(p.Refs.ISO20000)+len(p.Refs.COBIT2019) > 0 {
			with++
		}
		for _, r := range p.Refs.ISO20000 {
			if !isoClause.MatchString(r) {
				t.Errorf("%s: ISO/IEC 20000-1 ref %q is not a clause id", p.ID, r)
			}
		}
		for _, r := range p.Refs.COBIT2019 {
			if !cobitID.MatchString(r) {
				t.Errorf("%s: COBIT 2019 ref %q is not an objective id", p.ID, r)
			}
		}
	}
	if with < minPracticesWithRefs {
		t.Errorf("%d practices have refs, want at least %d", with, minPracticesWithRefs)
	}
}

func TestCoreAudienceAndGuides(t *testing.T) {
	q := load(t, "itil4-core")
	if n := len(q.Roles); n < minRoles || n > maxRoles {
		t.Errorf("%d roles, want %d to %d", n, minRoles, maxRoles)
	}
	withAudience, guides := 0, 0
	for _, qu := range q.Questions {
		if len(qu.Audience) > 0 {
			withAudience++
		}
		if len(qu.Guide) > 0 {
			guides++
		}
		for level := range qu.Guide {
			if level < q.Scale.Min || level > q.Scale.Max {
				t.Errorf("%s: guide for level %d, outside the scale %s", qu.ID, level, q.Scale)
			}
		}
	}
	if share := float64(withAudience) / float64(len(q.Questions)); share < minAudienceShare {
		t.Errorf("%d of %d questions name an audience (%.0f%%), want at least %.0f%%",
			withAudience, len(q.Questions), 100*share, 100*minAudienceShare)
	}
	if guides < minGuides {
		t.Errorf("%d questions have a guide, want at least %d", guides, minGuides)
	}
	// Every role is put a real share of the questions, and none all of them.
	for _, r := range q.Roles {
		n := len(q.QuestionsForRoles(r.ID))
		if n < 20 || n == len(q.Questions) {
			t.Errorf("role %s is put %d of %d questions", r.ID, n, len(q.Questions))
		}
	}
}

func TestCoreKinds(t *testing.T) {
	q := load(t, "itil4-core")
	// Explicit kinds, against the default of the dimension, in both directions.
	var controlOnCapabilityDim, capabilityOnControlDim []string
	for _, qu := range q.Questions {
		if qu.Kind == assess.DefaultKind(qu.Dimension) {
			continue
		}
		switch {
		case qu.Kind == assess.Control && (qu.Dimension == "people" || qu.Dimension == "technology"):
			controlOnCapabilityDim = append(controlOnCapabilityDim, qu.ID)
		case qu.Kind == assess.Capability && (qu.Dimension == "process" || qu.Dimension == "governance"):
			capabilityOnControlDim = append(capabilityOnControlDim, qu.ID)
		}
	}
	if len(controlOnCapabilityDim) == 0 {
		t.Errorf("no people or technology question has an explicit kind: control")
	}
	if len(capabilityOnControlDim) == 0 {
		t.Errorf("no process or governance question has an explicit kind: capability")
	}
}

// TestCoreUrgentWorkNotBlocked: stabilize work on these practices must not
// wait for configuration or asset management, big practices that take long
// to build, directly or through another practice.
func TestCoreUrgentWorkNotBlocked(t *testing.T) {
	q := load(t, "itil4-core")
	slow := []string{"service-configuration-management", "it-asset-management"}
	for _, id := range []string{
		"change-enablement", "information-security-management",
		"service-continuity-management", "monitoring-and-event-management",
	} {
		b := blockers(q, id, assess.Stabilize)
		for _, s := range slow {
			if b[s] {
				t.Errorf("stabilize work on %s waits for %s", id, s)
			}
		}
	}
	if blockers(q, "service-configuration-management", assess.Standardize)["it-asset-management"] {
		t.Errorf("service-configuration-management waits for it-asset-management before optimize")
	}
}

func TestQuickCheck(t *testing.T) {
	quick := load(t, "itil4-quick")
	core := load(t, "itil4-core")
	if n := len(quick.Questions); n > maxQuickQuestions {
		t.Errorf("%d questions, want at most %d for a one-hour check", n, maxQuickQuestions)
	}
	for _, p := range quick.Practices {
		if core.Practice(p.ID) == nil {
			t.Errorf("practice %s is not in itil4-core", p.ID)
		}
		perDim := map[string]int{}
		for _, qu := range p.Questions {
			perDim[qu.Dimension]++
		}
		for _, d := range quick.Dimensions {
			if perDim[d.ID] == 0 {
				t.Errorf("%s: no %s question", p.ID, d.ID)
			}
		}
		for _, m := range p.Metrics {
			if core.Metric(m) == nil {
				t.Errorf("%s: metric %s is not in the itil4-core catalogue", p.ID, m)
			}
		}
	}
	for _, m := range quick.Metrics {
		c := core.Metric(m.ID)
		switch {
		case c == nil:
			t.Errorf("metric %s is not in the itil4-core catalogue", m.ID)
		case c.Unit != m.Unit || c.Better != m.Better:
			t.Errorf("metric %s: %s/%s, but itil4-core has %s/%s", m.ID, m.Unit, m.Better, c.Unit, c.Better)
		}
	}
	var coreRoles, quickRoles []string
	for _, r := range core.Roles {
		coreRoles = append(coreRoles, r.ID)
	}
	for _, r := range quick.Roles {
		quickRoles = append(quickRoles, r.ID)
	}
	sort.Strings(coreRoles)
	sort.Strings(quickRoles)
	if !slices.Equal(coreRoles, quickRoles) {
		t.Errorf("roles %v, want those of itil4-core %v", quickRoles, coreRoles)
	}
	withAudience := 0
	for _, qu := range quick.Questions {
		if len(qu.Audience) > 0 {
			withAudience++
		}
		if len(qu.MapsTo) == 0 {
			t.Errorf("%s: no maps_to onto itil4-core", qu.ID)
		}
		for _, id := range qu.MapsTo {
			c := core.Question(id)
			switch {
			case c == nil:
				t.Errorf("%s: maps_to %s, not a question of itil4-core", qu.ID, id)
			case c.Practice != qu.Practice:
				t.Errorf("%s: maps_to %s of %s, another practice", qu.ID, id, c.Practice)
			}
		}
	}
	if share := float64(withAudience) / float64(len(quick.Questions)); share < minAudienceShare {
		t.Errorf("%d of %d questions name an audience, want at least %.0f%%", withAudience, len(quick.Questions), 100*minAudienceShare)
	}
}
