package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Hostile files too big to keep in testdata/script/hostile.txtar: each is
// refused with exit code 1 and a message naming the file and the limit.
func TestHostileBigFiles(t *testing.T) {
	tests := []struct {
		name, file string
		data       func() []byte
		want       string
	}{
		{"a response of 33 MiB", "responses/r02.yaml",
			func() []byte { return bytes.Repeat([]byte("# padding\n"), 33<<20/10+1) },
			"responses/r02.yaml: file is larger than 32 MiB"},
		{"pain points of 300,000 values in 600 KB", "painpoints.yaml",
			func() []byte {
				return []byte("kind: painpoints\npainpoints: [" + strings.Repeat("x,", 300_000) + "]\n")
			},
			"painpoints.yaml:2:500006: more than 250000 YAML keys, values and words; an itilmap file is far smaller"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string][]byte{
				"assessment.yaml":    []byte("kind: assessment\nid: big\norganization: Big Ltd\ndate: 2026-11-02\nquestionnaire: itil4-quick\n"),
				"responses/r01.yaml": []byte("kind: response\nquestionnaire: itil4-quick\nrespondent: {id: r01, team: desk}\nanswers:\n  Q-SD-PE-1: {documented: 4, actual: 2}\n"),
				tt.file:              tt.data(),
			}
			for name, data := range files {
				path := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, args := range [][]string{{"assess", dir}, {"report", dir, "-o", filepath.Join(dir, "out")}, {"validate", filepath.Join(dir, tt.file)}} {
				var stdout, stderr bytes.Buffer
				code := run(args, strings.NewReader(""), &stdout, &stderr)
				if code != exitInput {
					t.Errorf("itilmap %s: exit code %d, want %d", args[0], code, exitInput)
				}
				if want := filepath.Join(dir, tt.want); !strings.Contains(stderr.String(), want+"\n") {
					t.Errorf("itilmap %s: stderr does not say %q:\n%s", args[0], want, stderr.String())
				}
				if args[0] != "validate" && stdout.Len() > 0 {
					t.Errorf("itilmap %s: printed on stdout:\n%s", args[0], stdout.String())
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "out", "report.xlsx")); err == nil {
				t.Error("report.xlsx written from a refused assessment")
			}
		})
	}
}
