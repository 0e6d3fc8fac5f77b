package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"
)

type initOptions struct {
	IO            iostreams
	Dir           string
	Questionnaire string
	Organization  string
	Now           func() time.Time
}

func newInitCmd(runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{Now: time.Now}
	c := &cobra.Command{
		Use:   "init DIR",
		Short: "Scaffold an assessment folder: assessment.yaml, responses/, painpoints.yaml",
		Long: `Create the assessment folder DIR with a commented assessment.yaml, a responses/
folder holding an example response to copy, and a painpoints.yaml template.
DIR must not exist yet, or be empty.

The organisation is --organization, else the folder's name as typed; the
assessment id is its ASCII spelling and the quarter (acme-2026q4).`,
		Example: "  itilmap init acme\n  itilmap init \"Société Générale d'Énergie\"\n  itilmap init acme-2027 --organization \"ACME Retail\"\n  itilmap init acme --questionnaire itil4-quick\n  itilmap init acme --questionnaire ../our-questionnaire.yaml",
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
	c.Flags().StringVar(&opts.Organization, "organization", "", "the organisation's name (default: the folder's name)")
	return c
}

func initRun(opts *initOptions) error {
	ref := opts.Questionnaire
	q, err := loadQuestionnaire(opts.IO.Err, ref)
	if err != nil {
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
	files, err := assess.Scaffold(organizationOf(opts), opts.Now(), q, ref)
	if err != nil {
		return err
	}
	if err := writeTree(opts.Dir, files); err != nil {
		return outputError(err)
	}
	fmt.Fprintf(opts.IO.Err, "Created %s on %s %s (%d practices).\nNext: edit %s, add responses to %s, then run: itilmap validate %s\n",
		opts.Dir, q.ID, q.Version, len(q.Practices),
		shellQuote(filepath.Join(opts.Dir, "assessment.yaml")), shellQuote(filepath.Join(opts.Dir, "responses")), shellQuote(opts.Dir))
	return nil
}

// organizationOf is --organization, else the folder's own name as typed
// ("." stands for the current folder's name), NFC-normalised; "" when
// neither gives a name with a letter or digit, for the placeholder.
func organizationOf(opts *initOptions) string {
	name := strings.TrimSpace(opts.Organization)
	if name == "" {
		name = filepath.Base(filepath.Clean(opts.Dir))
		if name == "." || name == ".." || name == string(filepath.Separator) {
			if abs, err := filepath.Abs(opts.Dir); err == nil {
				name = filepath.Base(abs)
			}
		}
		if assess.MakeID(name) == "" {
			return ""
		}
	}
	return norm.NFC.String(name)
}

// shellQuote returns s as a shell word: as it is when it holds only
// characters no shell treats specially, else in single quotes (a single
// quote inside written as '\”).
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-/+=:,@%", r))) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
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
		if st, serr := os.Stat(dir); serr == nil && st.IsDir() {
			return moveInto(tmp, dir) // the current folder ("."), which cannot be replaced
		}
		return fmt.Errorf("cannot create %s: %v", dir, describeOSErr(err))
	}
	return nil
}

// moveInto moves the entries of the folder tmp into the empty folder dir,
// taking back what it moved when one fails.
func moveInto(tmp, dir string) error {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return fmt.Errorf("cannot create %s: %v", dir, describeOSErr(err))
	}
	var moved []string
	for _, e := range entries {
		to := filepath.Join(dir, e.Name())
		if err := os.Rename(filepath.Join(tmp, e.Name()), to); err != nil {
			for _, m := range moved {
				os.RemoveAll(m)
			}
			return fmt.Errorf("cannot write %s: %v", to, describeOSErr(err))
		}
		moved = append(moved, to)
	}
	return nil
}

func describeOSErr(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
