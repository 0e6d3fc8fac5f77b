// Package questionnaires holds itilmap's built-in questionnaire library as
// YAML files, embedded in the binary.
//
// The files are data: package assess parses and checks them like any
// questionnaire a user writes.
package questionnaires

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed *.yaml
var files embed.FS

// IDs returns the ids of the built-in questionnaires, sorted.
func IDs() []string {
	entries, _ := fs.ReadDir(files, ".")
	var ids []string
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), path.Ext(e.Name())))
	}
	sort.Strings(ids)
	return ids
}

// Lookup returns the YAML text of the built-in questionnaire id.
func Lookup(id string) ([]byte, bool) {
	if strings.ContainsAny(id, `/\`) {
		return nil, false
	}
	b, err := files.ReadFile(id + ".yaml")
	return b, err == nil
}

// File is the name under which a built-in questionnaire is reported in
// messages.
func File(id string) string { return "built-in:" + id + ".yaml" }
