package main

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// TestCompareArgs checks that compare turns its command line into options
// without doing the work: a baseline and at least one re-assessment, and a
// known format; anything else is a usage error (exit code 2).
func TestCompareArgs(t *testing.T) {
	tests := []struct {
		args   []string
		dirs   []string
		format string
		usage  string // the usage error expected, "" for none
	}{
		{args: []string{"base", "now"}, dirs: []string{"base", "now"}, format: "table"},
		{args: []string{"base", "q1", "q3", "-f", "json"}, dirs: []string{"base", "q1", "q3"}, format: "json"},
		{args: []string{"base"}, usage: "expected a baseline folder and at least one re-assessment folder, got 1 argument"},
		{args: nil, usage: "expected a baseline folder and at least one re-assessment folder, got 0 arguments"},
		{args: []string{"base", "now", "--format", "pdf"}, usage: `--format "pdf": expected one of table, json, yaml, markdown`},
	}
	for _, tt := range tests {
		var got *compareOptions
		c := newCompareCmd(func(o *compareOptions) error { got = o; return nil })
		c.SetArgs(tt.args)
		c.SetOut(&bytes.Buffer{})
		c.SetErr(&bytes.Buffer{})
		c.SilenceErrors, c.SilenceUsage = true, true
		err := c.Execute()
		if tt.usage != "" {
			var ee *exitError
			if !errors.As(err, &ee) || ee.code != exitUsage || ee.err.Error() != tt.usage {
				t.Errorf("compare %q: error %v, want the usage error %q", tt.args, err, tt.usage)
			}
			if got != nil {
				t.Errorf("compare %q: ran despite the usage error", tt.args)
			}
			continue
		}
		if err != nil {
			t.Errorf("compare %q: %v", tt.args, err)
			continue
		}
		if got == nil || !reflect.DeepEqual(got.Dirs, tt.dirs) || got.Format != tt.format {
			t.Errorf("compare %q: options %+v, want dirs %q, format %s", tt.args, got, tt.dirs, tt.format)
		}
	}
}
