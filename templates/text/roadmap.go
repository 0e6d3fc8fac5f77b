package text

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/internal/format"

	"github.com/itilmap/itilmap/roadmap"
)

// OutcomeTables lays out the ranked outcomes.
func OutcomeTables(outcomes []roadmap.Outcome) []Table {
	t := Table{
		Title:  "Outcomes, highest priority first",
		Header: []string{"#", "Pain point", "Priority", "Outcome", "Practices", "Owner", "Planned"},
		Right:  []int{0, 2},
		Empty:  "No pain points yet. Add painpoints.yaml (itilmap init writes a template): the plan should start from business pain, not from tools.",
		Note:   format.Capitalize(roadmap.PriorityFormula) + ".",
	}
	var needs, notes []string
	for _, o := range outcomes {
		t.Rows = append(t.Rows, []string{strconv.Itoa(o.Rank), o.Title, strconv.FormatFloat(o.Priority, 'f', 2, 64),
			o.Statement, strings.Join(o.Practices, ", "), format.Dash(o.Owner), planned(o)})
		if o.NeedsBaseline {
			needs = append(needs, o.ID+": "+o.Title)
		}
		if o.PlanNote != "" {
			notes = append(notes, o.ID+": "+o.PlanNote)
		}
	}
	if len(needs) > 0 {
		t.Lists = append(t.Lists, List{Heading: "Needs baseline: measure before promising an improvement", Items: needs})
	}
	if len(notes) > 0 {
		t.Lists = append(t.Lists, List{Heading: "Whether and when the plan delivers them", Items: notes})
	}
	return []Table{t}
}

// planned says whether and when the plan delivers an outcome: "by
// 2027-10-03", or "no".
func planned(o roadmap.Outcome) string {
	if !o.Planned {
		return "no"
	}
	return "by " + o.PlannedBy.String()
}

// planOutcomes lays out whether the plan delivers each outcome.
func planOutcomes(outcomes []roadmap.Outcome) Table {
	t := Table{
		Title:  "Outcomes: does this plan deliver them?",
		Header: []string{"#", "Outcome", "Planned", "Note"},
		Right:  []int{0},
		Empty:  "No pain points, so no outcomes to deliver.",
	}
	for _, o := range outcomes {
		t.Rows = append(t.Rows, []string{strconv.Itoa(o.Rank), o.ID, planned(o), format.Dash(o.PlanNote)})
	}
	return t
}

// RoadmapTables lays out the plan phase by phase, then the backlog, whether
// the plan delivers each outcome, the rollout advice and the readiness
// checklist.
func RoadmapTables(rm *roadmap.Roadmap, outcomes []roadmap.Outcome) []Table {
	var tables []Table
	rollout := Table{
		Title:  "Rollout: " + rm.Rollout.Mode,
		Header: []string{"Reason"},
		Lists:  []List{{Heading: "Notes", Items: rm.Notes}},
	}
	for _, r := range rm.Rollout.Reasons {
		rollout.Rows = append(rollout.Rows, []string{r})
	}
	tables = append(tables, rollout)
	for i, ph := range rm.Phases {
		t := Table{
			Title:  fmt.Sprintf("Phase %d, %s to %s. %s", i+1, ph.Start, ph.End, roadmap.PhaseAim(ph.ID)),
			Header: []string{"ID", "Practice", "Weakest", "Initiative", "Level", "Fix", "Owner", "Outcomes", "Depends on"},
			Empty:  "No initiative in this phase.",
			Lists: []List{
				{Heading: "Exit criteria", Items: ph.ExitCriteria},
				{Heading: "Adoption", Items: ph.Adoption},
			},
		}
		for _, ini := range ph.Initiatives {
			t.Rows = append(t.Rows, []string{ini.ID, ini.PracticeName, format.Dash(ini.Dimension), ini.Title,
				fmt.Sprintf("%d → %d", ini.FromLevel, ini.ToLevel), ini.Fix, ini.Owner.String(),
				format.Dash(strings.Join(ini.Outcomes, ", ")), format.Dash(strings.Join(ini.DependsOn, ", "))})
		}
		tables = append(tables, t)
	}
	backlog := Table{
		Title:  "Backlog: waits for a later plan",
		Header: []string{"Practice", "Phase", "Reason"},
		Empty:  "Nothing waits: every initiative needed fits the plan.",
	}
	for _, b := range rm.Backlog {
		backlog.Rows = append(backlog.Rows, []string{b.Practice, b.Phase, b.Reason})
	}
	readiness := Table{Title: "Readiness", Header: []string{"Item", "Ready", "Advice"}}
	for _, r := range rm.Readiness {
		readiness.Rows = append(readiness.Rows, []string{r.Name(), r.Status, r.Advice})
	}
	return append(tables, backlog, planOutcomes(outcomes), readiness)
}
