package assess_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/questionnaires"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// compileSchemas compiles the JSON Schema of every kind with a real JSON
// Schema implementation, the way an editor would use them.
func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, kind := range assess.SchemaKinds {
		data, err := assess.Schema(kind)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("schema %s: %v", kind, err)
		}
		url := "https://itilmap.invalid/" + kind + ".json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatalf("schema %s: %v", kind, err)
		}
		s, err := c.Compile(url)
		if err != nil {
			t.Fatalf("schema %s does not compile: %v", kind, err)
		}
		out[kind] = s
	}
	return out
}

// jsonValue turns a YAML document into the JSON value an editor's schema
// check sees: mapping keys as strings, timestamps as their date.
func jsonValue(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var conv func(any) any
	conv = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			m := map[string]any{}
			for k, e := range v {
				m[k] = conv(e)
			}
			return m
		case map[any]any:
			m := map[string]any{}
			for k, e := range v {
				m[fmt.Sprint(k)] = conv(e)
			}
			return m
		case []any:
			for i := range v {
				v[i] = conv(v[i])
			}
			return v
		case time.Time:
			return v.Format("2006-01-02")
		}
		return v
	}
	b, err := json.Marshal(conv(v))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSchemasAcceptWhatTheLoaderAccepts validates the example assessment
// and every built-in questionnaire, which the loader accepts, against the
// JSON Schemas: the schemas and the loader cannot drift apart unnoticed.
func TestSchemasAcceptWhatTheLoaderAccepts(t *testing.T) {
	schemas := compileSchemas(t)
	check := func(name, kind string, data []byte) {
		t.Helper()
		if _, probs := assess.CheckFile(assess.FromFS(oneFile(name, data)), name); probs.HasErrors() {
			t.Fatalf("%s: the loader refuses it: %v", name, probs.Errors())
		}
		if err := schemas[kind].Validate(jsonValue(t, data)); err != nil {
			t.Errorf("%s (%s): the loader accepts it, the schema does not:\n%v", name, kind, err)
		}
	}
	n := 0
	err := fs.WalkDir(examples.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".yaml" || strings.HasPrefix(path.Base(p), "_") {
			return err
		}
		data, err := fs.ReadFile(examples.FS, p)
		if err != nil {
			return err
		}
		kind := assess.KindResponse
		switch path.Base(p) {
		case "assessment.yaml":
			kind = assess.KindAssessment
		case "painpoints.yaml":
			kind = assess.KindPainPoints
		}
		check(p, kind, data)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range questionnaires.IDs() {
		data, _ := questionnaires.Lookup(id)
		check(id+".yaml", assess.KindQuestionnaire, data)
		n++
	}
	if n < 10 {
		t.Fatalf("only %d files checked", n)
	}
}

// TestSchemasRefuseWhatTheLoaderRefuses: mistakes that a schema can
// express are refused by both.
func TestSchemasRefuseWhatTheLoaderRefuses(t *testing.T) {
	schemas := compileSchemas(t)
	cases := []struct{ name, kind, doc string }{
		{"unknown key", assess.KindResponse, "kind: response\nquestionnaire: q\nrespondent: {id: r1}\nanswers:\n  A-1: {documented: 3, actaul: 2}\n"},
		{"rating not a number", assess.KindResponse, "kind: response\nquestionnaire: q\nrespondent: {id: r1}\nanswers:\n  A-1: {documented: high}\n"},
		{"impact out of range", assess.KindPainPoints, "kind: painpoints\npainpoints:\n  - {id: p, title: T, practices: [a], impact: 9, frequency: 1, effort: 1}\n"},
		{"consensus unknown", assess.KindAssessment, "kind: assessment\nid: a\norganization: O\ndate: 2026-11-02\nquestionnaire: itil4-quick\nscoring: {consensus: average}\n"},
		{"question without text", assess.KindQuestionnaire, "kind: questionnaire\nid: q\nversion: 1.0.0\ntitle: T\nscale: {min: 0, max: 5, labels: {0: a, 1: b, 2: c, 3: d, 4: e, 5: f}}\ndimensions: [{id: people, name: People}]\npractices:\n  - id: p\n    name: P\n    questions: [{id: P-1, dimension: people}]\n"},
		{"bad from phase", assess.KindQuestionnaire, "kind: questionnaire\nid: q\nversion: 1.0.0\ntitle: T\nscale: {min: 0, max: 5, labels: {0: a, 1: b, 2: c, 3: d, 4: e, 5: f}}\ndimensions: [{id: people, name: People}]\npractices:\n  - id: p\n    name: P\n    depends_on: [{practice: x, from: later}]\n    questions: [{id: P-1, dimension: people, text: T, help: H}]\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := "case.yaml"
			if _, probs := assess.CheckFile(assess.FromFS(oneFile(name, []byte(c.doc))), name); !probs.HasErrors() {
				t.Errorf("the loader accepts it")
			}
			if err := schemas[c.kind].Validate(jsonValue(t, []byte(c.doc))); err == nil {
				t.Errorf("the schema accepts it")
			}
		})
	}
}

func oneFile(name string, data []byte) fs.FS {
	return fstest.MapFS{name: &fstest.MapFile{Data: data}}
}
