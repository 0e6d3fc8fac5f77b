package assess

import (
	"fmt"
	"sort"
	"strings"

	"github.com/itilmap/itilmap/internal/plural"
)

// ScoreOptions choose extra views of a score.
type ScoreOptions struct {
	// ByRole adds per-role scores beside the per-team scores.
	ByRole bool
}

// tally counts the ratings one group gave one question. With a scale of at
// most MaxScale levels, a histogram gives mean, median, lowest and spread
// without sorting or storing the answers.
type tally struct {
	doc, act   [MaxScale + 1]int32
	nDoc, nAct int32
	na         int32
	// asked counts the respondents the question is put to (by their role)
	// or who answered it anyway: coverage is measured against them.
	asked int32
}

// group is a set of respondents scored together: everyone, a team or a role.
type group struct {
	id          string
	respondents int
	tallies     []tally // by question index
}

// Score scores an assessment by the rules of docs/method.md: each question's consensus,
// then practice × dimension cells, practices, dimensions and the overall
// score, with gaps, coverage and disagreement. It is pure: it reads a and
// returns values.
func Score(a *Assessment, opts ScoreOptions) *Result {
	q := a.Questionnaire
	nq := len(q.Questions)
	all := &group{tallies: make([]tally, nq)}
	teams := map[string]*group{}
	roles := map[string]*group{}
	groupOf := func(m map[string]*group, id string) *group {
		g := m[id]
		if g == nil {
			g = &group{id: id, tallies: make([]tally, nq)}
			m[id] = g
		}
		return g
	}
	// putTo says, by question index, which questions a role is put to,
	// worked out once per role.
	byRole := map[string][]bool{}
	putTo := func(role string) []bool {
		if put, ok := byRole[role]; ok {
			return put
		}
		put := make([]bool, nq)
		for _, qu := range a.QuestionsFor(role) {
			put[qu.Index] = true
		}
		byRole[role] = put
		return put
	}
	for _, resp := range a.Responses {
		gs := []*group{all}
		if t := resp.Respondent.Team; t != "" {
			gs = append(gs, groupOf(teams, t))
		}
		if r := resp.Respondent.Role; opts.ByRole && r != "" {
			gs = append(gs, groupOf(roles, r))
		}
		for _, g := range gs {
			g.respondents++
		}
		put := putTo(resp.Respondent.Role)
		for qi, ok := range put {
			if ok {
				for _, g := range gs {
					g.tallies[qi].asked++
				}
			}
		}
		for i := range resp.Answers {
			ans := &resp.Answers[i]
			qu := q.questionByID[ans.Question]
			if qu == nil {
				continue
			}
			for _, g := range gs {
				t := &g.tallies[qu.Index]
				if !put[qu.Index] {
					t.asked++ // answered although not put to them: counted as usual
				}
				switch {
				case ans.NA():
					t.na++
				default:
					if ans.Documented.Known() {
						t.doc[ans.Documented]++
						t.nDoc++
					}
					if ans.Actual.Known() {
						t.act[ans.Actual]++
						t.nAct++
					}
				}
			}
		}
	}

	sc := scorer{a: a, q: q}
	minGroup := a.Scoring.MinGroup
	if minGroup <= 0 {
		minGroup = DefaultMinGroup
	}
	res := &Result{
		Assessment:    ResultAssessment{a.ID, a.Organization, a.Date},
		Questionnaire: ResultQuestionnaire{q.ID, q.Version},
		Scale:         ResultScale{q.Scale.Min, q.Scale.Max},
		Respondents:   all.respondents,
		Withheld:      Withheld{MinGroup: minGroup},
		Warnings:      []string{},
	}
	res.Teams, res.Withheld.Teams = shownGroups(teams, minGroup)
	main := sc.group(all)
	res.Overall = main.overall
	res.Dimensions = main.dimensions
	res.Practices = main.practices
	res.Questions = main.questions

	var teamScores []groupResult
	for _, id := range res.Teams {
		gr := sc.group(teams[id])
		teamScores = append(teamScores, gr)
		res.TeamOverall = append(res.TeamOverall, GroupScore{id, gr.overall.Documented, gr.overall.Actual})
	}
	var roleScores []groupResult
	if opts.ByRole {
		res.Roles, res.Withheld.Roles = shownGroups(roles, minGroup)
		for _, id := range res.Roles {
			roleScores = append(roleScores, sc.group(roles[id]))
		}
	}
	for i := range res.Practices {
		p := &res.Practices[i]
		p.Teams = groupScores(res.Teams, teamScores, i)
		if opts.ByRole {
			p.Roles = groupScores(res.Roles, roleScores, i)
			spread := Spread(p.Roles)
			p.RoleSpread = &spread
		}
		p.TeamSpread = Spread(p.Teams)
	}
	res.Attention = attentionOrder(res.Practices)
	res.LargestGaps = largestGaps(res.Questions)
	res.Disagreements = disagreements(res.Questions)
	res.Warnings = sc.warnings(res, all)
	return res
}

// shownGroups returns the ids of the groups with at least minGroup
// respondents, sorted, and how many groups it leaves out: a smaller group
// is never shown on its own, so that nobody can be singled out.
func shownGroups(groups map[string]*group, minGroup int) ([]string, int) {
	ids := []string{}
	withheld := 0
	for _, id := range sortedKeys(groups) {
		if groups[id].respondents >= minGroup {
			ids = append(ids, id)
		} else {
			withheld++
		}
	}
	return ids, withheld
}

func groupScores(ids []string, scores []groupResult, practice int) []GroupScore {
	out := make([]GroupScore, len(ids))
	for j, id := range ids {
		ps := scores[j].practices[practice]
		out[j] = GroupScore{id, ps.Documented, ps.Actual}
	}
	return out
}

// Spread is max − min of the groups' actual scores; no data with fewer than two groups scored.
func Spread(gs []GroupScore) Num {
	var lo, hi Num
	n := 0
	for _, g := range gs {
		if !g.Actual.Valid {
			continue
		}
		n++
		if !lo.Valid || g.Actual.Value < lo.Value {
			lo = g.Actual
		}
		if !hi.Valid || g.Actual.Value > hi.Value {
			hi = g.Actual
		}
	}
	if n < 2 {
		return Num{}
	}
	return hi.Sub(lo)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type scorer struct {
	a *Assessment
	q *Questionnaire
}

type groupResult struct {
	overall    Overall
	dimensions []DimensionScore
	practices  []PracticeScore
	questions  []QuestionScore
}

// mean accumulates a weighted arithmetic mean over the values that exist.
type mean struct{ sumW, sumWX float64 }

func (m *mean) add(s Num, w float64) {
	if s.Valid {
		m.sumW += w
		m.sumWX += w * s.Value
	}
}

func (m mean) score() Num {
	if m.sumW == 0 {
		return Num{}
	}
	return Some(m.sumWX / m.sumW)
}

// consensus combines the ratings of a histogram by the assessment's rule.
func consensus(h *[MaxScale + 1]int32, n int32, rule string) Num {
	if n == 0 {
		return Num{}
	}
	switch rule {
	case Lowest:
		for l, c := range h {
			if c > 0 {
				return Some(float64(l))
			}
		}
	case Median:
		// the middle rating, or the mean of the two middle ratings
		lo, hi := -1, -1
		k1, k2 := (n-1)/2, n/2 // 0-based ranks
		var seen int32
		for l, c := range h {
			if c == 0 {
				continue
			}
			if lo < 0 && seen+c > k1 {
				lo = l
			}
			if hi < 0 && seen+c > k2 {
				hi = l
				break
			}
			seen += c
		}
		return Some(float64(lo+hi) / 2)
	}
	var sum int64
	for l, c := range h {
		sum += int64(l) * int64(c)
	}
	return Some(float64(sum) / float64(n))
}

func (sc scorer) group(g *group) groupResult {
	q, a := sc.q, sc.a
	rule := a.Scoring.Consensus
	var gr groupResult
	var overallD, overallA, levels mean // levels: of the scored practices, for the overall level
	var numericAll, naAll, askedAll int
	dimD := make([]mean, len(q.Dimensions))
	dimA := make([]mean, len(q.Dimensions))
	dimT := make([]mean, len(q.Dimensions))
	for _, pid := range a.Scope {
		p := q.practiceByID[pid]
		target := float64(a.Target(pid))
		ps := PracticeScore{ID: p.ID, Name: p.Name, Weight: p.Weight, Target: a.Target(pid)}
		var pd, pa, ctrl, capab mean
		cellD := make([]mean, len(q.Dimensions))
		cellA := make([]mean, len(q.Dimensions))
		numeric, na, asked := 0, 0, 0
		for _, qu := range p.Questions {
			t := &g.tallies[qu.Index]
			qs := QuestionScore{ID: qu.ID, Practice: p.ID, Dimension: qu.Dimension, Kind: qu.Kind, Text: qu.Text,
				N: int(t.nAct)}
			qs.Documented = consensus(&t.doc, t.nDoc, rule)
			qs.Actual = consensus(&t.act, t.nAct, rule)
			qs.Drift = qs.Documented.Sub(qs.Actual)
			if t.nAct > 0 {
				lo, hi := -1, 0
				for l, c := range t.act {
					if c > 0 {
						if lo < 0 {
							lo = l
						}
						hi = l
					}
				}
				spread := hi - lo
				qs.MinActual, qs.MaxActual, qs.Spread = &lo, &hi, &spread
				qs.Disagreement = t.nAct >= 3 && float64(hi-lo) >= a.Scoring.DisagreementSpread
			}
			if qu.Kind == Control {
				if d := qs.Drift; d.Valid {
					qs.Gap = Some(max(0, d.Value))
					ctrl.add(qs.Gap, qu.Weight)
				}
			} else if qs.Actual.Valid {
				qs.Gap = Some(max(0, target-qs.Actual.Value))
				capab.add(qs.Gap, qu.Weight)
			}
			pd.add(qs.Documented, qu.Weight)
			pa.add(qs.Actual, qu.Weight)
			if di := q.DimensionIndex(qu.Dimension); di >= 0 {
				cellD[di].add(qs.Documented, qu.Weight)
				cellA[di].add(qs.Actual, qu.Weight)
			}
			numeric += int(t.nAct)
			na += int(t.na)
			asked += int(t.asked)
			gr.questions = append(gr.questions, qs)
		}
		ps.Documented, ps.Actual = pd.score(), pa.score()
		ps.Drift = ps.Documented.Sub(ps.Actual)
		ps.ControlGap, ps.CapabilityGap = ctrl.score(), capab.score()
		if ps.Actual.Valid {
			ps.TargetGap = Some(max(0, target-ps.Actual.Value))
		}
		if den := asked - na; den > 0 {
			ps.Coverage = Some(float64(numeric) / float64(den))
		}
		var weakest Num
		for di, d := range q.Dimensions {
			cell := CellScore{ID: d.ID, Documented: cellD[di].score(), Actual: cellA[di].score()}
			if !hasQuestionIn(p, d.ID) {
				continue // the practice asks nothing about this dimension
			}
			ps.Dimensions = append(ps.Dimensions, cell)
			if cell.Actual.Valid && (!weakest.Valid || cell.Actual.Value < weakest.Value) {
				weakest, ps.Weakest = cell.Actual, d.ID
			}
			dimD[di].add(cell.Documented, p.Weight)
			dimA[di].add(cell.Actual, p.Weight)
			if cell.Actual.Valid {
				dimT[di].add(Some(target), p.Weight)
			}
		}
		ps.Level = levelOf(weakest, q.Scale)
		ps.Label = labelOf(ps.Level, q.Scale)
		if ps.Level != nil {
			levels.add(Some(float64(*ps.Level)), p.Weight)
		}
		overallD.add(ps.Documented, p.Weight)
		overallA.add(ps.Actual, p.Weight)
		numericAll += numeric
		naAll += na
		askedAll += asked
		gr.practices = append(gr.practices, ps)
	}
	for di, d := range q.Dimensions {
		ds := DimensionScore{ID: d.ID, Name: d.Name, Documented: dimD[di].score(), Actual: dimA[di].score(), Target: dimT[di].score()}
		ds.Drift = ds.Documented.Sub(ds.Actual)
		gr.dimensions = append(gr.dimensions, ds)
	}
	o := &gr.overall
	o.Documented, o.Actual = overallD.score(), overallA.score()
	o.Drift = o.Documented.Sub(o.Actual)
	o.Level = levelOf(levels.score(), q.Scale)
	o.Label = labelOf(o.Level, q.Scale)
	if den := askedAll - naAll; den > 0 {
		o.Coverage = Some(float64(numericAll) / float64(den))
	}
	return gr
}

func hasQuestionIn(p *Practice, dim string) bool {
	for _, qu := range p.Questions {
		if qu.Dimension == dim {
			return true
		}
	}
	return false
}

// lowCoverage is the share of respondents below which a question's actual
// consensus is flagged as thin.
const lowCoverage = 0.5

func (sc scorer) warnings(res *Result, all *group) []string {
	var w []string
	for _, p := range res.Practices {
		if !p.Actual.Valid && !p.Documented.Valid {
			w = append(w, fmt.Sprintf("practice %s: nobody answered its questions; it has no score", p.ID))
		}
	}
	if wt := res.Withheld; wt.Teams+wt.Roles > 0 {
		var parts []string
		if wt.Teams > 0 {
			parts = append(parts, plural.Count(wt.Teams, "team", "teams"))
		}
		if wt.Roles > 0 {
			parts = append(parts, plural.Count(wt.Roles, "role", "roles"))
		}
		w = append(w, fmt.Sprintf("%s with fewer than %d respondents %s (scoring.min_group: %d); their answers count in every overall score",
			strings.Join(parts, " and "), wt.MinGroup, plural.Of(wt.Teams+wt.Roles, "is not shown on its own", "are not shown on their own"), wt.MinGroup))
	}
	var thin, single []string
	for _, qs := range res.Questions {
		t := &all.tallies[sc.q.questionByID[qs.ID].Index]
		applicable := int(t.asked) - int(t.na)
		if qs.N == 1 {
			single = append(single, qs.ID)
		} else if applicable > 0 && qs.N > 0 && float64(qs.N) < lowCoverage*float64(applicable) {
			thin = append(thin, qs.ID)
		}
	}
	if len(single) > 0 && all.respondents > 1 {
		w = append(w, fmt.Sprintf("%d %s rest on one person's actual rating: %s", len(single), plural.Of(len(single), "question", "questions"), listSome(single)))
	}
	if len(thin) > 0 {
		w = append(w, fmt.Sprintf("%d %s have an actual rating from fewer than half the respondents: %s", len(thin), plural.Of(len(thin), "question", "questions"), listSome(thin)))
	}
	return w
}

func listSome(ids []string) string {
	if len(ids) <= 8 {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:8], ", ") + fmt.Sprintf(" and %d more", len(ids)-8)
}
