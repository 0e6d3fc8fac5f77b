// Package format writes the numbers and words that every medium shows the
// same way: scores with two decimals, shares as percentages and levels with
// their labels.
package format

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/assess"
)

// NoData is what a value without data shows.
const NoData = "—"

// Num formats a score with two decimals, or NoData.
func Num(s assess.Num) string {
	if !s.Valid {
		return NoData
	}
	return strconv.FormatFloat(s.Value, 'f', 2, 64)
}

// Pct formats a share (0..1) as a whole percentage, or NoData.
func Pct(s assess.Num) string {
	if !s.Valid {
		return NoData
	}
	return strconv.FormatFloat(s.Value*100, 'f', 0, 64) + "%"
}

// Signed formats a change with two decimals and its sign: "+0.50",
// "-0.17", "0.00" (never "-0.00" or "+0.00"), or NoData.
func Signed(d assess.Num) string {
	s := Num(d)
	switch {
	case !d.Valid:
		return s
	case s == "-0.00" || s == "0.00":
		return "0.00"
	case d.Value > 0:
		return "+" + s
	}
	return s
}

// Percent formats a number that is already a percentage (metric progress:
// 68.2 is 68%) as a whole percentage, "0%" for a value that rounds to zero
// from below, or NoData.
func Percent(p assess.Num) string {
	if !p.Valid {
		return NoData
	}
	s := strconv.FormatFloat(p.Value, 'f', 0, 64)
	if s == "-0" {
		s = "0"
	}
	return s + "%"
}

// Level formats a level with its label, "2 Repeatable", or NoData.
func Level(l *int, label *string) string {
	if l == nil {
		return NoData
	}
	if label == nil || *label == "" {
		return strconv.Itoa(*l)
	}
	return fmt.Sprintf("%d %s", *l, *label)
}

// Capitalize returns s with its first letter upper case: "Stabilize" for
// "stabilize". Ids and the program's own sentences are ASCII at the start.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Dash returns s, or NoData when s is blank.
func Dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return NoData
	}
	return s
}
