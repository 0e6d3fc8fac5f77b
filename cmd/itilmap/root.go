package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/itilmap/itilmap/internal/plural"
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
		// The root runs only to refuse an unknown command with exit code 2
		// (cobra's own refusal is an untyped error).
		Args:                       cobra.ArbitraryArgs,
		SuggestionsMinimumDistance: 2,
		DisableFlagParsing:         true,
		RunE: func(c *cobra.Command, args []string) error {
			switch {
			case len(args) == 0 || args[0] == "-h" || args[0] == "--help":
				return c.Help()
			case strings.HasPrefix(args[0], "-"):
				return usageError(c.CommandPath(), "unknown flag: %s", args[0])
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := c.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf(" (did you mean %q?)", s[0])
			}
			return usageError(c.CommandPath(), "%s", msg)
		},
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
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	typedArgs(root)
	return root
}

// typedArgs makes every argument check of c and its subcommands return a
// usage error (exit code 2), whatever the check is, so that exit codes are
// told apart by type and never by message text.
func typedArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(c *cobra.Command, args []string) error {
			err := check(c, args)
			var ee *exitError
			if err != nil && !errors.As(err, &ee) {
				return usageError(c.CommandPath(), "%v", err)
			}
			return err
		}
	}
	for _, sub := range c.Commands() {
		typedArgs(sub)
	}
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
			return usageError(c.CommandPath(), "expected %s, got %d argument%s", what, len(args), plural.Of(len(args), "", "s"))
		}
		return nil
	}
}
