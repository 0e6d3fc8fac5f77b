package main

import (
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// cmdFill is the script command `fill IN OUT EDIT...`: it opens the
// workbook IN as another spreadsheet program would, makes the edits and
// saves it as OUT. An edit is SHEET!CELL=TEXT (text, with \n for a new
// line), SHEET!CELL#=NUMBER (a number) or SHEET!CELL:=FORMULA (a formula
// without a computed value, as a program that does not compute leaves it).
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: fill IN OUT SHEET!CELL=TEXT|SHEET!CELL#=NUMBER|SHEET!CELL:=FORMULA...")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	for _, edit := range args[2:] {
		target, value, ok := strings.Cut(edit, "=")
		sheet, cell, ok2 := strings.Cut(strings.TrimRight(target, ":#"), "!")
		if !ok || !ok2 {
			ts.Fatalf("fill: %q is not SHEET!CELL=VALUE", edit)
		}
		value = strings.ReplaceAll(value, `\n`, "\n")
		switch {
		case strings.HasSuffix(target, ":"):
			err = f.SetCellFormula(sheet, cell, value)
		case strings.HasSuffix(target, "#"):
			n, perr := strconv.ParseFloat(value, 64)
			ts.Check(perr)
			err = f.SetCellValue(sheet, cell, n)
		default:
			err = f.SetCellStr(sheet, cell, value)
		}
		ts.Check(err)
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}
