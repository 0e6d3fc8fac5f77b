package assess

import (
	"encoding/json"
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
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	return Date{t}, err
}

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

// Actions are the recommended initiatives of a practice, per roadmap phase.
type Actions struct {
	Stabilize, Standardize, Optimize []string
}

// Practice is an ITIL practice with its questions.
type Practice struct {
	ID, Name  string
	Weight    float64
	DependsOn []string
	Metrics   []string
	Actions   Actions
	Questions []*Question
	Pos       Pos

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
	Index     int // position in Questionnaire.Questions
	Pos       Pos
}

// Questionnaire is a set of practices and questions with a scale, dimensions
// and a metric catalogue.
type Questionnaire struct {
	ID, Version, Title, Description string
	Scale                           Scale
	Dimensions                      []Dimension
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
