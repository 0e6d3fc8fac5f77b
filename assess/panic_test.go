package assess

import (
	"io/fs"
	"strings"
	"testing"
)

// panicky panics when a response file is opened, as a bug in a parser would.
type panicky struct{ Source }

func (p panicky) Open(name string) (fs.File, error) {
	if strings.Contains(name, "responses/") {
		panic("bug in a worker")
	}
	return p.Source.Open(name)
}

// A panic while reading responses in parallel is raised again in the
// caller's goroutine, where the command recovers it (exit code 4), instead
// of ending the process with a stack trace.
func TestLoadRaisesWorkerPanicInCaller(t *testing.T) {
	defer func() {
		if r := recover(); r != "bug in a worker" {
			t.Errorf("recovered %v, want the worker's panic", r)
		}
	}()
	Load(panicky{FromFS(folder(nil))}, "a")
	t.Error("Load returned after a worker panicked")
}
