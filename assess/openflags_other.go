//go:build !unix

package assess

// openFlags: outside Unix there are no named pipes in the file system to wait on.
const openFlags = 0
