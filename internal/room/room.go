// Package room is the state of a live workshop (docs/workshop.md): who has
// joined, their answers, what the facilitator has revealed. Every answer is
// on disk, as the same response YAML that every other command reads, before
// a method that records it returns; a room opened again on the same folder
// continues where the last one stopped.
//
// The web pages (templates/web) read and change a room only through its
// methods; the room never speaks HTTP.
package room

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/itilmap/itilmap/assess"
)

// Options shape a room.
type Options struct {
	// Anonymous rooms ask for team and role only, name their files by
	// random ids and store no name.
	Anonymous bool
	// RevealLive shows every question's distribution as it comes in;
	// otherwise only once the facilitator reveals the question.
	RevealLive bool
	// MaxParticipants bounds the room; 0 means DefaultMaxParticipants.
	MaxParticipants int
	// Now is the clock that dates responses; nil means time.Now.
	Now func() time.Time

	unlocked bool // tests only: open without the folder's lock
}

// DefaultMaxParticipants is the size of a room when Options leave it 0.
const DefaultMaxParticipants = 500

// Room is a live workshop over one assessment folder. It is safe for use
// by many goroutines at once.
type Room struct {
	a     *assess.Assessment
	q     *assess.Questionnaire
	opts  Options
	dir   string // the responses folder
	state state

	mu       sync.Mutex
	parts    map[string]*participant // by respondent id
	order    []string                // participant ids in joining order
	others   []*assess.Response      // responses in the folder that are not the room's
	taken    map[string]bool         // lower-cased ids and file stems in use
	revealed map[string]bool
	version  uint64
	changed  chan struct{} // closed and replaced at every change
	snap     *Snapshot
	unlock   func()
	writing  sync.Mutex // held by Join and Reveal: one writer of new ids and the state file
}

// participant is one person (or anonymous id) in the room.
type participant struct {
	mu   sync.Mutex // held while the file is written
	id   string
	file string
	resp *assess.Response // replaced, never changed, so a snapshot can hold it
	last string           // the question last answered, for coming back
}

// Open opens a room on an assessment loaded and checked by assess.Load
// without errors. Participants of an earlier room on the same folder (whose
// state file is in the responses folder) are in the room again, with their
// answers as the files hold them.
func Open(a *assess.Assessment, opts Options) (*Room, error) {
	if a == nil || a.Questionnaire == nil {
		return nil, fmt.Errorf("room: no assessment")
	}
	if opts.MaxParticipants <= 0 {
		opts.MaxParticipants = DefaultMaxParticipants
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	r := &Room{
		a:        a,
		q:        a.Questionnaire,
		opts:     opts,
		dir:      filepath.Join(a.Dir, a.ResponsesDir),
		parts:    map[string]*participant{},
		taken:    map[string]bool{},
		revealed: map[string]bool{},
		changed:  make(chan struct{}),
	}
	r.unlock = func() {}
	if !opts.unlocked {
		unlock, err := lockDir(r.dir)
		if err != nil {
			return nil, err
		}
		r.unlock = unlock
	}
	if err := r.open(a); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// open reads the state and the responses; the folder is locked.
func (r *Room) open(a *assess.Assessment) error {
	removeTemps(r.dir)
	st, err := loadState(r.dir)
	if err != nil {
		return err
	}
	r.state = st
	ids := map[string]bool{}
	for _, id := range st.Participants {
		ids[id] = true
	}
	for _, resp := range a.Responses {
		id := resp.Respondent.ID
		r.taken[strings.ToLower(id)] = true
		if ids[id] && filepath.Base(resp.File) == id+".yaml" && r.parts[id] == nil {
			r.parts[id] = &participant{id: id, file: resp.File, resp: resp}
			continue
		}
		r.others = append(r.others, resp)
	}
	for _, id := range st.Participants {
		if r.parts[id] != nil {
			r.order = append(r.order, id)
		}
	}
	for _, id := range st.Revealed {
		if r.q.Question(id) != nil {
			r.revealed[id] = true
		}
	}
	if err := r.scanTaken(); err != nil {
		return err
	}
	if len(r.order) != len(st.Participants) {
		r.state.Participants = slices.Clone(r.order)
		if err := saveState(r.dir, r.state); err != nil {
			return err
		}
	}
	return nil
}

// scanTaken marks every file stem in the responses folder as taken, so
// that a new participant never gets the name of a file already there.
func (r *Room) scanTaken() error {
	entries, err := os.ReadDir(r.dir)
	if err != nil {
		return fmt.Errorf("reading %s: %w", r.dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		r.taken[strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name)))] = true
	}
	return nil
}

// Assessment is the assessment the room runs on. It must not be changed.
func (r *Room) Assessment() *assess.Assessment { return r.a }

// Anonymous reports whether the room stores no names.
func (r *Room) Anonymous() bool { return r.opts.Anonymous }

// RevealLive reports whether distributions show as they come in.
func (r *Room) RevealLive() bool { return r.opts.RevealLive }

// JoinCode is the short code participants join with.
func (r *Room) JoinCode() string { return r.state.Code }

// Token is the facilitator's secret: at least 128 random bits.
func (r *Room) Token() string { return r.state.Token }

// CheckCode reports whether s is the join code, in constant time and
// forgiving case and spaces.
func (r *Room) CheckCode(s string) bool {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	return subtle.ConstantTimeCompare([]byte(s), []byte(r.state.Code)) == 1
}

// CheckToken reports whether s is the facilitator token, in constant time.
func (r *Room) CheckToken(s string) bool {
	return subtle.ConstantTimeCompare([]byte(s), []byte(r.state.Token)) == 1
}

// mac signs a purpose and an id with the room's key.
func (r *Room) mac(purpose, id string) string {
	h := hmac.New(sha256.New, r.state.key())
	h.Write([]byte(purpose + "\x00" + id))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// Cookie is the value of participant id's cookie: the id and its
// signature, valid for as long as the room's state file lasts.
func (r *Room) Cookie(id string) string { return id + "." + r.mac("participant", id) }

// Participant returns the id of the participant a cookie value belongs to.
func (r *Room) Participant(cookie string) (string, bool) {
	dot := strings.LastIndexByte(cookie, '.') // ids may hold dots; signatures do not
	if dot < 0 {
		return "", false
	}
	id, sig := cookie[:dot], cookie[dot+1:]
	if !hmac.Equal([]byte(sig), []byte(r.mac("participant", id))) {
		return "", false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return id, r.parts[id] != nil
}

// CSRF is participant id's token for forms.
func (r *Room) CSRF(id string) string { return r.mac("csrf", id) }

// CheckCSRF reports whether token is participant id's form token.
func (r *Room) CheckCSRF(id, token string) bool {
	return hmac.Equal([]byte(token), []byte(r.CSRF(id)))
}

// Changed returns the room's version and a channel closed at the next
// change.
func (r *Room) Changed() (uint64, <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.version, r.changed
}

// touch records a change; r.mu is held.
func (r *Room) touch() {
	r.version++
	close(r.changed)
	r.changed = make(chan struct{})
}

// Reveal shows the distribution of question id (every question when id
// is "all") to the facilitator's view, and remembers it across restarts.
func (r *Room) Reveal(id string) error {
	r.writing.Lock()
	defer r.writing.Unlock()
	r.mu.Lock()
	var ids []string
	switch {
	case id == "all":
		for _, pid := range r.a.Scope {
			for _, qu := range r.q.Practice(pid).Questions {
				ids = append(ids, qu.ID)
			}
		}
	case r.q.Question(id) != nil:
		ids = []string{id}
	default:
		r.mu.Unlock()
		return &InputError{Problems: []string{fmt.Sprintf("no question %q", id)}}
	}
	for _, id := range ids {
		r.revealed[id] = true
	}
	st := r.state
	st.Revealed = nil
	for _, pid := range r.a.Scope {
		for _, qu := range r.q.Practice(pid).Questions {
			if r.revealed[qu.ID] {
				st.Revealed = append(st.Revealed, qu.ID)
			}
		}
	}
	r.touch()
	r.mu.Unlock()
	r.state.Revealed = st.Revealed
	return saveState(r.dir, st)
}

// InputError is a value a participant or facilitator gave that the room
// refuses: nothing was stored. Problems say what is wrong, one a line,
// ready to show on the page.
type InputError struct {
	Problems []string
}

func (e *InputError) Error() string { return strings.Join(e.Problems, "; ") }

// FullError is a join refused because the room holds its maximum.
type FullError struct{ Max int }

func (e *FullError) Error() string {
	return fmt.Sprintf("the room is full: %d participants have joined", e.Max)
}

// Close releases the folder for another room. Everything is on disk
// already: a room that is never closed (a crash) loses nothing.
func (r *Room) Close() {
	if r.unlock != nil {
		r.unlock()
		r.unlock = nil
	}
}

// BusyError is a folder that another workshop has open.
type BusyError struct{ Dir string }

func (e *BusyError) Error() string {
	return "another itilmap workshop is running on " + e.Dir + "; stop it first (two rooms on one folder would not know of each other's participants)"
}

// ResponsesDir is the folder the room writes response files to.
func (r *Room) ResponsesDir() string { return r.dir }
