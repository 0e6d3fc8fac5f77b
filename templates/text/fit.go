package text

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// minFit is the narrowest a text column becomes to fit a terminal.
const minFit = 10

// fit returns t with its text wrapped so that the table is at most width
// columns wide: each column is as wide as its longest line (at most
// maxCell), and while the table is too wide the widest text column gives
// up a column. Right-aligned columns (numbers) and headers are not
// wrapped. Notes and list items wrap too.
func fit(t Table, width int) Table {
	if width <= 0 {
		return t
	}
	n := len(t.Header)
	widths := make([]int, n)
	floor := make([]int, n)
	right := map[int]bool{}
	for _, c := range t.Right {
		right[c] = true
	}
	for c, h := range t.Header {
		floor[c] = runewidth.StringWidth(h)
		if !right[c] {
			floor[c] = min(max(floor[c], 1), max(minFit, longestWord(h)))
		}
		widths[c] = runewidth.StringWidth(h)
	}
	for _, r := range t.Rows {
		for c := 0; c < n && c < len(r); c++ {
			for _, line := range strings.Split(r[c], "\n") {
				widths[c] = max(widths[c], min(runewidth.StringWidth(line), maxCell))
			}
		}
	}
	for c := range widths {
		if right[c] {
			floor[c] = widths[c]
		}
	}
	total := func() int {
		s := 0
		for _, w := range widths {
			s += w + 2 // a space either side
		}
		return s
	}
	for total() > width {
		widest := -1
		for c, w := range widths {
			if w > floor[c] && (widest < 0 || w > widths[widest]) {
				widest = c
			}
		}
		if widest < 0 {
			break // as narrow as it goes
		}
		widths[widest]--
	}
	out := t
	out.Rows = make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		row := make([]string, len(r))
		for c, v := range r {
			if c < n && !right[c] {
				v = wrap(v, widths[c])
			}
			row[c] = v
		}
		out.Rows[i] = row
	}
	if t.Note != "" {
		out.Note = strings.ReplaceAll(wrap(t.Note, width-2), "\n", "\n  ")
	}
	if t.Empty != "" {
		out.Empty = strings.ReplaceAll(wrap(t.Empty, width-2), "\n", "\n  ")
	}
	out.Lists = make([]List, len(t.Lists))
	for i, l := range t.Lists {
		items := make([]string, len(l.Items))
		for j, it := range l.Items {
			items[j] = strings.ReplaceAll(wrap(it, width-6), "\n", "\n      ") // under the text after "  - "
		}
		out.Lists[i] = List{Heading: l.Heading, Items: items}
	}
	return out
}

// wrap breaks s into lines of at most width columns, at spaces where it
// can and inside a word only when the word is longer than a line.
func wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, lw := "", 0
		for _, word := range strings.Fields(para) {
			ww := runewidth.StringWidth(word)
			switch {
			case lw == 0:
			case lw+1+ww <= width:
				line += " "
				lw++
			default:
				out = append(out, line)
				line, lw = "", 0
			}
			for ww > width-lw { // a word longer than the line
				head := runewidth.Truncate(word, width-lw, "")
				if head == "" {
					break
				}
				if i := strings.LastIndex(head, "-"); i > 0 {
					head = head[:i+1] // after a hyphen, where a reader expects a break
				}
				out = append(out, line+head)
				word = word[len(head):]
				ww = runewidth.StringWidth(word)
				line, lw = "", 0
			}
			line += word
			lw += ww
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, runewidth.StringWidth(w))
	}
	return n
}
