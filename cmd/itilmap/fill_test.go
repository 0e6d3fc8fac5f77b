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
// line), SHEET!CELL=number:N (a number) or SHEET!CELL=formula:F (a formula
// without a computed value, as a program that does not compute leaves it).
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: fill IN OUT SHEET!CELL=TEXT|SHEET!CELL=number:N|SHEET!CELL=formula:F...")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	for _, edit := range args[2:] {
		target, value, ok := strings.Cut(edit, "=")
		sheet, cell, ok2 := strings.Cut(target, "!")
		if !ok || !ok2 {
			ts.Fatalf("fill: %q is not SHEET!CELL=VALUE", edit)
		}
		value = strings.ReplaceAll(value, `\n`, "\n")
		switch {
		case strings.HasPrefix(value, "formula:"):
			err = f.SetCellFormula(sheet, cell, strings.TrimPrefix(value, "formula:"))
		case strings.HasPrefix(value, "number:"):
			n, perr := strconv.ParseFloat(strings.TrimPrefix(value, "number:"), 64)
			ts.Check(perr)
			err = f.SetCellValue(sheet, cell, n)
		default:
			err = f.SetCellStr(sheet, cell, value)
		}
		ts.Check(err)
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}
