package templates

import (
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
)

// Report is everything the workbook and the PDF show, computed once by
// packages assess and roadmap. Renderers lay it out; they never recompute.
type Report struct {
	Assessment *assess.Assessment
	Result     *assess.Result
	Outcomes   []roadmap.Outcome
	Roadmap    *roadmap.Roadmap
	// Generated is the time written into the files: SOURCE_DATE_EPOCH when
	// set, so that the same inputs give byte-identical files.
	Generated time.Time
}
