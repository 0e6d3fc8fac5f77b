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
