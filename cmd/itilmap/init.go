package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/spf13/cobra"
)

type initOptions struct {
	IO            iostreams
	Dir           string
	Questionnaire string
	Now           func() time.Time
}

func newInitCmd(runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{Now: time.Now}
	c := &cobra.Command{
		Use:   "init DIR",
		Short: "Scaffold an assessment folder: assessment.yaml, responses/, painpoints.yaml",
		Long: `Create the assessment folder DIR with a commented assessment.yaml, a responses/
folder holding an example response to copy, and a painpoints.yaml template.
DIR must not exist yet, or be empty.`,
		Example: "  itilmap init acme\n  itilmap init acme --questionnaire itil4-quick\n  itilmap init acme --questionnaire ../our-questionnaire.yaml",
		Args:    exactArgs(1, "one folder DIR to create"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.Dir = streams(c), args[0]
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Questionnaire, "questionnaire", "q", "itil4-core", "built-in questionnaire id, or a questionnaire YAML file")
	_ = c.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaires)
	return c
}

func initRun(opts *initOptions) error {
	ref := opts.Questionnaire
	q, probs := assess.LoadQuestionnaire(assess.Disk{}, ref, "")
	printWarnings(opts.IO.Err, probs)
	if err := probs.Err(); err != nil {
		return err
	}
	if !assess.IsBuiltin(ref) {
		// assessment.yaml names the questionnaire relative to itself
		absQ, err1 := filepath.Abs(ref)
		absDir, err2 := filepath.Abs(opts.Dir)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(absDir, absQ); err == nil {
				ref = filepath.ToSlash(rel)
			} else {
				ref = absQ
			}
		}
	}
	if entries, err := os.ReadDir(opts.Dir); err == nil && len(entries) > 0 {
		return outputError(fmt.Errorf("%s is not empty; init creates a new assessment folder and changes no existing file", opts.Dir))
	} else if err != nil && !os.IsNotExist(err) {
		return outputError(fmt.Errorf("%s: %v", opts.Dir, describeOSErr(err)))
	}
	files, err := assess.Scaffold(assess.ScaffoldID(filepath.Base(filepath.Clean(opts.Dir))), opts.Now(), q, ref)
	if err != nil {
		return err
	}
	if err := writeTree(opts.Dir, files); err != nil {
		return outputError(err)
	}
	fmt.Fprintf(opts.IO.Err, "Created %s on %s %s (%d practices).\nNext: edit %s, add responses to %s, then run: itilmap validate %s\n",
		opts.Dir, q.ID, q.Version, len(q.Practices),
		filepath.Join(opts.Dir, "assessment.yaml"), filepath.Join(opts.Dir, "responses"), opts.Dir)
	return nil
}

// writeTree writes files into a fresh folder beside dir and renames it to
// dir, so that a failure leaves nothing half made.
func writeTree(dir string, files []assess.ScaffoldFile) error {
	parent := filepath.Dir(filepath.Clean(dir))
	tmp, err := os.MkdirTemp(parent, ".itilmap-init-")
	if err != nil {
		return fmt.Errorf("cannot create %s: %v", dir, describeOSErr(err))
	}
	defer os.RemoveAll(tmp)
	for _, f := range files {
		path := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("cannot create %s: %v", dir, describeOSErr(err))
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return fmt.Errorf("cannot write %s: %v", filepath.Join(dir, f.Path), describeOSErr(err))
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	_ = os.Remove(dir) // an empty folder given as DIR is replaced
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("cannot create %s: %v", dir, describeOSErr(err))
	}
	return nil
}

func describeOSErr(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
