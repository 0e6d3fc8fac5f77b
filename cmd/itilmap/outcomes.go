package main

import (
	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates/text"
	"github.com/spf13/cobra"
)

type outcomesOptions struct {
	IO    iostreams
	Input assessmentInput
	formatFlag
}

func newOutcomesCmd(runF func(*outcomesOptions) error) *cobra.Command {
	opts := &outcomesOptions{}
	c := &cobra.Command{
		Use:   "outcomes DIR",
		Short: "Rank business pain points into measurable outcomes",
		Long: `Rank the pain points of painpoints.yaml by
  ` + roadmap.PriorityFormula + `
and state each as one measurable sentence, for example
  Reduce mean time to restore service from 9.5 h to 7.6 h (-20%) by 2027-06-30
A pain point without a baseline is marked "needs baseline": measure first.`,
		Example: "  itilmap outcomes acme\n  itilmap outcomes --example --format json",
		Args: func(c *cobra.Command, args []string) error {
			if err := opts.Input.args(c, args); err != nil {
				return err
			}
			return opts.check(c)
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if runF != nil {
				return runF(opts)
			}
			return outcomesRun(opts)
		},
	}
	opts.Input.addFlags(c)
	opts.formatFlag.add(c)
	return c
}

func outcomesRun(opts *outcomesOptions) error {
	res, err := opts.Input.build(opts.IO.Err, assess.ScoreOptions{}, roadmap.PlanOptions{}, "")
	if err != nil {
		return err
	}
	list := roadmap.OutcomeList{Outcomes: res.Outcomes}
	return opts.write(opts.IO.Out, list, func() []text.Table { return text.OutcomeTables(list.Outcomes) })
}
