package main

import (
	"io"

	"github.com/spf13/cobra"
)

// iostreams are the streams every command reads and writes.
type iostreams struct {
	In       io.Reader
	Out, Err io.Writer
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "itilmap",
		Short: "ITIL 4 maturity assessment: measured baseline, outcomes and a phased roadmap",
		Long: `itilmap turns an ITIL 4 / IT service management maturity assessment into a
measured baseline and a phased improvement roadmap.

It scores documented practice (what the handbook says) against actual practice
(what happens when the queue is busy) per question, practice, dimension and team,
ranks business pain points into measurable outcomes, and plans a stabilize,
standardize, optimize roadmap.

Start with:
  itilmap init acme                    scaffold an assessment folder
  itilmap validate acme                check every file, report every problem
  itilmap report --example -o report   see what a finished assessment gives`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError(c.CommandPath(), "%v", err)
	})
	root.CompletionOptions.HiddenDefaultCmd = false
	root.AddCommand(
		newInitCmd(nil),
		newQuestionnairesCmd(),
		newValidateCmd(nil),
		newAssessCmd(nil),
		newOutcomesCmd(nil),
		newRoadmapCmd(nil),
		newReportCmd(nil),
		newTemplateCmd(nil),
		newImportCmd(nil),
		newWorkshopCmd(nil),
		newCompareCmd(nil),
		newSchemaCmd(nil),
		newVersionCmd(nil),
	)
	return root
}

// streams returns the streams of a command, as set on the root.
func streams(c *cobra.Command) iostreams {
	return iostreams{In: c.InOrStdin(), Out: c.OutOrStdout(), Err: c.ErrOrStderr()}
}

// exactArgs is cobra.ExactArgs with a message that says what is missing,
// and exit code 2.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError(c.CommandPath(), "expected %s, got %d argument%s", what, len(args), pluralS(len(args)))
		}
		return nil
	}
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
