// Package examples holds complete example assessments that run as they are.
// They are embedded in the binary for the --example flag.
package examples

import "embed"

// FS holds the example assessment folders.
//
//go:embed all:acme
var FS embed.FS

// Acme is the folder, within FS, of the ACME Retail example assessment.
const Acme = "acme"
