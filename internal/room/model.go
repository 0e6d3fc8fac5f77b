package room

import "github.com/itilmap/itilmap/assess"

// The functions here stand in for the assessment's teams, roles and
// audience (SPEC 4.1, 4.2) until the model has them.

// questionsFor returns the in-scope questions put to role, in
// questionnaire order.
func questionsFor(a *assess.Assessment, role string) []*assess.Question {
	var out []*assess.Question
	for _, pid := range a.Scope {
		out = append(out, a.Questionnaire.Practice(pid).Questions...)
	}
	return out
}

// teamList and roleList are the names respondents choose from; nil: any.
func teamList(a *assess.Assessment) []string { return nil }
func roleList(a *assess.Assessment) []string { return nil }

// checkTeam and checkRole say why a name is refused, or "".
func checkTeam(a *assess.Assessment, team string) string { return "" }
func checkRole(a *assess.Assessment, role string) string { return "" }

// guideOf is what some levels of the scale look like for a question.
func guideOf(qu *assess.Question) map[int]string { return nil }

// Teams are the teams participants choose from; nil: they type one.
func (r *Room) Teams() []string { return teamList(r.a) }

// Roles are the roles participants choose from; nil: they type one.
func (r *Room) Roles() []string { return roleList(r.a) }

// Guide is what some levels of the scale look like for question qu, by
// level.
func (r *Room) Guide(qu *assess.Question) map[int]string { return guideOf(qu) }
