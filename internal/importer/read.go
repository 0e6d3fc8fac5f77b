package importer

import "github.com/itilmap/itilmap/assess"

func problemAt(file, msg string) assess.Problem { return assess.Problem{File: file, Message: msg} }

// readRegular reads a regular file within assess.MaxFileSize: a FIFO,
// device or socket is a problem, never a wait.
func readRegular(name string) ([]byte, *assess.Problem) { return assess.ReadFile(assess.Disk{}, name) }
