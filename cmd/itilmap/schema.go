package main

import (
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/spf13/cobra"
)

type schemaOptions struct {
	// CmdPath names the command in usage errors.
	CmdPath string
	IO      iostreams
	Kind    string
}

func newSchemaCmd(runF func(*schemaOptions) error) *cobra.Command {
	opts := &schemaOptions{}
	return &cobra.Command{
		Use:       "schema " + strings.Join(assess.SchemaKinds, "|"),
		Short:     "Print the JSON Schema of a file kind, for editors",
		Long:      "Print the draft-07 JSON Schema of a file kind. Editors with the YAML language\nserver use it for completion and checks through a comment at the top of a file:\n\n  # yaml-language-server: $schema=.schema/response.json",
		Example:   "  itilmap schema response > .schema/response.json",
		ValidArgs: assess.SchemaKinds,
		Args:      exactArgs(1, "one file kind: "+strings.Join(assess.SchemaKinds, ", ")),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.Kind = streams(c), args[0]
			opts.CmdPath = c.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return schemaRun(opts)
		},
	}
}

func schemaRun(opts *schemaOptions) error {
	b, err := assess.Schema(opts.Kind)
	if err != nil {
		return usageError(opts.CmdPath, "%v", err)
	}
	if _, err := opts.IO.Out.Write(b); err != nil {
		return outputError(err)
	}
	return nil
}
