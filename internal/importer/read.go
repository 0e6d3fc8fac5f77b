package importer

import (
	"fmt"
	"io"
	"os"

	"github.com/itilmap/itilmap/assess"
)

func problemAt(file, msg string) assess.Problem { return assess.Problem{File: file, Message: msg} }

// readRegular reads a regular file of at most assess.MaxFileSize bytes.
// A FIFO, device or socket is a problem, never a wait: the file is opened
// without blocking (openFlags) and checked before it is read.
func readRegular(name string) ([]byte, *assess.Problem) {
	fail := func(format string, args ...any) ([]byte, *assess.Problem) {
		p := problemAt(name, fmt.Sprintf(format, args...))
		return nil, &p
	}
	f, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return fail("%s", describe(err))
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return fail("%s", describe(err))
	case st.IsDir():
		return fail("is a directory; expected a file")
	case !st.Mode().IsRegular():
		return fail("is not a regular file (a pipe, device or socket); expected a workbook file")
	case st.Size() > assess.MaxFileSize:
		return fail("file is larger than %d MiB", assess.MaxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, assess.MaxFileSize+1))
	if err != nil {
		return fail("%s", describe(err))
	}
	if len(data) > assess.MaxFileSize {
		return fail("file is larger than %d MiB", assess.MaxFileSize>>20)
	}
	return data, nil
}

func describe(err error) string {
	if os.IsNotExist(err) {
		return "no such file"
	}
	if os.IsPermission(err) {
		return "permission denied"
	}
	return osErr(err).Error()
}
