package assess

import "sort"

// The orderings a reader sees ("attention", "largest gaps", "where people
// disagree") are computed here, once, and kept in the Result as lists of
// ids, so that every table, sheet, page and the JSON show the same order.

// attentionOrder lists the practices most in need of attention first: the
// largest gap to target times the practice weight, then the largest
// control gap, then the id. A practice without data comes last.
func attentionOrder(ps []PracticeScore) []string {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	key := func(s Num, w float64) float64 {
		if !s.Valid {
			return -1
		}
		return s.Value * w
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &ps[idx[i]], &ps[idx[j]]
		if ka, kb := key(a.TargetGap, a.Weight), key(b.TargetGap, b.Weight); ka != kb {
			return ka > kb
		}
		if ka, kb := key(a.ControlGap, 1), key(b.ControlGap, 1); ka != kb {
			return ka > kb
		}
		return a.ID < b.ID
	})
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = ps[k].ID
	}
	return out
}

// largestGaps lists the questions with a gap above zero, largest first,
// ties by id.
func largestGaps(qs []QuestionScore) []string {
	var sel []*QuestionScore
	for i := range qs {
		if q := &qs[i]; q.Gap.Valid && q.Gap.Value > 0 {
			sel = append(sel, q)
		}
	}
	sort.SliceStable(sel, func(i, j int) bool {
		if sel[i].Gap.Value != sel[j].Gap.Value {
			return sel[i].Gap.Value > sel[j].Gap.Value
		}
		return sel[i].ID < sel[j].ID
	})
	return scoreIDs(sel)
}

// disagreements lists the questions flagged for disagreement, widest
// spread of actual answers first, ties by id.
func disagreements(qs []QuestionScore) []string {
	var sel []*QuestionScore
	for i := range qs {
		if qs[i].Disagreement {
			sel = append(sel, &qs[i])
		}
	}
	sort.SliceStable(sel, func(i, j int) bool {
		si, sj := *sel[i].Spread, *sel[j].Spread
		if si != sj {
			return si > sj
		}
		return sel[i].ID < sel[j].ID
	})
	return scoreIDs(sel)
}

func scoreIDs(qs []*QuestionScore) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

// AttentionPractices returns the practices in attention order.
func (r *Result) AttentionPractices() []PracticeScore {
	out := make([]PracticeScore, 0, len(r.Attention))
	for _, id := range r.Attention {
		if p := r.Practice(id); p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// GapQuestions returns the questions with a gap, largest first: the first
// n of them, or all when n <= 0.
func (r *Result) GapQuestions(n int) []QuestionScore {
	ids := r.LargestGaps
	if n > 0 && len(ids) > n {
		ids = ids[:n]
	}
	return r.questions(ids)
}

// DisagreementQuestions returns the questions where respondents disagree,
// widest spread first.
func (r *Result) DisagreementQuestions() []QuestionScore { return r.questions(r.Disagreements) }

func (r *Result) questions(ids []string) []QuestionScore {
	out := make([]QuestionScore, 0, len(ids))
	for _, id := range ids {
		if q := r.Question(id); q != nil {
			out = append(out, *q)
		}
	}
	return out
}

// Question returns the score of question id, or nil when it is not in scope.
func (r *Result) Question(id string) *QuestionScore {
	if r.questionIndex == nil {
		r.questionIndex = make(map[string]int, len(r.Questions))
		for i := range r.Questions {
			r.questionIndex[r.Questions[i].ID] = i
		}
	}
	if i, ok := r.questionIndex[id]; ok {
		return &r.Questions[i]
	}
	return nil
}
