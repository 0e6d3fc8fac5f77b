package room

import "sync"

// committer shares the fsync of one folder among writers that renamed a
// file into it at about the same time (a group commit). A rename is
// durable once a sync of the folder that began after it has finished, so
// each writer, after its rename, waits for the first sync to start after
// it arrives: when none is running, it runs one itself, for everyone who
// arrived before; when one is running (it may have begun before this
// writer's rename), it waits for that one to end and for the next, which
// the first waiter to wake starts for everyone who arrived meanwhile. No
// lock is held while the folder syncs, and 200 writers arriving together
// share two or three syncs instead of making 200.
type committer struct {
	sync func() error // syncs the folder

	mu       sync.Mutex
	cond     sync.Cond
	started  uint64 // rounds started
	done     uint64 // rounds finished
	running  bool
	lastFail uint64 // the last round whose sync failed (0: none)
	failErr  error  // its error
}

func newCommitter(sync func() error) *committer {
	c := &committer{sync: sync}
	c.cond.L = &c.mu
	return c
}

// Sync returns once a sync of the folder that began after Sync was called
// has finished: every rename (or link) the caller made before calling it
// is then durable. It returns an error when that sync, or a later one that
// had finished by then, failed: a failure is never hidden, though it may
// be reported to a writer whose own round succeeded.
func (c *committer) Sync() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	want := c.started + 1 // the first round to start from now on
	for c.done < want {
		if c.running {
			c.cond.Wait()
			continue
		}
		c.running = true
		c.started++
		round := c.started
		c.mu.Unlock()
		err := c.sync()
		c.mu.Lock()
		c.running = false
		c.done = round
		if err != nil {
			c.lastFail, c.failErr = round, err
		}
		c.cond.Broadcast()
	}
	if c.lastFail >= want {
		return c.failErr
	}
	return nil
}
