package main

import (
	"fmt"
	"io"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/spf13/cobra"
)

// assessmentInput is the DIR argument or --example flag of every command
// that reads an assessment.
type assessmentInput struct {
	Dir     string
	Example bool
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

// load reads and checks the assessment. Warnings go to stderr and are
// returned; errors are returned as assess.Problems, every one of them.
func (in *assessmentInput) load(stderr io.Writer) (*assess.Assessment, assess.Problems, error) {
	src, dir := assess.Source(assess.Disk{}), in.Dir
	if in.Example {
		src, dir = assess.FromFS(examples.FS), examples.Acme
	}
	a, probs := assess.Load(src, dir)
	printWarnings(stderr, probs)
	if err := probs.Err(); err != nil {
		return nil, nil, err
	}
	return a, probs.Warnings(), nil
}

// score loads and scores the assessment. Every warning, of loading and of
// scoring, goes to stderr and into the result.
func (in *assessmentInput) score(stderr io.Writer, opts assess.ScoreOptions) (*assess.Assessment, *assess.Result, error) {
	a, warnings, err := in.load(stderr)
	if err != nil {
		return nil, nil, err
	}
	res := assess.Score(a, opts)
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: warning: %s\n", a.File, w)
	}
	all := []string{}
	for _, p := range warnings {
		all = append(all, p.String())
	}
	res.Warnings = append(all, res.Warnings...)
	return a, res, nil
}

func printWarnings(w io.Writer, probs assess.Problems) {
	for _, p := range probs.Warnings() {
		fmt.Fprintln(w, p)
	}
}
