package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

type versionOptions struct {
	IO iostreams
}

func newVersionCmd(runF func(*versionOptions) error) *cobra.Command {
	opts := &versionOptions{}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and commit itilmap was built from",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
}

func versionRun(opts *versionOptions) error {
	version, commit, modified, goVersion := "(devel)", "", false, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	line := "itilmap " + version
	if commit != "" {
		if len(commit) > 12 {
			commit = commit[:12]
		}
		line += " commit " + commit
		if modified {
			line += " (modified)"
		}
	}
	if goVersion != "" {
		line += " " + goVersion
	}
	if _, err := fmt.Fprintln(opts.IO.Out, line); err != nil {
		return outputError(err)
	}
	return nil
}
