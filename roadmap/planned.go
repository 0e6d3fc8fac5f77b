package roadmap

import (
	"fmt"
	"slices"
	"strings"

	"github.com/itilmap/itilmap/assess"
)

// MarkPlanned fills each outcome's Planned and PlanNote from the plan
// (docs/method.md): planned when at least one initiative serves it;
// otherwise the note says why in plain words (no linked practice in scope,
// its practices wait in the backlog and for what, or nothing to improve).
// A planned outcome whose last initiative ends after its due date, or some
// of whose practices still wait in the backlog, says so too.
func MarkPlanned(a *assess.Assessment, outcomes []Outcome, rm *Roadmap) {
	for i := range outcomes {
		o := &outcomes[i]
		o.Planned, o.PlanNote, o.PlannedBy = planNote(a, *o, rm)
		o.Late = o.Planned && !o.By.IsZero() && o.PlannedBy.After(o.By.Time)
	}
}

func planNote(a *assess.Assessment, o Outcome, rm *Roadmap) (bool, string, assess.Date) {
	var inScope, outside []string
	for _, p := range o.Practices {
		if a.InScope(p) {
			inScope = append(inScope, p)
		} else {
			outside = append(outside, p)
		}
	}
	if len(inScope) == 0 {
		return false, fmt.Sprintf("Not in this plan: none of its practices (%s) is in the assessment's scope.", strings.Join(o.Practices, ", ")), assess.Date{}
	}
	var ids []string
	var last *Phase
	for k := range rm.Phases {
		for _, ini := range rm.Phases[k].Initiatives {
			if slices.Contains(ini.Outcomes, o.ID) {
				ids = append(ids, ini.ID)
				last = &rm.Phases[k]
			}
		}
	}
	// the first backlog item of each practice: later ones wait for it
	var waits []string
	seen := map[string]bool{}
	for _, b := range rm.Backlog {
		if slices.Contains(inScope, b.Practice) && !seen[b.Practice] {
			seen[b.Practice] = true
			waits = append(waits, fmt.Sprintf("%s from %s (%s)", b.Practice, b.Phase, b.Reason))
		}
	}
	if len(ids) == 0 {
		if len(waits) > 0 {
			return false, fmt.Sprintf("Not in this plan: %s in the backlog: %s.", pluralWord(len(waits), "its practice waits", "its practices wait"), strings.Join(waits, ", ")), assess.Date{}
		}
		return false, fmt.Sprintf("Nothing to improve in this plan: %s already %s %s.",
			strings.Join(inScope, ", "), pluralWord(len(inScope), "meets its target", "meet their targets"),
			"with no control gap of 1.0 or more"), assess.Date{}
	}
	var notes []string
	if !o.By.IsZero() && last.End.After(o.By.Time) {
		notes = append(notes, fmt.Sprintf("Late: its last initiative, %s, ends on %s (%s), after its due date %s.",
			ids[len(ids)-1], last.End, last.ID, o.By))
	}
	if len(waits) > 0 {
		notes = append(notes, "Partly planned; still in the backlog: "+strings.Join(waits, ", ")+".")
	}
	if len(outside) > 0 {
		notes = append(notes, fmt.Sprintf("Outside the scope, so not planned: %s.", strings.Join(outside, ", ")))
	}
	return true, strings.Join(notes, " "), last.End
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
