package text

import (
	"bytes"
	"strings"
	"testing"
)

// TestNothingActsOnTheTerminal: an escape sequence or a bidirectional
// override in any text of a table is printed escaped, in both formats,
// while ordinary accents and new lines in lists stay as they are.
func TestNothingActsOnTheTerminal(t *testing.T) {
	hostile := "t\x1b[2J\x1b]0;PWNED\a" + "\u202egnp.exe"
	tbl := Table{Title: "Teams " + hostile, Header: []string{"Team"}, Rows: [][]string{{hostile}, {"Zoë Ødegård"}},
		Note: hostile, Lists: []List{{Heading: hostile, Items: []string{hostile}}}}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return Write(b, tbl) },
		"markdown": func(b *bytes.Buffer) error { return WriteMarkdown(b, tbl) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.ContainsAny(out, "\x1b\a\u202e") {
			t.Errorf("%s: a raw escape or override reaches the terminal:\n%q", name, out)
		}
		if !strings.Contains(out, `t\x1b[2J\x1b]0;PWNED\a\u202egnp.exe`) {
			t.Errorf("%s: the hostile text is not shown escaped:\n%s", name, out)
		}
		if !strings.Contains(out, "Zoë Ødegård") {
			t.Errorf("%s: ordinary text was changed:\n%s", name, out)
		}
	}
}
