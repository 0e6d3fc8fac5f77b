package assess

import (
	"encoding/json"
	"math"
)

// Num is a number that may have no data: a practice nobody answered has
// no actual score, which is not the same as a score of 0. It is written as
// null in JSON and YAML when it has no data.
type Num struct {
	Value float64
	Valid bool
}

// Some returns a score with data.
func Some(v float64) Num { return Num{v, true} }

// MarshalJSON writes the unrounded number, or null. A number that is not
// finite (which the loader's bounds keep out) is written as null, never as
// an error or +Inf.
func (s Num) MarshalJSON() ([]byte, error) {
	if !s.Valid || math.IsInf(s.Value, 0) || math.IsNaN(s.Value) {
		return []byte("null"), nil
	}
	return json.Marshal(s.Value)
}

// MarshalYAML writes the unrounded number, or null.
func (s Num) MarshalYAML() (any, error) {
	if !s.Valid || math.IsInf(s.Value, 0) || math.IsNaN(s.Value) {
		return nil, nil
	}
	return s.Value, nil
}

// Sub returns s − t, with data only when both have data.
func (s Num) Sub(t Num) Num {
	if !s.Valid || !t.Valid {
		return Num{}
	}
	return Some(s.Value - t.Value)
}

// floorTolerance makes 2.9999999999 count as 3 when a level is taken.
const floorTolerance = 1e-9

// levelOf is the floor of a score, with tolerance, clamped to the scale.
func levelOf(s Num, scale Scale) *int {
	if !s.Valid {
		return nil
	}
	l := int(math.Floor(s.Value + floorTolerance))
	l = max(scale.Min, min(scale.Max, l))
	return &l
}

func labelOf(l *int, scale Scale) *string {
	if l == nil {
		return nil
	}
	s := scale.Label(*l)
	return &s
}

// Result is a scored assessment: everything `assess --format json` prints
// and what every report reads.
type Result struct {
	Assessment    ResultAssessment    `json:"assessment" yaml:"assessment"`
	Questionnaire ResultQuestionnaire `json:"questionnaire" yaml:"questionnaire"`
	Scale         ResultScale         `json:"scale" yaml:"scale"`
	Respondents   int                 `json:"respondents" yaml:"respondents"`
	Teams         []string            `json:"teams" yaml:"teams"`
	Roles         []string            `json:"roles,omitempty" yaml:"roles,omitempty"`
	// Withheld counts the teams and roles with fewer respondents than
	// scoring.min_group: they are in no team or role list or score.
	Withheld   Withheld         `json:"withheld" yaml:"withheld"`
	Overall    Overall          `json:"overall" yaml:"overall"`
	Dimensions []DimensionScore `json:"dimensions" yaml:"dimensions"`
	Practices  []PracticeScore  `json:"practices" yaml:"practices"`
	Questions  []QuestionScore  `json:"questions" yaml:"questions"`
	// Attention lists the practice ids most in need of attention first:
	// the largest gap to target times weight, then the largest control gap.
	Attention []string `json:"attention" yaml:"attention"`
	// LargestGaps lists the ids of the questions with a gap, largest first.
	LargestGaps []string `json:"largest_gaps" yaml:"largest_gaps"`
	// Disagreements lists the ids of the questions where respondents
	// disagree, widest spread of actual answers first.
	Disagreements []string `json:"disagreements" yaml:"disagreements"`
	Warnings      []string `json:"warnings" yaml:"warnings"`

	// TeamOverall holds the overall scores of each team, in Teams order.
	TeamOverall []GroupScore `json:"-" yaml:"-"`

	questionIndex map[string]int
}

// Withheld says how many groups are not shown on their own, and why: they
// have fewer respondents than MinGroup.
type Withheld struct {
	Teams    int `json:"teams" yaml:"teams"`
	Roles    int `json:"roles" yaml:"roles"`
	MinGroup int `json:"min_group" yaml:"min_group"`
}

// ResultAssessment identifies the assessment scored.
type ResultAssessment struct {
	ID           string `json:"id" yaml:"id"`
	Organization string `json:"organization" yaml:"organization"`
	Date         Date   `json:"date" yaml:"date"`
}

// ResultQuestionnaire identifies the questionnaire used.
type ResultQuestionnaire struct {
	ID      string `json:"id" yaml:"id"`
	Version string `json:"version" yaml:"version"`
}

// ResultScale is the range of the scale.
type ResultScale struct {
	Min int `json:"min" yaml:"min"`
	Max int `json:"max" yaml:"max"`
}

// Overall is the assessment's overall score.
type Overall struct {
	Documented Num     `json:"documented" yaml:"documented"`
	Actual     Num     `json:"actual" yaml:"actual"`
	Drift      Num     `json:"drift" yaml:"drift"`
	Level      *int    `json:"level" yaml:"level"`
	Label      *string `json:"label" yaml:"label"`
	Coverage   Num     `json:"coverage" yaml:"coverage"`
}

// DimensionScore is one dimension across the practices in scope.
type DimensionScore struct {
	ID         string `json:"id" yaml:"id"`
	Name       string `json:"-" yaml:"-"`
	Documented Num    `json:"documented" yaml:"documented"`
	Actual     Num    `json:"actual" yaml:"actual"`
	Drift      Num    `json:"drift" yaml:"drift"`
	// Target is the mean target of the practices with a score in this
	// dimension, weighted like the scores: the third line of the radar
	// (null when no practice is scored in it).
	Target Num `json:"target" yaml:"target"`
}

// CellScore is one practice in one dimension.
type CellScore struct {
	ID         string `json:"id" yaml:"id"`
	Documented Num    `json:"documented" yaml:"documented"`
	Actual     Num    `json:"actual" yaml:"actual"`
}

// GroupScore is a practice (or the whole assessment) as one team or role
// sees it.
type GroupScore struct {
	ID         string `json:"id" yaml:"id"`
	Documented Num    `json:"documented" yaml:"documented"`
	Actual     Num    `json:"actual" yaml:"actual"`
}

// PracticeScore is one in-scope practice.
type PracticeScore struct {
	ID            string       `json:"id" yaml:"id"`
	Name          string       `json:"name" yaml:"name"`
	Weight        float64      `json:"weight" yaml:"weight"`
	Target        int          `json:"target" yaml:"target"`
	Documented    Num          `json:"documented" yaml:"documented"`
	Actual        Num          `json:"actual" yaml:"actual"`
	Drift         Num          `json:"drift" yaml:"drift"`
	Level         *int         `json:"level" yaml:"level"`
	Label         *string      `json:"label" yaml:"label"`
	ControlGap    Num          `json:"control_gap" yaml:"control_gap"`
	CapabilityGap Num          `json:"capability_gap" yaml:"capability_gap"`
	TargetGap     Num          `json:"target_gap" yaml:"target_gap"`
	Coverage      Num          `json:"coverage" yaml:"coverage"`
	Dimensions    []CellScore  `json:"dimensions" yaml:"dimensions"`
	Teams         []GroupScore `json:"teams" yaml:"teams"`
	Roles         []GroupScore `json:"roles,omitempty" yaml:"roles,omitempty"`

	// Weakest is the dimension whose actual score caps the level ("" with no data).
	Weakest string `json:"weakest_dimension" yaml:"weakest_dimension"`
	// TeamSpread is max − min of the teams' actual scores (no data with fewer than two teams scored).
	TeamSpread Num `json:"team_spread" yaml:"team_spread"`
	// RoleSpread is max − min of the roles' actual scores, with --by role
	// only (nil without it; no data with fewer than two roles scored).
	RoleSpread *Num `json:"role_spread,omitempty" yaml:"role_spread,omitempty"`
}

// QuestionScore is one in-scope question.
type QuestionScore struct {
	ID         string `json:"id" yaml:"id"`
	Practice   string `json:"practice" yaml:"practice"`
	Dimension  string `json:"dimension" yaml:"dimension"`
	Kind       string `json:"kind" yaml:"kind"`
	Documented Num    `json:"documented" yaml:"documented"`
	Actual     Num    `json:"actual" yaml:"actual"`
	Drift      Num    `json:"drift" yaml:"drift"`
	N          int    `json:"n" yaml:"n"`
	MinActual  *int   `json:"min_actual" yaml:"min_actual"`
	MaxActual  *int   `json:"max_actual" yaml:"max_actual"`
	// Spread is max − min of the actual answers (null with none).
	Spread       *int `json:"spread" yaml:"spread"`
	Disagreement bool `json:"disagreement" yaml:"disagreement"`
	// Gap is what the question falls short by: documented − actual for a
	// control question, target − actual for a capability question, never
	// below 0.
	Gap  Num    `json:"gap" yaml:"gap"`
	Text string `json:"-" yaml:"-"`
}

// Cell returns the practice's score in dimension id: no data when the
// practice has no question in that dimension.
func (p PracticeScore) Cell(id string) CellScore {
	for _, c := range p.Dimensions {
		if c.ID == id {
			return c
		}
	}
	return CellScore{ID: id}
}

// Practice returns the score of practice id, or nil when it is not in scope.
func (r *Result) Practice(id string) *PracticeScore {
	for i := range r.Practices {
		if r.Practices[i].ID == id {
			return &r.Practices[i]
		}
	}
	return nil
}

// DisplayName is the dimension's name, or its id when it has none.
func (d DimensionScore) DisplayName() string {
	if d.Name != "" {
		return d.Name
	}
	return d.ID
}
