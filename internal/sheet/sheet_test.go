package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strconv"
	"testing"
	"testing/iotest"
	"time"

	"github.com/xuri/excelize/v2"
)

// Text that looks like an _xHHHH_ escape is stored so that a spreadsheet
// program shows it as written.
func TestSetEscapes(t *testing.T) {
	for _, s := range []string{"_x0041_", "_x0041_x0042_", "a_x005F_b", "_x004G_", "__x0041__", "plain", "=1+1"} {
		f := excelize.NewFile()
		if err := Set(f, "Sheet1", 1, 1, s, 0); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		g, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := g.GetCellValue("Sheet1", "A1")
		if typ, _ := g.GetCellType("Sheet1", "A1"); got != s || typ == excelize.CellTypeFormula {
			t.Errorf("%q reads back as %q (%v)", s, got, typ)
		}
	}
	if got := EscapeX("_x0041_x0042_"); got != "_x005F_x0041_x005F_x0042_" {
		t.Errorf("EscapeX = %q", got)
	}
}

// A part larger than one block is compressed in parallel blocks: the
// workbook still reads back cell for cell, and the same content gives the
// same bytes.
func TestFinishLargePart(t *testing.T) {
	render := func() []byte {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for row := 1; row <= 40000; row++ {
			if err := sw.SetRow(Ref(1, row), []any{"row " + strconv.Itoa(row), row, "x<&>\"y"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Finish(f, &buf, "title", "subject", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a := render()
	if b := render(); !bytes.Equal(a, b) {
		t.Fatal("two renders of the same workbook differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first part %q", zr.File[0].Name)
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" && zf.UncompressedSize64 < 2*packBlock {
			t.Errorf("the sheet is %d bytes, not several blocks", zf.UncompressedSize64)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 40000 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if want := []string{"row " + strconv.Itoa(i+1), strconv.Itoa(i + 1), "x<&>\"y"}; !slices.Equal(r, want) {
			t.Fatalf("row %d: %q, want %q", i+1, r, want)
		}
	}
	if p, err := f.GetDocProps(); err != nil || p.Title != "title" || p.Created != "2026-01-02T00:00:00Z" {
		t.Errorf("properties %+v, %v", p, err)
	}
}

// ReadFrom and Write cut the same blocks, whatever the sizes read.
func TestPackReadFrom(t *testing.T) {
	data := bytes.Repeat([]byte("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), 80000)
	pack := func(fill func(w io.Writer)) []byte {
		p := newPacker()
		w, _ := p.Create("xl/worksheets/sheet1.xml")
		fill(w)
		var out bytes.Buffer
		if err := p.writeTo(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	a := pack(func(w io.Writer) { w.Write(data) })
	b := pack(func(w io.Writer) { w.(io.ReaderFrom).ReadFrom(iotest.HalfReader(bytes.NewReader(data))) })
	if !bytes.Equal(a, b) {
		t.Fatal("ReadFrom packs other bytes than Write")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("unpacked %d bytes, %v; want %d", len(got), err, len(data))
	}
}
