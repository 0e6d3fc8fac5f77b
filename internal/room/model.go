package room

import (
	"slices"

	"github.com/itilmap/itilmap/assess"
)

// questionsFor returns the in-scope questions put to role (through the
// assessment's audience table), in questionnaire order.
func questionsFor(a *assess.Assessment, role string) []*assess.Question {
	var out []*assess.Question
	for _, qu := range a.QuestionsFor(role) {
		if a.InScope(qu.Practice) {
			out = append(out, qu)
		}
	}
	return out
}

// Teams are the teams participants choose from; nil: they type one.
func (r *Room) Teams() []string { return r.a.Teams }

// Roles are the roles participants choose from; nil: they type one.
func (r *Room) Roles() []string { return r.a.Roles }

// Guide is what some levels of the scale look like for question qu, by
// level.
func (r *Room) Guide(qu *assess.Question) map[int]string { return qu.Guide }

// Used returns the teams and the roles that respondents in the folder have
// given so far, sorted, for a form to suggest when the assessment lists
// none: one spelling of each name keeps teams together.
func (r *Room) Used() (teams, roles []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	seenT, seenR := map[string]bool{}, map[string]bool{}
	add := func(resp *assess.Response) {
		if t := resp.Respondent.Team; t != "" && !seenT[t] {
			seenT[t] = true
			teams = append(teams, t)
		}
		if ro := resp.Respondent.Role; ro != "" && !seenR[ro] {
			seenR[ro] = true
			roles = append(roles, ro)
		}
	}
	for _, resp := range r.others {
		add(resp)
	}
	for _, id := range r.order {
		add(r.parts[id].resp)
	}
	slices.Sort(teams)
	slices.Sort(roles)
	return teams, roles
}
