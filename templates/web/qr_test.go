package web_test

import (
	"strings"
	"testing"

	"github.com/itilmap/itilmap/templates/web"
)

// TestTerminalQR reads the drawn code back into modules and checks the
// three finder patterns of a QR code and the quiet border around them.
func TestTerminalQR(t *testing.T) {
	s, err := web.TerminalQR("http://192.168.1.23:8080/?code=K7M2QX", false)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	var dark [][]bool // by row, two a line: light modules are drawn
	for _, l := range lines {
		top, bottom := []bool{}, []bool{}
		for _, r := range l {
			switch r {
			case '█':
				top, bottom = append(top, false), append(bottom, false)
			case '▀':
				top, bottom = append(top, false), append(bottom, true)
			case '▄':
				top, bottom = append(top, true), append(bottom, false)
			case ' ':
				top, bottom = append(top, true), append(bottom, true)
			default:
				t.Fatalf("unexpected %q in the code", r)
			}
		}
		dark = append(dark, top, bottom)
	}
	size := len(dark[0])
	if size < 21+4 || (size-4-21)%4 != 0 {
		t.Fatalf("%d modules a row: not a QR code version with a border of 2", size)
	}
	n := size - 4
	finder := func(x0, y0 int) {
		for y := 0; y < 7; y++ {
			for x := 0; x < 7; x++ {
				ring := x == 0 || y == 0 || x == 6 || y == 6
				core := x >= 2 && x <= 4 && y >= 2 && y <= 4
				if got := dark[y0+y][x0+x]; got != (ring || core) {
					t.Fatalf("finder at %d,%d: module %d,%d dark=%v", x0, y0, x, y, got)
				}
			}
		}
	}
	finder(2, 2)
	finder(2+n-7, 2)
	finder(2, 2+n-7)
	for i := 0; i < size; i++ {
		if dark[0][i] || dark[1][i] || dark[i][0] || dark[i][1] {
			t.Fatalf("the border is not light at %d", i)
		}
	}

	colour, _ := web.TerminalQR("http://192.168.1.23:8080/?code=K7M2QX", true)
	if !strings.Contains(colour, "\x1b[30;107m▀") || !strings.HasSuffix(colour, "\x1b[0m\n") {
		t.Errorf("the colour code does not paint black on white")
	}
}
