package capture

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// The very hidden Questionnaire sheet holds one record a row, its type in
// column A and its fields in the columns after it:
//
//	format         itilmap-capture  1
//	questionnaire  ID               VERSION    TITLE
//	digest         sha256:…
//	scale          MIN              MAX
//	level          LEVEL            LABEL                     (one per labelled level)
//	dimension      ID               NAME                      (one per dimension)
//	practice       ID               NAME                      (one per practice)
//	question       ID               PRACTICE   DIMENSION  KIND  TEXT   (every question, in order)
//	team           NAME                                       (the Respondent sheet's drop-down)
//	role           NAME                                       (the Respondent sheet's drop-down)
//
// Every value is stored as text. Read rebuilds the questionnaire from the
// records, checks it against the digest, and refuses a workbook whose
// records do not add up.
const (
	recFormat        = "format"
	recQuestionnaire = "questionnaire"
	recDigest        = "digest"
	recScale         = "scale"
	recLevel         = "level"
	recDimension     = "dimension"
	recPractice      = "practice"
	recQuestion      = "question"
	recTeam          = "team"
	recRole          = "role"

	captureFormat        = "itilmap-capture"
	captureFormatVersion = "1"
)

// writeQuestionnaire writes the Questionnaire sheet, hides it and locks it.
func writeQuestionnaire(f *excelize.File, q *assess.Questionnaire, opts Options) error {
	sh := CaptureQuestionnaire
	row := 0
	rec := func(fields ...string) error {
		row++
		for i, v := range fields {
			if err := sheet.Set(f, sh, i+1, row, v, 0); err != nil {
				return err
			}
		}
		return nil
	}
	recs := [][]string{
		{recFormat, captureFormat, captureFormatVersion},
		{recQuestionnaire, q.ID, q.Version, q.Title},
		{recDigest, q.Digest()},
		{recScale, strconv.Itoa(q.Scale.Min), strconv.Itoa(q.Scale.Max)},
	}
	for l := q.Scale.Min; l <= q.Scale.Max; l++ {
		if label, ok := q.Scale.Labels[l]; ok {
			recs = append(recs, []string{recLevel, strconv.Itoa(l), label})
		}
	}
	for _, d := range q.Dimensions {
		recs = append(recs, []string{recDimension, d.ID, d.Name})
	}
	for _, p := range q.Practices {
		recs = append(recs, []string{recPractice, p.ID, p.Name})
	}
	for _, qu := range q.Questions {
		recs = append(recs, []string{recQuestion, qu.ID, qu.Practice, qu.Dimension, qu.Kind, qu.Text})
	}
	for _, r := range recs {
		if err := rec(r...); err != nil {
			return err
		}
	}
	for _, list := range []struct {
		kind  string
		names []string
	}{{recTeam, opts.Teams}, {recRole, opts.Roles}} {
		if len(list.names) == 0 {
			continue
		}
		first := row + 1
		for _, name := range list.names {
			if err := rec(list.kind, name); err != nil {
				return err
			}
		}
		cell := map[string]string{recTeam: "B4", recRole: "B3"}[list.kind]
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cell
		dv.SetSqrefDropList(sheet.AbsRef(sh, 2, first, 2, row))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Not on the list",
			"Choose from the list: the assessment compares scores by these names.")
		if err := f.AddDataValidation(CaptureRespondent, dv); err != nil {
			return err
		}
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true}); err != nil {
		return err
	}
	return f.SetSheetVisible(sh, false, true)
}

// questionnaire decides what the answers are read against: the
// questionnaire the workbook carries, checked against want when it is
// given; want alone for a workbook that carries none. It returns nil after
// reporting why the workbook cannot be read.
func (c *captureReader) questionnaire(want *assess.Questionnaire) (*assess.Questionnaire, string) {
	if _, ok := c.book.sheets[CaptureQuestionnaire]; !ok {
		return c.legacy(want)
	}
	carried, digest := c.carried()
	if carried == nil {
		return nil, ""
	}
	if want == nil {
		return carried, digest
	}
	if carried.ID != want.ID {
		c.errorf("this workbook captures questionnaire %q %s, but the answers are imported for %q %s; make new workbooks with itilmap template",
			carried.ID, carried.Version, want.ID, want.Version)
		return nil, ""
	}
	if d := want.Digest(); d != digest {
		c.errorf("this workbook was made from %s %s, which asks other questions than the %s %s the answers are imported for: %s; make new workbooks with itilmap template",
			carried.ID, carried.Version, want.ID, want.Version, strings.Join(assess.Differences(carried, want, 3), "; "))
		return nil, ""
	}
	return want, digest
}

// legacy reads a workbook made before workbooks carried their
// questionnaire: only its id, on the Scale sheet, can be checked.
func (c *captureReader) legacy(want *assess.Questionnaire) (*assess.Questionnaire, string) {
	s := c.sheet(CaptureScale)
	if s == nil {
		if _, ok := c.book.sheets[CaptureScale]; !ok {
			c.errorf("not a capture workbook: it has no %s sheet, which names the questionnaire (itilmap template makes one)", CaptureScale)
		}
		return nil, ""
	}
	id, _ := c.text(s, s.cell(2, 1), "questionnaire", nameText)
	switch {
	case id == "":
		c.errorf("%s!B1: no questionnaire id; was the workbook made with itilmap template?", CaptureScale)
		return nil, ""
	case want == nil:
		c.errorf("this workbook names questionnaire %s but does not carry its questions (an older itilmap made it); import it with --questionnaire %s, or into the assessment it was made for",
			captureQuote(id), captureQuote(id))
		return nil, ""
	case id != want.ID:
		c.errorf("%s!B1: this workbook captures questionnaire %s, but the answers are imported for %q; make new workbooks with itilmap template",
			CaptureScale, captureQuote(id), want.ID)
		return nil, ""
	}
	if v, _ := c.text(s, s.cell(2, 2), "version", nameText); v != "" && want.Version != "" && v != want.Version {
		c.warnf("%s!B2: this workbook was made from version %s of %q; the answers are imported for version %s",
			CaptureScale, v, want.ID, want.Version)
	}
	return want, want.Digest()
}

// carried rebuilds the questionnaire from the Questionnaire sheet's
// records and checks it against the digest they carry.
func (c *captureReader) carried() (*assess.Questionnaire, string) {
	s := c.sheet(CaptureQuestionnaire)
	if s == nil {
		return nil, ""
	}
	rows := map[int][]*xcell{}
	var rowNums []int
	for i := range s.cells {
		x := &s.cells[i]
		if x.col > 6 {
			continue
		}
		if rows[x.row] == nil {
			rowNums = append(rowNums, x.row)
			rows[x.row] = make([]*xcell, 7)
		}
		rows[x.row][x.col] = x
	}
	slices.Sort(rowNums)
	bad := func(row int, format string, args ...any) {
		c.errorf("%s!A%d: %s; the workbook was changed after itilmap template made it: make a new one", CaptureQuestionnaire, row, fmt.Sprintf(format, args...))
	}
	q := &assess.Questionnaire{Scale: assess.Scale{Labels: map[int]string{}}}
	var digest string
	scaleSeen, formatSeen := false, false
	dims, practices := map[string]bool{}, map[string]*assess.Practice{}
	questions := map[string]bool{}
	ok := true
	for _, row := range rowNums {
		var f [7]string
		for col := 1; col <= 6; col++ {
			k := nameText
			if col == 6 {
				k = longText
			}
			v, good := c.text(s, rows[row][col], "record", k)
			if !good {
				return nil, ""
			}
			f[col] = v
		}
		kind := f[1]
		if !formatSeen && kind != recFormat {
			bad(row, "the first record is %s, not %q", captureQuote(kind), recFormat)
			return nil, ""
		}
		isID := func(what, id string) bool {
			if !assess.IsID(id) {
				bad(row, "%s %s is not a valid id", what, captureQuote(id))
				ok = false
				return false
			}
			return true
		}
		switch kind {
		case "":
		case recFormat:
			if f[2] != captureFormat || formatSeen {
				bad(row, "not an itilmap capture workbook record")
				return nil, ""
			}
			if f[3] != captureFormatVersion {
				c.errorf("%s!C%d: the workbook is of format %s, which this itilmap does not read; a newer itilmap made it", CaptureQuestionnaire, row, captureQuote(f[3]))
				return nil, ""
			}
			formatSeen = true
		case recQuestionnaire:
			if isID("questionnaire", f[2]) {
				q.ID, q.Version, q.Title = f[2], f[3], f[4]
			}
		case recDigest:
			digest = f[2]
		case recScale:
			lo, err1 := strconv.Atoi(f[2])
			hi, err2 := strconv.Atoi(f[3])
			if err1 != nil || err2 != nil || lo < 0 || hi <= lo || hi > assess.MaxScale {
				bad(row, "the scale %s..%s is not a scale", f[2], f[3])
				return nil, ""
			}
			q.Scale.Min, q.Scale.Max, scaleSeen = lo, hi, true
		case recLevel:
			l, err := strconv.Atoi(f[2])
			if !scaleSeen || err != nil || l < q.Scale.Min || l > q.Scale.Max {
				bad(row, "level %s is not on the scale", captureQuote(f[2]))
				return nil, ""
			}
			q.Scale.Labels[l] = f[3]
		case recDimension:
			if isID("dimension", f[2]) && !dims[f[2]] {
				dims[f[2]] = true
				q.Dimensions = append(q.Dimensions, assess.Dimension{ID: f[2], Name: f[3]})
			}
		case recPractice:
			if isID("practice", f[2]) && practices[f[2]] == nil {
				p := &assess.Practice{ID: f[2], Name: f[3], Weight: 1}
				practices[p.ID] = p
				q.Practices = append(q.Practices, p)
			}
		case recQuestion:
			if !isID("question", f[2]) {
				continue
			}
			p := practices[f[3]]
			switch {
			case questions[f[2]]:
				bad(row, "question %s is there twice", f[2])
				ok = false
			case p == nil || !dims[f[4]]:
				bad(row, "question %s names an unknown practice or dimension", f[2])
				ok = false
			case f[5] != assess.Control && f[5] != assess.Capability:
				bad(row, "question %s is of kind %s", f[2], captureQuote(f[5]))
				ok = false
			default:
				questions[f[2]] = true
				qu := &assess.Question{ID: f[2], Practice: p.ID, Dimension: f[4], Kind: f[5], Text: f[6], Weight: 1}
				p.Questions = append(p.Questions, qu)
				q.Questions = append(q.Questions, qu)
			}
		case recTeam, recRole:
		default:
			bad(row, "unknown record %s", captureQuote(kind))
			ok = false
		}
	}
	switch {
	case !ok:
		return nil, ""
	case !formatSeen || q.ID == "" || !scaleSeen || len(q.Questions) == 0 || digest == "":
		c.errorf("%s: the questionnaire's id, scale, digest or questions are missing; the workbook was changed after itilmap template made it: make a new one", CaptureQuestionnaire)
		return nil, ""
	}
	q.Index()
	if got := q.Digest(); got != digest {
		c.errorf("%s: the questions do not match the digest the workbook carries; the workbook was changed after itilmap template made it: make a new one", CaptureQuestionnaire)
		return nil, ""
	}
	return q, digest
}
