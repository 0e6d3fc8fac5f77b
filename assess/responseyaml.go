package assess

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// ResponseYAML writes r as a response file, tidy enough
// to read and edit by hand: kind first, then the questionnaire, the
// respondent and the date, and the answers grouped by practice in
// questionnaire order under a comment naming the practice, one flow mapping
// per line. Only answered questions are written: those with a level, na, an
// evidence or a note. Answers to questions q does not have come last.
//
// ParseResponse reads the result back to the same answers, as long as
// texts have no leading or trailing spaces (the loader trims them).
func ResponseYAML(r *Response, q *Questionnaire) []byte {
	var b bytes.Buffer
	b.WriteString("kind: response\n")
	b.WriteString("questionnaire: " + responseScalar(r.Questionnaire) + "\n")
	var who []string
	for _, kv := range [][2]string{{"id", r.Respondent.ID}, {"name", r.Respondent.Name}, {"role", r.Respondent.Role}, {"team", r.Respondent.Team}} {
		if kv[1] != "" {
			who = append(who, kv[0]+": "+responseScalar(kv[1]))
		}
	}
	b.WriteString("respondent: {" + strings.Join(who, ", ") + "}\n")
	if !r.Date.IsZero() {
		b.WriteString("date: " + r.Date.String() + "\n")
	}

	var answered []Answer
	for _, a := range r.Answers {
		if a.Documented != Unknown || a.Actual != Unknown || a.Evidence != "" || a.Note != "" {
			answered = append(answered, a)
		}
	}
	if len(answered) == 0 {
		b.WriteString("answers: {}\n")
		return b.Bytes()
	}
	b.WriteString("answers:\n")
	if q == nil {
		for _, a := range answered {
			responseAnswer(&b, a)
		}
		return b.Bytes()
	}
	byQuestion := make(map[string]Answer, len(answered))
	var other []Answer
	for _, a := range answered {
		if _, dup := byQuestion[a.Question]; dup || q.Question(a.Question) == nil {
			other = append(other, a)
			continue
		}
		byQuestion[a.Question] = a
	}
	for _, p := range q.Practices {
		named := false
		for _, qu := range p.Questions {
			a, ok := byQuestion[qu.ID]
			if !ok {
				continue
			}
			if !named {
				b.WriteString("  # " + responseComment(p.Name) + "\n")
				named = true
			}
			responseAnswer(&b, a)
		}
	}
	if len(other) > 0 {
		b.WriteString("  # Not in " + responseComment(q.ID) + "\n")
		for _, a := range other {
			responseAnswer(&b, a)
		}
	}
	return b.Bytes()
}

func responseAnswer(b *bytes.Buffer, a Answer) {
	var fields []string
	for _, kv := range []struct {
		key string
		v   Value
	}{{"documented", a.Documented}, {"actual", a.Actual}} {
		switch {
		case kv.v == NA:
			fields = append(fields, kv.key+": na")
		case kv.v.Known():
			fields = append(fields, kv.key+": "+strconv.Itoa(int(kv.v)))
		}
	}
	if a.Evidence != "" {
		fields = append(fields, "evidence: "+responseQuoted(a.Evidence))
	}
	if a.Note != "" {
		fields = append(fields, "note: "+responseQuoted(a.Note))
	}
	b.WriteString("  " + responseScalar(a.Question) + ": {" + strings.Join(fields, ", ") + "}\n")
}

var responsePlain = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9._/-]*( [A-Za-z0-9._/-]+)*$`)

// responseScalar writes s plain when YAML reads it back as the same string,
// quoted otherwise (numbers, booleans, null, anything with punctuation).
func responseScalar(s string) string {
	switch strings.ToLower(s) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return responseQuoted(s)
	}
	if responsePlain.MatchString(s) {
		return s
	}
	return responseQuoted(s)
}

// responseQuoted writes s as a YAML double-quoted scalar. Go's quoting escapes
// are a subset of YAML's for valid UTF-8, which every string here is.
func responseQuoted(s string) string {
	return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD"))
}

func responseComment(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
