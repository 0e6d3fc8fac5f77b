package assess

import "testing"

// Paths in assessment.yaml stay inside the assessment folder, and dates
// within the years 1900..9000, each refused at its position.
func TestSettingsPathsAndDates(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"responses empty", "scoring:", `responses: ""` + "\nscoring:",
			[]string{`a/assessment.yaml:9:12: responses: expected text, found an empty string`}},
		{"responses the folder itself", "scoring:", "responses: ./\nscoring:",
			[]string{`a/assessment.yaml:9:12: responses: "./" is the assessment folder itself; give a path inside it, such as responses`}},
		{"responses absolute", "scoring:", "responses: /etc\nscoring:",
			[]string{`a/assessment.yaml:9:12: responses: "/etc" is an absolute path; give a path inside the assessment folder, such as responses`}},
		{"responses outside", "scoring:", "responses: ../other/responses\nscoring:",
			[]string{`a/assessment.yaml:9:12: responses: "../other/responses" leads outside the assessment folder; give a path inside it, such as responses`}},
		{"painpoints absolute", "scoring:", "painpoints: /etc/passwd\nscoring:",
			[]string{`a/assessment.yaml:9:13: painpoints: "/etc/passwd" is an absolute path; give a path inside the assessment folder, such as painpoints.yaml`}},
		{"painpoints in a subfolder", "scoring:", "painpoints: ./sub/../painpoints.yaml\nscoring:", nil},
		{"questionnaire empty", "questionnaire: tq.yaml", `questionnaire: ""`,
			[]string{`a/assessment.yaml:5:16: questionnaire: expected text, found an empty string`}},
		{"plan.start after 9000", "scoring:", "plan: {start: 9001-01-01}\nscoring:",
			[]string{`a/assessment.yaml:9:15: plan.start: 9001-01-01: the year is outside 1900..9000`}},
		{"plan.start in 9000", "scoring:", "plan: {start: 9000-12-01}\nscoring:", nil},
		{"plan.months beyond 60", "scoring:", "plan: {months: {stabilize: 61}}\nscoring:",
			[]string{`a/assessment.yaml:9:28: plan.months.stabilize: 61 is outside 1..60`}},
		{"plan.capacity of 0", "scoring:", "plan: {capacity: 0}\nscoring:",
			[]string{`a/assessment.yaml:9:18: plan.capacity: 0 is outside 1..1000`}},
		{"date before 1900", "date: 2026-11-02", "date: 1899-12-31",
			[]string{`a/assessment.yaml:4:7: date: 1899-12-31: the year is outside 1900..9000`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load(FromFS(folder(map[string]string{"assessment.yaml": edit(testAssessment, tt.old, tt.new)})), "a")
			checkProblems(t, probs.Errors(), tt.want)
		})
	}
}
