//go:build unix

package assess

import "syscall"

// openFlags opens a named pipe without waiting for a writer, so that it can
// be refused rather than block.
const openFlags = syscall.O_NONBLOCK
