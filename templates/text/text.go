// Package text lays out results as tables for a terminal and as markdown.
// It never computes a score: it lays out values that packages assess and
// roadmap computed. Every text from an input goes through
// assess.TerminalSafe first, so nothing in an input file can act on the
// terminal that prints it.
package text

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Table is a titled grid of text cells. Columns listed in Right are
// right-aligned (numbers).
type Table struct {
	Title  string
	Header []string
	Rows   [][]string
	Right  []int  // indexes of right-aligned columns
	Note   string // a footnote under the rows
	Empty  string // what to say instead of a table without rows
	// Lists follow the table: a heading and its bullet points each.
	Lists []List
}

// List is a heading with bullet points, printed under a table.
type List struct {
	Heading string
	Items   []string
}

// maxCell is the widest a text cell grows before it wraps.
const maxCell = 60

// Write renders tables for a terminal, one after another; long text wraps
// in columns of at most maxCell characters.
func Write(w io.Writer, tables ...Table) error { return WriteWidth(w, 0, tables...) }

// WriteWidth renders tables like Write, each fitted to width columns (the
// terminal's) by wrapping its text columns; 0 leaves them as Write does.
func WriteWidth(w io.Writer, width int, tables ...Table) error {
	var buf bytes.Buffer
	for i, t := range tables {
		t = fit(safe(t), width)
		if i > 0 {
			buf.WriteByte('\n')
		}
		if t.Title != "" {
			fmt.Fprintf(&buf, "%s\n", t.Title)
		}
		if len(t.Rows) == 0 {
			if t.Empty != "" {
				fmt.Fprintf(&buf, "  %s\n", t.Empty)
			}
			writeLists(&buf, t.Lists, "  ", "  - ")
			continue
		}
		align := make([]tw.Align, len(t.Header))
		for c := range align {
			align[c] = tw.AlignLeft
		}
		for _, c := range t.Right {
			align[c] = tw.AlignRight
		}
		tb := tablewriter.NewTable(&buf,
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithHeaderAutoWrap(tw.WrapNone),
			tablewriter.WithRowAutoWrap(tw.WrapNormal),
			tablewriter.WithRowMaxWidth(maxCell),
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
				Borders: tw.BorderNone,
				Symbols: tw.NewSymbols(tw.StyleLight),
				Settings: tw.Settings{
					Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
					Lines:      tw.Lines{ShowHeaderLine: tw.On},
				},
			})),
			tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
			tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		)
		tb.Header(t.Header)
		for _, r := range t.Rows {
			if err := tb.Append(r); err != nil {
				return err
			}
		}
		if err := tb.Render(); err != nil {
			return err
		}
		if t.Note != "" {
			fmt.Fprintf(&buf, "  %s\n", t.Note)
		}
		writeLists(&buf, t.Lists, "  ", "  - ")
	}
	out := trimLines(buf.Bytes())
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	_, err := w.Write(out)
	return err
}

// WriteMarkdown renders tables as GitHub-flavoured markdown, for a wiki.
func WriteMarkdown(w io.Writer, tables ...Table) error {
	var b strings.Builder
	for i, t := range tables {
		t = safe(t)
		if i > 0 {
			b.WriteByte('\n')
		}
		if t.Title != "" {
			fmt.Fprintf(&b, "## %s\n\n", mdEscape(t.Title))
		}
		if len(t.Rows) == 0 {
			if t.Empty != "" {
				fmt.Fprintf(&b, "%s\n", mdEscape(t.Empty))
			}
			writeMarkdownLists(&b, t.Lists)
			continue
		}
		right := map[int]bool{}
		for _, c := range t.Right {
			right[c] = true
		}
		b.WriteString("|")
		for _, h := range t.Header {
			fmt.Fprintf(&b, " %s |", mdEscape(h))
		}
		b.WriteString("\n|")
		for c := range t.Header {
			if right[c] {
				b.WriteString("---:|")
			} else {
				b.WriteString("---|")
			}
		}
		b.WriteString("\n")
		for _, r := range t.Rows {
			b.WriteString("|")
			for _, cell := range r {
				fmt.Fprintf(&b, " %s |", mdEscape(cell))
			}
			b.WriteString("\n")
		}
		if t.Note != "" {
			fmt.Fprintf(&b, "\n%s\n", mdEscape(t.Note))
		}
		writeMarkdownLists(&b, t.Lists)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdReplacer = strings.NewReplacer("|", `\|`, "\n", " ", "\r", "", "<", "&lt;", ">", "&gt;")

func mdEscape(s string) string { return mdReplacer.Replace(s) }

func trimLines(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	return bytes.Join(lines, []byte("\n"))
}

func writeLists(w io.Writer, lists []List, indent, bullet string) {
	for _, l := range lists {
		if len(l.Items) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s%s\n", indent, l.Heading)
		for _, it := range l.Items {
			fmt.Fprintf(w, "%s%s%s\n", indent, bullet, it)
		}
	}
}

func writeMarkdownLists(w io.Writer, lists []List) {
	for _, l := range lists {
		if len(l.Items) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n**%s**\n\n", mdEscape(l.Heading))
		for _, it := range l.Items {
			fmt.Fprintf(w, "- %s\n", mdEscape(it))
		}
	}
}

// safe returns t with every text made safe for a terminal.
func safe(t Table) Table {
	f := assess.TerminalSafe
	out := Table{Title: f(t.Title), Header: make([]string, len(t.Header)), Rows: make([][]string, len(t.Rows)),
		Right: t.Right, Note: f(t.Note), Empty: f(t.Empty), Lists: make([]List, len(t.Lists))}
	for i, h := range t.Header {
		out.Header[i] = f(h)
	}
	for i, row := range t.Rows {
		out.Rows[i] = make([]string, len(row))
		for j, c := range row {
			out.Rows[i][j] = f(c)
		}
	}
	for i, l := range t.Lists {
		out.Lists[i] = List{Heading: f(l.Heading), Items: make([]string, len(l.Items))}
		for j, it := range l.Items {
			out.Lists[i].Items[j] = f(it)
		}
	}
	return out
}
