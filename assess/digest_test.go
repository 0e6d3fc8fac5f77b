package assess

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

const digestQuestionnaire = `kind: questionnaire
id: tiny
version: 0.1.0
title: Two questions
scale: {min: 1, max: 3, labels: {1: Low, 3: "High \"h\""}}
dimensions: [{id: people, name: People}, {id: process, name: Process}]
practices:
  - id: desk
    name: Service desk
    questions:
      - {id: DK-1, dimension: people, text: Agents resolve issues., help: Look., weight: 2}
      - {id: DK-2, dimension: process, kind: capability, text: "Every contact is logged <b>."}
`

// The digest is SHA-256 over the canonical JSON written out here by hand.
func TestDigest(t *testing.T) {
	q, probs := ParseQuestionnaire("tiny.yaml", []byte(digestQuestionnaire))
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	canonical := `{"scale":{"min":1,"max":3,"labels":[[1,"Low"],[3,"High \"h\""]]},` +
		`"questions":[["DK-1","desk","people","capability","Agents resolve issues."],` +
		`["DK-2","desk","process","capability","Every contact is logged \u003cb\u003e."]]}`
	sum := sha256.Sum256([]byte(canonical))
	if got, want := q.Digest(), "sha256:"+hex.EncodeToString(sum[:]); got != want {
		t.Errorf("Digest = %s, want %s", got, want)
	}
	// help, weight, title and version do not count; text, kind, scale labels do
	same := strings.NewReplacer("help: Look., weight: 2", "help: Elsewhere.", "title: Two", "title: 2", "0.1.0", "0.2.0").Replace(digestQuestionnaire)
	for name, src := range map[string]string{
		"text":  strings.Replace(digestQuestionnaire, "resolve issues", "resolve problems", 1),
		"kind":  strings.Replace(digestQuestionnaire, "kind: capability, ", "", 1),
		"label": strings.Replace(digestQuestionnaire, "1: Low", "1: Lowest", 1),
		"max":   strings.Replace(digestQuestionnaire, "max: 3", "max: 4", 1),
	} {
		other, probs := ParseQuestionnaire("other.yaml", []byte(src))
		if err := probs.Err(); err != nil {
			t.Fatal(err)
		}
		if other.Digest() == q.Digest() {
			t.Errorf("a changed %s keeps the digest", name)
		}
	}
	other, _ := ParseQuestionnaire("same.yaml", []byte(same))
	if other.Digest() != q.Digest() {
		t.Error("help, weight, title or version changed the digest")
	}
}

func TestFileIDProblem(t *testing.T) {
	for _, id := range []string{"r07", "alice.b", "A_1-x", "con1", "comx", "nulx"} {
		if p := FileIDProblem(id); p != "" {
			t.Errorf("%q: %s", id, p)
		}
	}
	for _, id := range []string{"", "../x", "a/b", "/abs", `a\b`, ".hidden", "..", "CON", "nul", "Nul.txt", "com1", "LPT9.x", "aux", strings.Repeat("x", 129), "r 07", "é"} {
		if FileIDProblem(id) == "" {
			t.Errorf("%q names a file", id)
		}
	}
}

func TestIndex(t *testing.T) {
	q := &Questionnaire{ID: "x", Dimensions: []Dimension{{ID: "d"}}}
	q1, q2 := &Question{ID: "Q1", Practice: "p", Dimension: "d"}, &Question{ID: "Q2", Practice: "p", Dimension: "d"}
	q.Practices = []*Practice{{ID: "p", Questions: []*Question{q1, q2}}}
	q.Questions = []*Question{q1, q2}
	q.Index()
	if q.Question("Q2") != q2 || q2.Index != 1 || q.Practice("p") == nil || q.DimensionIndex("d") != 0 || q.Question("Q3") != nil {
		t.Error("Index does not look up what q holds")
	}
}
