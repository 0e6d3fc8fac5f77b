//go:build unix

package assess

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test when f takes more than a few seconds: reading a
// named pipe must never wait for a writer.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("still waiting after 5 s: a named pipe or device was read")
	}
}

// special makes, at path, the kind of file that is not a regular one.
func special(t *testing.T, path, kind string) {
	t.Helper()
	switch kind {
	case "fifo":
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	case "device":
		if err := os.Symlink("/dev/zero", path); err != nil {
			t.Skipf("symlink: %v", err)
		}
	case "socket":
		l, err := net.Listen("unix", path)
		if err != nil {
			t.Skipf("unix socket: %v", err)
		}
		t.Cleanup(func() { l.Close() })
	}
}

var specialMessages = map[string]string{
	"fifo":   "is a named pipe (FIFO); expected a regular file",
	"device": "is a device; expected a regular file",
	"socket": "is a socket; expected a regular file",
}

func TestLoadRefusesSpecialFiles(t *testing.T) {
	for _, where := range []string{"responses/r02.yaml", "painpoints.yaml", "q.yaml"} {
		for _, kind := range []string{"fifo", "device", "socket"} {
			t.Run(where+"/"+kind, func(t *testing.T) {
				// a short folder name: unix socket paths are at most 108 bytes
				dir, err := os.MkdirTemp("", "itm")
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.RemoveAll(dir) })
				ref := "itil4-quick"
				if where == "q.yaml" {
					ref = "q.yaml"
				}
				write(t, dir, "assessment.yaml", "kind: assessment\nid: x\norganization: X Ltd\ndate: 2026-11-02\nquestionnaire: "+ref+"\n")
				write(t, dir, "responses/r01.yaml", "kind: response\nquestionnaire: itil4-quick\nrespondent: {id: r01, team: desk}\nanswers:\n  Q-SD-PE-1: {documented: 4, actual: 2}\n")
				special(t, filepath.Join(dir, where), kind)
				var probs Problems
				within(t, func() { _, probs = Load(Disk{}, dir) })
				want := filepath.Join(dir, where) + ": " + specialMessages[kind]
				if !strings.Contains(probs.Error(), want) {
					t.Errorf("problems do not say %q:\n%s", want, probs.Error())
				}
			})
		}
	}
}

// TestReadRegularFile: the one reader of input files refuses what is not a
// regular file without waiting, and holds a file to its limit.
func TestReadRegularFile(t *testing.T) {
	dir, err := os.MkdirTemp("", "itm")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	for _, kind := range []string{"fifo", "device", "socket"} {
		path := filepath.Join(dir, kind)
		special(t, path, kind)
		var msg string
		within(t, func() { _, msg = readLimited(Disk{}, path, 1<<20) })
		if msg != specialMessages[kind] {
			t.Errorf("%s: got %q, want %q", kind, msg, specialMessages[kind])
		}
	}
	write(t, dir, "ok.txt", "hello")
	if data, msg := readLimited(Disk{}, filepath.Join(dir, "ok.txt"), 5); msg != "" || string(data) != "hello" {
		t.Errorf("ok.txt: %q, %v", data, msg)
	}
	if _, msg := readLimited(Disk{}, filepath.Join(dir, "ok.txt"), 4); msg != "file is larger than 4 bytes" {
		t.Errorf("ok.txt within 4 bytes: %v", msg)
	}
	if _, msg := readLimited(Disk{}, dir, 5); msg != "is a directory; expected a file" {
		t.Errorf("a folder: %v", msg)
	}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
