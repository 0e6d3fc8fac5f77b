package importer

import (
	"errors"
	"io/fs"

	"github.com/itilmap/itilmap/assess"
)

// readRegular reads a regular file within assess.MaxFileSize: a FIFO,
// device or socket is a problem, never a wait.
func readRegular(name string) ([]byte, *assess.Problem) { return assess.ReadFile(assess.Disk{}, name) }

// describe is an error of the file system without the path it names.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
