package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// TestMain lets the test binary act as the itilmap command, so that the
// scripts in testdata/script run the real command line, exit codes included.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"itilmap": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script from the actual output")

// TestScripts runs every testdata/script/*.txtar: each writes its input
// files inline, runs itilmap like a user would, and checks stdout, stderr
// and success or failure. Run with -update to rewrite the expected outputs
// after an intended change, then review the diff.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			if err := os.MkdirAll(home, 0o755); err != nil {
				return err
			}
			env.Setenv("HOME", home)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"json":   cmdJSON,
			"fill":   cmdFill,
			"sheets": cmdSheets,
			"exits":  cmdExits,
		},
	})
}

// cmdExits is the script command `exits CODE COMMAND ARGS...`: it runs the
// command like exec, keeping its stdout and stderr for the next checks, and
// fails unless it exits with exactly CODE. `! exec` only knows failure;
// this tells invalid input (1) from a usage error (2) from an output that
// was not written (3).
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not an exit code", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// cmdJSON is the script command `json FILE`: FILE (or stdout, stderr) holds
// exactly one JSON document and nothing else.
func cmdJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: json FILE|stdout|stderr")
	}
	err := oneJSONDocument([]byte(ts.ReadFile(args[0])))
	switch {
	case neg && err == nil:
		ts.Fatalf("%s is one JSON document", args[0])
	case !neg && err != nil:
		ts.Fatalf("%s: %v", args[0], err)
	}
}

// cmdSheets is the script command `sheets FILE NAME...`: the workbook FILE
// has exactly the sheets NAME..., in order.
func cmdSheets(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: sheets FILE NAME...")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	defer f.Close()
	got, want := strings.Join(f.GetSheetList(), ","), strings.Join(args[1:], ",")
	switch {
	case neg && got == want:
		ts.Fatalf("%s has the sheets %s", args[0], want)
	case !neg && got != want:
		ts.Fatalf("%s has the sheets %s, want %s", args[0], got, want)
	}
}

func oneJSONDocument(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("more after the first JSON document")
	}
	return nil
}
