package workshop

import (
	"bytes"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
)

func builtin(t *testing.T, id string) *assess.Questionnaire {
	t.Helper()
	q, probs := assess.LoadQuestionnaire(nil, id, "")
	if q == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	return q
}

func TestGenerateDeterministic(t *testing.T) {
	q := builtin(t, "itil4-quick")
	a, b := Generate(q, 30, 7), Generate(q, 30, 7)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("the same seed gave different files")
	}
	if c := Generate(q, 30, 8); maps.EqualFunc(a, c, bytes.Equal) {
		t.Fatal("another seed gave the same files")
	}
	names := slices.Sorted(maps.Keys(a))
	if len(names) != 32 || names[0] != "assessment.yaml" || names[1] != "painpoints.yaml" || names[2] != "responses/r00001.yaml" {
		t.Fatalf("files %v", names)
	}
}

// A generated workshop loads without an error on every built-in
// questionnaire, and its answers look like a workshop's: most numbers, a
// few na and unknown, teams that differ.
func TestGenerateLoads(t *testing.T) {
	for _, id := range []string{"itil4-core", "itil4-quick"} {
		t.Run(id, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "w")
			answers, err := Make(dir, id, 60, 1)
			if err != nil {
				t.Fatal(err)
			}
			a, probs := assess.Load(assess.Disk{}, dir)
			if err := probs.Err(); err != nil {
				t.Fatal(err)
			}
			for _, p := range probs {
				if !strings.Contains(p.Message, "questions in scope unanswered") {
					t.Errorf("unexpected warning: %s", p)
				}
			}
			if len(a.Responses) != 60 || len(a.PainPoints) == 0 {
				t.Fatalf("%d responses, %d pain points", len(a.Responses), len(a.PainPoints))
			}
			var n, na, unknown int
			for _, r := range a.Responses {
				for _, ans := range r.Answers {
					n++
					switch {
					case ans.NA():
						na++
					case !ans.Documented.Known() || !ans.Actual.Known():
						unknown++
					}
				}
			}
			if n != answers {
				t.Errorf("Make says %d answers, the folder has %d", answers, n)
			}
			if na == 0 || unknown == 0 || na > n/10 || unknown > n/10 {
				t.Errorf("%d answers: %d na, %d with a value unknown; want a few of each", n, na, unknown)
			}
			res := assess.Score(a, assess.ScoreOptions{})
			if len(res.Teams) < 3 || !res.Overall.Actual.Valid {
				t.Errorf("teams %v, overall %+v", res.Teams, res.Overall)
			}
			if spread := assess.Spread(res.TeamOverall); !spread.Valid || spread.Value <= 0 {
				t.Errorf("teams all score alike: %+v", res.TeamOverall)
			}
		})
	}
}
