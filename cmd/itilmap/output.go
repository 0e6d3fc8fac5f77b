package main

import (
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/itilmap/itilmap/templates/text"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
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
		err = text.Write(w, tables()...)
	}
	if err != nil {
		return outputError(err)
	}
	return nil
}
