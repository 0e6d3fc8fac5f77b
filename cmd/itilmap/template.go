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
	// CmdPath names the command in usage errors.
	CmdPath       string
	IO            iostreams
	Input         assessmentInput
	Questionnaire string
	Audience      string
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
scope, and offers the assessment's teams and roles (when it lists them) as
drop-downs; with --questionnaire, every question of that questionnaire.
--audience ROLE asks only the questions put to that role: a role of the
assessment (mapped through its audience: table), or a role of the
questionnaire. The workbook carries its questionnaire, so itilmap import
needs nothing else.

An existing file is not overwritten without --force: it may hold answers.`,
		Example: "  itilmap template acme -o capture.xlsx\n  itilmap template acme --audience service-desk-agent -o agents.xlsx\n  itilmap template --questionnaire itil4-quick -o health-check.xlsx",
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
			opts.CmdPath = c.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return templateRun(opts)
		},
	}
	opts.Input.addFlags(c)
	c.Flags().StringVarP(&opts.Questionnaire, "questionnaire", "q", "", "built-in questionnaire id, or a questionnaire YAML file, instead of DIR")
	c.Flags().StringVar(&opts.Audience, "audience", "", "ask only the questions put to this role (of the assessment, or of the questionnaire)")
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "the workbook to write, e.g. capture.xlsx (required)")
	c.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	_ = c.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaires)
	return c
}

func templateRun(opts *templateOptions) error {
	generated, err := generatedTime(opts.Now)
	if ee := (*exitError)(nil); errors.As(err, &ee) {
		return usageError(opts.CmdPath, "%v", ee.err)
	} else if err != nil {
		return err
	}
	var q *assess.Questionnaire
	var a *assess.Assessment
	next := "FOLDER"
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
		var err error
		if a, err = assessmentQuestionnaire(src, dir, opts.IO.Err); err != nil {
			return err
		}
		q = a.Questionnaire
		if !opts.Input.Example {
			next = dir
		}
	}
	questions, prefill, err := templateQuestions(q, a, opts.Audience)
	if err != nil {
		return usageError(opts.CmdPath, "%v", err)
	}
	if st, err := os.Stat(opts.Output); err == nil {
		if st.IsDir() {
			return outputError(fmt.Errorf("%s is a folder; -o takes the workbook to write, e.g. capture.xlsx", opts.Output))
		}
		if !opts.Force {
			return outputError(fmt.Errorf("%s already exists and may hold answers; use --force to overwrite it", opts.Output))
		}
	}
	practices := map[string]bool{}
	for _, qu := range questions {
		practices[qu.Practice] = true
	}
	co := capture.Options{Questions: questions, Audience: prefill, Generated: generated}
	if a != nil {
		co.Teams, co.Roles = a.Teams, a.Roles
	}
	var buf bytes.Buffer
	if err := capture.Write(&buf, q, co); err != nil {
		return fmt.Errorf("rendering %s: %w", opts.Output, err)
	}
	if err := prepareOutDir(filepath.Dir(opts.Output)); err != nil {
		return outputError(err)
	}
	ctx, stop := signalContext()
	defer stop()
	if err := (fileSet{create: !opts.Force}).write(ctx, []outFile{{opts.Output, buf.Bytes()}}); err != nil {
		if errors.As(err, new(errInterrupted)) {
			return err
		}
		return outputError(err)
	}
	fmt.Fprintf(opts.IO.Err, "wrote %s: %d %s of %s %s in %d %s\n", opts.Output,
		len(questions), plural.Of(len(questions), "question", "questions"), q.ID, q.Version, len(practices), plural.Of(len(practices), "practice", "practices"))
	if opts.Audience != "" {
		fmt.Fprintf(opts.IO.Err, "These are the questions put to the role %s.\n", opts.Audience)
	}
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

// templateQuestions are the questions a capture workbook asks: with an
// assessment, those of the practices in its scope; with role, only those
// put to it. role is a role of the assessment (listed in roles:, or mapped
// in audience:), else a role of the questionnaire. prefill is the role to
// fill in on the Respondent sheet.
func templateQuestions(q *assess.Questionnaire, a *assess.Assessment, role string) (questions []*assess.Question, prefill string, err error) {
	var roles []string // questionnaire roles
	switch {
	case role == "":
	case a != nil && len(a.Roles) > 0:
		if msg := a.CheckRole(role); msg != "" {
			return nil, "", fmt.Errorf("--audience: %s", msg)
		}
		roles = a.QuestionnaireRoles(role)
	case a != nil && a.QuestionnaireRoles(role) != nil:
		roles = a.QuestionnaireRoles(role)
	case q.Role(role) != nil:
		roles = []string{role}
	case len(q.Roles) == 0:
		return nil, "", fmt.Errorf("--audience %q: questionnaire %s defines no roles, so every question is put to everyone; leave --audience out", role, q.ID)
	default:
		return nil, "", fmt.Errorf("--audience %q: not a role of questionnaire %s (its roles: %s)%s", role, q.ID, strings.Join(q.RoleIDs(), ", "),
			map[bool]string{true: ", nor mapped in the assessment's audience:", false: ""}[a != nil])
	}
	for _, qu := range q.QuestionsForRoles(roles...) {
		if a == nil || len(a.Scope) == 0 || a.InScope(qu.Practice) {
			questions = append(questions, qu)
		}
	}
	if len(questions) == 0 {
		return nil, "", fmt.Errorf("--audience %q: no question in scope is put to this role", role)
	}
	return questions, role, nil
}
