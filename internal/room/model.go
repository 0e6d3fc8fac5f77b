package room

import "github.com/itilmap/itilmap/assess"

// questionsFor returns the in-scope questions put to role (SPEC 4.2:
// through the assessment's audience table), in questionnaire order.
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
