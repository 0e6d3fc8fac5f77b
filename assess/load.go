package assess

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/itilmap/itilmap/questionnaires"
	"go.yaml.in/yaml/v3"
)

// MaxResponses is the largest number of response files an assessment may have.
const MaxResponses = 100_000

// Source is where assessment files are read from: the disk, or a file tree
// such as the embedded example.
type Source interface {
	Open(name string) (fs.File, error)
	ReadDir(name string) ([]fs.DirEntry, error)
}

// Disk reads files from the operating system, by the paths the user gave.
type Disk struct{}

// Open opens name for reading; a named pipe, a device or a socket is an
// error, never a wait.
func (Disk) Open(name string) (fs.File, error)          { return openRegular(name) }
func (Disk) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// FromFS reads files from fsys, such as an embed.FS.
func FromFS(fsys fs.FS) Source { return fsSource{fsys} }

type fsSource struct{ fsys fs.FS }

func (s fsSource) Open(name string) (fs.File, error) {
	return s.fsys.Open(path.Clean(filepath.ToSlash(name)))
}

func (s fsSource) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(s.fsys, path.Clean(filepath.ToSlash(name)))
}

// ReadFile reads one input file within MaxFileSize. Its problem names the
// file and says what is wrong: missing, a directory, a named pipe, a device
// or a socket, too large, unreadable.
func ReadFile(src Source, name string) ([]byte, *Problem) {
	data, msg := readLimited(src, name, MaxFileSize)
	if msg != "" {
		return nil, &Problem{File: name, Message: msg}
	}
	return data, nil
}

// LoadQuestionnaire resolves a questionnaire reference: a built-in id, or a
// path to a YAML file (relative paths are taken from base).
func LoadQuestionnaire(src Source, ref, base string) (*Questionnaire, Problems) {
	if IsBuiltin(ref) {
		data, ok := questionnaires.Lookup(ref)
		if !ok {
			msg := fmt.Sprintf("no built-in questionnaire %q", ref)
			if s := suggest(ref, questionnaires.IDs()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			msg += "; built-in: " + strings.Join(questionnaires.IDs(), ", ") + ", or give the path of a .yaml file"
			return nil, Problems{{File: ref, Message: msg}}
		}
		return builtin(ref, data)
	}
	name := ref
	if !filepath.IsAbs(name) && base != "" {
		name = filepath.Join(base, name)
	}
	data, p := ReadFile(src, name)
	if p != nil {
		return nil, Problems{*p}
	}
	return ParseQuestionnaire(name, data)
}

// IsBuiltin reports whether a questionnaire reference names a built-in
// questionnaire rather than a file.
func IsBuiltin(ref string) bool {
	ext := strings.ToLower(filepath.Ext(ref))
	return !strings.ContainsAny(ref, `/\`) && ext != ".yaml" && ext != ".yml"
}

var builtinCache sync.Map // id → builtinEntry

type builtinEntry struct {
	q     *Questionnaire
	probs Problems
}

// builtin parses a built-in questionnaire once per process; the result is
// shared and must not be changed.
func builtin(id string, data []byte) (*Questionnaire, Problems) {
	if e, ok := builtinCache.Load(id); ok {
		return e.(builtinEntry).q, e.(builtinEntry).probs
	}
	q, probs := ParseQuestionnaire(questionnaires.File(id), data)
	builtinCache.Store(id, builtinEntry{q, probs})
	return q, probs
}

// Load reads the assessment folder dir: assessment.yaml, the questionnaire it
// names, every response and the pain points. It returns every problem found
// in any of them, errors and warnings, sorted by file and position. The
// assessment is nil only when assessment.yaml could not be read at all.
func Load(src Source, dir string) (*Assessment, Problems) {
	var probs Problems
	file := filepath.Join(dir, "assessment.yaml")
	data, p := ReadFile(src, file)
	if p != nil {
		if strings.HasPrefix(p.Message, "no such file") {
			p.Message = "no assessment.yaml here; is this an assessment folder? (itilmap init DIR creates one)"
		}
		return nil, Problems{*p}
	}
	r := &reader{file: file, probs: &probs}
	root := r.parse(data)
	if root == nil {
		return nil, probs
	}
	a, rf := r.settings(root)
	a.Dir = dir
	if a.QuestionnaireRef != "" {
		q, qp := LoadQuestionnaire(src, a.QuestionnaireRef, dir)
		r.pointAtRef(root, a.QuestionnaireRef, dir, q, qp)
		probs = append(probs, qp...)
		a.Questionnaire = q
	}
	q := a.Questionnaire
	if q != nil {
		r.checkRefs(a, rf, q)
	}
	probs = append(probs, loadResponses(src, a)...)
	probs = append(probs, loadPainPoints(src, a)...)
	probs.Sort()
	return a, probs
}

func loadResponses(src Source, a *Assessment) Problems {
	dir := filepath.Join(a.Dir, a.ResponsesDir)
	entries, err := src.ReadDir(dir)
	if err != nil {
		msg := describeErr(err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no responses folder; create it, or set responses: in assessment.yaml"
		} else if !errors.Is(err, fs.ErrPermission) {
			msg = "expected a folder of response files: " + msg
		}
		return Problems{{File: dir, Message: msg}}
	}
	var names []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "_") {
			names = append(names, filepath.Join(dir, e.Name()))
		}
	}
	if len(names) > MaxResponses {
		return Problems{{File: dir, Message: fmt.Sprintf("%d response files; at most %d are read", len(names), MaxResponses)}}
	}
	sort.Strings(names)
	responses := make([]*Response, len(names))
	perFile := make([]Problems, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	var panicked atomic.Value // the first panic of a worker, raised again below
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					panicked.CompareAndSwap(nil, workerPanic{r})
					for range next { // let the sender finish
					}
				}
			}()
			for i := range next {
				data, p := ReadFile(src, names[i])
				if p != nil {
					perFile[i] = Problems{*p}
					continue
				}
				responses[i], perFile[i] = ParseResponse(names[i], data, a.Questionnaire)
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	if p := panicked.Load(); p != nil {
		// a bug: raised in the caller's goroutine, where the command
		// recovers it, instead of ending the process from a worker's
		panic(p.(workerPanic).value)
	}

	var probs Problems
	byID := map[string]string{}
	for i, resp := range responses {
		probs = append(probs, perFile[i]...)
		if resp == nil {
			continue
		}
		if id := resp.Respondent.ID; id != "" {
			if first, dup := byID[id]; dup {
				probs = append(probs, Problem{File: resp.File, Line: resp.Respondent.Pos.Line, Column: resp.Respondent.Pos.Column,
					Message: fmt.Sprintf("respondent.id: %q also answers in %s; give each respondent one file", id, first)})
				continue
			}
			byID[id] = resp.File
		}
		a.Responses = append(a.Responses, resp)
	}
	probs = append(probs, checkRespondents(a, a.Responses)...)
	for _, resp := range a.Responses {
		probs = append(probs, responseWarnings(a, resp)...)
	}
	if len(names) == 0 {
		probs = append(probs, Problem{File: dir, Severity: Warning, Message: "no responses yet; add one YAML file per respondent (itilmap template makes a capture workbook)"})
	}
	return probs
}

// workerPanic holds a recovered panic value (atomic.Value needs one type).
type workerPanic struct{ value any }

// responseWarnings notes what a response leaves out: a team, and questions
// in scope that it does not answer (listed once per respondent).
func responseWarnings(a *Assessment, resp *Response) Problems {
	var probs Problems
	if resp.Respondent.Team == "" {
		probs = append(probs, Problem{File: resp.File, Severity: Warning,
			Message: fmt.Sprintf("respondent %q has no team; team scores leave them out", resp.Respondent.ID)})
	}
	q := a.Questionnaire
	if q == nil {
		return probs
	}
	answered := make([]bool, len(q.Questions))
	for _, ans := range resp.Answers {
		if qu := q.Question(ans.Question); qu != nil && (ans.Documented != Unknown || ans.Actual != Unknown) {
			answered[qu.Index] = true
		}
	}
	// only the questions put to the respondent's role count (they were not put to them)
	roles := a.QuestionnaireRoles(resp.Respondent.Role)
	var missing []string
	total := 0
	for _, pid := range a.Scope {
		for _, qu := range q.Practice(pid).Questions {
			if !qu.PutTo(roles...) {
				continue
			}
			total++
			if !answered[qu.Index] {
				missing = append(missing, qu.ID)
			}
		}
	}
	if len(missing) > 0 {
		list := missing
		more := ""
		if len(list) > 5 {
			list, more = list[:5], fmt.Sprintf(" and %d more", len(missing)-5)
		}
		probs = append(probs, Problem{File: resp.File, Severity: Warning,
			Message: fmt.Sprintf("respondent %q left %d of %d questions in scope unanswered (%s%s)",
				resp.Respondent.ID, len(missing), total, strings.Join(list, ", "), more)})
	}
	return probs
}

func loadPainPoints(src Source, a *Assessment) Problems {
	file := filepath.Join(a.Dir, a.PainPointsFile)
	data, p := ReadFile(src, file)
	if p != nil {
		if p.Message == "no such file" && a.PainPointsFile == DefaultPainPointFile {
			return nil // pain points are optional
		}
		return Problems{*p}
	}
	pps, probs := ParsePainPoints(file, data, a.Questionnaire)
	a.PainPoints = pps
	return append(probs, painPointChecks(a, file)...)
}

// painPointChecks checks the pain points against the assessment: a due
// date before the assessment date is an error; a pain point none of whose
// practices is in scope is a warning (it is still ranked, and its outcome
// says that nothing in the plan addresses it).
func painPointChecks(a *Assessment, file string) Problems {
	var probs Problems
	for _, pp := range a.PainPoints {
		if g := pp.Metric; g != nil && !g.By.IsZero() && !a.Date.IsZero() && g.By.Before(a.Date.Time) {
			probs = append(probs, Problem{File: file, Line: g.ByPos.Line, Column: g.ByPos.Column,
				Message: fmt.Sprintf("metric.by: %s is before the assessment date %s", g.By, a.Date)})
		}
		if a.Questionnaire == nil || len(pp.Practices) == 0 {
			continue
		}
		inScope, known := false, true
		for _, p := range pp.Practices {
			inScope = inScope || a.InScope(p)
			known = known && a.Questionnaire.Practice(p) != nil
		}
		if !inScope && known { // an unknown practice is an error of its own
			probs = append(probs, Problem{File: file, Line: pp.Pos.Line, Column: pp.Pos.Column, Severity: Warning,
				Message: fmt.Sprintf("pain point %q: none of its practices (%s) is in scope; it is still ranked, but nothing in the plan addresses it",
					pp.ID, strings.Join(pp.Practices, ", "))})
		}
	}
	return probs
}

// pointAtRef moves a problem of finding the questionnaire (a missing file, an
// unknown built-in id) to the questionnaire: line of assessment.yaml, where
// the user can fix it.
func (r *reader) pointAtRef(root *yaml.Node, ref, dir string, q *Questionnaire, qp Problems) {
	if q != nil || len(qp) != 1 || qp[0].Line != 0 {
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "questionnaire" {
			continue
		}
		v := root.Content[i+1]
		msg := qp[0].Message
		if !IsBuiltin(ref) {
			name := ref
			if !filepath.IsAbs(name) {
				name = filepath.Join(dir, ref)
			}
			msg = name + ": " + msg
		}
		qp[0] = Problem{File: r.file, Line: v.Line, Column: v.Column, Message: "questionnaire: " + msg}
		return // the first key is the one used; a duplicate is reported on its own
	}
}
