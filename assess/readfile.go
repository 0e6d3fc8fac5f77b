package assess

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// notRegularError is the error of opening something other than a regular
// file or a folder.
type notRegularError struct{ mode fs.FileMode }

func (e notRegularError) Error() string { return notRegular(e.mode) }

// notRegular says what a file that is not a regular file is, in the words
// of an error message ("is a named pipe; expected a regular file").
func notRegular(mode fs.FileMode) string {
	what := "not a regular file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	case mode&fs.ModeIrregular != 0:
		what = "an irregular file"
	}
	return "is " + what + "; expected a regular file"
}

// openRegular opens name for reading without waiting: a named pipe is
// opened without blocking (openFlags) and refused, as are devices and
// sockets, whatever symbolic link leads to them. Folders are opened, for
// the caller to refuse or list.
func openRegular(name string) (*os.File, error) {
	if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: notRegularError{st.Mode()}}
	}
	f, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	// the file may have been replaced between Stat and Open
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: notRegularError{st.Mode()}}
	}
	return f, nil
}

// readLimited reads the regular file name from src, of at most limit
// bytes, or says in the words of an error message what is wrong with it:
// missing, a directory, a named pipe, a device or a socket, too large,
// unreadable. ReadFile reads every input file with it.
func readLimited(src Source, name string, limit int64) ([]byte, string) {
	f, err := src.Open(name)
	if err != nil {
		return nil, describeErr(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, describeErr(err)
	}
	if st.IsDir() {
		return nil, "is a directory; expected a file"
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	if st.Size() > limit {
		return nil, tooLarge(limit)
	}
	data, err := readAll(f, st.Size(), limit)
	if err != nil {
		return nil, describeErr(err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, ""
}

// tooLarge is the message for a file over limit bytes.
func tooLarge(limit int64) string {
	if limit >= 1<<20 && limit%(1<<20) == 0 {
		return fmt.Sprintf("file is larger than %d MiB", limit>>20)
	}
	return fmt.Sprintf("file is larger than %d bytes", limit)
}

// readAll reads r to its end, or to one byte past limit. It starts with a
// buffer of the size the file reports, so that a file is read without
// growing the buffer.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	data := make([]byte, 0, min(max(size, 0), limit)+1)
	for {
		n, err := r.Read(data[len(data):min(int64(cap(data)), limit+1)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if int64(len(data)) > limit {
			return data, nil
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow: the file is longer than it said
		}
	}
}

func describeErr(err error) string {
	var nr notRegularError
	switch {
	case errors.As(err, &nr):
		return nr.Error()
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
