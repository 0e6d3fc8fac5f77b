//go:build unix

package importer

import "syscall"

// openFlags open a FIFO without waiting for a writer.
const openFlags = syscall.O_NONBLOCK
