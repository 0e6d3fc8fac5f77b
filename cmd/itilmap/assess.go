package main

import (
	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates/text"
	"github.com/spf13/cobra"
)

type assessOptions struct {
	IO    iostreams
	Input assessmentInput
	By    string
	formatFlag
}

func newAssessCmd(runF func(*assessOptions) error) *cobra.Command {
	opts := &assessOptions{}
	c := &cobra.Command{
		Use:   "assess DIR",
		Short: "Score documented against actual practice per practice, dimension and team",
		Long: `Score an assessment: each question's consensus, then practice × dimension cells,
practices, dimensions and the overall score, with control gaps (documented
minus actual on approvals, handoffs and records), capability gaps (target minus
actual on skills, authority and tooling), coverage, and the questions where
respondents disagree.

The table is what a facilitator projects in the room; json and yaml print the
full result with unrounded numbers (null where there is no data).`,
		Example: "  itilmap assess acme\n  itilmap assess acme --by team\n  itilmap assess --example --format json",
		Args: func(c *cobra.Command, args []string) error {
			if err := opts.Input.args(c, args); err != nil {
				return err
			}
			if opts.By != "" && opts.By != "team" && opts.By != "role" {
				return usageError(c.CommandPath(), "--by %q: expected team or role", opts.By)
			}
			return opts.check(c)
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if runF != nil {
				return runF(opts)
			}
			return assessRun(opts)
		},
	}
	opts.Input.addFlags(c)
	opts.formatFlag.add(c)
	c.Flags().StringVar(&opts.By, "by", "", "add the practice scores of each team or role: team, role")
	_ = c.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"team", "role"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func assessRun(opts *assessOptions) error {
	res, err := opts.Input.build(opts.IO.Err, assess.ScoreOptions{ByRole: opts.By == "role"}, roadmap.PlanOptions{}, "")
	if err != nil {
		return err
	}
	return opts.write(opts.IO.Out, res.Score, func() []text.Table { return text.AssessTables(res.Score, opts.By) })
}
