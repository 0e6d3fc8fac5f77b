package assess

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	responseFields   = []string{"kind", "questionnaire", "respondent", "date", "answers"}
	respondentFields = []string{"id", "name", "role", "team"}
	answerFields     = []string{"documented", "actual", "evidence", "note"}
)

// ParseResponse reads and checks one response file. When q is not nil the
// answers are checked against it: the questionnaire id, the question ids and
// the scale.
func ParseResponse(file string, data []byte, q *Questionnaire) (*Response, Problems) {
	var probs Problems
	r := &reader{file: file, probs: &probs}
	root := r.parse(data)
	if root == nil {
		return nil, probs
	}
	resp := r.response(root, q) // holds no node
	if r.release != nil {
		r.release()
	}
	probs.Sort()
	return resp, probs
}

func (r *reader) response(root *yaml.Node, q *Questionnaire) *Response {
	resp := &Response{File: r.file}
	seen := r.fields(root, responseFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "kind":
			r.kind(v, "response")
		case "questionnaire":
			resp.Questionnaire, _ = r.id(key, v)
			if q != nil && resp.Questionnaire != "" && resp.Questionnaire != q.ID {
				r.errorf(v, "questionnaire: this response answers %q but the assessment uses %q", resp.Questionnaire, q.ID)
			}
		case "respondent":
			r.respondent(v, &resp.Respondent)
		case "date":
			resp.Date, _ = r.date(key, v)
		case "answers":
			r.answers(v, q, resp)
		}
	})
	r.require(root, seen, "response", "questionnaire", "respondent", "answers")
	return resp
}

func (r *reader) respondent(v *yaml.Node, p *Respondent) {
	if !r.mapping("respondent", v) {
		return
	}
	seen := r.fields(v, respondentFields, func(key string, k, n *yaml.Node) {
		switch key {
		case "id":
			p.ID, _ = r.id("respondent.id", n)
			p.Pos = posOf(n)
		case "name":
			p.Name = r.optStr("respondent.name", n)
		case "role":
			p.Role = r.optStr("respondent.role", n)
			p.RolePos = posOf(n)
		case "team":
			p.Team = r.optStr("respondent.team", n)
			p.TeamPos = posOf(n)
		}
	})
	r.require(v, seen, "respondent", "id")
}

func (r *reader) answers(v *yaml.Node, q *Questionnaire, resp *Response) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return // an empty answers: section; every question is unanswered
	}
	if !r.mapping("answers", v) {
		return
	}
	resp.Answers = make([]Answer, 0, len(v.Content)/2)
	// the line each question was first answered on: by question for the
	// questionnaire's, in a map for any other
	var lines []int
	var other map[string]int
	if q != nil {
		lines = make([]int, len(q.Questions))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, n := resolve(v.Content[i]), resolve(v.Content[i+1])
		id, ok := r.id("answers", k)
		if !ok {
			continue
		}
		var qu *Question
		if q != nil {
			qu = q.questionByID[id]
		}
		line, dup := 0, false
		if qu != nil {
			line = lines[qu.Index]
			dup = line != 0
		} else {
			line, dup = other[id]
		}
		if dup {
			r.errorf(k, "answers: %q is answered twice (first at line %d)", id, line)
			continue
		}
		if qu != nil {
			lines[qu.Index] = max(k.Line, 1)
		} else {
			if other == nil {
				other = map[string]int{}
			}
			other[id] = k.Line
		}
		if q != nil && qu == nil {
			r.unknownQuestion(k, id, q)
			continue
		}
		if qu != nil {
			id = qu.ID // one string for every answer to the question
		}
		a := Answer{Question: id, Documented: Unknown, Actual: Unknown, Pos: posOf(k)}
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			resp.Answers = append(resp.Answers, a)
			continue
		}
		if !r.mapping(id, n) {
			continue
		}
		r.fields(n, answerFields, func(key string, _, e *yaml.Node) {
			switch key {
			case "documented":
				a.Documented = r.value(key, e, q)
			case "actual":
				a.Actual = r.value(key, e, q)
			case "evidence":
				a.Evidence = r.optStr(key, e)
			case "note":
				a.Note = r.optStr(key, e)
			}
		})
		resp.Answers = append(resp.Answers, a)
	}
}

func (r *reader) unknownQuestion(k *yaml.Node, id string, q *Questionnaire) {
	if s := suggestFrom(id, len(q.Questions), func(i int) string { return q.Questions[i].ID }); s != "" {
		r.errorf(k, "answers: questionnaire %q has no question %q (did you mean %q?)", q.ID, id, s)
		return
	}
	r.errorf(k, "answers: questionnaire %q has no question %q", q.ID, id)
}

// value reads a rating: a level within the scale, na, or nothing (unknown).
func (r *reader) value(key string, v *yaml.Node, q *Questionnaire) Value {
	scale := Scale{Min: 0, Max: MaxScale}
	if q != nil {
		scale = q.Scale
	}
	if v.Kind == yaml.ScalarNode {
		switch {
		case v.Tag == "!!null":
			return Unknown
		case v.Tag == "!!int":
			n, ok := r.integer(key, v)
			if !ok {
				return Unknown
			}
			if n < scale.Min || n > scale.Max {
				r.errorf(v, "%s: %d is outside the scale %s", key, n, scale)
				return Unknown
			}
			return Value(n)
		case strings.EqualFold(v.Value, "na"):
			return NA
		}
	}
	r.errorf(v, "%s: expected a level %s or na, found %s", key, scale, describe(v))
	return Unknown
}
