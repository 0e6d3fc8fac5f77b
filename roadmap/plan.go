package roadmap

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/plural"
)

// Roadmap is the phased plan: what `roadmap --format json` prints.
type Roadmap struct {
	Rollout   Rollout          `json:"rollout" yaml:"rollout"`
	Phases    []Phase          `json:"phases" yaml:"phases"`
	Backlog   []BacklogItem    `json:"backlog" yaml:"backlog"`
	Readiness []ReadinessCheck `json:"readiness" yaml:"readiness"`
	// Notes explain a plan that is empty or unusual, in plain words.
	Notes []string `json:"notes" yaml:"notes"`
}

// Rollout is the advice on how wide to roll the change out.
type Rollout struct {
	Mode    string   `json:"mode" yaml:"mode"` // "broad" or "incremental"
	Reasons []string `json:"reasons" yaml:"reasons"`
}

// Phase is one of stabilize, standardize, optimize, with its dates.
type Phase struct {
	ID           string       `json:"id" yaml:"id"`
	Start        assess.Date  `json:"start" yaml:"start"`
	End          assess.Date  `json:"end" yaml:"end"`
	Practices    []string     `json:"practices" yaml:"practices"`
	Initiatives  []Initiative `json:"initiatives" yaml:"initiatives"`
	Adoption     []string     `json:"adoption" yaml:"adoption"`
	ExitCriteria []string     `json:"exit_criteria" yaml:"exit_criteria"`
}

// Initiative is the work on one practice in one phase.
type Initiative struct {
	ID        string   `json:"id" yaml:"id"`
	Phase     string   `json:"phase" yaml:"phase"`
	Practice  string   `json:"practice" yaml:"practice"`
	Dimension string   `json:"dimension" yaml:"dimension"`
	Title     string   `json:"title" yaml:"title"`
	Actions   []string `json:"actions" yaml:"actions"`
	FromLevel int      `json:"from_level" yaml:"from_level"`
	ToLevel   int      `json:"to_level" yaml:"to_level"`
	Fix       string   `json:"fix" yaml:"fix"` // "formal" or "lightweight"
	Owner     Owner    `json:"owner" yaml:"owner"`
	Outcomes  []string `json:"outcomes" yaml:"outcomes"`
	DependsOn []string `json:"depends_on" yaml:"depends_on"`

	PracticeName string `json:"-" yaml:"-"`
}

// Owner is who answers for an initiative: a governance role and a name.
type Owner struct {
	Role string `json:"role" yaml:"role"`
	Name string `json:"name" yaml:"name"`
}

// String writes an owner as "Dana Lee (owner)", or "to be named".
func (o Owner) String() string {
	if o.Name == "" {
		return "to be named"
	}
	return fmt.Sprintf("%s (%s)", o.Name, strings.ReplaceAll(o.Role, "_", " "))
}

var phaseAims = map[string]string{
	assess.Stabilize:   "Stabilize: remove the worst friction, a usable minimum process",
	assess.Standardize: "Standardize: roles, controls, definitions and reporting every team follows",
	assess.Optimize:    "Optimize: automation, analytics and better decisions from clean data",
}

// PhaseAim describes what a phase is for, in a few words.
func PhaseAim(id string) string { return phaseAims[id] }

// BacklogItem is an initiative that waits, and why.
type BacklogItem struct {
	Practice string `json:"practice" yaml:"practice"`
	Phase    string `json:"phase" yaml:"phase"`
	Reason   string `json:"reason" yaml:"reason"`
}

// ReadinessCheck is one item of the readiness checklist.
type ReadinessCheck struct {
	Item string `json:"item" yaml:"item"`
	OK   bool   `json:"ok" yaml:"ok"`
	// Status tells "unknown" (left empty in assessment.yaml) from "no";
	// "yes" when OK.
	Status string `json:"status" yaml:"status"`
	Advice string `json:"advice" yaml:"advice"`
}

// Readiness statuses.
const (
	Ready        = "yes"
	NotReady     = "no"
	ReadyUnknown = "unknown"
)

// PlanOptions override the assessment's plan settings (zero: keep them).
type PlanOptions struct {
	Capacity int
	Start    assess.Date
}

// Fix types.
const (
	Formal      = "formal"
	Lightweight = "lightweight"
)

// Rollout modes.
const (
	Broad       = "broad"
	Incremental = "incremental"
)

// practice is the planner's view of one in-scope practice.
type practice struct {
	score    *assess.PracticeScore
	def      *assess.Practice
	priority float64
	needs    map[string]bool
	outcomes []string
}

// planner holds the state of one planning run.
type planner struct {
	a         *assess.Assessment
	r         *assess.Result
	outcomes  []Outcome
	capacity  int
	practices map[string]*practice
	scheduled map[string]map[string]bool // phase → practice → scheduled
	waiting   map[string]map[string]bool // phase → practice → in the backlog
	count     map[string]int
	list      map[string][]string // phase → practices in the order scheduled
	plan      *Roadmap
}

// Plan builds the stabilize / standardize / optimize roadmap (docs/method.md,
// "The roadmap") from a scored assessment and its outcomes. It is deterministic:
// the same input gives the same plan.
func Plan(a *assess.Assessment, r *assess.Result, outcomes []Outcome, opts PlanOptions) *Roadmap {
	p := &planner{
		a: a, r: r, outcomes: outcomes,
		capacity:  a.Plan.Capacity,
		practices: map[string]*practice{},
		scheduled: map[string]map[string]bool{},
		waiting:   map[string]map[string]bool{},
		count:     map[string]int{},
		list:      map[string][]string{},
		plan:      &Roadmap{Backlog: []BacklogItem{}, Notes: []string{}},
	}
	if opts.Capacity > 0 {
		p.capacity = opts.Capacity
	}
	if p.capacity <= 0 {
		p.capacity = assess.DefaultCapacity
	}
	for _, ph := range assess.PhaseIDs {
		p.scheduled[ph] = map[string]bool{}
		p.waiting[ph] = map[string]bool{}
	}
	p.collect()
	p.outOfScope()
	for _, ph := range assess.PhaseIDs {
		p.fill(ph)
	}
	p.build(opts.Start)
	p.readiness()
	p.rollout()
	return p.plan
}

// collect works out what each scored practice needs and its priority.
func (p *planner) collect() {
	q := p.a.Questionnaire
	for i := range p.r.Practices {
		ps := &p.r.Practices[i]
		pr := &practice{score: ps, def: q.Practice(ps.ID), needs: map[string]bool{}}
		for _, o := range p.outcomes {
			for _, id := range o.Practices {
				if id == ps.ID {
					pr.priority += o.Priority
					pr.outcomes = append(pr.outcomes, o.ID)
				}
			}
		}
		if ps.TargetGap.Valid {
			pr.priority += ps.TargetGap.Value * ps.Weight
		}
		p.practices[ps.ID] = pr
		if !ps.Actual.Valid || ps.Level == nil {
			p.backlog(ps.ID, assess.Stabilize, "not scored: nobody rated its actual practice; assess it first")
			continue
		}
		target := float64(ps.Target)
		control := 0.0
		if ps.ControlGap.Valid {
			control = ps.ControlGap.Value
		}
		pr.needs[assess.Stabilize] = float64(*ps.Level) < math.Min(2, target) || control >= 1.0
		pr.needs[assess.Standardize] = ps.Actual.Value < math.Min(3, target)
		pr.needs[assess.Optimize] = ps.Target >= 4 && ps.Actual.Value < target
	}
}

// outOfScope notes dependencies on practices this plan cannot hold back for.
func (p *planner) outOfScope() {
	for _, ps := range p.r.Practices {
		for _, dep := range p.practices[ps.ID].def.DependsOn {
			if d := p.practices[dep]; d == nil {
				p.plan.Notes = append(p.plan.Notes, fmt.Sprintf("%s depends on %s, which is outside the scope: nothing of it is planned here; check it is ready enough.", ps.ID, dep))
			} else if !d.score.Actual.Valid {
				p.plan.Notes = append(p.plan.Notes, fmt.Sprintf("%s depends on %s, which nobody rated: assess it before relying on it.", ps.ID, dep))
			}
		}
	}
}

// order returns the practices needing phase ph, highest priority first.
func (p *planner) order(ph string) []*practice {
	var out []*practice
	for _, pr := range p.practices {
		if pr.needs[ph] {
			out = append(out, pr)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].priority != out[j].priority {
			return out[i].priority > out[j].priority
		}
		return out[i].score.ID < out[j].score.ID
	})
	return out
}

func phaseIndex(ph string) int {
	for i, id := range assess.PhaseIDs {
		if id == ph {
			return i
		}
	}
	return -1
}

func (p *planner) fill(ph string) {
	for _, pr := range p.order(ph) {
		id := pr.score.ID
		if p.scheduled[ph][id] {
			continue // brought along by a practice that depends on it
		}
		set, reason := p.take(id, ph)
		if reason == "" && p.count[ph]+len(set) > p.capacity {
			if len(set) > 1 {
				reason = "waits for " + listSome(others(set, id), 5) + ": not enough capacity in " + ph + " to bring it along"
			} else {
				reason = fmt.Sprintf("capacity: %s already holds %d %s", ph, p.capacity, plural.Of(p.capacity, "practice", "practices"))
			}
		}
		if reason != "" {
			p.backlog(id, ph, reason)
			continue
		}
		for i := len(set) - 1; i >= 0; i-- { // dependencies first
			s := set[i]
			p.scheduled[ph][s] = true
			p.count[ph]++
			p.list[ph] = append(p.list[ph], s)
		}
	}
}

// take works out what scheduling practice id in phase ph requires: the
// practices to schedule (id first, then the dependencies it brings along,
// depth first in the order they are declared), or the reason it must wait.
// Each practice is visited once, so the cost is linear in the practices and
// dependencies it reaches.
func (p *planner) take(id, ph string) ([]string, string) {
	t := taking{p: p, ph: ph, k: phaseIndex(ph), in: map[string]bool{}}
	if reason := t.visit(id); reason != "" {
		return nil, reason
	}
	return t.set, ""
}

// taking is one run of take: the practices reached so far, in order.
type taking struct {
	p   *planner
	ph  string
	k   int // index of ph in assess.PhaseIDs
	in  map[string]bool
	set []string
}

func (t *taking) visit(id string) string {
	p, ph := t.p, t.ph
	pr := p.practices[id]
	t.in[id] = true
	t.set = append(t.set, id)
	for _, earlier := range assess.PhaseIDs[:t.k] {
		if pr.needs[earlier] && !p.scheduled[earlier][id] {
			return "waits for its " + earlier
		}
	}
	if ph == assess.Optimize && pr.score.ControlGap.Valid && pr.score.ControlGap.Value >= 0.5 &&
		!p.scheduled[assess.Stabilize][id] && !p.scheduled[assess.Standardize][id] {
		return "control gap: standardize first"
	}
	for _, dep := range pr.def.Dependencies {
		if !dep.Binds(ph) {
			continue // declared from a later phase on: this phase does not wait for it
		}
		d := p.practices[dep.Practice]
		if d == nil {
			continue // out of scope: nothing of it is planned here
		}
		for _, earlier := range assess.PhaseIDs[:t.k] {
			if d.needs[earlier] && !p.scheduled[earlier][dep.Practice] {
				return "waits for " + dep.Practice
			}
		}
		if d.needs[ph] && !p.scheduled[ph][dep.Practice] && !t.in[dep.Practice] {
			if reason := t.visit(dep.Practice); reason != "" {
				return "waits for " + dep.Practice
			}
		}
	}
	return ""
}

// listSome joins the first n items and says how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

func (p *planner) backlog(id, ph, reason string) {
	p.waiting[ph][id] = true
	p.plan.Backlog = append(p.plan.Backlog, BacklogItem{Practice: id, Phase: ph, Reason: reason})
}

// build lays out the scheduled initiatives phase by phase, with dates,
// levels, owners, adoption and exit criteria.
func (p *planner) build(startOverride assess.Date) {
	a := p.a
	start := a.Plan.Start
	if !startOverride.IsZero() {
		start = startOverride
	}
	if start.IsZero() {
		d := a.Date.Time
		start = assess.Date{Time: time.Date(d.Year(), d.Month()+1, 1, 0, 0, 0, 0, time.UTC)}
	}
	level := map[string]int{} // level each practice reaches by the end of the phases so far
	lastInit := map[string]string{}
	for id, pr := range p.practices {
		if pr.score.Level != nil {
			level[id] = *pr.score.Level
		}
	}
	seq := map[string]string{assess.Stabilize: "S", assess.Standardize: "T", assess.Optimize: "O"}
	outcomeLast := map[string]int{} // outcome → index of the last phase serving it
	cur, elapsed := start, 0
	for k, ph := range assess.PhaseIDs {
		months := a.Plan.Months[ph]
		if months <= 0 {
			months = assess.DefaultMonths[ph]
		}
		elapsed += months
		next := addMonths(start, elapsed) // from the start, so month ends do not drift
		phase := Phase{ID: ph, Start: cur, End: assess.Date{Time: next.AddDate(0, 0, -1)},
			Practices: []string{}, Initiatives: []Initiative{}, Adoption: []string{}, ExitCriteria: []string{}}
		// in the order scheduled: by priority, each with the dependencies it brought along
		phase.Practices = append(phase.Practices, p.list[ph]...)
		for n, id := range phase.Practices {
			pr := p.practices[id]
			ps := pr.score
			aim := ps.Target
			switch ph {
			case assess.Stabilize:
				aim = min(2, ps.Target)
			case assess.Standardize:
				aim = min(3, ps.Target)
			}
			from := level[id]
			ini := Initiative{
				ID:    fmt.Sprintf("%s%d", seq[ph], n+1),
				Phase: ph, Practice: id, PracticeName: ps.Name, Dimension: ps.Weakest,
				FromLevel: from, ToLevel: max(aim, from),
				Fix:       p.fix(pr),
				Owner:     owner(a.Owners[id]),
				Outcomes:  nonNil(pr.outcomes),
				DependsOn: []string{},
			}
			ini.Title, ini.Actions = title(pr.def, ph, ps.Weakest)
			if prev := lastInit[id]; prev != "" {
				ini.DependsOn = append(ini.DependsOn, prev)
			}
			for _, dep := range pr.def.Dependencies {
				if !dep.Binds(ph) {
					continue
				}
				if li := lastInit[dep.Practice]; li != "" && !slices.Contains(ini.DependsOn, li) {
					ini.DependsOn = append(ini.DependsOn, li)
				}
			}
			phase.Initiatives = append(phase.Initiatives, ini)
			for _, o := range pr.outcomes {
				outcomeLast[o] = k
			}
		}
		// same-phase dependencies: resolved now that every id of the phase is known
		initOf := make(map[string]string, len(phase.Initiatives))
		for _, ini := range phase.Initiatives {
			initOf[ini.Practice] = ini.ID
		}
		for i := range phase.Initiatives {
			ini := &phase.Initiatives[i]
			for _, dep := range p.practices[ini.Practice].def.Dependencies {
				if other, ok := initOf[dep.Practice]; ok && dep.Binds(ph) && !slices.Contains(ini.DependsOn, other) {
					ini.DependsOn = append(ini.DependsOn, other)
				}
			}
		}
		for _, ini := range phase.Initiatives {
			level[ini.Practice] = ini.ToLevel
			lastInit[ini.Practice] = ini.ID
		}
		p.plan.Phases = append(p.plan.Phases, phase)
		cur = next
	}
	for k := range p.plan.Phases {
		p.exitCriteria(k, outcomeLast)
		p.adoption(k)
	}
	if len(p.plan.Phases[0].Initiatives)+len(p.plan.Phases[1].Initiatives)+len(p.plan.Phases[2].Initiatives) == 0 {
		if len(p.plan.Backlog) == 0 {
			p.plan.Notes = append(p.plan.Notes, "No practice needs an initiative: every scored practice is at its target level with no control gap of 1.0 or more. Re-assess to confirm, or raise the targets.")
		} else {
			p.plan.Notes = append(p.plan.Notes, "Nothing could be scheduled: every initiative waits in the backlog; see the reasons there.")
		}
	}
	if len(p.outcomes) == 0 {
		p.plan.Notes = append(p.plan.Notes, "No pain points: practices are ranked by their gap to target alone. Add painpoints.yaml to tie the plan to business outcomes.")
	}
}

// fix chooses formal when teams disagree strongly, a pain point hurts a lot
// and often, or the practice barely exists; lightweight otherwise.
func (p *planner) fix(pr *practice) string {
	ps := pr.score
	if ps.TeamSpread.Valid && ps.TeamSpread.Value >= 1.5 {
		return Formal
	}
	for _, o := range p.outcomes {
		if o.Impact >= 4 && o.Frequency >= 4 && slices.Contains(o.Practices, ps.ID) {
			return Formal
		}
	}
	if ps.Actual.Valid && ps.Actual.Value < 1.5 {
		return Formal
	}
	return Lightweight
}

// owner picks who answers for a practice's initiatives: its owner, else its
// process manager, approver or stakeholder.
func owner(o assess.Owners) Owner {
	switch {
	case o.Owner != "":
		return Owner{"owner", o.Owner}
	case o.ProcessManager != "":
		return Owner{"process_manager", o.ProcessManager}
	case o.Approver != "":
		return Owner{"approver", o.Approver}
	case o.Stakeholder != "":
		return Owner{"stakeholder", o.Stakeholder}
	}
	return Owner{Role: "owner"}
}

var phaseAim = map[string]string{
	assess.Stabilize:   "a usable minimum process that removes the worst friction",
	assess.Standardize: "roles, controls, definitions and reporting that every team follows",
	assess.Optimize:    "automation and analytics on clean data",
}

// title takes the initiative's title and steps from the questionnaire's
// actions for the phase: the title is the first action that addresses the
// practice's weakest dimension, else the first action; every action is a
// step. Without actions, the title says what the phase aims at.
func title(def *assess.Practice, ph, weakest string) (string, []string) {
	actions := def.Actions.Phase(ph)
	if len(actions) == 0 {
		return fmt.Sprintf("%s %s: %s", capitalize(ph), strings.ToLower(def.Name), phaseAim[ph]), []string{}
	}
	steps := make([]string, len(actions))
	t := ""
	for i, a := range actions {
		steps[i] = a.Text
		if t == "" && weakest != "" && a.Dimension == weakest {
			t = a.Text
		}
	}
	if t == "" {
		t = steps[0]
	}
	return t, steps
}

func (p *planner) exitCriteria(k int, outcomeLast map[string]int) {
	phase := &p.plan.Phases[k]
	for _, ini := range phase.Initiatives {
		ps := p.practices[ini.Practice].score
		c := fmt.Sprintf("%s at level %d or higher at re-assessment", ps.Name, ini.ToLevel)
		if ini.Phase == assess.Stabilize && ps.ControlGap.Valid && ps.ControlGap.Value >= 1.0 {
			c += fmt.Sprintf(", with its control gap below 1.0 (now %.2f)", ps.ControlGap.Value)
		}
		phase.ExitCriteria = append(phase.ExitCriteria, c)
	}
	for _, o := range p.outcomes {
		last, ok := outcomeLast[o.ID]
		if !ok || last != k || o.Metric == nil {
			continue
		}
		m := o.Metric
		if !m.Target.Valid {
			phase.ExitCriteria = append(phase.ExitCriteria, fmt.Sprintf("%s: baseline measured and a target set (%s)", m.Name, o.ID))
			continue
		}
		cmp := "or lower"
		if m.Better == "up" {
			cmp = "or higher"
		}
		c := fmt.Sprintf("%s at %s %s (%s)", m.Name, quantity(m.Target.Value, m.Unit), cmp, o.ID)
		if !o.By.IsZero() {
			c += " by " + o.By.String()
			if o.By.Before(phase.End.Time) {
				p.plan.Notes = append(p.plan.Notes, fmt.Sprintf("Outcome %s is due %s, before the %s phase that completes its practices ends (%s): move the date or raise the capacity.",
					o.ID, o.By, phase.ID, phase.End))
			}
		}
		phase.ExitCriteria = append(phase.ExitCriteria, c)
	}
}

var cadence = map[string]string{
	assess.Stabilize:   "every two weeks",
	assess.Standardize: "monthly",
	assess.Optimize:    "monthly",
}

func (p *planner) adoption(k int) {
	phase := &p.plan.Phases[k]
	if len(phase.Initiatives) == 0 {
		return
	}
	sponsor := "The executive sponsor"
	for _, it := range p.a.Readiness {
		if it.Item == "executive_sponsor" && it.Name != "" {
			sponsor = it.Name
		}
	}
	var names []string
	for _, ini := range phase.Initiatives {
		names = append(names, strings.ToLower(ini.PracticeName))
	}
	phase.Adoption = append(phase.Adoption,
		fmt.Sprintf("Sponsor communication: %s explains why %s %s now and what changes for each team, at the start of the phase",
			sponsor, joinAnd(names), plural.Of(len(names), "matters", "matter")))
	if roles := p.roles(phase.Practices); len(roles) > 0 {
		phase.Adoption = append(phase.Adoption, "Role-based training for "+strings.Join(roles, ", ")+" on the new way of working, before it goes live")
	} else {
		phase.Adoption = append(phase.Adoption, "Role-based training for the people who work these practices, before the new way of working goes live")
	}
	if len(p.r.Teams) > 0 {
		phase.Adoption = append(phase.Adoption, "One champion per team ("+strings.Join(p.r.Teams, ", ")+") to coach colleagues and bring back what does not work")
	} else {
		phase.Adoption = append(phase.Adoption, "One champion per team to coach colleagues and bring back what does not work")
	}
	phase.Adoption = append(phase.Adoption, "Feedback review "+cadence[phase.ID]+" with the practice owners: what is followed, what is bypassed, what to adjust")
}

// roles lists the respondent roles that answered questions of the given
// practices: the people whose work the phase changes.
func (p *planner) roles(practices []string) []string {
	q := p.a.Questionnaire
	set := map[string]bool{}
	for _, resp := range p.a.Responses {
		if resp.Respondent.Role == "" || set[resp.Respondent.Role] {
			continue
		}
		for _, ans := range resp.Answers {
			qu := q.Question(ans.Question)
			if qu != nil && slices.Contains(practices, qu.Practice) && !ans.NA() {
				set[resp.Respondent.Role] = true
				break
			}
		}
	}
	var out []string
	for r := range set {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

var readinessAdvice = map[string]string{
	"executive_sponsor":  "Name an executive sponsor who owns the outcomes and clears blockers",
	"project_team":       "Form a project team with time set aside for the improvement work",
	"project_plan":       "Write a project plan with milestones, owners and the re-assessment date",
	"process_owners":     "Appoint an owner for every practice in scope, with authority to change it",
	"communication_plan": "Write a communication plan: who hears what, when, and from whom",
	"training_plan":      "Write a training plan for the roles whose work changes",
	"budget":             "Secure a budget for tooling, training and people's time",
}

func (p *planner) readiness() {
	p.plan.Readiness = []ReadinessCheck{}
	for _, it := range p.a.Readiness {
		rc := ReadinessCheck{Item: it.Item, OK: it.Known && it.OK, Status: NotReady}
		switch {
		case rc.OK:
			rc.Status = Ready
		case !it.Known:
			rc.Status = ReadyUnknown
		}
		switch {
		case it.Name != "":
			rc.Advice = it.Name
		case rc.OK:
			rc.Advice = "in place"
		case !it.Known:
			rc.Advice = readinessAdvice[it.Item] + " (unknown: confirm it)"
		default:
			rc.Advice = readinessAdvice[it.Item]
		}
		p.plan.Readiness = append(p.plan.Readiness, rc)
	}
	// readiness gaps become first steps of the stabilize adoption track
	st := &p.plan.Phases[0]
	for _, rc := range p.plan.Readiness {
		if !rc.OK {
			st.Adoption = append(st.Adoption, rc.Advice)
		}
	}
}

func (p *planner) rollout() {
	o := p.r.Overall
	var fails, passes []string
	if o.Actual.Valid && o.Actual.Value >= 3.0 {
		passes = append(passes, fmt.Sprintf("overall actual score %.2f is 3.0 or more", o.Actual.Value))
	} else {
		fails = append(fails, fmt.Sprintf("overall actual score %s is below 3.0: processes are not yet stable enough to roll out everywhere at once", numText(o.Actual)))
	}
	spread := assess.Spread(p.r.TeamOverall)
	switch {
	case !spread.Valid:
		fails = append(fails, "fewer than two teams answered: the spread between teams is unknown")
	case spread.Value <= 0.75:
		passes = append(passes, fmt.Sprintf("teams' overall actual scores are within %.2f of each other", spread.Value))
	default:
		fails = append(fails, fmt.Sprintf("teams' overall actual scores differ by %.2f (more than 0.75): start where practice is weakest", spread.Value))
	}
	sponsor := false
	for _, it := range p.a.Readiness {
		if it.Item == "executive_sponsor" && it.Known && it.OK {
			sponsor = true
		}
	}
	if sponsor {
		passes = append(passes, "an executive sponsor is named")
	} else {
		fails = append(fails, "no executive sponsor is named")
	}
	needing := 0
	for _, pr := range p.practices {
		if pr.needs[assess.Stabilize] || pr.needs[assess.Standardize] || pr.needs[assess.Optimize] {
			needing++
		}
	}
	if needing <= p.capacity {
		passes = append(passes, fmt.Sprintf("the %d %s needing work fit the capacity of %d", needing, plural.Of(needing, "practice", "practices"), p.capacity))
	} else {
		fails = append(fails, fmt.Sprintf("%d practices need work but the capacity is %d per phase", needing, p.capacity))
	}
	if len(fails) == 0 {
		p.plan.Rollout = Rollout{Mode: Broad, Reasons: passes}
		return
	}
	p.plan.Rollout = Rollout{Mode: Incremental, Reasons: fails}
}

func numText(s assess.Num) string {
	if !s.Valid {
		return "(no data)"
	}
	return fmt.Sprintf("%.2f", s.Value)
}

// addMonths adds calendar months to a date, clamping to the month's end
// (31 January + 1 month is 28 or 29 February).
func addMonths(d assess.Date, months int) assess.Date {
	t := d.Time
	first := time.Date(t.Year(), t.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return assess.Date{Time: time.Date(first.Year(), first.Month(), min(t.Day(), last), 0, 0, 0, 0, time.UTC)}
}

func others(set []string, id string) []string {
	var out []string
	for _, s := range set {
		if s != id {
			out = append(out, s)
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Span is the time the dated phases cover: from the first start to the last
// end, and how many calendar months that touches (0 when no phase is dated).
func (r *Roadmap) Span() (first, last time.Time, months int) {
	for _, ph := range r.Phases {
		if ph.Start.IsZero() || ph.End.IsZero() || ph.End.Before(ph.Start.Time) {
			continue
		}
		if first.IsZero() || ph.Start.Before(first) {
			first = ph.Start.Time
		}
		if last.IsZero() || ph.End.After(last) {
			last = ph.End.Time
		}
	}
	if first.IsZero() {
		return first, last, 0
	}
	return first, last, (last.Year()-first.Year())*12 + int(last.Month()) - int(first.Month()) + 1
}
