package assess

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// File kinds.
const (
	KindAssessment    = "assessment"
	KindQuestionnaire = "questionnaire"
	KindResponse      = "response"
	KindPainPoints    = "painpoints"
)

// CheckFile reads one file on its own and reports its problems. The kind of
// file comes from its kind: field, else from its name (assessment.yaml,
// painpoints.yaml) or its keys. A response naming a built-in questionnaire is
// checked against it; an assessment.yaml is checked with its questionnaire
// but without its responses.
func CheckFile(src Source, name string) (kind string, probs Problems) {
	data, p := ReadFile(src, name)
	if p != nil {
		return "", Problems{*p}
	}
	r := &reader{file: name, probs: &probs}
	root := r.parse(data)
	if root == nil {
		return "", probs
	}
	kind = guessKind(name, root)
	switch kind {
	case KindQuestionnaire:
		r.questionnaire(root)
	case KindResponse:
		var q *Questionnaire
		if ref := scalarField(root, "questionnaire"); ref != "" && IsBuiltin(ref) {
			if bq, qp := LoadQuestionnaire(src, ref, ""); bq != nil && !qp.HasErrors() {
				q = bq
			}
		}
		r.response(root, q)
	case KindPainPoints:
		r.painpoints(root, nil)
	default:
		a, rf := r.settings(root)
		if a.QuestionnaireRef != "" {
			q, qp := LoadQuestionnaire(src, a.QuestionnaireRef, filepath.Dir(name))
			r.pointAtRef(root, a.QuestionnaireRef, filepath.Dir(name), q, qp)
			probs = append(probs, qp...)
			if q != nil {
				r.checkRefs(a, rf, q)
			}
		}
	}
	probs.Sort()
	return kind, probs
}

func guessKind(name string, root *yaml.Node) string {
	if k := scalarField(root, "kind"); k != "" {
		switch k {
		case KindAssessment, KindQuestionnaire, KindResponse, KindPainPoints:
			return k
		}
	}
	base := strings.ToLower(filepath.Base(name))
	switch {
	case base == "assessment.yaml" || base == "assessment.yml":
		return KindAssessment
	case base == "painpoints.yaml" || base == "painpoints.yml" || scalarField(root, "painpoints") != "" || hasKey(root, "painpoints"):
		return KindPainPoints
	case hasKey(root, "answers") || hasKey(root, "respondent"):
		return KindResponse
	case hasKey(root, "practices") || hasKey(root, "scale"):
		return KindQuestionnaire
	}
	return KindAssessment
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

func scalarField(m *yaml.Node, key string) string {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.ScalarNode {
			return m.Content[i+1].Value
		}
	}
	return ""
}
