package assess

import (
	"slices"
	"testing"
)

func TestProblemsSortNaturally(t *testing.T) {
	ps := Problems{
		{File: "w.xlsx", Message: "Answers!C10000: x"},
		{File: "w.xlsx", Message: "Answers!AA1: x"},
		{File: "w.xlsx", Message: "Answers!C100: x"},
		{File: "w.xlsx", Message: "Answers!D2: x"},
		{File: "w.xlsx", Message: "Answers!C99: x"},
		{File: "w.xlsx", Message: "Answers!Z9: x"},
		{File: "responses/r10.yaml", Line: 9},
		{File: "responses/r9.yaml", Line: 10},
		{File: "responses/r10.yaml", Line: 10},
		{File: "responses/r9.yaml", Line: 9},
		{File: "responses/r09.yaml", Line: 1},
	}
	ps.Sort()
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		"responses/r9.yaml:9:1: ",
		"responses/r9.yaml:10:1: ",
		"responses/r09.yaml:1:1: ",
		"responses/r10.yaml:9:1: ",
		"responses/r10.yaml:10:1: ",
		"w.xlsx: Answers!C99: x",
		"w.xlsx: Answers!C100: x",
		"w.xlsx: Answers!C10000: x",
		"w.xlsx: Answers!D2: x",
		"w.xlsx: Answers!Z9: x",
		"w.xlsx: Answers!AA1: x",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sorted:\n%q\nwant:\n%q", got, want)
	}
}

func TestNaturalCompareIsAnOrder(t *testing.T) {
	words := []string{"", "a", "a1", "a01", "a2", "a10", "!A1", "!B1", "!AA1", "x!Z", "x!AA", "b", "A", "10", "9", "09"}
	for _, a := range words {
		if naturalCompare(a, a) != 0 {
			t.Errorf("%q is not equal to itself", a)
		}
		for _, b := range words {
			if a != b && naturalCompare(a, b) == 0 {
				t.Errorf("%q and %q compare equal", a, b)
			}
			if naturalCompare(a, b) != -naturalCompare(b, a) {
				t.Errorf("%q and %q: not antisymmetric", a, b)
			}
			for _, c := range words {
				if naturalCompare(a, b) < 0 && naturalCompare(b, c) < 0 && naturalCompare(a, c) >= 0 {
					t.Errorf("%q < %q < %q but not %q < %q", a, b, c, a, c)
				}
			}
		}
	}
}

// A file named with an escape sequence reaches no terminal raw.
func TestProblemEscapesControls(t *testing.T) {
	p := Problem{File: "responses/r\x1b[2J.yaml", Line: 1, Message: "bad \x07 value"}
	if got, want := p.String(), `responses/r\x1b[2J.yaml:1:1: bad \a value`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
