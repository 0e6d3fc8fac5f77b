package sheet

import (
	"bytes"
	"testing"

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
