package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/room"
)

// TestRestartLosesNothing drops a server without any cleanup, as a crash
// would, and starts a new one on the same folder: every acknowledged answer
// is there, and each participant continues with their own cookie.
func TestRestartLosesNothing(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	alex := w.join("Alex", "desk", "agent")
	bo := w.join("Bo", "apps", "lead")
	acked := map[string]string{}
	for i, qid := range []string{"IM-1", "IM-2"} {
		if p := alex.answer(qid, url.Values{"documented": {fmt.Sprint(i + 3)}, "actual": {fmt.Sprint(i + 1)}, "note": {"alex " + qid}}); p.status != http.StatusSeeOther {
			t.Fatalf("answer %s: %d", qid, p.status)
		}
		acked["alex "+qid] = fmt.Sprintf("%d/%d", i+3, i+1)
	}
	if p := bo.answer("IM-1", url.Values{"documented": {"na"}, "actual": {"na"}}); p.status != http.StatusSeeOther {
		t.Fatal(p.status)
	}
	// a crash mid-write leaves a temporary file; the next room removes it
	os.WriteFile(filepath.Join(w.dir, "responses", ".itilmap-tmp-123"), []byte("partial"), 0o600)
	code, token := w.room.JoinCode(), w.room.Token()
	w.srv.CloseClientConnections()
	w.srv.Close()  // no room cleanup: nothing of the room is flushed or saved;
	w.room.Close() // only the folder's lock is released, as the system does for a dead process

	w2 := startWorkshop(t, w.dir, room.Options{})
	if w2.room.JoinCode() != code || w2.room.Token() != token {
		t.Errorf("the join code or facilitator token changed across a restart")
	}
	if _, err := os.Stat(filepath.Join(w.dir, "responses", ".itilmap-tmp-123")); err == nil {
		t.Errorf("the temporary file is still there")
	}
	for _, c := range []*client{alex, bo} {
		c.w = w2 // same browser, same cookies, the new server
	}
	// Alex answered IM-1 and IM-2: continues at CE-1
	if p := alex.get("/p"); p.location != "/p/q/CE-1" {
		t.Errorf("Alex resumes at %q, want /p/q/CE-1", p.location)
	}
	p := alex.get("/p/q/IM-2")
	if !strings.Contains(p.body, `name="documented" value="4" checked`) || !strings.Contains(p.body, "alex IM-2") {
		t.Errorf("Alex's IM-2 is not shown after the restart")
	}
	if p := bo.get("/p"); p.location != "/p/q/IM-2" {
		t.Errorf("Bo resumes at %q, want /p/q/IM-2", p.location)
	}
	if p := bo.answer("IM-2", url.Values{"documented": {"1"}, "actual": {"1"}}); p.status != http.StatusSeeOther {
		t.Errorf("Bo cannot answer after the restart: %d", p.status)
	}
	// the folder holds every acknowledged answer, for every command
	a, probs := assess.Load(assess.Disk{}, w.dir)
	if probs.HasErrors() {
		t.Fatal(probs.Errors())
	}
	got := map[string]string{}
	for _, r := range a.Responses {
		for _, ans := range r.Answers {
			if ans.Note != "" {
				got[ans.Note] = fmt.Sprintf("%d/%d", ans.Documented, ans.Actual)
			}
		}
	}
	for k, v := range acked {
		if got[k] != v {
			t.Errorf("%s: %q after the restart, want %q", k, got[k], v)
		}
	}
	if len(a.Responses) != 3 {
		t.Errorf("%d responses, want 3 (r01, alex, bo)", len(a.Responses))
	}
	// the participants are in the room again
	if body := w2.client().get("/f/" + token + "/panel").body; !strings.Contains(body, ">Alex") || !strings.Contains(body, ">Bo") {
		t.Errorf("the restarted view does not list Alex and Bo")
	}
	// a new participant named like one of them gets a new file
	w2.join("Alex", "desk", "")
	if _, err := os.Stat(filepath.Join(w.dir, "responses", "alex-2.yaml")); err != nil {
		t.Errorf("a second Alex: %v", err)
	}
}
