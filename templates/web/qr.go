package web

import (
	"strconv"
	"strings"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// qrQuiet is the light border around a code, in modules.
const qrQuiet = 2

// TerminalQR draws text as a QR code in a terminal, two modules a line with
// half blocks, so that the code is square. With colour it paints dark
// modules black on white whatever the terminal's colours; without (for
// NO_COLOR) it draws the light modules, which suits a dark terminal.
func TerminalQR(text string, colour bool) (string, error) {
	code, err := qrcode.NewWith(text, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return "", err
	}
	var bm [][]bool
	if err := code.Save(matrixWriter{&bm}); err != nil {
		return "", err
	}
	n := len(bm)
	dark := func(x, y int) bool {
		x, y = x-qrQuiet, y-qrQuiet
		return x >= 0 && y >= 0 && y < n && x < len(bm[y]) && bm[y][x]
	}
	size := n + 2*qrQuiet
	var b strings.Builder
	for y := 0; y < size; y += 2 {
		for x := 0; x < size; x++ {
			top, bottom := dark(x, y), dark(x, y+1)
			if colour {
				b.WriteString("\x1b[" + ansi(top, 30, 97) + ";" + ansi(bottom, 40, 107) + "m▀")
				continue
			}
			switch {
			case !top && !bottom:
				b.WriteString("█")
			case !top:
				b.WriteString("▀")
			case !bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		if colour {
			b.WriteString("\x1b[0m")
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

func ansi(dark bool, black, white int) string {
	if dark {
		return strconv.Itoa(black)
	}
	return strconv.Itoa(white)
}

type matrixWriter struct{ bm *[][]bool }

func (w matrixWriter) Write(m qrcode.Matrix) error { *w.bm = m.Bitmap(); return nil }
func (w matrixWriter) Close() error                { return nil }
