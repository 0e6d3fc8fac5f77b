// Package workshop generates synthetic assessment folders: a plausible
// workshop of any number of respondents answering any questionnaire, for
// benchmarks and for trying itilmap at scale.
//
// The answers follow a simple model. Each practice has a true level; the
// handbook (documented) tends to promise more than is done (actual). Each
// team rates each practice a little higher or lower than the others, and
// each respondent adds noise of their own. A few answers are not applicable
// (na) or left unknown, a few respondents skip a question, and some answers
// carry evidence or a note. The same questionnaire, size and seed give the
// same bytes.
package workshop

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// teams of the synthetic organisation, with the roles found in each.
var teams = []struct {
	id    string
	roles []string
}{
	{"service-desk", []string{"service-desk-agent", "service-desk-lead", "knowledge-manager"}},
	{"infrastructure", []string{"sysadmin", "network-engineer", "infrastructure-lead"}},
	{"applications", []string{"developer", "application-owner", "release-manager"}},
	{"security", []string{"security-analyst", "security-officer"}},
	{"operations", []string{"operations-manager", "change-manager", "problem-manager"}},
	{"business", []string{"service-owner", "business-relationship-manager"}},
}

var (
	givenNames  = []string{"Alex", "Sam", "Priya", "Dana", "José", "Zoë", "Kim", "Grace", "Rahul", "Aisha", "Peter", "Łucja", "Mei", "Omar", "Ines", "Tomás"}
	familyNames = []string{"Kim", "Ortiz", "Natarajan", "Lee", "Núñez", "Ødegård", "Park", "O'Connor", "Mehta", "Bello", "Haas", "Wójcik", "Chen", "Haddad", "Silva", "Müller"}
	evidence    = []string{"Runbook v3 on SharePoint", "Ten tickets sampled from last month", "Process handbook, chapter 4", "Tool configuration screenshot", "Weekly report to the CIO", "Induction checklist"}
	notes       = []string{"Weekend shift skips this", "Only the senior staff do it", "Depends on who is on call", "Written down but nobody reads it", "We fixed this last quarter", "Tool supports it, process does not"}
)

// Generate returns the files of an assessment folder, by path relative to
// it: assessment.yaml, painpoints.yaml and responses/rNNNNN.yaml for n
// respondents answering q. The assessment names q by its id when it is a
// built-in questionnaire, else by the absolute path of q.File.
func Generate(q *assess.Questionnaire, n int, seed uint64) map[string][]byte {
	rng := rand.New(rand.NewPCG(seed, 0x1717_4a9b_f00d))
	g := &gen{q: q, rng: rng, lo: q.Scale.Min, hi: q.Scale.Max}
	g.model()
	files := map[string][]byte{
		"assessment.yaml": g.assessment(n),
		"painpoints.yaml": g.painpoints(),
	}
	width := max(5, len(strconv.Itoa(n)))
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("r%0*d", width, i)
		files["responses/"+id+".yaml"] = g.response(id, i)
	}
	return files
}

// Write writes the files of Generate into dir, creating folders as needed.
func Write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	q      *assess.Questionnaire
	rng    *rand.Rand
	lo, hi int

	level    []float64   // true actual level per practice
	promise  []float64   // how much the handbook promises beyond it, per practice
	teamBias [][]float64 // per team, per practice
	thinks   []float64   // per question: how far its answers stray from the practice
}

func (g *gen) model() {
	span := float64(g.hi - g.lo)
	g.level = make([]float64, len(g.q.Practices))
	g.promise = make([]float64, len(g.q.Practices))
	for i := range g.q.Practices {
		g.level[i] = float64(g.lo) + span*(0.2+0.5*g.rng.Float64())
		g.promise[i] = span * (0.05 + 0.25*g.rng.Float64())
	}
	g.teamBias = make([][]float64, len(teams))
	for t := range teams {
		g.teamBias[t] = make([]float64, len(g.q.Practices))
		for i := range g.q.Practices {
			g.teamBias[t][i] = span * 0.15 * g.rng.NormFloat64()
		}
	}
	g.thinks = make([]float64, len(g.q.Questions))
	for i := range g.thinks {
		g.thinks[i] = span * 0.1 * g.rng.NormFloat64()
	}
}

func (g *gen) clamp(x float64) int {
	return min(g.hi, max(g.lo, int(math.Round(x))))
}

func (g *gen) assessment(n int) []byte {
	q := g.q
	var b strings.Builder
	ref := q.ID
	if !strings.HasPrefix(q.File, "built-in:") {
		if abs, err := filepath.Abs(q.File); err == nil {
			ref = abs
		} else {
			ref = q.File
		}
	}
	fmt.Fprintf(&b, "# A synthetic workshop of %d respondents, made by itilmap's workshop generator.\n", n)
	fmt.Fprintf(&b, "kind: assessment\nid: synthetic-%d\norganization: Synthetic Workshop Ltd\ndate: 2026-11-02\n", n)
	fmt.Fprintf(&b, "questionnaire: %s\n", strconv.Quote(ref))
	b.WriteString("targets: {default: 3")
	for i, p := range q.Practices {
		if i%4 == 1 && 4 >= g.lo && 4 <= g.hi {
			fmt.Fprintf(&b, ", %s: 4", p.ID)
		}
	}
	b.WriteString("}\nowners:\n")
	for i, p := range q.Practices {
		if i%3 == 2 {
			continue // nobody named yet
		}
		fmt.Fprintf(&b, "  %s: {owner: %s, process_manager: %s}\n", p.ID, g.name(i), g.name(i+7))
	}
	b.WriteString("plan: {start: 2027-01-04, capacity: 3}\n")
	b.WriteString("readiness: {executive_sponsor: CIO Maria Rossi, project_team: true, project_plan: false, process_owners: true, budget: true}\n")
	b.WriteString("scoring: {consensus: mean, disagreement_spread: 3}\n")
	return []byte(b.String())
}

func (g *gen) name(i int) string {
	return givenNames[i%len(givenNames)] + " " + familyNames[(i*7+3)%len(familyNames)]
}

// painpoints makes one pain point for each of the first practices that
// name a metric of the catalogue, at most six.
func (g *gen) painpoints() []byte {
	var b strings.Builder
	b.WriteString("kind: painpoints\npainpoints:\n")
	count := 0
	for i, p := range g.q.Practices {
		if count == 6 {
			break
		}
		var m *assess.Metric
		for _, id := range p.Metrics {
			if m = g.q.Metric(id); m != nil {
				break
			}
		}
		if m == nil {
			continue
		}
		count++
		baseline, change := 0.0, ""
		switch {
		case m.Better == "down":
			baseline, change = float64(5+g.rng.IntN(60)), "-20%"
		case m.Unit == "%":
			baseline, change = float64(40+g.rng.IntN(40)), "+10pp"
		default:
			baseline, change = float64(5+g.rng.IntN(60)), "+25%"
		}
		fmt.Fprintf(&b, "  - id: pain-%d\n    title: %s\n", count, strconv.Quote(p.Name+" does not deliver what the business needs"))
		practices := []string{p.ID}
		if len(p.DependsOn) > 0 {
			practices = append(practices, p.DependsOn[0])
		}
		fmt.Fprintf(&b, "    practices: [%s]\n", strings.Join(practices, ", "))
		fmt.Fprintf(&b, "    impact: %d\n    frequency: %d\n    effort: %d\n", 2+g.rng.IntN(4), 1+g.rng.IntN(5), 1+g.rng.IntN(5))
		fmt.Fprintf(&b, "    metric: {id: %s, baseline: %g, change: %s, by: 2027-12-31}\n", m.ID, baseline, change)
		fmt.Fprintf(&b, "    owner: %s\n", g.name(i+3))
	}
	if count == 0 {
		return []byte("kind: painpoints\npainpoints: []\n")
	}
	return []byte(b.String())
}

// response writes respondent number i's answers, one flow mapping a line,
// grouped by practice like a file written by hand.
func (g *gen) response(id string, i int) []byte {
	rng := g.rng
	t := rng.IntN(len(teams))
	team := teams[t]
	role := team.roles[rng.IntN(len(team.roles))]
	span := float64(g.hi - g.lo)
	optimist := span * 0.08 * rng.NormFloat64() // how kindly this person rates everything
	skips := rng.IntN(10) == 0                  // one in ten leaves a few questions out
	b := make([]byte, 0, 64*len(g.q.Questions)+256)
	b = fmt.Appendf(b, "kind: response\nquestionnaire: %s\n", g.q.ID)
	b = fmt.Appendf(b, "respondent: {id: %s, name: %s, role: %s, team: %s}\n", id, strconv.Quote(g.name(i)), role, team.id)
	b = fmt.Appendf(b, "date: 2026-10-%02d\nanswers:\n", 1+rng.IntN(28))
	for pi, p := range g.q.Practices {
		b = append(b, "  # "...)
		b = append(b, p.Name...)
		b = append(b, '\n')
		for _, qu := range p.Questions {
			if skips && rng.IntN(25) == 0 {
				continue
			}
			b = append(b, "  "...)
			b = append(b, qu.ID...)
			b = append(b, ": {"...)
			base := g.level[pi] + g.teamBias[t][pi] + g.thinks[qu.Index] + optimist
			if qu.Kind == assess.Control {
				base -= span * 0.05 // controls slip more between handbook and practice
			}
			doc := base + g.promise[pi] + span*0.1*rng.NormFloat64()
			act := base + span*0.12*rng.NormFloat64()
			switch r := rng.IntN(100); {
			case r < 2:
				b = append(b, "documented: na, actual: na"...)
			case r < 4:
				b = append(b, "documented: "...)
				b = strconv.AppendInt(b, int64(g.clamp(doc)), 10)
			case r < 5:
				b = append(b, "actual: "...)
				b = strconv.AppendInt(b, int64(g.clamp(act)), 10)
			default:
				b = append(b, "documented: "...)
				b = strconv.AppendInt(b, int64(g.clamp(doc)), 10)
				b = append(b, ", actual: "...)
				b = strconv.AppendInt(b, int64(g.clamp(act)), 10)
			}
			switch r := rng.IntN(100); {
			case r < 4:
				b = append(b, ", evidence: "...)
				b = strconv.AppendQuote(b, evidence[rng.IntN(len(evidence))])
			case r < 7:
				b = append(b, ", note: "...)
				b = strconv.AppendQuote(b, notes[rng.IntN(len(notes))])
			}
			b = append(b, "}\n"...)
		}
	}
	return b
}

// Make writes a workshop of n respondents answering questionnaire ref (a
// built-in id or the path of a questionnaire file) into dir, and returns
// the number of answers written.
func Make(dir, ref string, n int, seed uint64) (answers int, err error) {
	q, probs := assess.LoadQuestionnaire(assess.Disk{}, ref, "")
	if q == nil || probs.HasErrors() {
		return 0, probs
	}
	files := Generate(q, n, seed)
	for name, data := range files {
		if strings.HasPrefix(name, "responses/") {
			answers += strings.Count(string(data), ": {")
		}
	}
	return answers - n, Write(dir, files) // less the respondent: line of each
}

// Sizes are the workshop sizes of the benchmarks: a real workshop, a large
// organisation, and the scale goal of docs/performance.md (2,000 respondents).
// ITILMAP_BENCH_MAX, when set, leaves out the sizes above it.
func Sizes() []int {
	sizes := []int{12, 200, 2000}
	if s := os.Getenv("ITILMAP_BENCH_MAX"); s != "" {
		if most, err := strconv.Atoi(s); err == nil {
			sizes = slices.DeleteFunc(sizes, func(n int) bool { return n > most && n != 12 })
		}
	}
	return sizes
}

// Build makes a workshop of n respondents answering questionnaire ref into
// dir, as Make does, and builds its result as every command does
// (roadmap.Build). It returns the result and the number of answers.
func Build(dir, ref string, n int, seed uint64) (*roadmap.Result, int, error) {
	answers, err := Make(dir, ref, n, seed)
	if err != nil {
		return nil, 0, err
	}
	res, probs := roadmap.Build(roadmap.Input{Source: assess.Disk{}, Dir: dir})
	if err := probs.Err(); err != nil {
		return nil, 0, err
	}
	return res, answers, nil
}
