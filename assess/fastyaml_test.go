package assess_test

import (
	"bytes"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/internal/workshop"
	"go.yaml.in/yaml/v3"
)

// libraryRoot is the root node the YAML library reads from data, without
// comments, or nil when it reads anything but one document.
func libraryRoot(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil
	}
	var strip func(n *yaml.Node)
	strip = func(n *yaml.Node) {
		n.HeadComment, n.LineComment, n.FootComment = "", "", ""
		for _, c := range n.Content {
			strip(c)
		}
	}
	strip(doc.Content[0])
	return doc.Content[0]
}

// checkFast fails when the fast path reads data other than the library.
func checkFast(t *testing.T, data []byte) bool {
	t.Helper()
	got := assess.FastParse(data)
	if got == nil {
		return false
	}
	want := libraryRoot(data)
	if want == nil {
		t.Fatalf("the fast path reads what the library refuses:\n%s", data)
	}
	if !reflect.DeepEqual(got, want) {
		var diff func(path string, a, b *yaml.Node)
		diff = func(path string, a, b *yaml.Node) {
			if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
				t.Errorf("%s: fast %v/%v/%s/%q at %d:%d (%d), library %v/%v/%s/%q at %d:%d (%d)", path,
					a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, len(a.Content), b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column, len(b.Content))
				return
			}
			for i := range a.Content {
				diff(path+"/"+a.Content[i].Value, a.Content[i], b.Content[i])
			}
		}
		diff("", got, want)
		t.Fatalf("in:\n%s", data)
	}
	return true
}

var fastCases = []struct {
	in   string
	fast bool // read by the fast path
}{
	{"kind: response\nquestionnaire: itil4-core\nrespondent: {id: r1, name: \"Zoë O'Neil\", role: x, team: y}\ndate: 2026-10-15\nanswers:\n  # Service desk\n  SD-1: {documented: 2, actual: na}\n  SD-2: {documented: 3, note: \"a \\\"b\\\" \\u00e9\\x41\\t\"}\n", true},
	{"a: 1\nb:\n  c:\n    d: x y z   # comment\n  e: 'it''s'\n# end", true},
	{"a: {}\nb: { x: 1 ,  y: 2 }\nc: ÿ: d\n", false},
	{"a: Zoë\nb: {x: Zoë, y: Ünï}\n", true},
	{"a: 0\nb: 12\nc: 012\n", false},
	{"a: 007\n", false},
	{"a: 2026-1-2\nb: 2026-13-01\n", false},
	{"a: 2026-1-2\n", true},
	{"a: true\nb: Null\nc: no\nd: y\ne: na\n", true},
	{"a: ~\n", false},
	{"a:\nb: 1\n", false},
	{"a: 1\n  b: 2\n", false},
	{"a: b\n  c\n", false},
	{"a: b\n\n   # comment\nc: d", true},
	{"- a\n- b\n", false},
	{"---\na: 1\n", false},
	{"a: 1\n---\nb: 2\n", false},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"a: |\n  x\n", false},
	{"a: \"x\n  y\"\n", false},
	{"a: {x: 1,\n  y: 2}\n", false},
	{"a: {x: 1,}\n", false},
	{"a: {x: {y: 1}}\n", false},
	{"a: b#c\n", true},
	{"a: b #c\n", true},
	{"a: {b: c#d}\n", true},
	{"a: {b: c?}\nd: e?\n", false},
	{"d: e?\n", true},
	{"a: http://x\n", false},
	{"a:\tb\n", false},
	{"a: b\r\n", false},
	{"a: \"\\ud800\"\n", false},
	{"a: \"\\q\"\n", false},
	{"a: \"\\N\\_\\L\\P\\e\\0 \\ \"\n", true},
	{"a: \"\\/\"\n", false},
	{"a: 1\na: 2\n", true},
	{"1: x\ntrue: y\nnull: z\n2026-01-02: w\n", true},
	{"a: x\nb: {c: \"d\"}  # e\n", true},
	{"a: x\nb: {c: \"d\"}# e\n", false},
	{"a: \"x\" y\n", false},
	{"  a: 1\n", false},
	{"a: 1\n b: 2\n", false},
	{"a:\n  b: 1\n c: 2\n", false},
	{"a:\n    b: 1\n    c:\n      d: 2\n    e: 3\nf: 4", true},
	{"a: b c: d\n", false},
	{"a: b\u2028c\n", false},
	{"a: \u00a0b\n", true},
	{"a: b\u00a0\n", true},
	{"# only a comment\n", false},
	{"", false},
	{"a: [1, 2]\n", false},
	{"a: x]\n", true},
	{"a: {b: 1} {c: 2}\n", false},
	{"a: 1 # c\n#\n  # c\nb: 2\n", true},
	{"a: 99999999999999999999\n", false},
	{"a: 123456789012345678\n", true},
}

func TestFastYAML(t *testing.T) {
	for _, c := range fastCases {
		if got := checkFast(t, []byte(c.in)); got != c.fast {
			t.Errorf("fast path %v, want %v for:\n%s", got, c.fast, c.in)
		}
	}
}

// Every file of a generated workshop, and the example, takes the fast path
// where it can, and the fast path reads each as the library does.
func TestFastYAMLWorkshop(t *testing.T) {
	q, probs := assess.LoadQuestionnaire(assess.Disk{}, "itil4-core", "")
	if q == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	files := workshop.Generate(q, 30, 7)
	fast := 0
	for name, data := range files {
		if checkFast(t, data) {
			fast++
		} else if strings.HasPrefix(name, "responses/") {
			t.Errorf("%s is not read by the fast path", name)
		}
	}
	if fast < 30 {
		t.Errorf("%d files read by the fast path", fast)
	}
}

func FuzzFastYAML(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c.in))
	}
	_ = fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".yaml") {
			data, _ := fs.ReadFile(examples.FS, path)
			f.Add(data)
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
	})
}
