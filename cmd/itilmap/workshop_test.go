package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe to read while the command writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestWorkshopRun runs the command as Ctrl-C would end it: it prints the
// participants' address with the code and the facilitator's address,
// serves a participant who joins, and stops cleanly when its context ends,
// leaving the participant's response file in the folder.
func TestWorkshopRun(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../examples/acme")); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var out, errs lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- workshopRun(&workshopOptions{IO: iostreams{Out: &out, Err: &errs}, Dir: dir, Listen: "127.0.0.1:0",
			Reveal: "manual", MaxParticipants: 500, Context: ctx})
	}()
	var join, facilitator, code string
	deadline := time.Now().Add(10 * time.Second)
	for facilitator == "" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if m := regexp.MustCompile(`Facilitator \(keep this address to yourself\): (http://\S+)`).FindStringSubmatch(out.String()); m != nil {
			facilitator = m[1]
		}
	}
	m := regexp.MustCompile(`Participants: open (http://\S+) and enter the code ([A-Z0-9]{6})`).FindStringSubmatch(out.String())
	if m == nil || facilitator == "" {
		t.Fatalf("no addresses printed:\n%s\n%s", out.String(), errs.String())
	}
	join, code = m[1], m[2]
	if !strings.Contains(out.String(), "█") {
		t.Errorf("no QR code printed")
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Errorf("colour codes written to something that is not a terminal")
	}

	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar}
	resp, err := hc.Get(join)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	tok := regexp.MustCompile(`name="token" value="([^"]+)"`).FindSubmatch(body)
	if tok == nil {
		t.Fatalf("join page:\n%s", body)
	}
	resp, err = hc.PostForm(join+"join", url.Values{"token": {string(tok[1])}, "code": {code}, "name": {"Kim Lee"},
		"team": {"service-desk"}, "role": {"service-desk-agent"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.Contains(resp.Request.URL.Path, "/p/q/") {
		t.Errorf("after joining: %s", resp.Request.URL)
	}
	if resp, err := http.Get(facilitator); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("facilitator view: %v %v", resp, err)
	}

	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("stopping: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the workshop did not stop within 10 s")
	}
	if !strings.Contains(errs.String(), "Stopped. 1 participant; their answers are in ") {
		t.Errorf("stderr:\n%s", errs.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "responses", "kim-lee.yaml")); err != nil {
		t.Error(err)
	}
}

// TestWorkshopExample runs a try-out room on a copy of the example, in a
// new temporary folder that it names.
func TestWorkshopExample(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var out, errs lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- workshopRun(&workshopOptions{IO: iostreams{Out: &out, Err: &errs}, Input: assessmentInput{Example: true},
			Listen: "127.0.0.1:0", Reveal: "live", MaxParticipants: 5, Context: ctx})
	}()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), "Facilitator") && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`A copy of the example assessment is in (\S+); it stays there`).FindStringSubmatch(errs.String())
	if m == nil {
		t.Fatalf("stderr:\n%s", errs.String())
	}
	if _, err := os.Stat(filepath.Join(m[1], "assessment.yaml")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(m[1], "responses", ".itilmap-workshop.json")); err != nil {
		t.Error(err)
	}
}
