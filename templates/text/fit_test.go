package text

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  string
	}{
		{"Name a major-incident manager for every shift", 20, "Name a\nmajor-incident\nmanager for every\nshift"},
		{"short", 20, "short"},
		{"service-configuration-management", 10, "service-\nconfigurat\nion-\nmanagement"},
		{"abcdefghijklmno", 6, "abcdef\nghijkl\nmno"},
		{"two\nparagraphs here", 9, "two\nparagraph\ns here"},
		{"Zoë Ødegård owns it", 11, "Zoë Ødegård\nowns it"},
	} {
		if got := wrap(tt.in, tt.width); got != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// Fitted to a terminal of 60 columns, no line of the table is wider than
// 60; the numbers are not wrapped, and no word of the text is lost.
func TestWriteWidth(t *testing.T) {
	tb := Table{
		Title:  "Backlog",
		Header: []string{"Practice", "Priority", "Reason"},
		Right:  []int{1},
		Rows: [][]string{
			{"service-configuration-management", "12.50", "waits for change-enablement: not enough capacity in stabilize to bring it along"},
			{"problem-management", "3.00", "capacity: stabilize already holds 3 practices"},
		},
		Note:  "A practice waits when the phase is full or an earlier phase of it waits; re-plan with a higher capacity to see more.",
		Lists: []List{{Heading: "Notes", Items: []string{"change-enablement depends on service-configuration-management, which is outside the scope: nothing of it is planned here."}}},
	}
	for _, width := range []int{60, 45} {
		var buf bytes.Buffer
		if err := WriteWidth(&buf, width, tb); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, line := range strings.Split(out, "\n") {
			if w := runewidth.StringWidth(line); w > width {
				t.Errorf("width %d: line %q is %d wide", width, line, w)
			}
		}
		if !strings.Contains(out, "12.50") || !strings.Contains(out, " 3.00") {
			t.Errorf("width %d: numbers wrapped or lost:\n%s", width, out)
		}
		words := strings.Fields(strings.NewReplacer("─", " ", "-", " ").Replace(out))
		joined := strings.Join(words, " ")
		for _, want := range []string{"not enough capacity in stabilize to bring it along", "re plan with a higher capacity to see more.", "nothing of it is planned here."} {
			if !strings.Contains(joined, want) {
				t.Errorf("width %d: %q lost:\n%s", width, want, out)
			}
		}
	}
	// width 0 (piped output) is Write: cells wrap at maxCell only
	var a, b bytes.Buffer
	if err := WriteWidth(&a, 0, tb); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, tb); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("WriteWidth(0) differs from Write")
	}
	if !strings.Contains(b.String(), "waits for change-enablement: not enough capacity in") {
		t.Errorf("Write wrapped below %d columns:\n%s", maxCell, b.String())
	}
}
