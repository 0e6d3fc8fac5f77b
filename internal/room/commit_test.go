package room

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestCommitterWaitsForALaterSync runs many writers through one committer
// whose sync is counted and slow: each writer "renames" (takes a ticket
// from a counter) and then calls Sync; every sync records the highest
// ticket taken when it began. Each writer must come back only after a
// sync that began after its ticket has finished, and the writers must
// share far fewer syncs than there are writers.
func TestCommitterWaitsForALaterSync(t *testing.T) {
	const writers = 200
	var (
		tickets  atomic.Int64 // renames made
		mu       sync.Mutex
		covered  int64 // highest ticket covered by a finished sync
		calls    int
		inflight atomic.Int32
	)
	c := newCommitter(func() error {
		if inflight.Add(1) != 1 {
			t.Error("two syncs at once")
		}
		began := tickets.Load() // every rename so far is in this sync
		time.Sleep(2 * time.Millisecond)
		inflight.Add(-1)
		mu.Lock()
		calls++
		if began < covered {
			t.Errorf("syncs out of order: one began at %d after one covering %d", began, covered)
		}
		covered = began
		mu.Unlock()
		return nil
	})
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 3 {
				mine := tickets.Add(1)
				if err := c.Sync(); err != nil {
					t.Error(err)
				}
				mu.Lock()
				if covered < mine {
					t.Errorf("rename %d acknowledged, but the last sync covered only up to %d", mine, covered)
				}
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	if calls >= writers*3 {
		t.Errorf("%d syncs for %d writes: nothing shared", calls, writers*3)
	}
	t.Logf("%d syncs for %d writes", calls, writers*3)
}

// TestCommitterSyncsAfterArrival checks the case that makes group commit
// subtle: a writer that arrives while a sync is running (which may have
// begun before its rename) must wait for the next one.
func TestCommitterSyncsAfterArrival(t *testing.T) {
	inSync := make(chan struct{})
	release := make(chan struct{})
	var calls atomic.Int32
	c := newCommitter(func() error {
		if calls.Add(1) == 1 {
			close(inSync)
			<-release
		}
		return nil
	})
	first := make(chan error)
	go func() { first <- c.Sync() }()
	select { // the first sync is running
	case <-inSync:
	case <-time.After(5 * time.Second):
		t.Fatal("Sync alone never synced")
	}
	second := make(chan error)
	go func() { second <- c.Sync() }()
	time.Sleep(10 * time.Millisecond) // let the second writer arrive and wait
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d syncs; the second writer arrived during the first, so it needs a second", n)
	}
	// alone, a writer runs its own sync at once
	if err := c.Sync(); err != nil || calls.Load() != 3 {
		t.Errorf("Sync alone: %v, %d syncs", err, calls.Load())
	}
}

// TestCommitterReportsFailure: a writer whose sync failed is told so, and
// a later sync that succeeds clears nothing for later writers.
func TestCommitterReportsFailure(t *testing.T) {
	fail := errors.New("disk gone")
	var n int
	c := newCommitter(func() error {
		n++
		if n == 1 {
			return fail
		}
		return nil
	})
	if err := c.Sync(); !errors.Is(err, fail) {
		t.Errorf("first Sync: %v, want %v", err, fail)
	}
	if err := c.Sync(); err != nil {
		t.Errorf("second Sync: %v after a sync that succeeded", err)
	}
}

// TestAnswersShareSyncs: many participants answer at once, each three
// questions in quick succession. The room's folder sync is replaced by
// one that reads every participant's file as it begins (what the sync
// makes durable) and counts itself. Each answer must be acknowledged only
// once a finished sync saw it in its file, a participant's answers must
// land in order (the file ends with all three), and the writers must
// share syncs.
func TestAnswersShareSyncs(t *testing.T) {
	const people = 40
	dir := fixture(t)
	r := openOn(t, dir, Options{})
	defer r.Close()
	ids := make([]string, people)
	for i := range ids {
		id, err := r.Join(Joiner{Name: fmt.Sprintf("P %d", i), Team: "desk"})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
	}
	var (
		mu     sync.Mutex
		synced map[string]string // file contents seen by the last finished sync
		calls  int
	)
	r.commit = newCommitter(func() error {
		seen := map[string]string{}
		for _, id := range ids {
			data, err := os.ReadFile(filepath.Join(r.dir, id+".yaml"))
			if err != nil {
				return err
			}
			seen[id] = string(data)
		}
		if err := syncDir(r.dir); err != nil {
			return err
		}
		mu.Lock()
		synced, calls = seen, calls+1
		mu.Unlock()
		return nil
	})
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, q := range []string{"IM-1", "IM-2", "CE-1"} {
				note := fmt.Sprintf("%s by %d", q, i)
				if err := r.Answer(id, AnswerInput{Question: q, Documented: "3", Note: note}); err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				ok := strings.Contains(synced[id], note)
				mu.Unlock()
				if !ok {
					t.Errorf("%s acknowledged before a sync saw it", note)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	for i, id := range ids {
		data, _ := os.ReadFile(filepath.Join(r.dir, id+".yaml"))
		for _, q := range []string{"IM-1", "IM-2", "CE-1"} {
			if !strings.Contains(string(data), fmt.Sprintf("%s by %d", q, i)) {
				t.Errorf("%s.yaml lacks its answer to %s:\n%s", id, q, data)
			}
		}
	}
	if calls >= people*3 {
		t.Errorf("%d syncs for %d answers: nothing shared", calls, people*3)
	}
	t.Logf("%d folder syncs for %d answers", calls, people*3)
}
