package main

import (
	"encoding/json"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/templates/text"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
	"golang.org/x/term"
)

// Output formats of the commands that print results.
var formats = []string{"table", "json", "yaml", "markdown"}

// formatFlag is the --format flag.
type formatFlag struct{ Format string }

func (f *formatFlag) add(c *cobra.Command) {
	c.Flags().StringVarP(&f.Format, "format", "f", "table", "output format: "+strings.Join(formats, ", "))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

func (f *formatFlag) check(c *cobra.Command) error {
	if !slices.Contains(formats, f.Format) {
		return usageError(c.CommandPath(), "--format %q: expected one of %s", f.Format, strings.Join(formats, ", "))
	}
	return nil
}

// write prints v in the chosen format: JSON and YAML documents hold the
// value itself; table and markdown lay out the tables. A failed write is
// exit code 3.
func (f *formatFlag) write(w io.Writer, v any, tables func() []text.Table) error {
	var err error
	switch f.Format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(v)
	case "yaml":
		enc := yaml.NewEncoder(w)
		enc.SetIndent(2)
		if err = enc.Encode(v); err == nil {
			err = enc.Close()
		}
	case "markdown":
		err = text.WriteMarkdown(w, tables()...)
	default:
		err = text.WriteWidth(w, terminalWidth(w), tables()...)
	}
	if err != nil {
		return outputError(err)
	}
	return nil
}

// terminalWidth is the width of the terminal w writes to (COLUMNS when the
// terminal does not say), or 0 when w is not a terminal: piped output and
// files keep their layout whatever the terminal, so goldens stay stable.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
		return width
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 80
}
