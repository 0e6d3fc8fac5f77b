package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// pending is a response file to create.
type pending struct {
	path string
	data []byte
}

// writeAll creates every file or none. Each is first written whole to a
// temporary file in dir; then each is given its final name with link(2),
// which fails when the name exists (a file, a folder, a link, even a
// broken one): the check that a response does not exist yet and its
// creation are one step, so two imports at once cannot overwrite each
// other. With force, an existing file is replaced by rename(2), which
// replaces a link rather than writing through it, and is kept aside until
// the end so that a failure puts it back. On a failure every file this run
// created is removed, and every file it replaced is restored.
func writeAll(dir string, files []pending, force bool) (replaced []bool, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %v", dir, osErr(err))
	}
	temps := make([]string, len(files))
	var created []string
	type backup struct{ path, kept string }
	var backups []backup
	defer func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
		if err != nil {
			for _, p := range created {
				os.Remove(p)
			}
			for _, b := range backups {
				os.Rename(b.kept, b.path)
			}
			return
		}
		for _, b := range backups {
			os.Remove(b.kept)
		}
	}()
	for i, f := range files {
		if temps[i], err = writeTemp(dir, f); err != nil {
			return nil, err
		}
	}
	replaced = make([]bool, len(files))
	var conflicts []string
	for i, f := range files {
		err := os.Link(temps[i], f.path)
		switch {
		case err == nil:
			created = append(created, f.path)
			continue
		case errors.Is(err, fs.ErrExist) && !force:
			conflicts = append(conflicts, f.path)
			continue
		case errors.Is(err, fs.ErrExist):
			st, serr := os.Lstat(f.path)
			if serr == nil && st.IsDir() {
				return nil, fmt.Errorf("%s is a folder; cannot write a response there", f.path)
			}
			kept := temps[i] + ".old"
			if err := os.Rename(f.path, kept); err != nil {
				return nil, fmt.Errorf("cannot replace %s: %v", f.path, osErr(err))
			}
			backups = append(backups, backup{f.path, kept})
			if err := os.Rename(temps[i], f.path); err != nil {
				return nil, fmt.Errorf("cannot write %s: %v", f.path, osErr(err))
			}
			temps[i] = ""
			replaced[i] = true
		default:
			// a file system without hard links: create the file
			// exclusively and write it in place
			if err := writeExclusive(f); errors.Is(err, fs.ErrExist) && !force {
				conflicts = append(conflicts, f.path)
			} else if err != nil {
				return nil, err
			} else {
				created = append(created, f.path)
			}
		}
	}
	if len(conflicts) > 0 {
		err = &ConflictError{}
		for _, c := range conflicts {
			err.(*ConflictError).Problems = append(err.(*ConflictError).Problems, problemAt(c, "was created by someone else while this import ran; nothing was written"))
		}
		return nil, err
	}
	return replaced, nil
}

// writeTemp writes f's data to a new temporary file in dir and returns its name.
func writeTemp(dir string, f pending) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %v", f.path, osErr(err))
	}
	name := tmp.Name()
	_, err = tmp.Write(f.data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("cannot write %s: %v", f.path, osErr(err))
	}
	return name, nil
}

// writeExclusive creates f.path, which must not exist, and writes f.data.
func writeExclusive(f pending) error {
	out, err := os.OpenFile(f.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("cannot write %s: %v", f.path, osErr(err))
	}
	_, err = out.Write(f.data)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.path)
		return fmt.Errorf("cannot write %s: %v", f.path, osErr(err))
	}
	return nil
}

func osErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
