package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// signalContext is a context that SIGINT or SIGTERM cancels, its cause an
// errInterrupted naming the signal. stop ends the watch.
func signalContext() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			cancel(errInterrupted{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// exitCode is the exit code of a run a signal stopped: 128 + the signal's
// number, as a shell reports it (130 for SIGINT, 143 for SIGTERM).
func (e errInterrupted) exitCode() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// untilSignal runs work, which writes nothing to disk, and returns its
// error; a signal that cancels ctx meanwhile returns at once, with the
// interruption as the error, leaving work to end with the process. A panic
// in work is raised again in the caller's goroutine, where run recovers it.
func untilSignal(ctx context.Context, work func() error) error {
	type result struct {
		err      error
		panicked any
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{panicked: r}
			}
		}()
		done <- result{err: work()}
	}()
	select {
	case r := <-done:
		if r.panicked != nil {
			panic(r.panicked)
		}
		return r.err
	case <-ctx.Done():
		return interrupted(ctx)
	}
}
