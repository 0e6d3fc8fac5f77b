package main

import (
	"fmt"
	"io"
	"regexp"

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

// Repeated warnings: when more than maxAlike warnings have the same shape,
// the first shownAlike are printed and the rest counted.
const (
	maxAlike   = 4
	shownAlike = 3
)

// loadQuestionnaire loads the questionnaire a --questionnaire flag or an
// argument names (a built-in id, or a YAML file relative to the working
// folder), writes its warnings to stderr, and returns its errors as one.
func loadQuestionnaire(stderr io.Writer, ref string) (*assess.Questionnaire, error) {
	q, probs := assess.LoadQuestionnaire(assess.Disk{}, ref, "")
	printWarnings(stderr, probs)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return q, nil
}

// printWarnings writes the warnings among probs to w, one a line, and
// summarises repeated ones: 40 warnings that differ only in their file,
// names and numbers print as three and "…and 37 more like this". It is
// the one place where warnings are printed; the JSON output keeps every
// warning.
func printWarnings(w io.Writer, probs assess.Problems) {
	ws := probs.Warnings()
	count := map[string]int{}
	for _, p := range ws {
		count[warningShape(p)]++
	}
	seen := map[string]int{}
	for _, p := range ws {
		shape := warningShape(p)
		seen[shape]++
		n, k := count[shape], seen[shape]
		switch {
		case n <= maxAlike || k <= shownAlike:
			fmt.Fprintln(w, p)
			if n > maxAlike && k == shownAlike {
				fmt.Fprintf(w, "…and %d more like this\n", n-shownAlike)
			}
		}
	}
}

var (
	shapeQuoted  = regexp.MustCompile(`"[^"]*"`)
	shapeBracket = regexp.MustCompile(`\([^)]*\)`)
	shapeNumber  = regexp.MustCompile(`[0-9]+(\.[0-9]+)?`)
	shapeID      = regexp.MustCompile(`[A-Za-z0-9_.]*[-_][A-Za-z0-9_.-]*`) // ids like incident-management, SD-PR-1
)

// warningShape is a warning's message with what varies from one instance
// to the next (quoted names, lists in brackets, ids, numbers) taken out, so that
// warnings of one kind about different respondents or questions compare
// equal. It only groups what is printed; nothing is decided on it.
func warningShape(p assess.Problem) string {
	s := shapeQuoted.ReplaceAllString(p.Message, `""`)
	s = shapeBracket.ReplaceAllString(s, "()")
	s = shapeID.ReplaceAllString(s, "id")
	return shapeNumber.ReplaceAllString(s, "0")
}
