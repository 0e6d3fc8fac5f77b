package assess

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// DigestPrefix starts every questionnaire digest.
const DigestPrefix = "sha256:"

// Digest identifies what a questionnaire asks: two questionnaires with the
// same digest rate the same questions, each with the same id, practice,
// dimension, kind and text, on the same scale with the same labels. Titles,
// help, weights, actions and metrics do not count: answers to one are
// answers to the other. It is "sha256:" and 64 hex digits, computed over a
// canonical JSON serialisation:
//
//	{"scale":{"min":0,"max":5,"labels":[[0,"Absent"],…]},
//	 "questions":[["IM-PR-1","incident-management","process","control","text"],…]}
//
// with the labels in level order and the questions in questionnaire order.
func (q *Questionnaire) Digest() string {
	type canonical struct {
		Scale struct {
			Min    int     `json:"min"`
			Max    int     `json:"max"`
			Labels [][]any `json:"labels"`
		} `json:"scale"`
		Questions [][5]string `json:"questions"`
	}
	var c canonical
	c.Scale.Min, c.Scale.Max = q.Scale.Min, q.Scale.Max
	c.Scale.Labels = [][]any{}
	for l := q.Scale.Min; l <= q.Scale.Max; l++ {
		if label, ok := q.Scale.Labels[l]; ok {
			c.Scale.Labels = append(c.Scale.Labels, []any{l, label})
		}
	}
	c.Questions = make([][5]string, len(q.Questions))
	for i, qu := range q.Questions {
		c.Questions[i] = [5]string{qu.ID, qu.Practice, qu.Dimension, qu.Kind, qu.Text}
	}
	data, err := json.Marshal(c)
	if err != nil {
		panic(err) // strings and integers always marshal
	}
	sum := sha256.Sum256(data)
	return DigestPrefix + hex.EncodeToString(sum[:])
}

// Index makes a questionnaire assembled in code usable: Practice, Question,
// Metric and DimensionIndex look up q's practices, questions, metrics and
// dimensions, and each question's Index is its place in q.Questions. The
// capture workbook reader builds the questionnaire a workbook carries this
// way; a questionnaire from ParseQuestionnaire is indexed already.
func (q *Questionnaire) Index() {
	q.practiceByID = make(map[string]*Practice, len(q.Practices))
	for _, p := range q.Practices {
		q.practiceByID[p.ID] = p
	}
	q.questionByID = make(map[string]*Question, len(q.Questions))
	for i, qu := range q.Questions {
		qu.Index = i
		q.questionByID[qu.ID] = qu
	}
	q.metricByID = make(map[string]*Metric, len(q.Metrics))
	for i := range q.Metrics {
		q.metricByID[q.Metrics[i].ID] = &q.Metrics[i]
	}
	q.dimIndex = make(map[string]int, len(q.Dimensions))
	for i, d := range q.Dimensions {
		q.dimIndex[d.ID] = i
	}
}

// IsID reports whether s is a valid id: ASCII letters, digits, '.', '_'
// and '-', starting with a letter or digit, at most 128 bytes.
func IsID(s string) bool { return len(s) <= 128 && isID(s) }

// windowsReserved are the names that Windows keeps for devices, whatever
// their extension.
var windowsReserved = []string{"con", "prn", "aux", "nul", "conin$", "conout$"}

// FileIDProblem says why id cannot name a file in a folder (a response
// named after its respondent), or returns "" when it can: it must be a
// valid id (so never a path, "..", or empty) and not a device name that
// Windows reserves (CON, NUL, COM1, LPT1, … with any extension).
func FileIDProblem(id string) string {
	if !IsID(id) {
		return "is not a valid id; use letters, digits, '.', '_' and '-'"
	}
	stem := strings.ToLower(id)
	if i := strings.IndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	reserved := false
	for _, r := range windowsReserved {
		reserved = reserved || stem == r
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "com") || strings.HasPrefix(stem, "lpt")) && stem[3] >= '0' && stem[3] <= '9' {
		reserved = true
	}
	if reserved {
		return "is a device name that Windows reserves; choose another id"
	}
	return ""
}

// Differences names what makes questionnaire b differ from a in what they
// ask (what Digest covers): the scale, its labels, and each question
// added, removed or changed, at most max of them (and how many more).
// It is empty when the digests are equal.
func Differences(a, b *Questionnaire, max int) []string {
	var out []string
	more := 0
	add := func(format string, args ...any) {
		if len(out) < max {
			out = append(out, fmt.Sprintf(format, args...))
		} else {
			more++
		}
	}
	if a.Scale.Min != b.Scale.Min || a.Scale.Max != b.Scale.Max {
		add("the scale is %s, not %s", b.Scale, a.Scale)
	} else {
		for l := a.Scale.Min; l <= a.Scale.Max; l++ {
			if a.Scale.Labels[l] != b.Scale.Labels[l] {
				add("level %d is labelled %q, not %q", l, b.Scale.Labels[l], a.Scale.Labels[l])
			}
		}
	}
	for _, qa := range a.Questions {
		qb := b.Question(qa.ID)
		switch {
		case qb == nil:
			add("question %s is not in %s", qa.ID, b.ID)
		case qa.Text != qb.Text:
			add("question %s reads differently", qa.ID)
		case qa.Practice != qb.Practice || qa.Dimension != qb.Dimension || qa.Kind != qb.Kind:
			add("question %s is in another practice, dimension or kind", qa.ID)
		}
	}
	for _, qb := range b.Questions {
		if a.Question(qb.ID) == nil {
			add("question %s is new in %s", qb.ID, b.ID)
		}
	}
	if len(out) == 0 && a.Digest() != b.Digest() {
		add("the questions are in another order")
	}
	if more > 0 {
		out = append(out, fmt.Sprintf("%d more", more))
	}
	return out
}
