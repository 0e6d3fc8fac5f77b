package text_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates/text"
)

// TestCompareTables lays out a hand-built comparison of three assessments:
// a practice missing from one, a question change of each kind, metric
// progress in each state, and a shared-question share below 100%.
func TestCompareTables(t *testing.T) {
	up, down, improved, regressed := roadmap.LevelUp, roadmap.LevelDown, roadmap.Improved, roadmap.Regressed
	one, two := 1, 2
	mttr := "mttr"
	c := &roadmap.Comparison{
		Assessments: []roadmap.ComparedAssessment{
			{ID: "y1", Organization: "ACME"}, {ID: "y2", Organization: "ACME"}, {ID: "y3", Organization: "ACME"},
		},
		Overall: []roadmap.OverallPoint{
			{ID: "y1", Actual: assess.Some(1), DeltaActual: assess.Some(0)},
			{ID: "y2", Actual: assess.Some(1.5), DeltaActual: assess.Some(0.5)},
			{ID: "y3", Actual: assess.Some(0.75), DeltaActual: assess.Some(-0.25)},
		},
		Practices: []roadmap.PracticeTrend{
			{ID: "desk", Name: "Service desk", LevelChange: &up, DeltaActual: assess.Some(1), Series: []roadmap.PracticePoint{
				{Assessment: "y1", Actual: assess.Some(1.5), Level: &one}, {Assessment: "y2", Actual: assess.Some(2)}, {Assessment: "y3", Actual: assess.Some(2.5), Level: &two}}},
			{ID: "change", Name: "Change enablement", LevelChange: &down, DeltaActual: assess.Some(-1), MissingFrom: []string{"y2"}, Series: []roadmap.PracticePoint{
				{Assessment: "y1", Actual: assess.Some(2), Level: &two}, {Assessment: "y3", Actual: assess.Some(1), Level: &one}}},
			{ID: "problem", MissingFrom: []string{"y1", "y2"}, Series: []roadmap.PracticePoint{{Assessment: "y3"}}},
		},
		Questions: []roadmap.QuestionChange{
			{ID: "Q1", Practice: "desk", Change: &improved, DeltaActual: assess.Some(0.5), Series: []roadmap.ScorePoint{{Actual: assess.Some(1)}, {}, {Actual: assess.Some(1.5)}}},
			{ID: "Q2", Practice: "desk", Change: &improved, DeltaActual: assess.Some(2), Series: []roadmap.ScorePoint{{Actual: assess.Some(1)}, {}, {Actual: assess.Some(3)}}},
			{ID: "Q3", Practice: "change", Change: &regressed, DeltaActual: assess.Some(-1), Series: []roadmap.ScorePoint{{Actual: assess.Some(2)}, {}, {Actual: assess.Some(1)}}},
			{ID: "Q4", Practice: "change", Series: []roadmap.ScorePoint{{}, {}, {}}},
		},
		Metrics: []roadmap.MetricProgress{
			{PainPoint: "a", Title: "Met", Metric: &mttr, Unit: "h", Baseline: assess.Some(10), Target: assess.Some(8), Now: assess.Some(7.5), Progress: assess.Some(125), Status: "met"},
			{PainPoint: "b", Title: "Stalled", Metric: &mttr, Unit: "h", Baseline: assess.Some(10), Target: assess.Some(8), Now: assess.Some(10), Progress: assess.Some(0), Status: "no change"},
			{PainPoint: "c", Title: "Unmeasured", Metric: &mttr, Unit: "h", Target: assess.Some(8), Now: assess.Some(9), Status: "no baseline"},
			{PainPoint: "d", Title: "No metric", Status: "no metric"},
		},
		Improved:          []string{"Q2", "Q1"}, // largest move first, as roadmap.Compare orders them
		Regressed:         []string{"Q3"},
		SharedQuestions:   0.8,
		BaselineQuestions: 5,
	}
	var buf bytes.Buffer
	if err := text.Write(&buf, text.CompareTables(c)...); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"ACME: overall trend from the baseline y1",
		" y3                                 0.75           —  —         -0.25",
		" Service desk       1.50  2.00  2.50     +1.00  1 → 2  ↑ up",
		" Change enablement  2.00   n/a  1.00     -1.00  2 → 1  ↓ down",
		" problem             n/a   n/a     —         —  —      —",
		"- Change enablement: not in y2",
		"- problem: only in y3",
		" no actual rating in both          1",
		"Questions are compared on the 4 of the baseline's 5 questions that every assessment scores (80%).",
		" Q2        desk          1.00    3.00     +2.00",
		" Met         mttr        10 h     8 h  7.5 h      125%  met",
		" Stalled     mttr        10 h     8 h   10 h        0%  no change",
		" Unmeasured  mttr           —     8 h    9 h         —  no baseline",
		"no metric",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the tables do not show %q:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, " Q2 "), strings.Index(out, " Q1 "); i < 0 || j < 0 || i > j {
		t.Errorf("the improved questions are not largest change first:\n%s", out)
	}
}
