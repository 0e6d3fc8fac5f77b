package main

import (
	"errors"
	"fmt"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/importer"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/spf13/cobra"
)

type importOptions struct {
	// CmdPath names the command in usage errors.
	CmdPath       string
	IO            iostreams
	Files         []string
	OutDir        string
	Force         bool
	Questionnaire string
}

func newImportCmd(runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{}
	c := &cobra.Command{
		Use:   "import FILE.xlsx... -o DIR",
		Short: "Turn filled capture workbooks into response files",
		Long: `Read capture workbooks made by itilmap template and filled in by respondents,
and write one response file per workbook, named after the respondent id (or
after the workbook when it gives none).

A workbook carries its questionnaire, so nothing else is needed. With -o an
assessment folder (it holds assessment.yaml), the responses go into the
assessment's responses folder, and the workbooks must be of its questionnaire
(the same questions, not only the same id). -o may also be that responses
folder itself, or any folder outside an assessment; a folder inside an
assessment that is not its responses folder is refused.

Every problem of every workbook is reported before anything is written, and
nothing is written when there is one. An existing response, or another file
that holds one of the respondents, is not overwritten without --force (exit 3).`,
		Example: "  itilmap import workshop/*.xlsx -o acme\n  itilmap import filled/*.xlsx -o imported\n  itilmap import r07.xlsx -o acme --force",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(c.CommandPath(), "expected at least one filled capture workbook FILE.xlsx")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.Files = streams(c), args
			if opts.OutDir == "" {
				return usageError(c.CommandPath(), "-o is required: the assessment or folder to write to, e.g. -o acme")
			}
			opts.CmdPath = c.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return importRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.OutDir, "output", "o", "", "the assessment folder, its responses folder, or any folder outside an assessment (required; created if missing)")
	c.Flags().BoolVar(&opts.Force, "force", false, "overwrite existing response files")
	c.Flags().StringVarP(&opts.Questionnaire, "questionnaire", "q", "", "built-in questionnaire id, or a questionnaire YAML file, that the workbooks must be of (needed only for workbooks of an older itilmap)")
	_ = c.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaires)
	return c
}

func importRun(opts *importOptions) error {
	var q *assess.Questionnaire
	if opts.Questionnaire != "" {
		var probs assess.Problems
		q, probs = assess.LoadQuestionnaire(assess.Disk{}, opts.Questionnaire, "")
		printWarnings(opts.IO.Err, probs)
		if err := probs.Err(); err != nil {
			return err
		}
	}
	res, err := importer.Plan(importer.Options{Files: opts.Files, Out: opts.OutDir, Force: opts.Force, Questionnaire: q})
	if res != nil {
		printWarnings(opts.IO.Err, res.Warnings)
	}
	var target *importer.TargetError
	var conflict *importer.ConflictError
	switch {
	case errors.As(err, &target):
		return usageError(opts.CmdPath, "%s", target.Msg)
	case errors.As(err, &conflict):
		for _, p := range conflict.Problems {
			fmt.Fprintln(opts.IO.Err, p)
		}
		return outputError(fmt.Errorf("%s; nothing was written", err))
	case errors.As(err, new(assess.Problems)):
		return err
	case err != nil:
		return outputError(err)
	}
	if len(res.Responses) == 0 {
		return nil
	}
	if err := prepareOutDir(res.Dir); err != nil {
		return outputError(err)
	}
	// all or none; without --force each is created only where no file is,
	// so a response another import makes meanwhile is never overwritten
	files := make([]outFile, len(res.Responses))
	for i, r := range res.Responses {
		files[i] = outFile{r.Path, r.Data}
	}
	ctx, stop := signalContext()
	defer stop()
	if err := (fileSet{create: !opts.Force}).write(ctx, files); err != nil {
		if errors.As(err, new(errInterrupted)) {
			return err
		}
		return outputError(fmt.Errorf("%v; nothing was written", err))
	}
	for _, r := range res.Responses {
		n := len(r.Response.Answers)
		verb := "wrote"
		if r.Replaces {
			verb = "replaced"
		}
		fmt.Fprintf(opts.IO.Err, "%s %s: respondent %s, %s from %s\n", verb, r.Path, r.Response.Respondent.ID,
			plural.Count(n, "answer", "answers"), r.Workbook)
	}
	return nil
}
