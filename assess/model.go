package assess

import (
	"encoding/json"
	"fmt"
	"time"
)

// Pos is a position in a YAML file, 1-based.
type Pos struct {
	Line, Column int
}

// Value is one rating given by a respondent: a level on the questionnaire's
// scale, NA (not applicable to this respondent) or Unknown (not answered).
type Value int16

const (
	Unknown Value = -1
	NA      Value = -2
)

// Known reports whether v is a level on the scale.
func (v Value) Known() bool { return v >= 0 }

// Date is a calendar day, written YYYY-MM-DD in every file and output.
type Date struct{ time.Time }

// ParseDate reads a YYYY-MM-DD date.
//
// Its year is within MinYear..MaxYear: a workbook cannot hold a date before
// 1900, and a plan that starts in MaxYear ends with a four-digit year
// (three phases of at most 60 months each).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return Date{}, ErrDateRange
	}
	return Date{t}, nil
}

// The years a date may have.
const (
	MinYear = 1900
	MaxYear = 9000
)

// ErrDateRange is the error of a date outside the years MinYear..MaxYear.
var ErrDateRange = fmt.Errorf("the year is outside %d..%d", MinYear, MaxYear)

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalText writes the date as YYYY-MM-DD (used by YAML output).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// MarshalJSON writes the date as "YYYY-MM-DD", or null when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// MarshalYAML writes the date as YYYY-MM-DD, or null when unset (as JSON does).
func (d Date) MarshalYAML() (any, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scale is the range of levels a question is rated on, with a label per level.
type Scale struct {
	Min, Max int
	Labels   map[int]string
}

// Label returns the label of level l, or "" when the scale names none.
func (s Scale) Label(l int) string { return s.Labels[l] }

// Dimension is one of the angles every practice is looked at from:
// people, process, technology and governance in the built-in library.
type Dimension struct {
	ID, Name string
}

// Metric is an entry of the questionnaire's metric catalogue, which pain
// points refer to by id.
type Metric struct {
	ID, Name, Unit string
	Better         string // "up" or "down"
}

// Role is a kind of respondent that a questionnaire puts questions to, such
// as a service desk agent or a process owner.
type Role struct {
	ID, Name string
}

// Action is one recommended initiative of a practice in one roadmap phase.
// Dimension is the dimension it addresses, or "" for none in particular.
type Action struct {
	Text      string
	Dimension string
}

// Actions are the recommended initiatives of a practice, per roadmap phase.
// Stabilize, Standardize and Optimize hold the texts in file order;
// ByPhase holds the same actions with the dimension each addresses.
type Actions struct {
	Stabilize, Standardize, Optimize []string
	ByPhase                          map[string][]Action
}

// Phase returns the actions of phase ph, in file order, with their
// dimensions.
func (a Actions) Phase(ph string) []Action {
	if list, ok := a.ByPhase[ph]; ok {
		return list
	}
	var texts []string
	switch ph {
	case Stabilize:
		texts = a.Stabilize
	case Standardize:
		texts = a.Standardize
	case Optimize:
		texts = a.Optimize
	}
	out := make([]Action, len(texts))
	for i, t := range texts {
		out[i] = Action{Text: t}
	}
	return out
}

// Dependency is one entry of a practice's depends_on: the practice depended
// on, and the first phase from which the dependency binds (Stabilize when
// the entry is a plain id: every phase).
type Dependency struct {
	Practice string
	From     string
}

// Binds reports whether the dependency holds back an initiative of phase ph:
// ph is its From phase or a later one.
func (d Dependency) Binds(ph string) bool {
	return phaseRank(ph) >= phaseRank(d.From)
}

func phaseRank(ph string) int {
	for i, id := range PhaseIDs {
		if id == ph {
			return i
		}
	}
	return 0
}

// Refs are the ids of related clauses and objectives in other frameworks:
// ISO/IEC 20000-1:2018 clauses (like 8.5.1) and COBIT 2019 objectives (like
// BAI06). They are ids only, never the standards' text.
type Refs struct {
	ISO20000  []string
	COBIT2019 []string
}

// Practice is an ITIL practice with its questions.
type Practice struct {
	ID, Name string
	Weight   float64
	// DependsOn lists the ids of every practice this one depends on, in
	// file order; Dependencies says from which phase each binds.
	DependsOn    []string
	Dependencies []Dependency
	Refs         Refs
	Metrics      []string
	Actions      Actions
	Questions    []*Question
	Pos          Pos

	dependsPos []Pos
}

// Question kinds.
const (
	Control    = "control"    // approvals, handoffs, records: documented versus actual
	Capability = "capability" // training, authority, tooling: actual versus target
)

// Question is one statement rated twice: documented and actual practice.
type Question struct {
	ID        string
	Practice  string
	Dimension string
	Kind      string // Control or Capability
	Weight    float64
	Text      string
	Help      string
	// Audience lists the questionnaire roles the question is put to; empty:
	// everyone.
	Audience []string
	// Guide describes what some levels of the scale look like for this
	// question, by level.
	Guide map[int]string
	// MapsTo names the questions of a fuller questionnaire that this one
	// summarises.
	MapsTo []string
	Index  int // position in Questionnaire.Questions
	Pos    Pos
}

// PutTo reports whether the question is put to a respondent holding any of
// the questionnaire roles given. A question without an audience is put to
// everyone, and so is every question when no role is given.
func (qu *Question) PutTo(roles ...string) bool {
	if len(qu.Audience) == 0 || len(roles) == 0 {
		return true
	}
	for _, r := range roles {
		for _, a := range qu.Audience {
			if a == r {
				return true
			}
		}
	}
	return false
}

// Questionnaire is a set of practices and questions with a scale, dimensions
// and a metric catalogue.
type Questionnaire struct {
	ID, Version, Title, Description string
	Scale                           Scale
	Dimensions                      []Dimension
	Roles                           []Role // who questions can be put to; may be empty
	Metrics                         []Metric
	Practices                       []*Practice
	Questions                       []*Question // every question, in file order
	File                            string      // where it was read from

	practiceByID map[string]*Practice
	questionByID map[string]*Question
	metricByID   map[string]*Metric
	dimIndex     map[string]int
}

// Practice returns the practice with the given id, or nil.
func (q *Questionnaire) Practice(id string) *Practice { return q.practiceByID[id] }

// Question returns the question with the given id, or nil.
func (q *Questionnaire) Question(id string) *Question { return q.questionByID[id] }

// Metric returns the catalogue metric with the given id, or nil.
func (q *Questionnaire) Metric(id string) *Metric { return q.metricByID[id] }

// DimensionIndex returns the position of dimension id in Dimensions, or -1.
func (q *Questionnaire) DimensionIndex(id string) int {
	if i, ok := q.dimIndex[id]; ok {
		return i
	}
	return -1
}

// Respondent is the person (or workshop team) a response comes from.
type Respondent struct {
	ID, Name, Role, Team string
	Pos                  Pos // of the id
	RolePos, TeamPos     Pos // of the role and team, when given
}

// Answer is one respondent's rating of one question.
type Answer struct {
	Question   string
	Documented Value
	Actual     Value
	Evidence   string
	Note       string
	Pos        Pos
}

// NA reports whether the question does not apply to the respondent.
func (a Answer) NA() bool { return a.Documented == NA || a.Actual == NA }

// Response is one respondent's answers.
type Response struct {
	File          string
	Questionnaire string
	Respondent    Respondent
	Date          Date
	Answers       []Answer // in file order
}

// Change is a relative metric goal: -20% of the baseline, or +8 percentage points.
type Change struct {
	Value float64 // -20 for -20%, 8 for +8pp
	Unit  string  // "%" or "pp"
	Text  string  // as written
}

// MetricGoal is the measurable part of a pain point.
type MetricGoal struct {
	ID       string
	Baseline *float64
	Target   *float64 // absolute target, or nil
	Change   *Change  // relative target, or nil
	By       Date
	ByPos    Pos // where by: was read
}

// PainPoint is a business problem the assessment should help fix.
type PainPoint struct {
	ID, Title string
	Practices []string
	Impact    int
	Frequency int
	Effort    int
	Metric    *MetricGoal
	Owner     string
	Pos       Pos
}

// Owners are the governance roles of one practice; any may be empty.
type Owners struct {
	Owner, ProcessManager, Approver, Stakeholder string
}

// Phases of the roadmap, in order.
const (
	Stabilize   = "stabilize"
	Standardize = "standardize"
	Optimize    = "optimize"
)

// PhaseIDs lists the roadmap phases in order.
var PhaseIDs = []string{Stabilize, Standardize, Optimize}

// PlanSettings shape the roadmap.
type PlanSettings struct {
	Start    Date           // zero: the first day of the month after the assessment date
	Capacity int            // practices per phase; default 3
	Months   map[string]int // per phase; defaults 3, 6, 6
}

// ReadinessItem is one line of the readiness checklist: true, false, a name,
// or unknown when missing.
type ReadinessItem struct {
	Item  string
	Known bool
	OK    bool
	Name  string // set when the value was a name (counts as OK)
}

// ReadinessItems are the checklist keys of assessment.yaml, in order.
var ReadinessItems = []string{
	"executive_sponsor", "project_team", "project_plan", "process_owners",
	"communication_plan", "training_plan", "budget",
}

// Consensus rules.
const (
	Mean   = "mean"
	Median = "median"
	Lowest = "lowest"
)

// ScoringSettings choose how answers are combined.
type ScoringSettings struct {
	Consensus          string  // Mean, Median or Lowest
	DisagreementSpread float64 // default 3
	// MinGroup is the fewest respondents a team or role needs to be shown
	// on its own (default 3; 0 counts as the default).
	MinGroup int
}

// Assessment is an assessment folder, loaded and checked: its settings, the
// questionnaire it names, every response and the pain points.
type Assessment struct {
	Dir              string
	File             string // the assessment.yaml path
	ID, Organization string
	Date             Date
	QuestionnaireRef string   // as written: a built-in id or a path
	Scope            []string // in-scope practice ids, in questionnaire order
	DefaultTarget    int
	Targets          map[string]int // explicit targets per practice
	Owners           map[string]Owners
	Plan             PlanSettings
	Readiness        []ReadinessItem
	Scoring          ScoringSettings
	ResponsesDir     string // as written, relative to Dir
	PainPointsFile   string // as written, relative to Dir
	// Teams and Roles are the teams and roles respondents choose from; when
	// empty, any name goes.
	Teams, Roles []string
	// Audience maps the assessment's role names onto questionnaire role ids.
	Audience map[string][]string

	Questionnaire *Questionnaire
	Responses     []*Response
	PainPoints    []*PainPoint

	organizationPos Pos // where organization: was read, for PlaceholderOrganization
}

// Target returns the target capability level of practice id.
func (a *Assessment) Target(id string) int {
	if t, ok := a.Targets[id]; ok {
		return t
	}
	return a.DefaultTarget
}

// InScope reports whether practice id is in the assessment's scope.
func (a *Assessment) InScope(id string) bool {
	for _, s := range a.Scope {
		if s == id {
			return true
		}
	}
	return false
}
