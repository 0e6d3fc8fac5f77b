package assess

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// FoldName is the form in which team and role names are compared when the
// assessment does not list them: lower case, without spaces, hyphens and
// underscores, so that "Service Desk", "service-desk" and "service_desk"
// are one name.
func FoldName(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case unicode.IsSpace(c) || c == '-' || c == '_':
		default:
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

// audienceKey returns the key of the audience table that names role, by
// exact match or else after FoldName, or "".
func (a *Assessment) audienceKey(role string) string {
	if _, ok := a.Audience[role]; ok {
		return role
	}
	f := FoldName(role)
	best := ""
	for k := range a.Audience {
		if FoldName(k) == f && (best == "" || k < best) {
			best = k
		}
	}
	return best
}

// QuestionnaireRoles returns the questionnaire roles that the assessment's
// audience table maps role onto; nil when role is not mapped, which puts
// every question to it.
func (a *Assessment) QuestionnaireRoles(role string) []string {
	if k := a.audienceKey(role); k != "" {
		return a.Audience[k]
	}
	return nil
}

// QuestionsFor returns the questions of the questionnaire put to a
// respondent with the given assessment role, in questionnaire order: the
// role is mapped onto questionnaire roles through the audience table; a
// role that is not mapped is put every question, and a question without an
// audience is put to everyone. Practices outside the scope are included;
// filter with InScope when needed.
func (a *Assessment) QuestionsFor(role string) []*Question {
	if a.Questionnaire == nil {
		return nil
	}
	return a.Questionnaire.QuestionsForRoles(a.QuestionnaireRoles(role)...)
}

// CheckTeam checks a respondent's team against the assessment's list of
// teams. It returns "" when the team is listed, or when there is no list
// or no team; else a message saying so, with a suggestion when a listed
// team is close.
func (a *Assessment) CheckTeam(team string) string {
	return unlistedMessage("team", team, a.Teams)
}

// CheckRole is CheckTeam for a respondent's role and the list of roles.
func (a *Assessment) CheckRole(role string) string {
	return unlistedMessage("role", role, a.Roles)
}

// unlistedMessage says why name is not one of list, or "" when it is (or
// when there is no list or no name).
func unlistedMessage(what, name string, list []string) string {
	if len(list) == 0 || name == "" || slices.Contains(list, name) {
		return ""
	}
	msg := fmt.Sprintf("%q is not one of the assessment's %ss", name, what)
	if s := closeName(name, list); s != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", s)
	}
	return msg + "; expected one of " + strings.Join(list, ", ")
}

// closeName returns the entry of list that name is a near miss of: the same
// name written another way, else one a typo away.
func closeName(name string, list []string) string {
	f := FoldName(name)
	for _, l := range list {
		if FoldName(l) == f {
			return l
		}
	}
	if s := suggest(name, list); s != "" {
		return s
	}
	// a typo away once folded ("Servce Desk" for service-desk): the listed spelling
	if s := suggestFrom(f, len(list), func(i int) string { return FoldName(list[i]) }); s != "" {
		for _, l := range list {
			if FoldName(l) == s {
				return l
			}
		}
	}
	return ""
}

// unlisted reports a name that is not one of the assessment's list.
func (r *reader) unlisted(n *yaml.Node, key, what, name string, list []string) {
	r.errorf(n, "%s: %s", key, unlistedMessage(what, name, list))
}

// checkRespondents checks every respondent's team and role. With a list in
// assessment.yaml, a name that is not listed is an error. Without one,
// names are compared after FoldName: the variants of one name count as one
// group under the first spelling met in file order, and each other spelling
// is a warning at its first use.
func checkRespondents(a *Assessment, responses []*Response) Problems {
	var probs Problems
	for _, kind := range []struct {
		what string
		list []string
		get  func(*Respondent) (*string, Pos)
	}{
		{"team", a.Teams, func(p *Respondent) (*string, Pos) { return &p.Team, p.TeamPos }},
		{"role", a.Roles, func(p *Respondent) (*string, Pos) { return &p.Role, p.RolePos }},
	} {
		first := map[string]string{}     // folded name → first spelling
		firstFile := map[string]string{} // folded name → file of the first spelling
		warned := map[string]bool{}
		for _, resp := range responses {
			name, pos := kind.get(&resp.Respondent)
			if *name == "" {
				continue
			}
			if len(kind.list) > 0 {
				if msg := unlistedMessage(kind.what, *name, kind.list); msg != "" {
					probs = append(probs, Problem{File: resp.File, Line: pos.Line, Column: pos.Column,
						Message: "respondent." + kind.what + ": " + msg})
				}
				continue
			}
			f := FoldName(*name)
			canon, seen := first[f]
			if !seen {
				first[f], firstFile[f] = *name, resp.File
				continue
			}
			if canon == *name {
				continue
			}
			if !warned[*name] {
				warned[*name] = true
				probs = append(probs, Problem{File: resp.File, Line: pos.Line, Column: pos.Column, Severity: Warning,
					Message: fmt.Sprintf("respondent.%s: %q is another spelling of %q (first in %s); counted as %q, write it one way or list the %ss in assessment.yaml",
						kind.what, *name, canon, firstFile[f], canon, kind.what)})
			}
			*name = canon
		}
	}
	return probs
}
