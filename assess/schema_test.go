package assess

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// schemaObjects names, for each kind, every object of its JSON Schema whose
// keys are fixed, by a slash-separated path from the schema's root, and the
// Go field list that the loader accepts there. The two must never drift.
var schemaObjects = map[string][]struct {
	path   string
	fields []string
}{
	"questionnaire": {
		{"", questionnaireFields},
		{"properties/scale", scaleFields},
		{"definitions/dimension", dimensionFields},
		{"definitions/role", roleFields},
		{"definitions/metric", metricFields},
		{"definitions/practice", practiceFields},
		{"definitions/practice/properties/refs", refFields},
		{"definitions/dependency/anyOf/1", dependencyFields},
		{"definitions/practice/properties/actions", actionFields},
		{"definitions/action/anyOf/1", actionItemFields},
		{"definitions/question", questionFields},
	},
	"response": {
		{"", responseFields},
		{"properties/respondent", respondentFields},
		{"definitions/answer", answerFields},
	},
	"painpoints": {
		{"", painpointsFields},
		{"definitions/painpoint", painpointFields},
		{"definitions/metricGoal", metricGoalFields},
	},
	"assessment": {
		{"", assessmentFields},
		{"definitions/owners", ownerFields},
		{"properties/plan", planFields},
		{"properties/plan/properties/months", PhaseIDs},
		{"properties/readiness", ReadinessItems},
		{"properties/scoring", scoringFields},
	},
}

func TestSchemaFieldsMatchLoader(t *testing.T) {
	for _, kind := range SchemaKinds {
		t.Run(kind, func(t *testing.T) {
			data, err := Schema(kind)
			if err != nil {
				t.Fatal(err)
			}
			var root map[string]any
			if err := json.Unmarshal(data, &root); err != nil {
				t.Fatalf("schema is not valid JSON: %v", err)
			}
			if got, want := root["$id"], "https://github.com/itilmap/itilmap/schema/"+kind+".json"; got != want {
				t.Errorf("$id = %v, want %s", got, want)
			}
			if got := root["$schema"]; got != "http://json-schema.org/draft-07/schema#" {
				t.Errorf("$schema = %v, want draft-07", got)
			}
			if got := lookup(root, "properties/kind/const"); got != kind {
				t.Errorf("properties.kind.const = %v, want %q", got, kind)
			}

			checked := map[string]bool{}
			for _, o := range schemaObjects[kind] {
				checked[o.path] = true
				obj, ok := lookup(root, o.path).(map[string]any)
				if !ok {
					t.Errorf("%s: no object at %q", kind, o.path)
					continue
				}
				if obj["additionalProperties"] != false {
					t.Errorf("%s %q: additionalProperties should be false", kind, o.path)
				}
				props, _ := obj["properties"].(map[string]any)
				if got, want := sortedKeys(props), sorted(o.fields); !slices.Equal(got, want) {
					t.Errorf("%s %q: schema properties %v, loader fields %v", kind, o.path, got, want)
				}
				for _, p := range props {
					if d, _ := p.(map[string]any)["description"].(string); d == "" {
						t.Errorf("%s %q: a property has no description", kind, o.path)
					}
				}
				req, _ := obj["required"].([]any)
				for _, r := range req {
					if _, ok := props[r.(string)]; !ok {
						t.Errorf("%s %q: required %q is not a property", kind, o.path, r)
					}
				}
			}
			// every fixed-key object of the schema must be in the table
			walk(root, "", func(path string, obj map[string]any) {
				if obj["additionalProperties"] == false && !checked[path] {
					t.Errorf("%s %q: fixed-key object missing from schemaObjects", kind, path)
				}
			})
		})
	}
}

func TestSchemaUnknownKind(t *testing.T) {
	_, err := Schema("nope")
	if err == nil || !strings.Contains(err.Error(), `unknown kind "nope"`) {
		t.Fatalf("Schema(nope) error = %v, want unknown kind", err)
	}
	if !sort.StringsAreSorted(SchemaKinds) {
		t.Error("SchemaKinds must be sorted")
	}
}

// lookup follows a slash-separated path of object keys and list indexes;
// "" is the root.
func lookup(v any, path string) any {
	if path == "" {
		return v
	}
	for _, k := range strings.Split(path, "/") {
		switch c := v.(type) {
		case map[string]any:
			v = c[k]
		case []any: // a list entry, by its index
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			v = c[i]
		default:
			return nil
		}
	}
	return v
}

// walk calls f on every object nested in v, with its path.
func walk(v any, path string, f func(string, map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		f(path, v)
		for k, c := range v {
			walk(c, strings.TrimPrefix(path+"/"+k, "/"), f)
		}
	case []any:
		for i, c := range v {
			walk(c, strings.TrimPrefix(path+"/"+strconv.Itoa(i), "/"), f)
		}
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return s
}
