package assess

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// ScaffoldFile is one file of a new assessment folder.
type ScaffoldFile struct {
	Path string // slash-separated, relative to the folder
	Data []byte
}

// Scaffold returns the files of a new assessment folder of organisation org
// for questionnaire q: a commented assessment.yaml, a pain points template,
// an example response to copy (ignored while its name starts with "_"), and
// the JSON Schemas the files point editors to. ref is how assessment.yaml
// names q. An empty org writes PlaceholderOrganization; the id is
// ScaffoldID(org, date).
func Scaffold(org string, date time.Time, q *Questionnaire, ref string) ([]ScaffoldFile, error) {
	if org == "" {
		org = PlaceholderOrganization
	}
	files := []ScaffoldFile{
		{"assessment.yaml", []byte(scaffoldAssessment(org, ScaffoldID(org, date), date, q, ref))},
		{"painpoints.yaml", []byte(scaffoldPainPoints(q))},
		{"responses/_example.yaml", []byte(scaffoldResponse(date, q))},
	}
	for _, kind := range []string{KindAssessment, KindPainPoints, KindResponse, KindQuestionnaire} {
		b, err := Schema(kind)
		if err != nil {
			return nil, err
		}
		files = append(files, ScaffoldFile{".schema/" + kind + ".json", b})
	}
	return files, nil
}

// ScaffoldID makes an assessment id from an organisation's name and the
// quarter of the assessment date: the name's ASCII transliteration (see
// MakeID; "assessment" when nothing is left, or for the placeholder) and
// the quarter, as in "societe-generale-d-energie-2026q4".
func ScaffoldID(name string, date time.Time) string {
	id := MakeID(name)
	if id == "" || IsPlaceholderOrganization(name) {
		id = "assessment"
	}
	quarter := fmt.Sprintf("-%dq%d", date.Year(), (int(date.Month())+2)/3)
	if len(id)+len(quarter) > MaxIDLength {
		id = strings.TrimRight(id[:MaxIDLength-len(quarter)], "-")
	}
	return id + quarter
}

func scaffoldAssessment(org, id string, date time.Time, q *Questionnaire, ref string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# yaml-language-server: $schema=.schema/assessment.json")
	w("#")
	w("# An itilmap assessment. Fill in what you know, then check it with:")
	w("#   itilmap validate .")
	w("# Responses go in responses/, one YAML file per respondent (copy responses/_example.yaml),")
	w("# or capture them in a workbook: itilmap template . -o capture.xlsx")
	w("kind: assessment")
	w("id: %s", id)
	w("organization: %s      # printed on the report cover", yamlString(org))
	w("date: %s                     # the day of the assessment, YYYY-MM-DD", date.Format(time.DateOnly))
	w("questionnaire: %s", yamlString(ref))
	w("")
	w("# Practices to  Leave scope out to assess all %d practices of %s.", len(q.Practices), q.ID)
	w("# Start with the few that carry the business pain; you can widen it at re-assessment.")
	w("# scope: [%s]", strings.Join(firstIDs(q, 3), ", "))
	w("#   all: %s", strings.Join(q.PracticeIDs(), ", "))
	w("")
	w("# Target capability level per practice (%s); default %d.", q.Scale, DefaultTarget)
	w("targets:")
	w("  default: %d", DefaultTarget)
	w("  # %s: 4", q.Practices[0].ID)
	w("")
	w("# Who owns each practice. Any role may be left out; missing owners show in the roadmap.")
	w("owners:")
	w("  # %s: {owner: Dana Lee, process_manager: Sam Ortiz, approver: Kim Park, stakeholder: Head of Retail Ops}", q.Practices[0].ID)
	w("")
	w("plan:")
	w("  # start: 2027-01-04         # default: the first day of the month after the assessment date")
	w("  capacity: %d                 # practices per phase: never roll out everything at once", DefaultCapacity)
	w("  months: {stabilize: %d, standardize: %d, optimize: %d}",
		DefaultMonths[Stabilize], DefaultMonths[Standardize], DefaultMonths[Optimize])
	w("")
	w("# Readiness to change: true, false, or a name. Left empty means unknown;")
	w("# every item that is false or unknown becomes a first step of the roadmap.")
	w("readiness:")
	w("  executive_sponsor:          # the name of the sponsor, e.g. \"CIO Maria Rossi\"")
	for _, item := range ReadinessItems[1:] {
		w("  %s:", item)
	}
	w("")
	w("# How answers combine: mean (default), median, or lowest (the strict rule:")
	w("# the lower rating prevails). Questions whose actual ratings spread this far or more")
	w("# across three or more people are flagged as disagreement. Teams and roles with fewer")
	w("# respondents than min_group are never shown on their own, so nobody can be singled out.")
	w("scoring: {consensus: mean, disagreement_spread: 3, min_group: %d}", DefaultMinGroup)
	w("")
	w("responses: responses/")
	w("painpoints: painpoints.yaml")
	return b.String()
}

func scaffoldPainPoints(q *Questionnaire) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# yaml-language-server: $schema=.schema/painpoints.json")
	w("#")
	w("# Business pain first: what hurts, how much, and the metric that will show it is fixed.")
	w("# impact, frequency and effort are 1..5 (effort 1 = small). A metric takes a target")
	w("# (absolute) or a change (-20%%, or +8pp for metrics measured in %%). Without a baseline the")
	w("# outcome is marked \"needs baseline\": measure before you promise.")
	w("kind: painpoints")
	w("painpoints: []")
	w("# painpoints:")
	w("#   - id: slow-restore")
	w("#     title: Store tills wait hours for incident restoration")
	w("#     practices: [%s]", strings.Join(firstIDs(q, 2), ", "))
	w("#     impact: 5")
	w("#     frequency: 4")
	w("#     effort: 2")
	if len(q.Metrics) > 0 {
		w("#     metric: {id: %s, baseline: 9.5, change: -20%%, by: 2027-06-30}", q.Metrics[0].ID)
	}
	w("#     owner: Head of Service Desk")
	if len(q.Metrics) > 0 {
		w("#")
		w("# Metrics of %s:", q.ID)
		for _, m := range q.Metrics {
			w("#   %-26s %s (%s, %s is better)", m.ID, m.Name, m.Unit, map[string]string{"up": "higher", "down": "lower"}[m.Better])
		}
	}
	return b.String()
}

func scaffoldResponse(date time.Time, q *Questionnaire) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# yaml-language-server: $schema=../.schema/response.json")
	w("#")
	w("# An example response. Files whose name starts with _ are not read: copy this one to")
	w("# r01.yaml (one file per respondent, or per team when a workshop agrees one answer).")
	w("#")
	w("# Rate each statement twice, %s:", q.Scale)
	w("#   documented: what the handbook, policy or tool configuration says")
	w("#   actual:     what really happens on a busy day")
	w("# Write na when a statement does not apply to you; leave a value empty when you do not know.")
	var labels []string
	for l := q.Scale.Min; l <= q.Scale.Max; l++ {
		labels = append(labels, fmt.Sprintf("%d %s", l, q.Scale.Label(l)))
	}
	w("# Levels: %s", strings.Join(labels, ", "))
	w("kind: response")
	w("questionnaire: %s", q.ID)
	w("respondent: {id: r01, name: Alex Kim, role: service-desk-agent, team: service-desk}")
	w("date: %s", date.Format(time.DateOnly))
	w("answers:")
	for _, p := range q.Practices {
		w("  # %s", p.Name)
		for _, qu := range p.Questions {
			w("  # %s", qu.Text)
			w("  %s: {documented: , actual: }", qu.ID)
		}
	}
	return b.String()
}

func firstIDs(q *Questionnaire, n int) []string {
	ids := q.PracticeIDs()
	return ids[:min(n, len(ids))]
}

// yamlString writes s as a YAML scalar, quoted when plain style would change it.
func yamlString(s string) string {
	if regexp.MustCompile(`^[A-Za-z0-9._/-]+$`).MatchString(s) {
		return s
	}
	return fmt.Sprintf("%q", s)
}
