package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/itilmap/itilmap/templates/capture"
	"github.com/spf13/cobra"
)

type templateOptions struct {
	IO            iostreams
	Input         assessmentInput
	Questionnaire string
	Output        string
	Force         bool
	Now           func() time.Time
}

func newTemplateCmd(runF func(*templateOptions) error) *cobra.Command {
	opts := &templateOptions{Now: time.Now}
	c := &cobra.Command{
		Use:   "template (--questionnaire ID|FILE | DIR | --example) -o capture.xlsx",
		Short: "Write a blank workshop capture workbook",
		Long: `Write a workbook that respondents fill in on any spreadsheet program, one copy
per respondent (or per team when a workshop agrees one answer): a Respondent
sheet, an Answers sheet with one row per question and a drop-down of levels for
documented and actual practice, and a Scale sheet that explains how to answer.
Only the cells to fill in can be changed. Read the filled workbooks back with
itilmap import.

With DIR, the workbook asks the questions of the practices in the assessment's
scope; with --questionnaire, every question of that questionnaire.

An existing file is not overwritten without --force: it may hold answers.`,
		Example: "  itilmap template acme -o capture.xlsx\n  itilmap template --questionnaire itil4-quick -o health-check.xlsx",
		Args: func(c *cobra.Command, args []string) error {
			if opts.Questionnaire != "" {
				if opts.Input.Example || len(args) > 0 {
					return usageError(c.CommandPath(), "give one of --questionnaire, DIR and --example")
				}
				return nil
			}
			if !opts.Input.Example && len(args) == 0 {
				return usageError(c.CommandPath(), "expected an assessment folder DIR, --example or --questionnaire ID|FILE")
			}
			return opts.Input.args(c, args)
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if opts.Output == "" {
				return usageError(c.CommandPath(), "-o is required: the workbook to write, e.g. -o capture.xlsx")
			}
			if !strings.EqualFold(filepath.Ext(opts.Output), ".xlsx") {
				return usageError(c.CommandPath(), "-o %s: the workbook's name must end in .xlsx", opts.Output)
			}
			if runF != nil {
				return runF(opts)
			}
			return templateRun(c, opts)
		},
	}
	opts.Input.addFlags(c)
	c.Flags().StringVarP(&opts.Questionnaire, "questionnaire", "q", "", "built-in questionnaire id, or a questionnaire YAML file, instead of DIR")
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "the workbook to write, e.g. capture.xlsx (required)")
	c.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	_ = c.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaires)
	return c
}

func templateRun(c *cobra.Command, opts *templateOptions) error {
	generated, err := generatedTime(opts.Now)
	if ee := (*exitError)(nil); errors.As(err, &ee) {
		return usageError(c.CommandPath(), "%v", ee.err)
	} else if err != nil {
		return err
	}
	var q *assess.Questionnaire
	var scope []string
	next := "DIR/responses"
	if opts.Questionnaire != "" {
		var probs assess.Problems
		q, probs = assess.LoadQuestionnaire(assess.Disk{}, opts.Questionnaire, "")
		printWarnings(opts.IO.Err, probs)
		if err := probs.Err(); err != nil {
			return err
		}
	} else {
		src, dir := assess.Source(assess.Disk{}), opts.Input.Dir
		if opts.Input.Example {
			src, dir = assess.FromFS(examples.FS), examples.Acme
		}
		a, err := assessmentQuestionnaire(src, dir, opts.IO.Err)
		if err != nil {
			return err
		}
		q, scope = a.Questionnaire, a.Scope
		if !opts.Input.Example {
			next = filepath.Join(dir, a.ResponsesDir)
		}
	}
	if st, err := os.Stat(opts.Output); err == nil {
		if st.IsDir() {
			return outputError(fmt.Errorf("%s is a folder; -o takes the workbook to write, e.g. capture.xlsx", opts.Output))
		}
		if !opts.Force {
			return fmt.Errorf("%s already exists and may hold answers; use --force to overwrite it", opts.Output)
		}
	}
	var buf bytes.Buffer
	if err := capture.Write(&buf, q, scope, generated); err != nil {
		return fmt.Errorf("rendering %s: %w", opts.Output, err)
	}
	if err := prepareOutDir(filepath.Dir(opts.Output)); err != nil {
		return outputError(err)
	}
	if err := writeAtomic(opts.Output, buf.Bytes()); err != nil {
		return outputError(err)
	}
	practices, questions := len(q.Practices), len(q.Questions)
	if len(scope) > 0 {
		practices, questions = len(scope), 0
		for _, id := range scope {
			questions += len(q.Practice(id).Questions)
		}
	}
	fmt.Fprintf(opts.IO.Err, "wrote %s: %d %s of %s %s in %d %s\n", opts.Output,
		questions, plural.Of(questions, "question", "questions"), q.ID, q.Version, practices, plural.Of(practices, "practice", "practices"))
	fmt.Fprintf(opts.IO.Err, "Hand out one copy per respondent; read the filled workbooks back with: itilmap import FILE.xlsx... -o %s\n", next)
	return nil
}

// assessmentQuestionnaire reads the assessment in dir for what a capture
// workbook needs: its questionnaire and scope. Problems of assessment.yaml
// and of the questionnaire stop the command; those of responses and pain
// points do not matter here, and are only counted.
func assessmentQuestionnaire(src assess.Source, dir string, stderr io.Writer) (*assess.Assessment, error) {
	a, probs := assess.Load(src, dir)
	if a == nil || a.Questionnaire == nil {
		printWarnings(stderr, probs)
		if err := probs.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: the assessment names no questionnaire", dir)
	}
	var own, other assess.Problems
	for _, p := range probs {
		if p.File == a.File || p.File == a.Questionnaire.File {
			own = append(own, p)
		} else {
			other = append(other, p)
		}
	}
	printWarnings(stderr, own)
	if err := own.Err(); err != nil {
		return nil, err
	}
	if n := len(other.Errors()); n > 0 {
		fmt.Fprintf(stderr, "%s: warning: %d %s in responses or pain points (itilmap validate %s lists them)\n",
			dir, n, plural.Of(n, "error", "errors"), dir)
	}
	return a, nil
}
