package assess

import (
	"slices"
	"testing"

	"github.com/itilmap/itilmap/questionnaires"
)

// The fixtures below add what assessments and questionnaires allow beside the basic
// ones of load_test.go: questionnaire roles, question audiences, guides,
// maps_to, refs, depends_on from a phase and actions naming a dimension;
// and in assessment.yaml the teams, roles and audience table. Loaded with
// the response of load_test.go they give no problem. The trailing numbers
// are line numbers.

const rolesQuestionnaire = `kind: questionnaire
id: tq
version: 1.0.0
title: Questionnaire with roles
scale: {min: 0, max: 5}                                              # 5
dimensions:
  - {id: people, name: People}
  - {id: process, name: Process}
roles:
  - {id: agent, name: Service desk agent}                            # 10
  - {id: manager, name: Process owner}                               # 11
metrics:
  - {id: mttr, name: Mean time to restore, unit: h, better: down}
  - {id: fcr, name: First-contact resolution, unit: "%", better: up}
practices:
  - id: service-desk                                                 # 16
    name: Service desk
    refs: {iso20000: ["8.6.1", "8.6"], cobit2019: [DSS02]}           # 18
    actions:
      stabilize:
        - Log every call                                             # 21
        - {text: Train agents on the top ten calls, dimension: people}  # 22
    questions:
      - {id: SD-1, dimension: people, audience: [agent], text: Agents resolve common calls.}   # 24
      - {id: SD-2, dimension: process, text: Every call is logged., guide: {1: Some calls are logged., 3: Every call is logged.}}   # 25
  - id: incident-management                                          # 26
    name: Incident management
    depends_on: [{practice: service-desk, from: standardize}]        # 28
    questions:
      - {id: IM-1, dimension: process, audience: [manager], maps_to: [IM-PR-1], text: Incidents are prioritised one way.}   # 30
      - {id: IM-2, dimension: people, audience: [agent, manager], text: Major incidents have a lead.}   # 31
`

const rolesAssessment = `kind: assessment
id: test-2026q4
organization: Test Org
date: 2026-11-02                                                      # 4
questionnaire: tq.yaml
teams: [desk, ops]                                                    # 6
roles: [agent, lead, owner]                                           # 7
audience: {agent: agent, lead: [agent, manager], owner: manager}      # 8
`

func rolesFolder(changes map[string]string) map[string]string {
	files := map[string]string{"tq.yaml": rolesQuestionnaire, "assessment.yaml": rolesAssessment}
	for k, v := range changes {
		files[k] = v
	}
	return files
}

func TestRolesFixtureLoads(t *testing.T) {
	a, probs := Load(FromFS(folder(rolesFolder(nil))), "a")
	checkProblems(t, probs, nil)
	q := a.Questionnaire
	if got := q.RoleIDs(); !slices.Equal(got, []string{"agent", "manager"}) {
		t.Errorf("roles %v", got)
	}
	sd, im := q.Practice("service-desk"), q.Practice("incident-management")
	if !slices.Equal(sd.Refs.ISO20000, []string{"8.6.1", "8.6"}) || !slices.Equal(sd.Refs.COBIT2019, []string{"DSS02"}) {
		t.Errorf("refs %+v", sd.Refs)
	}
	if want := []Action{{Text: "Log every call"}, {Text: "Train agents on the top ten calls", Dimension: "people"}}; !slices.Equal(sd.Actions.Phase(Stabilize), want) {
		t.Errorf("stabilize actions %+v, want %+v", sd.Actions.Phase(Stabilize), want)
	}
	if !slices.Equal(sd.Actions.Stabilize, []string{"Log every call", "Train agents on the top ten calls"}) {
		t.Errorf("stabilize texts %q", sd.Actions.Stabilize)
	}
	if want := []Dependency{{Practice: "service-desk", From: Standardize}}; !slices.Equal(im.Dependencies, want) || !slices.Equal(im.DependsOn, []string{"service-desk"}) {
		t.Errorf("dependencies %+v, depends_on %v", im.Dependencies, im.DependsOn)
	}
	if d := im.Dependencies[0]; d.Binds(Stabilize) || !d.Binds(Standardize) || !d.Binds(Optimize) {
		t.Errorf("a dependency from standardize binds stabilize %v, standardize %v, optimize %v", d.Binds(Stabilize), d.Binds(Standardize), d.Binds(Optimize))
	}
	if g := q.Question("SD-2").Guide; len(g) != 2 || g[1] != "Some calls are logged." || g[3] != "Every call is logged." {
		t.Errorf("guide %v", g)
	}
	if m := q.Question("IM-1").MapsTo; !slices.Equal(m, []string{"IM-PR-1"}) {
		t.Errorf("maps_to %v", m)
	}
	if !slices.Equal(a.Teams, []string{"desk", "ops"}) || !slices.Equal(a.Roles, []string{"agent", "lead", "owner"}) {
		t.Errorf("teams %v roles %v", a.Teams, a.Roles)
	}
	if got := a.Audience["lead"]; !slices.Equal(got, []string{"agent", "manager"}) {
		t.Errorf("audience of lead %v", got)
	}
}

func questionIDs(qs []*Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

// Which questions each role is put to: agent maps to agent, owner to
// manager, lead to both; a role not in the table (or no role) gets every
// question; SD-2 has no audience and goes to everyone.
func TestQuestionsFor(t *testing.T) {
	a, probs := Load(FromFS(folder(rolesFolder(nil))), "a")
	checkProblems(t, probs, nil)
	for _, c := range []struct {
		role string
		want []string
	}{
		{"agent", []string{"SD-1", "SD-2", "IM-2"}},
		{"owner", []string{"SD-2", "IM-1", "IM-2"}},
		{"lead", []string{"SD-1", "SD-2", "IM-1", "IM-2"}},
		{"Lead", []string{"SD-1", "SD-2", "IM-1", "IM-2"}},
		{"Owner", []string{"SD-2", "IM-1", "IM-2"}}, // the table is read like the names: case, spaces, hyphens folded
		{"cio", []string{"SD-1", "SD-2", "IM-1", "IM-2"}},
		{"", []string{"SD-1", "SD-2", "IM-1", "IM-2"}},
	} {
		if got := questionIDs(a.QuestionsFor(c.role)); !slices.Equal(got, c.want) {
			t.Errorf("QuestionsFor(%q) = %v, want %v", c.role, got, c.want)
		}
	}
	q := a.Questionnaire
	for _, c := range []struct {
		roles []string
		want  []string
	}{
		{[]string{"agent"}, []string{"SD-1", "SD-2", "IM-2"}},
		{[]string{"manager"}, []string{"SD-2", "IM-1", "IM-2"}},
		{[]string{"agent", "manager"}, []string{"SD-1", "SD-2", "IM-1", "IM-2"}},
		{nil, []string{"SD-1", "SD-2", "IM-1", "IM-2"}},
		{[]string{"executive"}, []string{"SD-2"}},
	} {
		if got := questionIDs(q.QuestionsForRoles(c.roles...)); !slices.Equal(got, c.want) {
			t.Errorf("QuestionsForRoles(%q) = %v, want %v", c.roles, got, c.want)
		}
	}
}

func TestRolesQuestionnaireErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown audience role, did you mean", "audience: [agent], text", "audience: [agnet], text",
			[]string{`tq.yaml:24:50: audience: unknown role "agnet" (did you mean "agent"?)`}},
		{"unknown audience role, no suggestion", "audience: [agent, manager]", "audience: [agent, cio]",
			[]string{`tq.yaml:31:57: audience: unknown role "cio"`}},
		{"audience without roles", "roles:\n  - {id: agent, name: Service desk agent}                            # 10\n  - {id: manager, name: Process owner}                               # 11\n", "",
			[]string{
				`tq.yaml:21:50: audience: unknown role "agent"; the questionnaire defines no roles (add them under roles:)`,
				`tq.yaml:27:51: audience: unknown role "manager"; the questionnaire defines no roles (add them under roles:)`,
				`tq.yaml:28:50: audience: unknown role "agent"; the questionnaire defines no roles (add them under roles:)`,
				`tq.yaml:28:57: audience: unknown role "manager"; the questionnaire defines no roles (add them under roles:)`,
			}},
		{"duplicate role", "{id: manager, name: Process owner}", "{id: agent, name: Process owner}",
			[]string{
				`tq.yaml:11:10: id: role "agent" is defined twice`,
				`tq.yaml:30:51: audience: unknown role "manager"`,
				`tq.yaml:31:57: audience: unknown role "manager"`,
			}},
		{"guide level outside the scale", "guide: {1: Some", "guide: {7: Some",
			[]string{`tq.yaml:25:77: guide: level 7 is outside the scale 0..5`}},
		{"guide level not a number", "guide: {1: Some", "guide: {low: Some",
			[]string{`tq.yaml:25:77: guide: expected a whole number, found "low"`}},
		{"guide text empty", "3: Every call is logged.}", "3: ''}",
			[]string{`tq.yaml:25:107: guide.3: expected text, found an empty string`}},
		{"maps_to not an id", "maps_to: [IM-PR-1]", "maps_to: [IM PR 1]",
			[]string{`tq.yaml:30:71: maps_to: "IM PR 1" is not a valid id; use letters, digits, '.', '_' and '-'`}},
		{"iso20000 clause out of range", `"8.6.1", "8.6"`, `"8.6.1", "3.1"`,
			[]string{`tq.yaml:18:32: refs.iso20000: "3.1" is not a clause of ISO/IEC 20000-1:2018; write its number, like 8.5.1 (4 to 10, then sub-clauses)`}},
		{"iso20000 clause not a number", `"8.6.1", "8.6"`, `"8.6.1", "8.x"`,
			[]string{`tq.yaml:18:32: refs.iso20000: "8.x" is not a clause of ISO/IEC 20000-1:2018; write its number, like 8.5.1 (4 to 10, then sub-clauses)`}},
		{"cobit2019 objective out of range", "cobit2019: [DSS02]", "cobit2019: [DSS07]",
			[]string{`tq.yaml:18:52: refs.cobit2019: "DSS07" is not a COBIT 2019 objective; write its id, like BAI06 (EDM01-05, APO01-14, BAI01-11, DSS01-06, MEA01-04) (did you mean "DSS01"?)`}},
		{"cobit2019 objective in lower case", "cobit2019: [DSS02]", "cobit2019: [dss02]",
			[]string{`tq.yaml:18:52: refs.cobit2019: "dss02" is not a COBIT 2019 objective; write its id, like BAI06 (EDM01-05, APO01-14, BAI01-11, DSS01-06, MEA01-04) (did you mean "DSS02"?)`}},
		{"unknown ref key", "refs: {iso20000:", "refs: {iso2000:",
			[]string{`tq.yaml:18:12: unknown field "iso2000" (did you mean "iso20000"?)`}},
		{"unknown ref key, no suggestion", "refs: {iso20000:", "refs: {itil:",
			[]string{`tq.yaml:18:12: unknown field "itil"; expected one of iso20000, cobit2019`}},
		{"bad from", "from: standardize}", "from: standardise}",
			[]string{`tq.yaml:28:49: depends_on.from: unknown phase "standardise" (did you mean "standardize"?)`}},
		{"from not a phase", "from: standardize}", "from: later}",
			[]string{`tq.yaml:28:49: depends_on.from: expected stabilize, standardize or optimize, found "later"`}},
		{"dependency without practice", "{practice: service-desk, from: standardize}", "{from: standardize}",
			[]string{`tq.yaml:28:18: depends_on: missing required field "practice"`}},
		{"unknown practice in a dependency mapping", "{practice: service-desk,", "{practice: service-dsk,",
			[]string{`tq.yaml:28:29: depends_on: unknown practice "service-dsk" (did you mean "service-desk"?)`}},
		{"bad action dimension", "dimension: people}  # 22", "dimension: peple}  # 22",
			[]string{`tq.yaml:22:64: actions.stabilize.dimension: unknown dimension "peple" (did you mean "people"?)`}},
		{"action without text", "{text: Train agents on the top ten calls, dimension: people}", "{dimension: people}",
			[]string{`tq.yaml:22:11: action: missing required field "text"`}},
		{"unknown action field", "{text: Train agents on the top ten calls, dimension: people}", "{txt: Train agents on the top ten calls, dimension: people}",
			[]string{
				`tq.yaml:22:11: action: missing required field "text"`,
				`tq.yaml:22:12: unknown field "txt" (did you mean "text"?)`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, probs := ParseQuestionnaire("tq.yaml", []byte(edit(rolesQuestionnaire, tt.old, tt.new)))
			checkProblems(t, probs, tt.want)
			if q == nil {
				t.Error("a questionnaire with content errors should still be returned")
			}
		})
	}
}

func TestRolesLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown questionnaire role in audience, did you mean",
			map[string]string{"assessment.yaml": edit(rolesAssessment, "owner: manager}", "owner: manger}")},
			[]string{`a/assessment.yaml:8:57: audience.owner: unknown role "manger" (did you mean "manager"?)`}},
		{"unknown questionnaire role in an audience list",
			map[string]string{"assessment.yaml": edit(rolesAssessment, "[agent, manager]", "[agent, executive]")},
			[]string{`a/assessment.yaml:8:40: audience.lead: unknown role "executive"`}},
		{"audience role not among the roles",
			map[string]string{"assessment.yaml": edit(rolesAssessment, "owner: manager}", "ownr: manager}")},
			[]string{`a/assessment.yaml:8:50: audience: "ownr" is not one of the assessment's roles (did you mean "owner"?)`}},
		{"audience value not an id",
			map[string]string{"assessment.yaml": edit(rolesAssessment, "owner: manager}", "owner: {a: b}}")},
			[]string{`a/assessment.yaml:8:57: audience.owner: expected text, found a mapping`}},
		{"team near miss with a list",
			map[string]string{"assessment.yaml": edit(rolesAssessment, "teams: [desk, ops]", "teams: [service-desk, ops]"),
				"responses/r1.yaml": edit(testResponse, "team: desk}", "team: Service Desk}")},
			[]string{`a/responses/r1.yaml:3:56: respondent.team: "Service Desk" is not one of the assessment's teams (did you mean "service-desk"?)`}},
		{"team typo with a list",
			map[string]string{"responses/r1.yaml": edit(testResponse, "team: desk}", "team: dsk}")},
			[]string{`a/responses/r1.yaml:3:56: respondent.team: "dsk" is not one of the assessment's teams (did you mean "desk"?)`}},
		{"team typo in another spelling, with a list",
			map[string]string{"assessment.yaml": edit(rolesAssessment, "teams: [desk, ops]", "teams: [service-desk, ops]"),
				"responses/r1.yaml": edit(testResponse, "team: desk}", "team: Servce Desk}")},
			[]string{`a/responses/r1.yaml:3:56: respondent.team: "Servce Desk" is not one of the assessment's teams (did you mean "service-desk"?)`}},
		{"role not in the list",
			map[string]string{"responses/r1.yaml": edit(testResponse, "role: agent,", "role: auditor,")},
			[]string{`a/responses/r1.yaml:3:43: respondent.role: "auditor" is not one of the assessment's roles; expected one of agent, lead, owner`}},
		{"team listed twice in two spellings",
			map[string]string{"assessment.yaml": edit(rolesAssessment, "teams: [desk, ops]", "teams: [desk, ops, Desk]")},
			[]string{`a/assessment.yaml:6:20: teams: "desk" and "Desk" are the same name written two ways; keep one`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load(FromFS(folder(rolesFolder(tt.files))), "a")
			checkProblems(t, probs, tt.want)
		})
	}
}

// Without lists of teams and roles, names are compared after folding case,
// spaces, hyphens and underscores; each other spelling is a warning at its
// first use, and all count as one group under the first spelling in file
// order.
func TestVariantNamesWithoutLists(t *testing.T) {
	r2 := edit(edit(edit(testResponse, "id: r1,", "id: r2,"), "team: desk}", "team: Service Desk}"), "role: agent,", "role: Agent,")
	r3 := edit(edit(testResponse, "id: r1,", "id: r3,"), "team: desk}", "team: service_desk}")
	r4 := edit(edit(testResponse, "id: r1,", "id: r4,"), "team: desk}", "team: Service Desk}")
	a, probs := Load(FromFS(folder(map[string]string{
		"responses/r1.yaml": edit(testResponse, "team: desk}", "team: service-desk}"),
		"responses/r2.yaml": r2, "responses/r3.yaml": r3, "responses/r4.yaml": r4,
	})), "a")
	checkProblems(t, probs, []string{
		`a/responses/r2.yaml:3:43: warning: respondent.role: "Agent" is another spelling of "agent" (first in a/responses/r1.yaml); counted as "agent", write it one way or list the roles in assessment.yaml`,
		`a/responses/r2.yaml:3:56: warning: respondent.team: "Service Desk" is another spelling of "service-desk" (first in a/responses/r1.yaml); counted as "service-desk", write it one way or list the teams in assessment.yaml`,
		`a/responses/r3.yaml:3:56: warning: respondent.team: "service_desk" is another spelling of "service-desk" (first in a/responses/r1.yaml); counted as "service-desk", write it one way or list the teams in assessment.yaml`,
	})
	res := Score(a, ScoreOptions{ByRole: true})
	if !slices.Equal(res.Teams, []string{"service-desk"}) || !slices.Equal(res.Roles, []string{"agent"}) {
		t.Errorf("teams %v roles %v, want one of each", res.Teams, res.Roles)
	}
}

// unanswered questions that the respondent's audience does not
// include are not warned about. r1 is an agent, put SD-1, SD-2 and IM-2;
// leaving IM-1 (managers only) out is fine, leaving SD-2 out is not. An
// answer to a question not put to the respondent counts as usual.
func TestUnansweredFollowsAudience(t *testing.T) {
	t.Run("only the questions put to the role", func(t *testing.T) {
		_, probs := Load(FromFS(folder(rolesFolder(map[string]string{
			"responses/r1.yaml": edit(edit(testResponse, "  IM-1: {documented: 2, actual: 1, evidence: Runbook v3}              # 8\n", ""),
				"  SD-2: {documented: 4, actual: na}                                   # 7\n", ""),
		}))), "a")
		checkProblems(t, probs, []string{`a/responses/r1.yaml: warning: respondent "r1" left 1 of 3 questions in scope unanswered (SD-2)`})
	})
	t.Run("an answer not asked for counts", func(t *testing.T) {
		a, probs := Load(FromFS(folder(rolesFolder(nil))), "a")
		checkProblems(t, probs, nil)
		res := Score(a, ScoreOptions{})
		for _, qs := range res.Questions {
			if qs.ID == "IM-1" && (qs.N != 1 || !qs.Actual.Valid || qs.Actual.Value != 1) {
				t.Errorf("IM-1, answered by an agent it is not put to: n %d actual %+v; want 1 and 1", qs.N, qs.Actual)
			}
		}
	})
}

// the built-in library's maps_to ids name questions that exist in
// another built-in questionnaire (the quick check's point to itil4-core).
func TestBuiltinMapsToExist(t *testing.T) {
	var all []*Questionnaire
	for _, id := range questionnaires.IDs() {
		q, probs := LoadQuestionnaire(nil, id, "")
		if q == nil || probs.HasErrors() {
			t.Fatalf("%s: %v", id, probs)
		}
		all = append(all, q)
	}
	for _, q := range all {
		for _, qu := range q.Questions {
			for _, m := range qu.MapsTo {
				found := false
				for _, other := range all {
					if other != q && other.Question(m) != nil {
						found = true
					}
				}
				if !found {
					t.Errorf("%s %s: maps_to %q is in no other built-in questionnaire", q.ID, qu.ID, m)
				}
			}
		}
	}
}
