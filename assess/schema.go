package assess

import (
	"embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed schema/*.json
var schemaFiles embed.FS

// SchemaKinds lists the file kinds that have a JSON Schema.
var SchemaKinds = []string{"assessment", "painpoints", "questionnaire", "response"}

// Schema returns the draft-07 JSON Schema of a file kind, for editors.
func Schema(kind string) ([]byte, error) {
	i := sort.SearchStrings(SchemaKinds, kind)
	if i == len(SchemaKinds) || SchemaKinds[i] != kind {
		return nil, fmt.Errorf("unknown kind %q; expected one of %s", kind, strings.Join(SchemaKinds, ", "))
	}
	return schemaFiles.ReadFile("schema/" + kind + ".json")
}
