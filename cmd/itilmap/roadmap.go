package main

import (
	"errors"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates/text"
	"github.com/spf13/cobra"
)

type roadmapOptions struct {
	IO       iostreams
	Input    assessmentInput
	Capacity int
	Start    string
	formatFlag
}

func newRoadmapCmd(runF func(*roadmapOptions) error) *cobra.Command {
	opts := &roadmapOptions{}
	c := &cobra.Command{
		Use:   "roadmap DIR",
		Short: "Plan the stabilize, standardize, optimize roadmap",
		Long: `Plan the improvement in three phases: stabilize (remove the worst friction),
standardize (roles, controls, definitions, reporting), optimize (automation and
analytics on clean data). At most --capacity practices per phase; dependencies
first; never automate a broken process. Each initiative has an owner, a level
to reach, and each phase exit criteria and an adoption track. What does not fit
waits in the backlog, with the reason.`,
		Example: "  itilmap roadmap acme\n  itilmap roadmap acme --capacity 2 --start 2027-02-01\n  itilmap roadmap --example --format json",
		Args: func(c *cobra.Command, args []string) error {
			if err := opts.Input.args(c, args); err != nil {
				return err
			}
			if c.Flags().Changed("capacity") && opts.Capacity < 1 {
				return usageError(c.CommandPath(), "--capacity %d: expected at least 1 practice per phase", opts.Capacity)
			}
			if opts.Start != "" {
				if _, err := assess.ParseDate(opts.Start); errors.Is(err, assess.ErrDateRange) {
					return usageError(c.CommandPath(), "--start %q: %v", opts.Start, err)
				} else if err != nil {
					return usageError(c.CommandPath(), "--start %q: expected a date as YYYY-MM-DD", opts.Start)
				}
			}
			return opts.check(c)
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if runF != nil {
				return runF(opts)
			}
			return roadmapRun(opts)
		},
	}
	opts.Input.addFlags(c)
	opts.formatFlag.add(c)
	c.Flags().IntVar(&opts.Capacity, "capacity", 0, "practices per phase (default: plan.capacity of assessment.yaml, else 3)")
	c.Flags().StringVar(&opts.Start, "start", "", "start date YYYY-MM-DD (default: plan.start, else the month after the assessment)")
	return c
}

func roadmapRun(opts *roadmapOptions) error {
	start, _ := assess.ParseDate(opts.Start) // checked in Args; "" gives the zero date: keep the plan's
	res, err := opts.Input.build(opts.IO.Err, assess.ScoreOptions{}, roadmap.PlanOptions{Capacity: opts.Capacity, Start: start}, "")
	if err != nil {
		return err
	}
	rm := res.Plan
	printWarnings(opts.IO.Err, res.ReadinessWarnings())
	return opts.write(opts.IO.Out, rm, func() []text.Table { return text.RoadmapTables(rm, res.Outcomes) })
}
