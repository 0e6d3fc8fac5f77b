//go:build unix

package main

import (
	"errors"
	"syscall"
	"testing"
	"time"
)

// SIGINT cancels the context of a report run, its cause the signal, which
// run turns into exit code 130.
func TestSignalContext(t *testing.T) {
	ctx, stop := signalContext()
	defer stop()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Skip(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGINT did not cancel the context")
	}
	var sig errInterrupted
	if err := interrupted(ctx); !errors.As(err, &sig) || sig.exitCode() != 130 {
		t.Errorf("interrupted: %v, want SIGINT with exit code 130", err)
	}
}
