package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/itilmap/itilmap/templates/capture"
	"github.com/spf13/cobra"
)

type importOptions struct {
	IO            iostreams
	Files         []string
	OutDir        string
	Force         bool
	Questionnaire string
}

func newImportCmd(runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{}
	c := &cobra.Command{
		Use:   "import FILE.xlsx... -o DIR/responses",
		Short: "Turn filled capture workbooks into response files",
		Long: `Read capture workbooks made by itilmap template and filled in by respondents,
and write one response file per workbook into the -o folder, named after the
respondent id (or after the workbook when it gives none).

The questionnaire is the one of the assessment whose responses folder -o is
(DIR/assessment.yaml for -o DIR/responses), or the one --questionnaire names.

Every problem of every workbook is reported before anything is written, and
nothing is written when there is one. The responses are written all or none.
An existing response is not overwritten without --force, even one another
import creates at the same time.`,
		Example: "  itilmap import workshop/*.xlsx -o acme/responses\n  itilmap import r07.xlsx -o acme/responses --force",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(c.CommandPath(), "expected at least one filled capture workbook FILE.xlsx")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.Files = streams(c), args
			if opts.OutDir == "" {
				return usageError(c.CommandPath(), "-o is required: the responses folder to write to, e.g. -o acme/responses")
			}
			if runF != nil {
				return runF(opts)
			}
			return importRun(c, opts)
		},
	}
	c.Flags().StringVarP(&opts.OutDir, "output", "o", "", "the responses folder to write to, e.g. acme/responses (required; created if missing)")
	c.Flags().BoolVar(&opts.Force, "force", false, "overwrite existing response files")
	c.Flags().StringVarP(&opts.Questionnaire, "questionnaire", "q", "", "built-in questionnaire id, or a questionnaire YAML file (default: the assessment's)")
	_ = c.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaires)
	return c
}

// imported is one workbook read, and where its response goes.
type imported struct {
	file string
	resp *assess.Response
	out  string
}

func importRun(c *cobra.Command, opts *importOptions) error {
	q, err := importQuestionnaire(c, opts)
	if err != nil {
		return err
	}
	var probs assess.Problems
	var todo []imported
	byOut := map[string]string{} // output path, lower-cased → the workbook that goes there
	for _, file := range opts.Files {
		data, p := assess.ReadFile(assess.Disk{}, file)
		if p != nil {
			probs = append(probs, *p)
			continue
		}
		resp, ps := capture.Read(file, bytes.NewReader(data), int64(len(data)), q)
		if resp != nil {
			ps = append(ps, cleanImportedText(file, resp)...)
		}
		probs = append(probs, ps...)
		if resp == nil || ps.HasErrors() {
			continue
		}
		out := filepath.Join(opts.OutDir, resp.Respondent.ID+".yaml")
		// lower-cased: r07 and R07 are one file on case-insensitive disks
		if first, dup := byOut[strings.ToLower(out)]; dup {
			probs = append(probs, assess.Problem{File: file,
				Message: fmt.Sprintf("respondent %q goes to %s, as does %s; give each respondent their own id (Respondent!B1)", resp.Respondent.ID, out, first)})
			continue
		}
		byOut[strings.ToLower(out)] = file
		if st, err := os.Stat(out); err == nil {
			switch {
			case st.IsDir():
				probs = append(probs, assess.Problem{File: out, Message: "is a folder; cannot write the response of " + file + " there"})
				continue
			case !opts.Force:
				probs = append(probs, assess.Problem{File: out, Message: "already exists; use --force to overwrite it with the answers of " + file})
				continue
			}
		}
		todo = append(todo, imported{file: file, resp: resp, out: out})
	}
	probs.Sort()
	printWarnings(opts.IO.Err, probs)
	if err := probs.Err(); err != nil {
		return err // nothing is written while any workbook has an error
	}
	if err := prepareOutDir(opts.OutDir); err != nil {
		return outputError(err)
	}
	// all or none; without --force, a response made meanwhile (another
	// import at once) is never overwritten
	files := make([]outFile, len(todo))
	for i, im := range todo {
		files[i] = outFile{im.out, assess.ResponseYAML(im.resp, q)}
	}
	ctx, stop := signalContext()
	defer stop()
	if err := (fileSet{create: !opts.Force}).write(ctx, files); err != nil {
		if errors.As(err, new(errInterrupted)) {
			return err
		}
		return outputError(err)
	}
	for _, im := range todo {
		n := len(im.resp.Answers)
		fmt.Fprintf(opts.IO.Err, "wrote %s: respondent %s, %d %s from %s\n", im.out, im.resp.Respondent.ID, n, plural.Of(n, "answer", "answers"), im.file)
	}
	return nil
}

// importQuestionnaire is the questionnaire --questionnaire names, else that
// of the assessment whose responses folder -o is.
func importQuestionnaire(c *cobra.Command, opts *importOptions) (*assess.Questionnaire, error) {
	if opts.Questionnaire != "" {
		q, probs := assess.LoadQuestionnaire(assess.Disk{}, opts.Questionnaire, "")
		printWarnings(opts.IO.Err, probs)
		if err := probs.Err(); err != nil {
			return nil, err
		}
		return q, nil
	}
	dir := filepath.Dir(filepath.Clean(opts.OutDir))
	if _, err := os.Stat(filepath.Join(dir, "assessment.yaml")); err != nil {
		return nil, usageError(c.CommandPath(), "no assessment.yaml in %s to take the questionnaire from; give --questionnaire ID|FILE, or -o the responses folder of an assessment", dir)
	}
	a, err := assessmentQuestionnaire(assess.Disk{}, dir, opts.IO.Err)
	if err != nil {
		return nil, err
	}
	if want := filepath.Join(a.Dir, a.ResponsesDir); filepath.Clean(want) != filepath.Clean(opts.OutDir) {
		fmt.Fprintf(opts.IO.Err, "%s: warning: the assessment reads its responses from %s, not %s\n", a.File, want, opts.OutDir)
	}
	return a.Questionnaire, nil
}

// cleanImportedText holds the texts of a workbook to the rules of response
// files: no control characters, names of at most 200
// characters, notes and evidence of at most 10,000, NFC. The texts are
// normalised in place; each one refused is a problem of the workbook.
func cleanImportedText(file string, resp *assess.Response) assess.Problems {
	var probs assess.Problems
	clean := func(what, key string, s *string) {
		out, msg := assess.CleanText(key, *s)
		if msg != "" {
			probs = append(probs, assess.Problem{File: file, Message: what + ": " + msg})
			return
		}
		*s = out
	}
	p := &resp.Respondent
	clean("respondent name", "respondent.name", &p.Name)
	clean("respondent role", "respondent.role", &p.Role)
	clean("respondent team", "respondent.team", &p.Team)
	for i := range resp.Answers {
		a := &resp.Answers[i]
		clean(a.Question+" evidence", "evidence", &a.Evidence)
		clean(a.Question+" note", "note", &a.Note)
	}
	return probs
}
