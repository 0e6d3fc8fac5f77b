//go:build !unix

package importer

// openFlags: opening a file does not wait here.
const openFlags = 0
