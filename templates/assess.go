package templates

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/assess"
)

// Num formats a score with two decimals, or "—" when it has no data.
func Num(s assess.Num) string {
	if !s.Valid {
		return "—"
	}
	return strconv.FormatFloat(s.Value, 'f', 2, 64)
}

// Pct formats a share as a whole percentage, or "—".
func Pct(s assess.Num) string {
	if !s.Valid {
		return "—"
	}
	return strconv.FormatFloat(s.Value*100, 'f', 0, 64) + "%"
}

// Level formats a level with its label: "2 Repeatable", or "—".
func Level(l *int, label *string) string {
	if l == nil {
		return "—"
	}
	if label == nil || *label == "" {
		return strconv.Itoa(*l)
	}
	return fmt.Sprintf("%d %s", *l, *label)
}

// AttentionOrder returns the practices most in need of attention first: the
// largest weighted gap to target, then the largest control gap, then by id.
func AttentionOrder(ps []assess.PracticeScore) []assess.PracticeScore {
	out := append([]assess.PracticeScore(nil), ps...)
	key := func(s assess.Num, w float64) float64 {
		if !s.Valid {
			return -1
		}
		return s.Value * w
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ka, kb := key(a.TargetGap, a.Weight), key(b.TargetGap, b.Weight); ka != kb {
			return ka > kb
		}
		if ka, kb := key(a.ControlGap, 1), key(b.ControlGap, 1); ka != kb {
			return ka > kb
		}
		return a.ID < b.ID
	})
	return out
}

// LargestGaps returns the in-scope questions with a gap, largest first
// (ties by id), at most n of them (all when n <= 0).
func LargestGaps(qs []assess.QuestionScore, n int) []assess.QuestionScore {
	var out []assess.QuestionScore
	for _, q := range qs {
		if q.Gap.Valid && q.Gap.Value > 0 {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Gap.Value != out[j].Gap.Value {
			return out[i].Gap.Value > out[j].Gap.Value
		}
		return out[i].ID < out[j].ID
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Disagreements returns the questions where respondents disagree, widest
// spread first.
func Disagreements(qs []assess.QuestionScore) []assess.QuestionScore {
	var out []assess.QuestionScore
	for _, q := range qs {
		if q.Disagreement {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := *out[i].MaxActual-*out[i].MinActual, *out[j].MaxActual-*out[j].MinActual
		if si != sj {
			return si > sj
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// AssessTables lays out a scored assessment for a terminal or a wiki. by is
// "", "team" or "role": the group matrix to add.
func AssessTables(r *assess.Result, by string) []Table {
	o := r.Overall
	head := Table{
		Title:  fmt.Sprintf("%s: %s (%s), questionnaire %s %s", r.Assessment.Organization, r.Assessment.ID, r.Assessment.Date, r.Questionnaire.ID, r.Questionnaire.Version),
		Header: []string{"Overall", "Actual", "Documented", "Drift", "Level", "Coverage", "Respondents", "Teams"},
		Right:  []int{1, 2, 3, 5, 6, 7},
		Rows: [][]string{{"all practices in scope", Num(o.Actual), Num(o.Documented), Num(o.Drift), Level(o.Level, o.Label),
			Pct(o.Coverage), strconv.Itoa(r.Respondents), strconv.Itoa(len(r.Teams))}},
	}

	practices := Table{
		Title:  "Practices, most in need of attention first",
		Header: []string{"Practice", "Documented", "Actual", "Drift", "Target", "Level", "Weakest", "Control gap", "Capability gap", "Coverage"},
		Right:  []int{1, 2, 3, 4, 7, 8, 9},
	}
	for _, p := range AttentionOrder(r.Practices) {
		practices.Rows = append(practices.Rows, []string{p.Name, Num(p.Documented), Num(p.Actual), Num(p.Drift),
			strconv.Itoa(p.Target), Level(p.Level, p.Label), dash(p.Weakest), Num(p.ControlGap), Num(p.CapabilityGap), Pct(p.Coverage)})
	}
	practices.Note = "Level: the weakest dimension caps it. Control gap: documented minus actual on approvals, handoffs, records. Capability gap: target minus actual on skills, authority, tooling."

	dims := Table{Title: "Dimensions", Header: []string{"Dimension", "Documented", "Actual", "Drift"}, Right: []int{1, 2, 3}}
	for _, d := range r.Dimensions {
		dims.Rows = append(dims.Rows, []string{dimName(d), Num(d.Documented), Num(d.Actual), Num(d.Drift)})
	}

	gaps := Table{
		Title:  "Largest gaps, question level",
		Header: []string{"Question", "Kind", "Documented", "Actual", "Gap", "Statement"},
		Right:  []int{2, 3, 4},
		Empty:  "No question falls short of its documented practice or target.",
	}
	for _, q := range LargestGaps(r.Questions, 10) {
		gaps.Rows = append(gaps.Rows, []string{q.ID, q.Kind, Num(q.Documented), Num(q.Actual), Num(q.Gap), q.Text})
	}

	disagree := Table{
		Title:  "Where people disagree on actual practice",
		Header: []string{"Question", "Answers", "Lowest", "Highest", "Actual", "Statement"},
		Right:  []int{1, 2, 3, 4},
		Empty:  "No question has a spread wide enough to flag; the ratings broadly agree.",
	}
	for _, q := range Disagreements(r.Questions) {
		disagree.Rows = append(disagree.Rows, []string{q.ID, strconv.Itoa(q.N), strconv.Itoa(*q.MinActual), strconv.Itoa(*q.MaxActual), Num(q.Actual), q.Text})
	}
	if len(disagree.Rows) > 0 {
		disagree.Note = "Talk these through in the room before trusting the consensus."
	}

	tables := []Table{head, practices, dims, gaps, disagree}
	switch by {
	case "team":
		tables = append(tables, groupMatrix("Actual score by team", r.Teams, r.Practices, func(p assess.PracticeScore) []assess.GroupScore { return p.Teams }))
	case "role":
		tables = append(tables, groupMatrix("Actual score by role", r.Roles, r.Practices, func(p assess.PracticeScore) []assess.GroupScore { return p.Roles }))
	}
	return tables
}

func groupMatrix(title string, ids []string, ps []assess.PracticeScore, groups func(assess.PracticeScore) []assess.GroupScore) Table {
	t := Table{Title: title, Header: append([]string{"Practice"}, ids...), Empty: "No respondent names a team or role: no groups to compare."}
	t.Header = append(t.Header, "Spread")
	for i := range ids {
		t.Right = append(t.Right, i+1)
	}
	t.Right = append(t.Right, len(ids)+1)
	if len(ids) == 0 {
		return t
	}
	for _, p := range ps {
		row := []string{p.Name}
		for _, g := range groups(p) {
			row = append(row, Num(g.Actual))
		}
		row = append(row, Num(assess.Spread(groups(p))))
		t.Rows = append(t.Rows, row)
	}
	return t
}

func dimName(d assess.DimensionScore) string {
	if d.Name != "" {
		return d.Name
	}
	return d.ID
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
