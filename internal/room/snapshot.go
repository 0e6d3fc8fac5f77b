package room

import (
	"github.com/itilmap/itilmap/assess"
)

// Snapshot is the room as it stands, for the facilitator's view: who has
// joined and how far each is, the scores of every response in the folder
// (by assess.Score, as `assess` would print them now), and the
// distribution of each question's answers.
type Snapshot struct {
	Version      uint64
	Participants []Status
	// Others counts the responses in the folder that are not the room's
	// participants (imported, or from capture workbooks); they are scored.
	Others int
	Score  *assess.Result
	// Distributions holds each in-scope question's answers, by question id.
	Distributions map[string]Distribution
	// Revealed says which questions' distributions the view may show.
	Revealed map[string]bool
}

// Status is one participant's progress. Name is empty in an anonymous room.
type Status struct {
	ID, Name, Team, Role string
	Answered, Total      int
}

// Distribution counts the answers to one question: documented and actual
// by level (index 0 is the scale's minimum), and not applicable.
type Distribution struct {
	Documented, Actual []int
	NA                 int
}

// Snapshot returns the room as it stands. It is computed at most once per
// change, however many times it is asked for.
func (r *Room) Snapshot() *Snapshot {
	r.mu.Lock()
	if r.snap != nil && r.snap.Version == r.version {
		s := r.snap
		r.mu.Unlock()
		return s
	}
	s := &Snapshot{Version: r.version, Others: len(r.others), Revealed: map[string]bool{}}
	responses := make([]*assess.Response, 0, len(r.others)+len(r.order))
	responses = append(responses, r.others...)
	for _, id := range r.order {
		responses = append(responses, r.parts[id].resp)
	}
	for id := range r.revealed {
		s.Revealed[id] = true
	}
	r.mu.Unlock()

	a := *r.a
	a.Responses = responses
	s.Score = assess.Score(&a, assess.ScoreOptions{})
	scale := r.q.Scale
	s.Distributions = make(map[string]Distribution, len(s.Score.Questions))
	for _, qs := range s.Score.Questions {
		levels := scale.Max - scale.Min + 1
		s.Distributions[qs.ID] = Distribution{Documented: make([]int, levels), Actual: make([]int, levels)}
	}
	for _, resp := range r.others {
		s.count(resp, scale)
	}
	for _, resp := range responses[len(r.others):] {
		st := Status{ID: resp.Respondent.ID, Name: resp.Respondent.Name, Team: resp.Respondent.Team, Role: resp.Respondent.Role}
		put := questionsFor(r.a, st.Role)
		st.Total = len(put)
		answered := map[string]bool{}
		for _, ans := range resp.Answers {
			if Answered(ans) {
				answered[ans.Question] = true
			}
		}
		for _, qu := range put {
			if answered[qu.ID] {
				st.Answered++
			}
		}
		if r.opts.Anonymous {
			st.Name, st.Team, st.Role = "", "", ""
		}
		s.Participants = append(s.Participants, st)
		s.count(resp, scale)
	}

	r.mu.Lock()
	if r.snap == nil || r.snap.Version < s.Version {
		r.snap = s
	}
	r.mu.Unlock()
	return s
}

func (s *Snapshot) count(resp *assess.Response, scale assess.Scale) {
	for _, ans := range resp.Answers {
		d, ok := s.Distributions[ans.Question]
		if !ok {
			continue
		}
		if ans.NA() {
			d.NA++
		} else {
			if ans.Documented.Known() {
				d.Documented[int(ans.Documented)-scale.Min]++
			}
			if ans.Actual.Known() {
				d.Actual[int(ans.Actual)-scale.Min]++
			}
		}
		s.Distributions[ans.Question] = d
	}
}
