package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// A fileSet writes several files all or nothing: every file is first
// written to a temporary name beside its place; only when all are written
// are they renamed into place, one after the other, each old file kept
// aside until every rename has succeeded. A failure or a cancelled context
// (SIGINT, SIGTERM) at any step puts the old files back and removes every
// temporary, so that the folder holds the previous set or the new set,
// never a mix, and nothing else.
type fileSet struct {
	// rename moves a file; os.Rename unless a test makes it fail.
	rename func(oldpath, newpath string) error
	// step, when set, is called before each step ("write PATH", "rename
	// PATH"), for tests to interrupt the run there.
	step func(what string)
	// create, when set, never replaces a file: each is created in its place
	// (a hard link of its temporary, or an exclusive create), so that the
	// check that it does not exist is atomic with its creation, and a file
	// made meanwhile by another run is an *existsError.
	create bool
}

// existsError is the error of a file that exists where a set creates one.
type existsError struct{ path string }

func (e *existsError) Error() string {
	return e.path + " already exists; use --force to overwrite it"
}

// outFile is one file of a set: its path and its whole content.
type outFile struct {
	path string
	data []byte
}

// errInterrupted is the error of a run stopped by a signal.
type errInterrupted struct{ sig os.Signal }

func (e errInterrupted) Error() string {
	name := e.sig.String()
	switch e.sig {
	case os.Interrupt:
		name = "SIGINT"
	case syscall.SIGTERM:
		name = "SIGTERM"
	}
	return "interrupted by " + name + "; the previous files are as they were"
}

// write writes files as a set. The error of a failed write names the file.
func (s fileSet) write(ctx context.Context, files []outFile) (err error) {
	rename := s.rename
	if rename == nil {
		rename = os.Rename
	}
	step := func(what string) error {
		if s.step != nil {
			s.step(what)
		}
		return interrupted(ctx)
	}
	// every name this run made, removed when it ends: temporaries, and the
	// old files' places once they are put back or no longer needed
	var temps, backups []string
	placed := make([]bool, len(files))
	defer func() {
		if err != nil {
			// put back the previous set: remove each new file placed, then
			// return each old one to its place
			for i := len(files) - 1; i >= 0; i-- {
				if placed[i] {
					os.Remove(files[i].path)
				}
			}
			for i, b := range backups {
				if b != "" {
					if rerr := rename(b, files[i].path); rerr != nil {
						err = fmt.Errorf("%w; the previous %s is kept as %s", err, files[i].path, b)
						continue
					}
				}
			}
		} else {
			for _, b := range backups {
				if b != "" {
					os.Remove(b)
				}
			}
		}
		for _, t := range temps {
			os.Remove(t) // renamed ones are gone already
		}
	}()

	for _, f := range files {
		if st, err := os.Stat(f.path); err == nil && st.IsDir() {
			return fmt.Errorf("%s is a folder; cannot write the report there", f.path)
		}
	}
	for _, f := range files {
		if err := step("write " + f.path); err != nil {
			return err
		}
		if err := writeTemp(f.path, f.data, &temps); err != nil {
			return err
		}
	}
	backups = make([]string, len(files))
	for i, f := range files {
		if err := step("rename " + f.path); err != nil {
			return err
		}
		if s.create {
			if err := createOnly(temps[i], f); err != nil {
				return err
			}
			placed[i] = true
			continue
		}
		if _, err := os.Lstat(f.path); err == nil {
			b, err := reserveName(f.path, ".bak")
			if err != nil {
				return err
			}
			if err := rename(f.path, b); err != nil {
				os.Remove(b)
				return fmt.Errorf("cannot replace %s: %v", f.path, describeOSErr(err))
			}
			backups[i] = b
		}
		if err := rename(temps[i], f.path); err != nil {
			return fmt.Errorf("cannot write %s: %v", f.path, describeOSErr(err))
		}
		placed[i] = true
	}
	return nil
}

// createOnly puts f in its place from its temporary tmp, unless a file is
// there already: by a hard link, which fails when the name exists, or
// where links are not supported, by creating the file exclusively.
func createOnly(tmp string, f outFile) error {
	err := os.Link(tmp, f.path)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return &existsError{f.path}
	}
	out, err := os.OpenFile(f.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return &existsError{f.path}
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", f.path, describeOSErr(err))
	}
	if _, err := out.Write(f.data); err != nil {
		out.Close()
		os.Remove(f.path)
		return fmt.Errorf("cannot write %s: %v", f.path, describeOSErr(err))
	}
	if err := out.Close(); err != nil {
		os.Remove(f.path)
		return fmt.Errorf("cannot write %s: %v", f.path, describeOSErr(err))
	}
	return nil
}

// writeTemp writes data to a new temporary file beside path, adding its
// name to temps before anything is written, so that it is removed whatever
// happens next.
func writeTemp(path string, data []byte, temps *[]string) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", path, describeOSErr(err))
	}
	*temps = append(*temps, tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %v", path, describeOSErr(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, describeOSErr(err))
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, describeOSErr(err))
	}
	return nil
}

// reserveName makes an empty file with a new name beside path, for the old
// file to be renamed over.
func reserveName(path, suffix string) (string, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*"+suffix)
	if err != nil {
		return "", fmt.Errorf("cannot replace %s: %v", path, describeOSErr(err))
	}
	f.Close()
	return f.Name(), nil
}

// interrupted is the error of a context a signal cancelled, or nil.
func interrupted(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	var sig errInterrupted
	if errors.As(context.Cause(ctx), &sig) {
		return sig
	}
	return errInterrupted{os.Interrupt}
}
