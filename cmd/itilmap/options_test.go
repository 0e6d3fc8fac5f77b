package main

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/spf13/cobra"
)

// parse runs cmd on argv with a runF that only records the options, and
// returns the error of parsing (nil when runF was reached).
func parse(t *testing.T, c *cobra.Command, argv ...string) error {
	t.Helper()
	c.SetArgs(argv)
	c.SetOut(io.Discard)
	c.SetErr(io.Discard)
	c.SilenceErrors, c.SilenceUsage = true, true
	typedArgs(c)
	return c.Execute()
}

// TestArgvToOptions pins, for each command, how a command line becomes its
// options, apart from the work the command does.
func TestArgvToOptions(t *testing.T) {
	t.Run("assess", func(t *testing.T) {
		var got *assessOptions
		c := newAssessCmd(func(o *assessOptions) error { got = o; return nil })
		if err := parse(t, c, "acme", "--by", "team", "-f", "json"); err != nil {
			t.Fatal(err)
		}
		if got.Input.Dir != "acme" || got.Input.Example || got.By != "team" || got.Format != "json" {
			t.Errorf("options %+v", got)
		}
		if err := parse(t, newAssessCmd(func(*assessOptions) error { return nil }), "--example", "acme"); exitCode(err) != exitUsage {
			t.Errorf("DIR and --example: %v, want a usage error", err)
		}
	})
	t.Run("outcomes", func(t *testing.T) {
		var got *outcomesOptions
		if err := parse(t, newOutcomesCmd(func(o *outcomesOptions) error { got = o; return nil }), "--example", "--format", "yaml"); err != nil {
			t.Fatal(err)
		}
		if !got.Input.Example || got.Input.Dir != "" || got.Format != "yaml" {
			t.Errorf("options %+v", got)
		}
	})
	t.Run("roadmap", func(t *testing.T) {
		var got *roadmapOptions
		if err := parse(t, newRoadmapCmd(func(o *roadmapOptions) error { got = o; return nil }), "acme", "--capacity", "2", "--start", "2027-02-01"); err != nil {
			t.Fatal(err)
		}
		if got.Input.Dir != "acme" || got.Capacity != 2 || got.Start != "2027-02-01" || got.Format != "table" {
			t.Errorf("options %+v", got)
		}
		for _, bad := range [][]string{{"acme", "--capacity", "0"}, {"acme", "--start", "02/01/2027"}} {
			if err := parse(t, newRoadmapCmd(func(*roadmapOptions) error { return nil }), bad...); exitCode(err) != exitUsage {
				t.Errorf("%v: %v, want a usage error", bad, err)
			}
		}
	})
	t.Run("report", func(t *testing.T) {
		var got *reportOptions
		if err := parse(t, newReportCmd(func(o *reportOptions) error { got = o; return nil }), "acme", "-o", "out", "--pdf"); err != nil {
			t.Fatal(err)
		}
		if got.Input.Dir != "acme" || got.OutDir != "out" || !got.PDF || got.XLSX {
			t.Errorf("options %+v", got)
		}
	})
	t.Run("compare", func(t *testing.T) {
		var got *compareOptions
		if err := parse(t, newCompareCmd(func(o *compareOptions) error { got = o; return nil }), "y1", "y2", "y3"); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Dirs, []string{"y1", "y2", "y3"}) {
			t.Errorf("options %+v", got)
		}
		if err := parse(t, newCompareCmd(func(*compareOptions) error { return nil }), "y1"); exitCode(err) != exitUsage {
			t.Errorf("one folder: %v, want a usage error", err)
		}
	})
	t.Run("init", func(t *testing.T) {
		var got *initOptions
		if err := parse(t, newInitCmd(func(o *initOptions) error { got = o; return nil }), "acme", "-q", "itil4-quick"); err != nil {
			t.Fatal(err)
		}
		if got.Dir != "acme" || got.Questionnaire != "itil4-quick" {
			t.Errorf("options %+v", got)
		}
	})
	t.Run("validate", func(t *testing.T) {
		var got *validateOptions
		if err := parse(t, newValidateCmd(func(o *validateOptions) error { got = o; return nil }), "a", "b.yaml"); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Paths, []string{"a", "b.yaml"}) {
			t.Errorf("options %+v", got)
		}
	})
	t.Run("schema", func(t *testing.T) {
		var got *schemaOptions
		if err := parse(t, newSchemaCmd(func(o *schemaOptions) error { got = o; return nil }), "response"); err != nil {
			t.Fatal(err)
		}
		if got.Kind != "response" {
			t.Errorf("options %+v", got)
		}
	})
	t.Run("import", func(t *testing.T) {
		var got *importOptions
		if err := parse(t, newImportCmd(func(o *importOptions) error { got = o; return nil }), "a.xlsx", "b.xlsx", "-o", "acme", "--force"); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Files, []string{"a.xlsx", "b.xlsx"}) || got.OutDir != "acme" || !got.Force {
			t.Errorf("options %+v", got)
		}
	})
	t.Run("template", func(t *testing.T) {
		var got *templateOptions
		if err := parse(t, newTemplateCmd(func(o *templateOptions) error { got = o; return nil }), "--questionnaire", "itil4-quick", "-o", "c.xlsx"); err != nil {
			t.Fatal(err)
		}
		if got.Questionnaire != "itil4-quick" || got.Output != "c.xlsx" {
			t.Errorf("options %+v", got)
		}
	})
}

// TestRunWithInjectedBuild: a command's run function takes only its
// options; with the pipeline injected, it prints the result on stdout and
// every warning once on stderr.
func TestRunWithInjectedBuild(t *testing.T) {
	calls := 0
	build := func(in roadmap.Input) (*roadmap.Result, assess.Problems) {
		calls++
		res, probs := roadmap.Build(roadmap.Input{Source: assess.FromFS(examples.FS), Dir: examples.Acme})
		return res, probs
	}
	var out, errs bytes.Buffer
	opts := &outcomesOptions{IO: iostreams{Out: &out, Err: &errs}, Input: assessmentInput{Dir: "anything", Build: build}, formatFlag: formatFlag{Format: "json"}}
	if err := outcomesRun(opts); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("the pipeline ran %d times, want once", calls)
	}
	if !strings.HasPrefix(out.String(), "{") || !strings.Contains(out.String(), `"outcomes"`) {
		t.Errorf("stdout is not the outcomes JSON:\n%s", out.String())
	}
	if strings.Contains(out.String(), "warning") || !strings.Contains(errs.String(), "warning") {
		t.Errorf("warnings belong on stderr only:\nstdout %s\nstderr %s", out.String(), errs.String())
	}
}

// exitCode maps an error to its exit code the way main does, by type.
func exitCode(err error) int {
	return execute(&cobra.Command{Use: "x", SilenceErrors: true, SilenceUsage: true, RunE: func(*cobra.Command, []string) error { return err }}, nil, io.Discard)
}
