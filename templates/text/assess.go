package text

import (
	"fmt"
	"strconv"

	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/plural"

	"github.com/itilmap/itilmap/assess"
)

// AssessTables lays out a scored assessment for a terminal or a wiki. by is
// "", "team" or "role": the group matrix to add.
func AssessTables(r *assess.Result, by string) []Table {
	o := r.Overall
	head := Table{
		Title:  fmt.Sprintf("%s: %s (%s), questionnaire %s %s", r.Assessment.Organization, r.Assessment.ID, r.Assessment.Date, r.Questionnaire.ID, r.Questionnaire.Version),
		Header: []string{"Overall", "Actual", "Documented", "Drift", "Level", "Coverage", "Respondents", "Teams"},
		Right:  []int{1, 2, 3, 5, 6, 7},
		Rows: [][]string{{"all practices in scope", format.Num(o.Actual), format.Num(o.Documented), format.Num(o.Drift), format.Level(o.Level, o.Label),
			format.Pct(o.Coverage), strconv.Itoa(r.Respondents), strconv.Itoa(len(r.Teams))}},
	}

	practices := Table{
		Title:  "Practices, most in need of attention first",
		Header: []string{"Practice", "Documented", "Actual", "Drift", "Target", "Level", "Weakest", "Control gap", "Capability gap", "Coverage"},
		Right:  []int{1, 2, 3, 4, 7, 8, 9},
	}
	for _, p := range r.AttentionPractices() {
		practices.Rows = append(practices.Rows, []string{p.Name, format.Num(p.Documented), format.Num(p.Actual), format.Num(p.Drift),
			strconv.Itoa(p.Target), format.Level(p.Level, p.Label), format.Dash(p.Weakest), format.Num(p.ControlGap), format.Num(p.CapabilityGap), format.Pct(p.Coverage)})
	}
	practices.Note = "Level: the weakest dimension caps it. Control gap: documented minus actual on approvals, handoffs, records. Capability gap: target minus actual on skills, authority, tooling."

	dims := Table{Title: "Dimensions", Header: []string{"Dimension", "Documented", "Actual", "Drift"}, Right: []int{1, 2, 3}}
	for _, d := range r.Dimensions {
		dims.Rows = append(dims.Rows, []string{d.DisplayName(), format.Num(d.Documented), format.Num(d.Actual), format.Num(d.Drift)})
	}

	gaps := Table{
		Title:  "Largest gaps, question level",
		Header: []string{"Question", "Kind", "Documented", "Actual", "Gap", "Statement"},
		Right:  []int{2, 3, 4},
		Empty:  "No question falls short of its documented practice or target.",
	}
	for _, q := range r.GapQuestions(10) {
		gaps.Rows = append(gaps.Rows, []string{q.ID, q.Kind, format.Num(q.Documented), format.Num(q.Actual), format.Num(q.Gap), q.Text})
	}

	disagree := Table{
		Title:  "Where people disagree on actual practice",
		Header: []string{"Question", "Answers", "Lowest", "Highest", "Actual", "Statement"},
		Right:  []int{1, 2, 3, 4},
		Empty:  "No question has a spread wide enough to flag; the ratings broadly agree.",
	}
	for _, q := range r.DisagreementQuestions() {
		disagree.Rows = append(disagree.Rows, []string{q.ID, strconv.Itoa(q.N), strconv.Itoa(*q.MinActual), strconv.Itoa(*q.MaxActual), format.Num(q.Actual), q.Text})
	}
	if len(disagree.Rows) > 0 {
		disagree.Note = "Talk these through in the room before trusting the consensus."
	}

	tables := []Table{head, practices, dims, gaps, disagree}
	switch by {
	case "team":
		m := groupMatrix("Actual score by team", r.Teams, r.Practices, func(p assess.PracticeScore) ([]assess.GroupScore, assess.Num) { return p.Teams, p.TeamSpread })
		m.Note = withheldNote(r.Withheld.Teams, "team", "teams", r.Withheld.MinGroup)
		tables = append(tables, noteWhenEmpty(m))
	case "role":
		m := groupMatrix("Actual score by role", r.Roles, r.Practices, func(p assess.PracticeScore) ([]assess.GroupScore, assess.Num) {
			if p.RoleSpread == nil {
				return p.Roles, assess.Num{}
			}
			return p.Roles, *p.RoleSpread
		})
		m.Note = withheldNote(r.Withheld.Roles, "role", "roles", r.Withheld.MinGroup)
		tables = append(tables, noteWhenEmpty(m))
	}
	return tables
}

// noteWhenEmpty shows a table's note in place of its rows when it has none.
func noteWhenEmpty(t Table) Table {
	if len(t.Rows) == 0 && t.Note != "" {
		t.Empty = t.Note
	}
	return t
}

// withheldNote says how many groups a matrix leaves out, and why.
func withheldNote(n int, one, many string, minGroup int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%s with fewer than %d respondents %s (scoring.min_group), so that nobody can be singled out; %s answers count in every overall score.",
		plural.Count(n, one, many), minGroup, plural.Of(n, "is not shown on its own", "are not shown on their own"), plural.Of(n, "its", "their"))
}

// groupMatrix is the practices' actual scores by group, with the spread
// between the groups that assess computed (team_spread, role_spread).
func groupMatrix(title string, ids []string, ps []assess.PracticeScore, groups func(assess.PracticeScore) ([]assess.GroupScore, assess.Num)) Table {
	t := Table{Title: title, Header: append([]string{"Practice"}, ids...), Empty: "No group to compare: no respondent names one, or every group is smaller than scoring.min_group."}
	t.Header = append(t.Header, "Spread")
	for i := range ids {
		t.Right = append(t.Right, i+1)
	}
	t.Right = append(t.Right, len(ids)+1)
	if len(ids) == 0 {
		return t
	}
	for _, p := range ps {
		gs, spread := groups(p)
		row := []string{p.Name}
		for _, g := range gs {
			row = append(row, format.Num(g.Actual))
		}
		row = append(row, format.Num(spread))
		t.Rows = append(t.Rows, row)
	}
	return t
}
