// Package importer turns filled capture workbooks into response files:
// it decides where they go (an assessment's responses folder, or any
// other folder), reads every workbook, and refuses what would overwrite or
// duplicate a response. It writes nothing: the command writes the files it
// returns as one set, all or none, each created only if its name is free.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/templates/capture"
)

// Options are what an import is asked to do.
type Options struct {
	Files []string // the workbooks
	Out   string   // -o: an assessment folder, its responses folder, or any folder
	Force bool     // overwrite existing response files
	// Questionnaire, when not nil, is the one the workbooks must be of
	// (--questionnaire); it reads workbooks that do not carry theirs.
	Questionnaire *assess.Questionnaire
}

// Response is one response to write.
type Response struct {
	Workbook string           // the workbook it was read from
	Path     string           // the response file
	Response *assess.Response // what it holds
	Data     []byte           // the response file's content
	Replaces bool             // a file is there already (--force)
}

// Result is what an import is to write.
type Result struct {
	Dir        string // the folder the responses go to
	Assessment string // the assessment.yaml whose responses folder Dir is, or ""
	Responses  []Response
	Warnings   assess.Problems
}

// TargetError is an -o that an import must not write to: a folder inside
// an assessment that is not its responses folder. It is a usage error.
type TargetError struct{ Msg string }

func (e *TargetError) Error() string { return e.Msg }

// ConflictError lists the responses that exist already (or whose
// respondent another file holds).
type ConflictError struct{ Problems assess.Problems }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%d %s already", len(e.Problems),
		map[bool]string{true: "response exists", false: "responses exist"}[len(e.Problems) == 1])
}

// Plan reads and checks the workbooks and returns the responses to write.
// The errors it returns are assess.Problems (invalid workbooks or
// assessment), *TargetError, *ConflictError, or another error when the
// folder cannot be read. Between Plan and the writing another run may
// create one of the files: write them only where no file is (link(2) or
// O_EXCL) unless opts.Force.
func Plan(opts Options) (*Result, error) {
	res := &Result{}
	dest, err := destination(opts.Out)
	if err != nil {
		return nil, err
	}
	res.Dir = dest.dir
	want := opts.Questionnaire
	if dest.assessment != nil {
		res.Assessment = dest.assessment.File
		res.Warnings = append(res.Warnings, dest.warnings...)
		aq := dest.assessment.Questionnaire
		if want != nil && want.Digest() != aq.Digest() {
			return nil, &TargetError{Msg: fmt.Sprintf("--questionnaire %s %s is not the questionnaire of %s (%s %s); leave --questionnaire out",
				want.ID, want.Version, dest.assessment.File, aq.ID, aq.Version)}
		}
		want = aq
	}

	var probs assess.Problems
	var todo []Response
	byID := map[string]string{} // respondent id, lower-cased → the workbook
	var first *capture.Capture
	var firstFile string
	for _, file := range opts.Files {
		data, p := readRegular(file)
		if p != nil {
			probs = append(probs, *p)
			continue
		}
		c, ps := capture.Read(file, bytes.NewReader(data), int64(len(data)), want)
		probs = append(probs, ps...)
		if c == nil || ps.HasErrors() {
			continue
		}
		if a := dest.assessment; a != nil {
			// the assessment's lists of teams and roles, named by cell
			p := c.Response.Respondent
			listed := true
			for _, chk := range []struct{ field, msg string }{{"role", a.CheckRole(p.Role)}, {"team", a.CheckTeam(p.Team)}} {
				if chk.msg != "" {
					probs = append(probs, assess.Problem{File: file, Message: c.Cells[chk.field] + ": " + chk.field + ": " + chk.msg})
					listed = false
				}
			}
			if !listed {
				continue
			}
		}
		if first == nil {
			first, firstFile = c, file
		} else if c.Questionnaire.ID != first.Questionnaire.ID || c.Digest != first.Digest {
			probs = append(probs, assess.Problem{File: file, Message: fmt.Sprintf(
				"made from questionnaire %s %s, but %s from %s %s, which asks other questions; import them into different folders",
				c.Questionnaire.ID, c.Questionnaire.Version, firstFile, first.Questionnaire.ID, first.Questionnaire.Version)})
			continue
		}
		id := c.Response.Respondent.ID
		path := filepath.Join(dest.dir, id+".yaml")
		// lower-cased: r07 and R07 are one file on case-insensitive disks
		if other, dup := byID[strings.ToLower(id)]; dup {
			probs = append(probs, assess.Problem{File: file, Message: fmt.Sprintf(
				"respondent %q goes to %s, as does %s; give each respondent their own id (Respondent!B1)", id, path, other)})
			continue
		}
		byID[strings.ToLower(id)] = file
		todo = append(todo, Response{Workbook: file, Path: path, Response: c.Response})
	}
	res.Warnings = append(res.Warnings, probs.Warnings()...)
	if probs.HasErrors() {
		probs.Sort()
		return res, probs
	}
	conflicts, err := checkExisting(dest.dir, todo, opts.Force)
	if err != nil {
		return res, err
	}
	if len(conflicts) > 0 {
		conflicts.Sort()
		return res, &ConflictError{Problems: conflicts}
	}
	for i := range todo {
		todo[i].Data = assess.ResponseYAML(todo[i].Response, first.Questionnaire)
		_, err := os.Lstat(todo[i].Path)
		todo[i].Replaces = err == nil
	}
	res.Responses = todo
	return res, nil
}

// dest is where an import writes.
type dest struct {
	dir        string
	assessment *assess.Assessment // nil when dir belongs to no assessment
	warnings   assess.Problems
}

// destination decides where responses go: out itself, when it is an
// assessment's responses folder or belongs to no assessment; the
// responses folder of the assessment out is. A folder inside an
// assessment that is not its responses folder is a TargetError.
func destination(out string) (dest, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return dest{}, err
	}
	if isAssessment(abs) {
		a, warnings, err := loadAssessment(out)
		if err != nil {
			return dest{}, err
		}
		return dest{dir: filepath.Join(a.Dir, a.ResponsesDir), assessment: a, warnings: warnings}, nil
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if isAssessment(dir) {
			rel, err := filepath.Rel(abs, dir)
			if err != nil {
				return dest{}, err
			}
			aDir := filepath.Join(out, rel)
			a, warnings, err := loadAssessment(aDir)
			if err != nil {
				return dest{}, err
			}
			responses := filepath.Join(a.Dir, a.ResponsesDir)
			if r, err := filepath.Abs(responses); err == nil && r == abs {
				return dest{dir: out, assessment: a, warnings: warnings}, nil
			}
			return dest{}, &TargetError{Msg: fmt.Sprintf("%s is inside the assessment %s, which reads its responses from %s, not from %s; give -o %s (or -o %s)",
				out, aDir, responses, out, aDir, responses)}
		}
		if parent := filepath.Dir(dir); parent == dir {
			return dest{dir: out}, nil
		}
	}
}

// isAssessment reports whether dir holds an assessment.yaml.
func isAssessment(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, "assessment.yaml"))
	return err == nil
}

// loadAssessment reads the assessment in dir for its questionnaire and
// responses folder. Problems of assessment.yaml and of its questionnaire
// stop the import; those of responses and pain points do not matter here.
func loadAssessment(dir string) (*assess.Assessment, assess.Problems, error) {
	a, probs := assess.Load(assess.Disk{}, dir)
	if a == nil || a.Questionnaire == nil {
		if probs.HasErrors() {
			return nil, nil, probs
		}
		return nil, nil, assess.Problems{{File: filepath.Join(dir, "assessment.yaml"), Message: "the assessment names no questionnaire"}}
	}
	var own assess.Problems
	for _, p := range probs {
		if p.File == a.File || p.File == a.Questionnaire.File {
			own = append(own, p)
		}
	}
	if own.HasErrors() {
		return nil, nil, own
	}
	return a, own.Warnings(), nil
}

// checkExisting finds what the responses would overwrite or duplicate: a
// file (or a link, even a broken one) at a response's path, unless force;
// a folder there; another response file in dir that holds one of the
// respondents (r07.yml or alice.yaml for respondent r07), even with force.
func checkExisting(dir string, todo []Response, force bool) (assess.Problems, error) {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s is a file; -o takes a folder", dir)
	}
	var conflicts assess.Problems
	for _, r := range todo {
		st, err := os.Lstat(r.Path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("cannot write %s: %v", r.Path, describe(err))
		case st.IsDir():
			conflicts = append(conflicts, assess.Problem{File: r.Path, Message: "is a folder; cannot write the response of " + r.Workbook + " there"})
		case !force:
			conflicts = append(conflicts, assess.Problem{File: r.Path, Message: "already exists; use --force to overwrite it with the answers of " + r.Workbook})
		}
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return conflicts, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", dir, describe(err))
	}
	byID := map[string]Response{}
	for _, r := range todo {
		byID[strings.ToLower(r.Response.Respondent.ID)] = r
	}
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if (ext != ".yaml" && ext != ".yml") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(dir, name)
		data, p := readRegular(path)
		if p != nil {
			continue // the loader reports it
		}
		resp, _ := assess.ParseResponse(path, data, nil)
		if resp == nil {
			continue
		}
		r, ok := byID[strings.ToLower(resp.Respondent.ID)]
		if !ok || sameFile(path, r.Path) {
			continue
		}
		conflicts = append(conflicts, assess.Problem{File: path, Message: fmt.Sprintf(
			"holds respondent %q already, whom %s would add as %s; remove one, or give the workbook another respondent id (Respondent!B1)",
			resp.Respondent.ID, r.Workbook, r.Path)})
	}
	return conflicts, nil
}

// sameFile reports whether a and b are the same file: the same name, or
// one file under two names on a case-insensitive disk.
func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
