package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/templates"

	"codeberg.org/go-pdf/fpdf"
)

// WritePDF renders the leadership report as an A4 PDF.
//
// The report reads: a cover, a one-page executive summary, progress since
// the baseline (when the result has one), a radar chart
// of documented, actual and target practice by dimension, a practice ×
// dimension heatmap, the ranked outcomes, the roadmap timeline, one section
// per phase, the backlog and readiness checklist, and an appendix per
// practice. Every page but the cover carries the organisation and
// "Page N of M"; the outline has an entry per section and per practice.
//
// DejaVu Sans is embedded, so every name in Latin, Greek or Cyrillic
// prints as written (Unprintable names the characters it cannot print). The output
// depends only on r: the same Report gives a byte-identical file, dated
// r.Generated (the assessment date when Generated is zero).
func Write(w io.Writer, r *templates.Report) error {
	if r == nil || r.Result == nil || r.Assessment == nil || r.Score == nil || r.Plan == nil {
		return errors.New("pdf report: the assessment is not scored and planned yet; nothing to render")
	}
	d := newPDFDoc(r)
	d.cover()
	d.summary()
	d.progressPage()
	d.radarPage()
	d.heatmapPage()
	d.outcomesPage()
	d.timelinePage()
	d.phasePages()
	d.backlogPage()
	d.appendix()
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("pdf report: %w", err)
	}
	return nil
}

// Page geometry in mm (A4 portrait) and type sizes in pt.
const (
	pdfPageW    = 210.0
	pdfPageH    = 297.0
	pdfMarginX  = 20.0
	pdfMarginT  = 25.0
	pdfMarginB  = 22.0
	pdfBodySize = 10.0
	// pdfCellPad is the horizontal padding inside every cell.
	pdfCellPad = 1.5
)

// pdfColor is an RGB colour.
type pdfColor struct{ R, G, B int }

// The palette: one accent (deep blue), greys for text and rules, and the
// red-amber-green ramp of the heatmap.
var (
	pdfAccent  = pdfColor{22, 54, 98}
	pdfInk     = pdfColor{33, 37, 41}
	pdfMuted   = pdfColor{104, 112, 122}
	pdfRule    = pdfColor{200, 205, 211}
	pdfPale    = pdfColor{237, 241, 247}
	pdfNoData  = pdfColor{226, 229, 233}
	pdfWhite   = pdfColor{255, 255, 255}
	pdfRed     = pdfColor{232, 128, 116}
	pdfAmber   = pdfColor{247, 203, 94}
	pdfGreen   = pdfColor{104, 190, 140}
	pdfSignal  = pdfColor{201, 110, 30} // the target line: the one colour that is not blue or grey
	pdfPlanned = pdfColor{36, 120, 76}  // an outcome the plan delivers on time
	pdfLate    = pdfColor{178, 60, 40}  // an outcome the plan delivers late, or not at all
)

// pdfDoc is one report being laid out.
type pdfDoc struct {
	f *fpdf.Fpdf
	r *templates.Report
}

func newPDFDoc(r *templates.Report) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, r: r}
	for _, face := range pdfFaces {
		f.AddUTF8FontFromBytes(pdfFont, face.Style, face.TTF)
	}
	f.SetMargins(pdfMarginX, pdfMarginT, pdfMarginX)
	f.SetAutoPageBreak(true, pdfMarginB)
	f.SetCellMargin(pdfCellPad)
	f.AliasNbPages("{nb}")
	f.SetCompression(true)
	f.SetCatalogSort(true)
	stamp := r.Generated
	if stamp.IsZero() {
		stamp = r.Score.Assessment.Date.Time
	}
	if stamp.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(stamp)
	f.SetModificationDate(stamp)
	f.SetProducer("itilmap", false)
	f.SetCreator("itilmap", false)
	f.SetTitle(pdfText(d.org())+" — ITSM maturity assessment", true)
	f.SetSubject("ITIL 4 maturity baseline and phased improvement roadmap", false)
	f.SetLang("en")
	f.SetDisplayMode("fullwidth", "single")
	f.SetHeaderFuncMode(d.header, true)
	f.SetFooterFunc(d.footer)
	d.font("", pdfBodySize)
	return d
}

// org is the organisation's name as the report prints it.
func (d *pdfDoc) org() string {
	if o := strings.TrimSpace(d.r.Score.Assessment.Organization); o != "" {
		return o
	}
	return "Unnamed organisation"
}

func (d *pdfDoc) header() {
	f := d.f
	if f.PageNo() <= 1 {
		return
	}
	right := "ITSM maturity assessment"
	d.font("", 8)
	rw := f.GetStringWidth(right) + 2*pdfCellPad
	d.textColor(pdfMuted)
	f.SetXY(pdfMarginX, 11)
	d.cell(pdfPageW-2*pdfMarginX-rw-4, 5, d.fit(d.org(), pdfPageW-2*pdfMarginX-rw-4, 8, 6.5), 0, "L")
	d.font("", 8)
	f.SetXY(pdfPageW-pdfMarginX-rw, 11)
	d.cell(rw, 5, right, 0, "R")
	d.drawColor(pdfRule)
	f.SetLineWidth(0.2)
	f.Line(pdfMarginX, 17, pdfPageW-pdfMarginX, 17)
}

func (d *pdfDoc) footer() {
	f := d.f
	if f.PageNo() <= 1 {
		return
	}
	d.drawColor(pdfRule)
	f.SetLineWidth(0.2)
	f.Line(pdfMarginX, pdfPageH-15, pdfPageW-pdfMarginX, pdfPageH-15)
	d.font("", 8)
	d.textColor(pdfMuted)
	a := d.r.Score.Assessment
	left := strings.TrimSpace(a.ID + "  ·  " + a.Date.String())
	f.SetXY(pdfMarginX, pdfPageH-14)
	d.cell(120, 5, d.fit(left, 120, 8, 6.5), 0, "L")
	d.font("", 8)
	f.SetXY(pdfPageW-pdfMarginX-40, pdfPageH-14)
	d.cell(40, 5, fmt.Sprintf("Page %d of {nb}", f.PageNo()), 0, "R")
}

// cell prints one line of text in a cell of width w at the current
// position; ln is where to go next (0: right, 1: the next line).
func (d *pdfDoc) cell(w, h float64, text string, ln int, align string) {
	d.f.CellFormat(w, h, pdfText(text), "", ln, align, false, 0, "")
}

// mark adds an outline entry at the current position.
func (d *pdfDoc) mark(text string, level int) {
	d.f.Bookmark(pdfText(text), level, -1)
}

func (d *pdfDoc) font(style string, size float64) { d.f.SetFont(pdfFont, style, size) }
func (d *pdfDoc) textColor(c pdfColor)            { d.f.SetTextColor(c.R, c.G, c.B) }
func (d *pdfDoc) drawColor(c pdfColor)            { d.f.SetDrawColor(c.R, c.G, c.B) }
func (d *pdfDoc) fillColor(c pdfColor)            { d.f.SetFillColor(c.R, c.G, c.B) }

// pdfLineH is the line height in mm for a font size in pt.
func pdfLineH(size float64) float64 { return size * 0.47 }

// pdfContentW is the width between the margins.
const pdfContentW = pdfPageW - 2*pdfMarginX

// pdfBottom is the lowest y that content may reach.
const pdfBottom = pdfPageH - pdfMarginB

// need starts a new page unless h mm are left on this one.
func (d *pdfDoc) need(h float64) {
	if d.f.GetY()+h > pdfBottom {
		d.f.AddPage()
	}
}

// section starts a page with a section title and an outline entry.
func (d *pdfDoc) section(title string) {
	d.f.AddPage()
	d.font("B", 18)
	d.mark(title, 0)
	d.title(title)
}

// title prints a page title in the accent colour, with a short rule under it.
func (d *pdfDoc) title(title string) {
	f := d.f
	d.font("B", 18)
	d.textColor(pdfAccent)
	f.SetX(pdfMarginX)
	for _, l := range d.lines(title, pdfContentW) {
		d.cell(pdfContentW, 8.5, l, 1, "L")
	}
	y := f.GetY() + 1
	d.drawColor(pdfAccent)
	f.SetLineWidth(0.8)
	f.Line(pdfMarginX+pdfCellPad, y, pdfMarginX+pdfCellPad+18, y)
	f.SetY(y + 5)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// heading prints a sub-heading, kept with at least keep mm of what follows.
func (d *pdfDoc) heading(text string, keep float64) { d.markedHeading(text, keep, "", 0) }

// markedHeading is a heading with an outline entry (mark) at the given level.
func (d *pdfDoc) markedHeading(text string, keep float64, mark string, level int) {
	f := d.f
	d.font("B", 11.5)
	ls := d.lines(text, pdfContentW)
	d.need(float64(len(ls))*6 + 2 + keep)
	if f.GetY() > pdfMarginT+1 {
		f.Ln(2)
	}
	if mark != "" {
		d.mark(mark, level)
	}
	d.textColor(pdfAccent)
	for _, l := range ls {
		f.SetX(pdfMarginX)
		d.cell(pdfContentW, 6, l, 1, "L")
	}
	f.Ln(1)
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// para prints wrapped text across the content width.
func (d *pdfDoc) para(text string, style string, size float64, c pdfColor) {
	d.paraAt(pdfMarginX, pdfContentW, text, style, size, c)
}

// paraAt prints wrapped text in a column, breaking pages between lines.
func (d *pdfDoc) paraAt(x, w float64, text string, style string, size float64, c pdfColor) {
	f := d.f
	d.font(style, size)
	d.textColor(c)
	lh := pdfLineH(size)
	for _, l := range d.clamp(d.lines(text, w), pdfMaxLines, w) {
		d.need(lh)
		f.SetX(x)
		d.cell(w, lh, l, 1, "L")
	}
	d.font("", pdfBodySize)
	d.textColor(pdfInk)
}

// bullets prints a bulleted list; each item wraps under its own text.
func (d *pdfDoc) bullets(items []string, empty string) {
	f := d.f
	if len(items) == 0 {
		d.para(empty, "I", pdfBodySize, pdfMuted)
		return
	}
	lh := pdfLineH(pdfBodySize)
	for _, it := range items {
		d.font("", pdfBodySize)
		ls := d.clamp(d.lines(it, pdfContentW-5), pdfMaxLines, pdfContentW-5)
		d.need(min(float64(len(ls)), 3)*lh + 1)
		d.textColor(pdfAccent)
		f.SetX(pdfMarginX)
		d.cell(5, lh, "•", 0, "L")
		d.textColor(pdfInk)
		for i, l := range ls {
			if i > 0 {
				d.need(lh)
			}
			f.SetX(pdfMarginX + 5)
			d.cell(pdfContentW-5, lh, l, 1, "L")
		}
		f.Ln(0.8)
	}
}

// practiceName names practice id as scored, or returns the id.
func (d *pdfDoc) practiceName(id string) string {
	if p := d.r.Score.Practice(id); p != nil && p.Name != "" {
		return p.Name
	}
	return id
}

// dimensionName names dimension id, or returns the id ("—" when empty).
func (d *pdfDoc) dimensionName(id string) string {
	for _, ds := range d.r.Score.Dimensions {
		if ds.ID == id {
			return ds.DisplayName()
		}
	}
	return format.Dash(id)
}

// scaleLabel is the label of level l on the questionnaire's scale.
func (d *pdfDoc) scaleLabel(l int) string {
	if q := d.r.Assessment.Questionnaire; q != nil {
		return q.Scale.Label(l)
	}
	return ""
}
