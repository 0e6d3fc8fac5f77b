package room

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/itilmap/itilmap/assess"
)

// StateFile is the room's own file in the responses folder: the key that
// signs participants' cookies, the join code, the facilitator token, who
// joined and what was revealed. Its name starts with a dot, so that the
// loader, which reads only *.yaml and *.yml files not starting with a dot
// or underscore, never takes it for a response.
const StateFile = ".itilmap-workshop.json"

// tempPrefix starts the name of every temporary file the room writes; a
// crash may leave one behind, and the next Open removes it.
const tempPrefix = ".itilmap-tmp-"

// maxStateFile bounds the state file read at Open.
const maxStateFile = 4 << 20

type state struct {
	Key          string   `json:"key"`
	Code         string   `json:"code"`
	Token        string   `json:"token"`
	Participants []string `json:"participants"`
	Revealed     []string `json:"revealed"`

	keyBytes []byte
}

func (s *state) key() []byte { return s.keyBytes }

// codeAlphabet has no letters or digits that read alike (0/O, 1/I/L).
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// codeLength is the length of a join code: 31^6, about 30 bits, typed on a
// phone in a few seconds.
const codeLength = 6

func newState() (state, error) {
	key := make([]byte, 32)
	tok := make([]byte, 24) // 192 bits
	code := make([]byte, codeLength)
	for _, b := range [][]byte{key, tok, code} {
		if _, err := rand.Read(b); err != nil {
			return state{}, err
		}
	}
	for i, c := range code {
		code[i] = codeAlphabet[int(c)%len(codeAlphabet)]
	}
	return state{
		Key:      base64.RawURLEncoding.EncodeToString(key),
		Code:     string(code),
		Token:    base64.RawURLEncoding.EncodeToString(tok),
		keyBytes: key,
	}, nil
}

// loadState reads the state file of dir, or makes a new state (and writes
// it) when there is none.
func loadState(dir string) (state, error) {
	name := filepath.Join(dir, StateFile)
	data, err := readSmall(name, maxStateFile)
	if errors.Is(err, fs.ErrNotExist) {
		st, err := newState()
		if err != nil {
			return st, err
		}
		return st, saveState(dir, st)
	}
	if err != nil {
		return state{}, &StateError{File: name, Problem: err.Error()}
	}
	var st state
	if err := json.Unmarshal(data, &st); err != nil {
		return state{}, &StateError{File: name, Problem: err.Error()}
	}
	st.keyBytes, err = base64.RawURLEncoding.DecodeString(st.Key)
	if err != nil || len(st.keyBytes) < 32 || len(st.Token) < 22 || len(st.Code) != codeLength {
		return state{}, &StateError{File: name, Problem: "not a workshop state file"}
	}
	for _, id := range st.Participants {
		if !assess.ValidID(id) {
			return state{}, &StateError{File: name, Problem: fmt.Sprintf("participant %q is not a valid id", id)}
		}
	}
	return st, nil
}

// StateError is a state file that cannot be read as one: the room does not
// open, and nothing is written.
type StateError struct {
	File, Problem string
}

func (e *StateError) Error() string {
	return e.File + ": " + e.Problem + "; remove it to start a new room (earlier participants' files stay, but they join again)"
}

// readSmall reads a regular file of at most limit bytes.
func readSmall(name string, limit int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return os.ReadFile(name)
}

func saveState(dir string, st state) error {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return replaceFile(dir, StateFile, append(data, '\n'), 0o600)
}

// tempFile writes data to a new temporary file in dir and syncs it.
func tempFile(dir string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", err
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// replaceFile replaces dir/name by data atomically: a temporary file is
// written and synced, renamed over name, and the folder synced, so that
// after a crash the file holds either the old or the new content.
func replaceFile(dir, name string, data []byte, perm fs.FileMode) error {
	tmp, err := tempFile(dir, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

// createFile creates dir/name with data, failing with fs.ErrExist when the
// name is taken: the check and the creation are one step (a hard link), so
// that no file is ever overwritten, and the file appears whole or not at
// all.
func createFile(dir, name string, data []byte, perm fs.FileMode) error {
	tmp, err := tempFile(dir, data, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	target := filepath.Join(dir, name)
	if err := os.Link(tmp, target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		// a file system without hard links: reserve the name, then fill it
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err != nil {
			return err
		}
		f.Close()
		if err := os.Rename(tmp, target); err != nil {
			return err
		}
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// removeTemps removes the temporary files a crash left in dir.
func removeTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
