package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// oldSet makes a folder holding the previous reports.
func oldSet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"report.xlsx", "report.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("old "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newSet(dir string) []outFile {
	return []outFile{
		{filepath.Join(dir, "report.xlsx"), []byte("new report.xlsx")},
		{filepath.Join(dir, "report.pdf"), []byte("new report.pdf")},
	}
}

// holds checks that dir holds exactly the two reports, each with content
// "<which> <name>", and nothing else (no temporary, no backup).
func holds(t *testing.T, dir, which string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"report.pdf", "report.xlsx"}) {
		t.Errorf("the folder holds %q, want only report.pdf and report.xlsx", names)
	}
	for _, name := range []string{"report.xlsx", "report.pdf"} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		if want := which + " " + name; string(data) != want {
			t.Errorf("%s holds %q, want %q", name, data, want)
		}
	}
}

func TestFileSetWritesTheNewSet(t *testing.T) {
	dir := oldSet(t)
	if err := (fileSet{}).write(context.Background(), newSet(dir)); err != nil {
		t.Fatal(err)
	}
	holds(t, dir, "new")
}

// A rename that fails part way puts the previous set back: never the new
// report.xlsx beside the old report.pdf.
func TestFileSetRestoresThePreviousSet(t *testing.T) {
	for _, failing := range []string{
		"report.pdf: new into place",  // the second file's rename
		"report.pdf: old aside",       // keeping the second old file aside
		"report.xlsx: new into place", // the first
	} {
		t.Run(failing, func(t *testing.T) {
			dir := oldSet(t)
			name, what, _ := strings.Cut(failing, ": ")
			rename := func(oldpath, newpath string) error {
				switch {
				case what == "new into place" && filepath.Base(newpath) == name && strings.HasSuffix(oldpath, ".tmp"),
					what == "old aside" && filepath.Base(oldpath) == name && strings.HasSuffix(newpath, ".bak"):
					return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: syscall.ENOSPC}
				}
				return os.Rename(oldpath, newpath)
			}
			err := fileSet{rename: rename}.write(context.Background(), newSet(dir))
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Errorf("error %v, want one naming %s", err, name)
			}
			holds(t, dir, "old")
		})
	}
}

// A signal at any step leaves the previous set and no temporary file.
func TestFileSetInterrupted(t *testing.T) {
	for _, at := range []string{"write report.xlsx", "write report.pdf", "rename report.xlsx", "rename report.pdf"} {
		t.Run(at, func(t *testing.T) {
			dir := oldSet(t)
			ctx, cancel := context.WithCancelCause(context.Background())
			step := func(what string) {
				if what == strings.Replace(at, " ", " "+dir+string(filepath.Separator), 1) {
					cancel(errInterrupted{syscall.SIGTERM})
				}
			}
			err := fileSet{step: step}.write(ctx, newSet(dir))
			var sig errInterrupted
			if !errors.As(err, &sig) || sig.exitCode() != 143 {
				t.Errorf("error %v, want an interruption by SIGTERM (exit code 143)", err)
			}
			holds(t, dir, "old")
		})
	}
}

// report checks every output before it writes any: a folder where
// report.pdf goes leaves report.xlsx as it was.
func TestReportFolderInTheWay(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "report.xlsx"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(out, "report.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	if code := run([]string{"report", "--example", "-o", out}, strings.NewReader(""), &stdout, &stderr); code != exitOutput {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitOutput, stderr.String())
	}
	if data, _ := os.ReadFile(filepath.Join(out, "report.xlsx")); string(data) != "old" {
		t.Error("report.xlsx was replaced although report.pdf could not be written")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want 2", len(entries))
	}
}

// Creating a set never overwrites: a response another import makes while
// this one runs stays as it is, and this import writes none of its files.
func TestFileSetCreateIsAtomic(t *testing.T) {
	dir := t.TempDir()
	files := []outFile{
		{filepath.Join(dir, "r01.yaml"), []byte("mine r01")},
		{filepath.Join(dir, "r02.yaml"), []byte("mine r02")},
	}
	step := func(what string) {
		if what == "rename "+files[1].path { // the other import is faster
			if err := os.WriteFile(files[1].path, []byte("theirs"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	err := fileSet{create: true, step: step}.write(context.Background(), files)
	var ee *existsError
	if !errors.As(err, &ee) || ee.path != files[1].path {
		t.Fatalf("error %v, want that r02.yaml exists", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "r02.yaml" {
		t.Errorf("the folder holds %v, want only the other import's r02.yaml", entries)
	}
	if data, _ := os.ReadFile(files[1].path); string(data) != "theirs" {
		t.Errorf("r02.yaml holds %q, want the other import's", data)
	}
	// with nothing in the way, both are created
	if err := (fileSet{create: true}).write(context.Background(), files[:1]); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(files[0].path); string(data) != "mine r01" {
		t.Errorf("r01.yaml holds %q", data)
	}
}

// Rendering stops at once on a signal, and a panic in it is raised in the
// caller, where run recovers it.
func TestUntilSignal(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errInterrupted{syscall.SIGTERM})
	block := make(chan struct{})
	defer close(block)
	var sig errInterrupted
	if err := untilSignal(ctx, func() error { <-block; return nil }); !errors.As(err, &sig) {
		t.Errorf("error %v, want the interruption", err)
	}
	defer func() {
		if r := recover(); r != "render bug" {
			t.Errorf("recovered %v, want the panic of the work", r)
		}
	}()
	_ = untilSignal(context.Background(), func() error { panic("render bug") })
	t.Error("untilSignal returned after its work panicked")
}
