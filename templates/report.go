// Package templates lays out the result of an assessment, one sub-package
// per medium: text (terminal tables and markdown), xlsx (the consultant's
// workbook), pdf (the leadership report and its charts), capture (the
// capture workbook, written and read back) and web (the live workshop).
//
// Renderers take the result that roadmap.Build computed and lay its values
// out; they never compute a score, an ordering or a verdict of their own.
package templates

import (
	"time"

	"github.com/itilmap/itilmap/roadmap"
)

// Report is what the workbook and the PDF render: the built result and the
// time written into the files (SOURCE_DATE_EPOCH when set, so that the same
// inputs give byte-identical files).
type Report struct {
	*roadmap.Result
	Generated time.Time
}
