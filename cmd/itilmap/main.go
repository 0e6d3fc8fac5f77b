// Command itilmap turns an ITIL 4 maturity assessment into a measured
// baseline and a phased improvement roadmap.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK     = 0
	exitInput  = 1 // invalid input: every problem printed
	exitUsage  = 2 // bad flag, missing argument
	exitOutput = 3 // output could not be written, or would overwrite something
	exitBug    = 4 // an internal error: a bug
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit code. It is the one
// place where errors become exit codes and messages.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return execute(newRootCmd(stdin, stdout, stderr), args, stderr)
}

// execute runs root on args and maps what it returns to an exit code, by
// type: problems in the input 1, usage 2, output 3 (an exitError carries its
// code), a panic 4 with one line asking for a bug report.
func execute(root *cobra.Command, args []string, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "itilmap: internal error (%s); this is a bug: please report it with the command you ran\n", oneLine(fmt.Sprint(r)))
			code = exitBug
		}
	}()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var probs assess.Problems
	var ee *exitError
	var sig errInterrupted
	switch {
	case errors.As(err, &sig):
		fmt.Fprintf(stderr, "itilmap: %v\n", sig)
		return sig.exitCode()
	case errors.As(err, &probs):
		errs := probs.Errors()
		for _, p := range errs {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintln(stderr, plural.Count(len(errs), "error", "errors"))
		return exitInput
	case errors.As(err, &ee):
		fmt.Fprintf(stderr, "itilmap: %v\n", ee.err)
		if ee.code == exitUsage {
			fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", ee.cmd)
		}
		return ee.code
	default:
		fmt.Fprintf(stderr, "itilmap: %v\n", err)
		return exitInput
	}
}

// exitError carries an error with the exit code it stands for.
type exitError struct {
	code int
	cmd  string
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError is a mistake on the command line: exit code 2.
func usageError(cmdPath string, format string, args ...any) error {
	return &exitError{code: exitUsage, cmd: cmdPath, err: fmt.Errorf(format, args...)}
}

// outputError is an output that could not be written: exit code 3.
func outputError(err error) error {
	return &exitError{code: exitOutput, err: err}
}

// oneLine keeps the first line of s, at most 200 bytes of it.
func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
