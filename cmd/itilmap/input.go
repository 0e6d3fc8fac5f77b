package main

import (
	"fmt"
	"io"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/spf13/cobra"
)

// assessmentInput is the DIR argument or --example flag of every command
// that reads an assessment.
type assessmentInput struct {
	Dir     string
	Example bool
	// Build runs the pipeline; roadmap.Build when nil. Tests inject their own.
	Build func(roadmap.Input) (*roadmap.Result, assess.Problems)
}

func (in *assessmentInput) addFlags(c *cobra.Command) {
	c.Flags().BoolVar(&in.Example, "example", false, "use the built-in example assessment instead of DIR")
}

// args takes DIR from the arguments, or none with --example.
func (in *assessmentInput) args(c *cobra.Command, args []string) error {
	switch {
	case in.Example && len(args) > 0:
		return usageError(c.CommandPath(), "give either DIR or --example, not both")
	case !in.Example && len(args) != 1:
		return usageError(c.CommandPath(), "expected one assessment folder DIR (or --example), got %d arguments", len(args))
	case len(args) == 1:
		in.Dir = args[0]
	}
	return nil
}

// source is where the assessment is read from: the folder, or the
// embedded example.
func (in *assessmentInput) source() (assess.Source, string) {
	if in.Example {
		return assess.FromFS(examples.FS), examples.Acme
	}
	return assess.Disk{}, in.Dir
}

// build runs the pipeline (load, score, outcomes, plan, and progress when
// baseline is not empty) and prints every warning once. Errors come back as
// assess.Problems, every one of them.
func (in *assessmentInput) build(stderr io.Writer, so assess.ScoreOptions, po roadmap.PlanOptions, baseline string) (*roadmap.Result, error) {
	src, dir := in.source()
	build := in.Build
	if build == nil {
		build = roadmap.Build
	}
	res, probs := build(roadmap.Input{Source: src, Dir: dir, Baseline: baseline, BaselineSource: assess.Disk{}, Score: so, Plan: po})
	printWarnings(stderr, probs)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// printWarnings writes the warnings among probs to w, one a line. It is
// the one place where warnings are printed.
func printWarnings(w io.Writer, probs assess.Problems) {
	for _, p := range probs.Warnings() {
		fmt.Fprintln(w, p)
	}
}
