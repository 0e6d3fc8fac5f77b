package questionnaires_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/questionnaires"
)

// The structural rules every built-in questionnaire keeps, so that an edit of
// the YAML content cannot quietly break the library consultants rely on.

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

const maxTextLen = 200

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
		}
		if len(quick) > 1 {
			t.Errorf("ids mix two schemes: %d with Q- and %d without", quick[true], quick[false])
		}
	})
}

func TestQuestionTexts(t *testing.T) {
	forEachBuiltin(t, func(t *testing.T, q *assess.Questionnaire) {
		texts := map[string]string{} // normalised text → question id
		helps := map[string]string{}
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
		}
	})
}

func TestPracticeActionsMetricsDependencies(t *testing.T) {
	forEachBuiltin(t, func(t *testing.T, q *assess.Questionnaire) {
		actions := map[string]string{} // normalised action → where
		for _, p := range q.Practices {
			phases := map[string][]string{
				assess.Stabilize:   p.Actions.Stabilize,
				assess.Standardize: p.Actions.Standardize,
				assess.Optimize:    p.Actions.Optimize,
			}
			for _, phase := range assess.PhaseIDs {
				list := phases[phase]
				if len(list) < 2 || len(list) > 3 {
					t.Errorf("%s: %d %s actions, want 2 or 3", p.ID, len(list), phase)
				}
				for i, a := range list {
					where := fmt.Sprintf("%s %s action %d", p.ID, phase, i+1)
					n := normalise(a)
					if n == "" {
						t.Errorf("%s: empty", where)
						continue
					}
					if first, dup := actions[n]; dup {
						t.Errorf("%s repeats %s: %q", where, first, a)
					}
					actions[n] = where
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
	})
}

func TestCoreLibrary(t *testing.T) {
	q := load(t, "itil4-core")

	wantPractices := []string{
		"incident-management", "service-request-management", "change-enablement",
		"problem-management", "knowledge-management", "service-desk",
		"service-level-management", "monitoring-and-event-management",
		"service-configuration-management", "it-asset-management",
		"release-management", "deployment-management", "continual-improvement",
		"measurement-and-reporting", "information-security-management",
		"relationship-management", "supplier-management", "service-continuity-management",
	}
	if len(q.Practices) < 18 {
		t.Errorf("%d practices, want at least 18", len(q.Practices))
	}
	for _, id := range wantPractices {
		if q.Practice(id) == nil {
			t.Errorf("practice %s is missing", id)
		}
	}

	for _, p := range q.Practices {
		perDim := map[string]int{}
		for _, qu := range p.Questions {
			perDim[qu.Dimension]++
		}
		for _, d := range q.Dimensions {
			if perDim[d.ID] < 2 {
				t.Errorf("%s: %d %s questions, want at least 2", p.ID, perDim[d.ID], d.ID)
			}
		}
	}
	for d := range dimensionCode {
		if q.DimensionIndex(d) < 0 {
			t.Errorf("dimension %s is missing", d)
		}
	}

	wantMetrics := []string{
		"mttr", "fcr", "change-success-rate", "emergency-change-rate", "rollback-rate",
		"backlog-age", "sla-attainment", "reopen-rate", "csat", "escalation-rate",
		"repeat-incident-rate", "mi-update-timeliness",
	}
	if len(q.Metrics) < 12 {
		t.Errorf("%d metrics in the catalogue, want at least 12", len(q.Metrics))
	}
	for _, m := range q.Metrics {
		if m.Better != "up" && m.Better != "down" {
			t.Errorf("metric %s: better %q, want up or down", m.ID, m.Better)
		}
	}
	for _, id := range wantMetrics {
		if q.Metric(id) == nil {
			t.Errorf("metric %s is missing from the catalogue", id)
		}
	}

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

func TestQuickCheck(t *testing.T) {
	quick := load(t, "itil4-quick")
	core := load(t, "itil4-core")
	if n := len(quick.Questions); n < 10 || n > 40 {
		t.Errorf("%d questions, want 10 to 40 for a one-hour check", n)
	}
	for _, p := range quick.Practices {
		if core.Practice(p.ID) == nil {
			t.Errorf("practice %s is not in itil4-core", p.ID)
		}
	}
}
