package pdf

import (
	"path/filepath"
	"slices"
	"strconv"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// Unprintable returns a warning for every input field that the PDF prints
// and that holds a character none of its embedded fonts has, naming the
// file and the field, once per field:
//
//	acme/assessment.yaml: warning: organization: character U+05D0 (Hebrew) cannot be printed in the PDF
//
// The PDF prints such a character as U+FFFD (a replacement mark), never as
// an unexplained box. A team named alike in many response files is
// reported once, at the first file.
func Unprintable(res *roadmap.Result) assess.Problems {
	if res == nil || res.Assessment == nil {
		return nil
	}
	var out assess.Problems
	check := func(file string, pos assess.Pos, field, text string) {
		if text == "" {
			return
		}
		if rs := missingGlyphs(text); len(rs) > 0 {
			out = append(out, assess.Problem{Severity: assess.Warning, File: file, Line: pos.Line, Column: pos.Column,
				Message: field + ": " + describeMissing(rs) + " cannot be printed in the PDF"})
		}
	}
	a := res.Assessment
	none := assess.Pos{}

	check(a.File, none, "organization", a.Organization)
	check(a.File, none, "id", a.ID)
	ids := make([]string, 0, len(a.Owners))
	for id := range a.Owners {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		o := a.Owners[id]
		check(a.File, none, "owners: "+id+": owner", o.Owner)
		check(a.File, none, "owners: "+id+": process_manager", o.ProcessManager)
		check(a.File, none, "owners: "+id+": approver", o.Approver)
		check(a.File, none, "owners: "+id+": stakeholder", o.Stakeholder)
	}
	for _, it := range a.Readiness {
		check(a.File, none, "readiness: "+it.Item, it.Name)
	}

	if q := a.Questionnaire; q != nil {
		f := q.File
		if f == "" {
			f = q.ID
		}
		check(f, none, "title", q.Title)
		for l := q.Scale.Min; l <= q.Scale.Max && l-q.Scale.Min < 1000; l++ {
			check(f, none, "scale: labels: "+strconv.Itoa(l), q.Scale.Labels[l])
		}
		for _, dm := range q.Dimensions {
			check(f, none, "dimensions: "+dm.ID+": name", dm.Name)
		}
		for _, m := range q.Metrics {
			check(f, none, "metrics: "+m.ID+": name", m.Name)
			check(f, none, "metrics: "+m.ID+": unit", m.Unit)
		}
		for _, p := range q.Practices {
			if !a.InScope(p.ID) {
				continue
			}
			check(f, p.Pos, "practices: "+p.ID+": name", p.Name)
			for _, ph := range []struct {
				id   string
				acts []string
			}{{assess.Stabilize, p.Actions.Stabilize}, {assess.Standardize, p.Actions.Standardize}, {assess.Optimize, p.Actions.Optimize}} {
				for i, act := range ph.acts {
					check(f, p.Pos, "practices: "+p.ID+": actions: "+ph.id+": "+strconv.Itoa(i+1), act)
				}
			}
			for _, qu := range p.Questions {
				check(f, qu.Pos, "questions: "+qu.ID+": text", qu.Text)
			}
		}
	}

	ppFile := filepath.Join(a.Dir, a.PainPointsFile)
	for _, pp := range a.PainPoints {
		check(ppFile, pp.Pos, "painpoints: "+pp.ID+": title", pp.Title)
		check(ppFile, pp.Pos, "painpoints: "+pp.ID+": owner", pp.Owner)
	}

	// the progress section prints the baseline's pain point titles
	if b := res.BaselineAssessment; b != nil {
		bFile := filepath.Join(b.Dir, b.PainPointsFile)
		for _, pp := range b.PainPoints {
			check(bFile, pp.Pos, "painpoints: "+pp.ID+": title", pp.Title)
		}
	}

	seen := map[string]bool{}
	for _, r := range a.Responses {
		if t := r.Respondent.Team; t != "" && !seen[t] {
			seen[t] = true
			check(r.File, none, "respondent: team", t)
		}
	}
	return out
}
