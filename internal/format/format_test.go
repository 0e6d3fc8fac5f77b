package format

import (
	"testing"

	"github.com/itilmap/itilmap/assess"
)

func TestSigned(t *testing.T) {
	for _, c := range []struct {
		in   assess.Num
		want string
	}{
		{assess.Some(0.5), "+0.50"},
		{assess.Some(-0.1666), "-0.17"},
		{assess.Some(0), "0.00"},
		{assess.Some(0.001), "0.00"},  // rounds to zero: no sign
		{assess.Some(-0.001), "0.00"}, // never "-0.00"
		{assess.Num{}, NoData},
	} {
		if got := Signed(c.in); got != c.want {
			t.Errorf("Signed(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		in   assess.Num
		want string
	}{
		{assess.Some(68.2), "68%"},
		{assess.Some(150), "150%"},
		{assess.Some(-12.6), "-13%"},
		{assess.Some(-0.3), "0%"}, // never "-0%"
		{assess.Num{}, NoData},
	} {
		if got := Percent(c.in); got != c.want {
			t.Errorf("Percent(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{"stabilize": "Stabilize", "": "", "Optimize": "Optimize", "x": "X"} {
		if got := Capitalize(in); got != want {
			t.Errorf("Capitalize(%q) = %q, want %q", in, got, want)
		}
	}
}
