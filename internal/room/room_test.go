package room

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/itilmap/itilmap/assess"
)

func openOn(t *testing.T, dir string, opts Options) *Room {
	t.Helper()
	a, probs := assess.Load(assess.Disk{}, dir)
	if probs.HasErrors() {
		t.Fatal(probs.Errors())
	}
	r, err := Open(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../templates/web/testdata/room")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestJoinNeverOverwrites opens two rooms on one folder, each unaware of
// the other's files, and joins the same name in both at once: the check
// that a name is free and the file's creation are one step, so each gets
// its own file.
func TestJoinNeverOverwrites(t *testing.T) {
	dir := fixture(t)
	rooms := []*Room{openOn(t, dir, Options{unlocked: true}), openOn(t, dir, Options{unlocked: true})}
	ids := make([]string, 2*len(rooms))
	var wg sync.WaitGroup
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id, err := rooms[i%2].Join(Joiner{Name: "Alex", Team: "desk"})
			if err != nil {
				t.Error(err)
			}
			ids[i] = id
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("two participants got %q: %v", id, ids)
		}
		seen[id] = true
		data, err := os.ReadFile(filepath.Join(dir, "responses", id+".yaml"))
		if err != nil || !strings.Contains(string(data), "id: "+id+",") {
			t.Errorf("%s.yaml: %v\n%s", id, err, data)
		}
	}
}

// TestAnswerChecksLikeAFile refuses what a response file could not hold and
// leaves the file as it was.
func TestAnswerChecksLikeAFile(t *testing.T) {
	dir := fixture(t)
	r := openOn(t, dir, Options{})
	id, err := r.Join(Joiner{Name: "Alex", Team: "desk"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "responses", id+".yaml")
	before, _ := os.ReadFile(file)
	for _, in := range []AnswerInput{
		{Question: "IM-1", Documented: "6"},
		{Question: "IM-1", Actual: "-1"},
		{Question: "IM-1", Documented: "3", Note: "bell\a"},
		{Question: "IM-1", Documented: "3", Evidence: strings.Repeat("x", 10_001)},
		{Question: "IM-1", Documented: "3", Note: "\xff"},
		{Question: "XX-1", Documented: "3"},
	} {
		err := r.Answer(id, in)
		if _, ok := err.(*InputError); !ok {
			t.Errorf("%+v: %v, want an InputError", in, err)
		}
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Errorf("a refused answer changed the file:\n%s", after)
	}
	// text is normalised to NFC and trimmed, as the loader reads it
	if err := r.Answer(id, AnswerInput{Question: "IM-1", Documented: "3", Note: "  Cafe\u0301\r\nline two  "}); err != nil {
		t.Fatal(err)
	}
	if a := r.Response(id).Answers[0]; a.Note != "Café\nline two" {
		t.Errorf("note stored as %q", a.Note)
	}
	if err := r.Answer("nobody", AnswerInput{Question: "IM-1"}); err == nil {
		t.Errorf("an answer for no participant was taken")
	}
}

// TestOneRoomAFolder: a second room on a folder refuses to open until the
// first is closed (or its process has ended).
func TestOneRoomAFolder(t *testing.T) {
	dir := fixture(t)
	first := openOn(t, dir, Options{})
	a, _ := assess.Load(assess.Disk{}, dir)
	if _, err := Open(a, Options{}); err == nil || !strings.Contains(err.Error(), "another itilmap workshop is running on") {
		t.Fatalf("a second room opened: %v", err)
	}
	first.Close()
	openOn(t, dir, Options{}).Close()
}
