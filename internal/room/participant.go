package room

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilmap/itilmap/assess"
	"golang.org/x/text/unicode/norm"
)

// Text limits, the same in files, workbooks and the web.
const (
	maxName = 200
	maxText = 10_000
)

// Joiner is what a participant gives when joining.
type Joiner struct {
	Name, Team, Role string
}

// Join adds a participant and writes their (empty) response file. The
// file is named by the participant's id: made from the name, or random in
// an anonymous room; it never replaces a file already in the folder. It
// returns the id, an *InputError when a value is refused, or a *FullError.
func (r *Room) Join(j Joiner) (string, error) {
	var probs []string
	if r.opts.Anonymous {
		j.Name = ""
	} else {
		j.Name = cleanText("Name", j.Name, maxName, false, &probs)
		if j.Name == "" && len(probs) == 0 {
			probs = append(probs, "Name: give your name")
		}
	}
	j.Team = cleanText("Team", j.Team, maxName, false, &probs)
	j.Role = cleanText("Role", j.Role, maxName, false, &probs)
	if j.Team == "" {
		probs = append(probs, "Team: choose your team")
	} else if msg := r.a.CheckTeam(j.Team); msg != "" {
		probs = append(probs, "Team: "+msg)
	}
	if j.Role == "" && len(r.a.Roles) > 0 {
		probs = append(probs, "Role: choose your role")
	} else if msg := r.a.CheckRole(j.Role); msg != "" {
		probs = append(probs, "Role: "+msg)
	}
	if len(probs) > 0 {
		return "", &InputError{Problems: probs}
	}

	r.writing.Lock()
	defer r.writing.Unlock()
	r.mu.Lock()
	full := len(r.parts) >= r.opts.MaxParticipants
	r.mu.Unlock()
	if full {
		return "", &FullError{Max: r.opts.MaxParticipants}
	}
	resp := &assess.Response{
		Questionnaire: r.q.ID,
		Respondent:    assess.Respondent{Name: j.Name, Team: j.Team, Role: j.Role},
		Date:          assess.Date{Time: r.opts.Now()},
	}
	for attempt := 0; ; attempt++ {
		id, err := r.newID(j.Name, attempt)
		if err != nil {
			return "", err
		}
		resp.Respondent.ID = id
		file := filepath.Join(r.dir, id+".yaml")
		resp.File = file
		data, err := r.check(resp)
		if err != nil {
			return "", err
		}
		err = createFile(r.dir, id+".yaml", data, 0o644)
		if errors.Is(err, fs.ErrExist) {
			r.mu.Lock()
			r.taken[id] = true
			r.mu.Unlock()
			continue // a file appeared since the folder was read
		}
		if err != nil {
			return "", fmt.Errorf("writing %s: %w", file, err)
		}
		r.mu.Lock()
		r.taken[id] = true
		r.parts[id] = &participant{id: id, file: file, resp: resp}
		r.order = append(r.order, id)
		r.state.Participants = slices.Clone(r.order)
		st := r.state
		r.touch()
		r.mu.Unlock()
		return id, saveState(r.dir, st)
	}
}

// newID returns a free id for a participant: from the name (alex-kim,
// alex-kim-2, …), or random in an anonymous room. r.writing is held.
func (r *Room) newID(name string, attempt int) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.opts.Anonymous || attempt > 1000 {
		for range 100 {
			b := make([]byte, 5)
			if _, err := rand.Read(b); err != nil {
				return "", err
			}
			id := "anon-" + strings.ToLower(strings.TrimRight(base32(b), "="))
			if !r.taken[id] {
				return id, nil
			}
		}
		return "", errors.New("no free participant id")
	}
	base := assess.MakeID(name)
	if base == "" || !unicode.IsLetter(rune(base[0])) {
		base = "p-" + base
	}
	base = strings.TrimRight(base[:min(len(base), 100)], "-")
	for n := 1; ; n++ {
		id := base
		if n > 1 {
			id = base + "-" + strconv.Itoa(n)
		}
		if !r.taken[id] && assess.ValidID(id) {
			return id, nil
		}
	}
}

func base32(b []byte) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	var s strings.Builder
	var acc, bits uint
	for _, c := range b {
		acc = acc<<8 | uint(c)
		bits += 8
		for bits >= 5 {
			s.WriteByte(alphabet[(acc>>(bits-5))&31])
			bits -= 5
		}
	}
	return s.String()
}

// check writes resp as a response file and reads it back as assess.Load
// would, so that the room stores nothing a file could not hold. It
// returns the file's bytes, or an *InputError with the loader's messages.
func (r *Room) check(resp *assess.Response) ([]byte, error) {
	if !assess.ValidID(resp.Respondent.ID) {
		return nil, fmt.Errorf("room: %q is not a valid id", resp.Respondent.ID)
	}
	data := assess.ResponseYAML(resp, r.q)
	back, probs := assess.ParseResponse(resp.File, data, r.q)
	if errs := probs.Errors(); len(errs) > 0 || back == nil {
		var out []string
		for _, p := range errs {
			out = append(out, p.Message)
		}
		if len(out) == 0 {
			out = append(out, "the answer could not be stored")
		}
		return nil, &InputError{Problems: out}
	}
	return data, nil
}

// cleanText trims s, normalises it to NFC and line ends to \n, and checks
// its length and characters, adding a problem to probs when it is refused.
func cleanText(field, s string, limit int, multiline bool, probs *[]string) string {
	if !utf8.ValidString(s) {
		*probs = append(*probs, field+": the text is not valid UTF-8")
		return ""
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSpace(norm.NFC.String(s))
	for _, c := range s {
		if unicode.IsControl(c) && !(multiline && (c == '\n' || c == '\t')) {
			*probs = append(*probs, fmt.Sprintf("%s: control character %U is not allowed", field, c))
			return ""
		}
	}
	if n := utf8.RuneCountInString(s); n > limit {
		*probs = append(*probs, fmt.Sprintf("%s: %d characters; at most %d", field, n, limit))
		return ""
	}
	return s
}

// Questions are the in-scope questions put to participant id's role, in
// questionnaire order.
func (r *Room) Questions(id string) []*assess.Question {
	r.mu.Lock()
	p := r.parts[id]
	r.mu.Unlock()
	if p == nil {
		return nil
	}
	return questionsFor(r.a, p.resp.Respondent.Role)
}

// Response returns participant id's response as it stands. It must not be
// changed.
func (r *Room) Response(id string) *assess.Response {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p := r.parts[id]; p != nil {
		return p.resp
	}
	return nil
}

// Last is the question participant id answered last, "" for none since
// the room opened.
func (r *Room) Last(id string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p := r.parts[id]; p != nil {
		return p.last
	}
	return ""
}

// AnswerInput is one answer as a form gives it: documented and actual
// each a level ("0".."5"), "na", or "" for don't know.
type AnswerInput struct {
	Question, Documented, Actual, Note, Evidence string
}

// Answer records participant id's answer to a question: checked like a
// response file, then written to their file (replaced atomically and
// synced) before it returns. A refused value gives an *InputError and
// changes nothing.
func (r *Room) Answer(id string, in AnswerInput) error {
	r.mu.Lock()
	p := r.parts[id]
	r.mu.Unlock()
	if p == nil {
		return errors.New("room: no such participant")
	}
	qu := r.q.Question(in.Question)
	if qu == nil || !r.a.InScope(qu.Practice) {
		return &InputError{Problems: []string{fmt.Sprintf("no question %q in this workshop", in.Question)}}
	}
	var probs []string
	a := assess.Answer{Question: qu.ID}
	a.Documented = r.value("Documented", in.Documented, &probs)
	a.Actual = r.value("Actual", in.Actual, &probs)
	a.Note = cleanText("Note", in.Note, maxText, true, &probs)
	a.Evidence = cleanText("Evidence", in.Evidence, maxText, true, &probs)
	if len(probs) > 0 {
		return &InputError{Problems: probs}
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	next := *p.resp
	next.Answers = make([]assess.Answer, 0, len(p.resp.Answers)+1)
	replaced := false
	for _, old := range p.resp.Answers {
		if old.Question == qu.ID {
			old, replaced = a, true
		}
		next.Answers = append(next.Answers, old)
	}
	if !replaced {
		next.Answers = append(next.Answers, a)
	}
	next.Date = assess.Date{Time: r.opts.Now()}
	data, err := r.check(&next)
	if err != nil {
		return err
	}
	if err := replaceFile(r.dir, filepath.Base(p.file), data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", p.file, err)
	}
	r.mu.Lock()
	p.resp = &next
	p.last = qu.ID
	r.touch()
	r.mu.Unlock()
	return nil
}

// value reads a level, "na" or "" (don't know) on the questionnaire's scale.
func (r *Room) value(field, s string, probs *[]string) assess.Value {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "":
		return assess.Unknown
	case "na":
		return assess.NA
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < r.q.Scale.Min || n > r.q.Scale.Max {
		*probs = append(*probs, fmt.Sprintf("%s: choose a level %d to %d, n/a or don't know", field, r.q.Scale.Min, r.q.Scale.Max))
		return assess.Unknown
	}
	return assess.Value(n)
}

// Answered reports whether a has a level or na for either value.
func Answered(a assess.Answer) bool {
	return a.Documented != assess.Unknown || a.Actual != assess.Unknown
}
