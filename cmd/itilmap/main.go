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
)

// Exit codes.
const (
	exitOK     = 0
	exitInput  = 1 // invalid input: every problem printed
	exitUsage  = 2 // bad flag, missing argument
	exitOutput = 3 // output could not be written
	exitBug    = 4 // an internal error: a recovered panic
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit code. It is the one
// place where errors become exit codes and messages.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "itilmap: internal error: %v\nPlease report this with the command you ran.\n", r)
			code = exitBug
		}
	}()
	root := newRootCmd(stdin, stdout, stderr)
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
		fmt.Fprintf(stderr, "%d %s\n", len(errs), plural(len(errs), "error", "errors"))
		return exitInput
	case errors.As(err, &ee):
		fmt.Fprintf(stderr, "itilmap: %v\n", ee.err)
		if ee.code == exitUsage {
			fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", ee.cmd)
		}
		return ee.code
	case isCobraUsage(err):
		fmt.Fprintf(stderr, "itilmap: %v\nRun 'itilmap --help' for usage.\n", err)
		return exitUsage
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

// isCobraUsage recognises the errors cobra itself returns for a command
// line it cannot parse.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires at most", "if any flags in the group"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
