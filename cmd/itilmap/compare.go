package main

import (
	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates/text"
	"github.com/spf13/cobra"
)

type compareOptions struct {
	IO   iostreams
	Dirs []string // the baseline first
	// Build runs the pipeline on each folder; roadmap.Build when nil.
	Build func(roadmap.Input) (*roadmap.Result, assess.Problems)
	formatFlag
}

func newCompareCmd(runF func(*compareOptions) error) *cobra.Command {
	opts := &compareOptions{}
	c := &cobra.Command{
		Use:   "compare BASELINE_DIR CURRENT_DIR...",
		Short: "Compare re-assessments with a baseline: deltas and trend",
		Long: `Compare one or more re-assessments with a baseline assessment. Each folder is
scored with its own settings; the first is the baseline.

It shows the overall, dimension and practice scores of each assessment with the
change since the baseline and the level change (up, down, same); the questions
whose actual consensus moved by at least 0.5 (improved or regressed); and, for
each pain point in both the baseline and the latest assessment, how far its
metric has come:
  progress = (baseline − now) / (baseline − target) × 100
where baseline and target are the baseline assessment's and now is the baseline
the latest assessment records, so 100% means the target is met.

Practices in only some of the assessments are listed, not guessed. Assessments
on different questionnaire versions are compared on the questions they share,
and the share is stated.`,
		Example: "  itilmap compare acme-2026 acme-2027\n  itilmap compare acme-2026 acme-2027q1 acme-2027q3 --format json",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageError(c.CommandPath(), "expected a baseline folder and at least one re-assessment folder, got %d argument%s", len(args), plural.Of(len(args), "", "s"))
			}
			return opts.check(c)
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.Dirs = streams(c), args
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	opts.formatFlag.add(c)
	return c
}

func compareRun(opts *compareOptions) error {
	build := opts.Build
	if build == nil {
		build = roadmap.Build
	}
	var assessments []*assess.Assessment
	var results []*assess.Result
	var all assess.Problems
	for _, dir := range opts.Dirs {
		res, probs := build(roadmap.Input{Source: assess.Disk{}, Dir: dir})
		all = append(all, probs...)
		if res != nil {
			assessments, results = append(assessments, res.Assessment), append(results, res.Score)
		}
	}
	if err := all.Err(); err != nil {
		printWarnings(opts.IO.Err, all)
		return err
	}
	cmp := roadmap.Compare(assessments, results)
	for _, w := range cmp.Warnings {
		all = append(all, assess.Problem{Severity: assess.Warning, Message: w})
	}
	printWarnings(opts.IO.Err, all)
	return opts.write(opts.IO.Out, cmp, func() []text.Table { return text.CompareTables(cmp) })
}
