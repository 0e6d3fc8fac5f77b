package main

import (
	"fmt"
	"os"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	IO    iostreams
	Paths []string
}

func newValidateCmd(runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check assessment folders or single files and report every problem",
		Long: `Check assessment folders, or single questionnaire, response, pain point or
assessment files, and report every problem at once as file:line:column: message.

A folder is checked whole: assessment.yaml, the questionnaire it names, every
response and the pain points. A single file is checked on its own; its kind
comes from its kind: field, else from its name or keys.

Exit code 0 when everything is valid (warnings allowed), 1 otherwise.`,
		Example: "  itilmap validate acme\n  itilmap validate acme/responses/r07.yaml my-questionnaire.yaml",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(c.CommandPath(), "expected at least one PATH: an assessment folder or a file")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.Paths = streams(c), args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	return c
}

func validateRun(opts *validateOptions) error {
	var all assess.Problems
	for _, path := range opts.Paths {
		var probs assess.Problems
		var summary string
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			a, p := assess.Load(assess.Disk{}, path)
			probs = p
			if a != nil && a.Questionnaire != nil {
				summary = fmt.Sprintf("assessment %s on %s %s: %s in scope, %s, %s",
					a.ID, a.Questionnaire.ID, a.Questionnaire.Version, plural.Count(len(a.Scope), "practice", "practices"),
					plural.Count(len(a.Responses), "response", "responses"), plural.Count(len(a.PainPoints), "pain point", "pain points"))
			}
		} else {
			kind, p := assess.CheckFile(assess.Disk{}, path)
			probs, summary = p, kind
		}
		printWarnings(opts.IO.Err, probs)
		if probs.HasErrors() {
			all = append(all, probs.Errors()...)
			continue
		}
		w := len(probs.Warnings())
		if w > 0 {
			summary += fmt.Sprintf(" (%d %s)", w, plural.Of(w, "warning", "warnings"))
		}
		if _, err := fmt.Fprintf(opts.IO.Out, "%s: ok, %s\n", path, summary); err != nil {
			return outputError(err)
		}
	}
	return all.Err()
}

// count writes "1 response" or "3 responses".
