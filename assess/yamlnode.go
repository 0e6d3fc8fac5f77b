package assess

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits on untrusted input.
const (
	// MaxFileSize is the largest input file read, in bytes.
	MaxFileSize = 32 << 20
	// MaxAliasNodes bounds how many nodes YAML aliases may add by expansion.
	MaxAliasNodes = 10_000
	// MaxDepth bounds the nesting of YAML collections.
	MaxDepth = 64
	// MaxTokens bounds the keys, values and words a file may hold. The YAML
	// library takes some 200 bytes for each value it reads, so that 32 MiB
	// of tiny values ([1,1,1,…]) would take gigabytes and many seconds; the
	// largest built-in questionnaire holds some 11,000.
	MaxTokens = 250_000
	// MaxAliasText bounds the text YAML aliases may add by expansion, in
	// bytes: one long text repeated by aliases is refused at the alias
	// that takes it past this bound.
	MaxAliasText = 1 << 20
	// MaxNameLength bounds a name, title, label or other short text, in
	// characters, counted after aliases are expanded.
	MaxNameLength = 200
	// MaxTextLength bounds a note, evidence, help, description or question
	// text, in characters, counted after aliases are expanded.
	MaxTextLength = 10_000
	// MaxPathLength bounds a file or folder path given in a file.
	MaxPathLength = 1024
	// MaxMagnitude bounds a metric's baseline and target, as written or
	// computed from a change, so that every formula over them stays finite.
	MaxMagnitude = 1e15
	// MaxWeight bounds the weight of a practice or question, and the
	// disagreement spread, so that weighted sums stay finite.
	MaxWeight = 1000
)

// reader turns one YAML file into typed values, collecting every problem
// with its position instead of stopping at the first.
type reader struct {
	file  string
	probs *Problems
	// release, when set, gives the memory of the nodes parse returned to
	// the next file; call it once nothing holds one of them
	release func()
}

func (r *reader) at(n *yaml.Node, sev Severity, format string, args ...any) {
	p := Problem{File: r.file, Message: fmt.Sprintf(format, args...), Severity: sev}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	*r.probs = append(*r.probs, p)
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	r.at(n, Error, format, args...)
}

func (r *reader) warnf(n *yaml.Node, format string, args ...any) {
	r.at(n, Warning, format, args...)
}

var yamlErrLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// parse checks raw bytes (size, encoding, indentation) and parses them into
// the root node of the single document they hold. It returns nil after
// reporting why when the file cannot be used.
func (r *reader) parse(data []byte) *yaml.Node {
	if len(data) > MaxFileSize {
		r.errorf(nil, "file is larger than %d MiB", MaxFileSize>>20)
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		line, col := lineCol(data, off)
		*r.probs = append(*r.probs, Problem{File: r.file, Line: line, Column: col,
			Message: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[off])})
		return nil
	}
	if off := tokenLimit(data); off >= 0 {
		line, col := lineCol(data, off)
		*r.probs = append(*r.probs, Problem{File: r.file, Line: line, Column: col,
			Message: fmt.Sprintf("more than %d YAML keys, values and words; an itilmap file is far smaller", MaxTokens)})
		return nil
	}
	if root, release := fastParse(data); root != nil {
		r.release = release
		// what the YAML library would read, in a fraction of the time;
		// the depth is checked as below
		if !r.checkExpansion(root) {
			return nil
		}
		return root
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.errorf(nil, "file is empty; expected a YAML mapping")
			return nil
		}
		// a tab in indentation is the usual cause: say so rather than the parser's words
		if !r.checkTabs(data) {
			r.yamlError(err, data)
		}
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		r.errorf(&extra, "a second YAML document (---) starts here; expected one document per file")
		return nil
	} else if !errors.Is(err, io.EOF) {
		r.yamlError(err, data)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		r.errorf(nil, "file is empty; expected a YAML mapping")
		return nil
	}
	root := doc.Content[0]
	if !r.checkExpansion(root) {
		return nil
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		r.errorf(nil, "file is empty; expected a YAML mapping")
		return nil
	}
	if root.Kind != yaml.MappingNode {
		r.errorf(root, "expected a mapping of keys and values at the top of the file, found %s", describe(root))
		return nil
	}
	return root
}

var unknownAnchor = regexp.MustCompile(`unknown anchor '([^']*)'`)

// yamlError reports a parser error at its position. The YAML library
// counts the lines of its parser errors ("did not find expected …") from 0,
// and those of its scanner errors from 1; it leaves out line 0, and some
// errors carry no line: those are found in the data instead.
func (r *reader) yamlError(err error, data []byte) {
	msg := err.Error()
	line, col := 1, 1
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
			if strings.HasPrefix(msg, "did not find expected") {
				line++
			}
		}
	}
	off := -1
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		off = bytes.Index(data, []byte("*"+m[1]))
	} else if strings.Contains(msg, "control character") {
		off = bytes.IndexFunc(data, func(c rune) bool { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' })
	}
	if off >= 0 {
		line, col = lineCol(data, off)
	}
	*r.probs = append(*r.probs, Problem{File: r.file, Line: line, Column: col, Message: "invalid YAML: " + msg})
}

// checkTabs reports every line indented with a tab, which YAML forbids.
func (r *reader) checkTabs(data []byte) bool {
	found := false
	line := 1
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		for col, c := range data[:end] {
			if c == '\t' {
				*r.probs = append(*r.probs, Problem{File: r.file, Line: line, Column: col + 1,
					Message: "tab character in indentation; YAML indents with spaces"})
				found = true
				break
			}
			if c != ' ' {
				break
			}
		}
		line++
		if end == len(data) {
			break
		}
		data = data[end+1:]
	}
	return found
}

// checkExpansion rejects documents whose aliases would expand beyond
// MaxAliasNodes nodes (the "billion laughs" attack), whose aliases repeat
// more than MaxAliasText bytes of text, or that nest deeper than MaxDepth.
func (r *reader) checkExpansion(root *yaml.Node) bool {
	// Most files have no alias: a tree, walked once for its depth without
	// memory. Up to the first alias, the walk below visits the same nodes in
	// the same order, so a depth error found before it is the same.
	deep, alias := plainDepth(root, 0)
	if deep != nil {
		r.errorf(deep, "nesting deeper than %d levels", MaxDepth)
		return false
	}
	if !alias {
		return true
	}
	type expansion struct{ nodes, text int }
	size := map[*yaml.Node]expansion{}
	added := 0             // bytes of text the aliases walked so far add
	var tooMuch *yaml.Node // the alias that takes added past MaxAliasText
	var walk func(n *yaml.Node, depth int) (expansion, bool)
	walk = func(n *yaml.Node, depth int) (expansion, bool) {
		if depth > MaxDepth {
			r.errorf(n, "nesting deeper than %d levels", MaxDepth)
			return expansion{}, false
		}
		if s, ok := size[n]; ok {
			return s, true
		}
		size[n] = expansion{math.MaxInt32, math.MaxInt32} // a node reached again while it is walked: a cycle
		total := expansion{1, len(n.Value)}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			s, ok := walk(n.Alias, depth+1)
			if !ok {
				return expansion{}, false
			}
			total.nodes += s.nodes
			total.text = s.text
			if added = min(added+s.text, math.MaxInt32); added > MaxAliasText && tooMuch == nil {
				tooMuch = n
			}
		}
		for _, c := range n.Content {
			s, ok := walk(c, depth+1)
			if !ok {
				return expansion{}, false
			}
			total.nodes += s.nodes
			total.text = min(total.text+s.text, math.MaxInt32)
			if total.nodes > MaxAliasNodes*100 {
				break
			}
		}
		size[n] = total
		return total, true
	}
	expanded, ok := walk(root, 0)
	if !ok {
		return false
	}
	if expanded.nodes-len(size) > MaxAliasNodes {
		r.errorf(nil, "YAML aliases expand to more than %d nodes; write the values out instead", MaxAliasNodes)
		return false
	}
	if tooMuch != nil {
		r.errorf(tooMuch, "YAML aliases repeat more than %d MiB of text; write the values out instead", MaxAliasText>>20)
		return false
	}
	return true
}

// plainDepth walks a document depth first until it finds a node nested
// deeper than MaxDepth, which it returns, or an alias.
func plainDepth(n *yaml.Node, depth int) (deep *yaml.Node, alias bool) {
	if depth > MaxDepth {
		return n, false
	}
	if n.Kind == yaml.AliasNode {
		return nil, true
	}
	for _, c := range n.Content {
		if deep, alias := plainDepth(c, depth+1); deep != nil || alias {
			return deep, alias
		}
	}
	return nil, false
}

// tokenLimit returns the offset of the token that takes valid UTF-8 data
// beyond MaxTokens, or -1. A token starts after a space, a line break or a
// comma, and at each bracket or brace. The words of text and comments count
// too: the count is more than the values a YAML document holds, never less
// than a third of its nodes.
func tokenLimit(data []byte) int {
	tokens := 0
	apart := true // the previous character separates tokens
	for i := 0; i < len(data); {
		r, size := rune(data[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(data[i:])
		}
		switch r {
		case ' ', '\t', '\n', '\r', ',', ']', '}', '\u0085', '\u2028', '\u2029':
			apart = true
		default:
			if apart || r == '[' || r == '{' {
				if tokens++; tokens > MaxTokens {
					return i
				}
			}
			apart = r == '[' || r == '{'
		}
		i += size
	}
	return -1
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

func lineCol(b []byte, off int) (int, int) {
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, utf8.RuneCount(b[start:off]) + 1
}

// resolve follows an alias to the node it names. The node returned for an
// alias is a copy at the alias's position, so that a problem of the value
// (a text too long once expanded) is reported where the alias uses it.
func resolve(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	line, col := n.Line, n.Column
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < MaxDepth; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind == yaml.AliasNode {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: line, Column: col}
	}
	c := *n
	c.Line, c.Column = line, col
	return &c
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		v := n.Value
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		return strconv.Quote(v)
	}
	return "an alias"
}

// seenKeys are the keys of a mapping read so far: the known ones by their
// place in the list of known keys, others in a map made when one appears.
type seenKeys struct {
	known []string
	nodes [16]*yaml.Node
	other map[string]*yaml.Node
}

func (s *seenKeys) get(key string) (*yaml.Node, bool) {
	if i := slices.Index(s.known, key); i >= 0 && i < len(s.nodes) {
		return s.nodes[i], s.nodes[i] != nil
	}
	n, ok := s.other[key]
	return n, ok
}

func (s *seenKeys) add(key string, n *yaml.Node) {
	if i := slices.Index(s.known, key); i >= 0 && i < len(s.nodes) {
		s.nodes[i] = n
		return
	}
	if s.other == nil {
		s.other = map[string]*yaml.Node{}
	}
	s.other[key] = n
}

// fields walks a mapping, calling handle for each known key. Unknown keys are
// errors, with a suggestion when a known key is close; duplicate keys are
// errors. It returns the keys seen.
func (r *reader) fields(n *yaml.Node, known []string, handle func(key string, k, v *yaml.Node)) seenKeys {
	seen := seenKeys{known: known}
	if n.Kind != yaml.MappingNode {
		return seen
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Tag == "!!merge" {
			r.errorf(k, "merge keys (<<) are not supported; write the fields out")
			continue
		}
		key := k.Value
		if prev, dup := seen.get(key); dup {
			r.errorf(k, "duplicate key %q (first at line %d)", key, prev.Line)
			continue
		}
		seen.add(key, k)
		if !slices.Contains(known, key) {
			if s := suggest(key, known); s != "" {
				r.errorf(k, "unknown field %q (did you mean %q?)", key, s)
			} else {
				r.errorf(k, "unknown field %q; expected one of %s", key, strings.Join(known, ", "))
			}
			continue
		}
		handle(key, k, v)
	}
	return seen
}

// require reports each of keys missing from seen, at the mapping n.
func (r *reader) require(n *yaml.Node, seen seenKeys, what string, keys ...string) {
	for _, k := range keys {
		if _, ok := seen.get(k); !ok {
			r.errorf(n, "%s: missing required field %q", what, k)
		}
	}
}

// mapping checks that v is a mapping.
func (r *reader) mapping(key string, v *yaml.Node) bool {
	if v.Kind != yaml.MappingNode {
		r.errorf(v, "%s: expected a mapping, found %s", key, describe(v))
		return false
	}
	return true
}

// sequence checks that v is a list.
func (r *reader) sequence(key string, v *yaml.Node) bool {
	if v.Kind != yaml.SequenceNode {
		r.errorf(v, "%s: expected a list, found %s", key, describe(v))
		return false
	}
	return true
}

// str reads a non-empty scalar as text (see text).
func (r *reader) str(key string, v *yaml.Node) (string, bool) {
	s, ok := r.scalar(key, v)
	if !ok {
		return "", false
	}
	return r.text(key, v, s)
}

// scalar reads a non-empty scalar, trimmed, as it is.
func (r *reader) scalar(key string, v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		r.errorf(v, "%s: expected text, found %s", key, describe(v))
		return "", false
	}
	s := strings.TrimSpace(v.Value)
	if s == "" {
		r.errorf(v, "%s: expected text, found an empty string", key)
		return "", false
	}
	return s, true
}

// optStr reads a scalar as text, allowing it to be empty or null.
func (r *reader) optStr(key string, v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode {
		if v.Tag == "!!null" {
			return ""
		}
		s, _ := r.text(key, v, strings.TrimSpace(v.Value))
		return s
	}
	r.errorf(v, "%s: expected text, found %s", key, describe(v))
	return ""
}

// text checks a text read from the field key at v: it may hold no control
// character (a note, evidence, help or question text may hold tabs and line
// breaks), it is normalised to NFC, and it is at most MaxNameLength
// characters, or MaxTextLength for the long texts, MaxPathLength for paths.
func (r *reader) text(key string, v *yaml.Node, s string) (string, bool) {
	clean, msg := CleanText(key, s)
	if msg != "" {
		r.errorf(v, "%s: %s", key, msg)
		return "", false
	}
	return clean, true
}

// isID reports whether s is an id: a letter or digit, then letters, digits,
// '.', '_' and '-' (the pattern of the JSON Schemas), without the regexp machinery
// (ids are read once per answer).
func isID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return s != ""
}

// id reads an identifier: letters, digits, '.', '_' and '-'.
func (r *reader) id(key string, v *yaml.Node) (string, bool) {
	s, ok := r.scalar(key, v) // an id is ASCII without controls: no text check needed
	if !ok {
		return "", false
	}
	if len(s) > 128 || !isID(s) {
		r.errorf(v, "%s: %s is not a valid id; use letters, digits, '.', '_' and '-'", key, describe(v))
		return "", false
	}
	return s, true
}

// integer reads a whole number.
func (r *reader) integer(key string, v *yaml.Node) (int, bool) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(strings.ReplaceAll(v.Value, "_", "")); err == nil {
			return n, true
		}
	}
	r.errorf(v, "%s: expected a whole number, found %s", key, describe(v))
	return 0, false
}

// intRange reads a whole number within lo..hi.
func (r *reader) intRange(key string, v *yaml.Node, lo, hi int) (int, bool) {
	n, ok := r.integer(key, v)
	if !ok {
		return 0, false
	}
	if n < lo || n > hi {
		r.errorf(v, "%s: %d is outside %d..%d", key, n, lo, hi)
		return 0, false
	}
	return n, true
}

// number reads a finite number of at most MaxMagnitude. NaN and infinity
// (.nan, .inf) are not numbers here.
func (r *reader) number(key string, v *yaml.Node) (float64, bool) {
	plain := v.Kind == yaml.ScalarNode && v.Style == 0
	if plain && (v.Tag == "!!int" || v.Tag == "!!float" || v.Tag == "!!str") {
		// 1e400 is a number to a reader, and text to the YAML library
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		switch {
		case err == nil && math.Abs(f) <= MaxMagnitude:
			return f, true
		case err == nil && !math.IsInf(f, 0) && !math.IsNaN(f), errors.Is(err, strconv.ErrRange):
			r.errorf(v, "%s: %s is too large; a number here is at most 1e15 in magnitude", key, describe(v))
			return 0, false
		}
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!float" {
		r.errorf(v, "%s: expected a finite number, found %s", key, describe(v))
		return 0, false
	}
	r.errorf(v, "%s: expected a number, found %s", key, describe(v))
	return 0, false
}

// positive reads a number greater than zero and at most MaxWeight.
func (r *reader) positive(key string, v *yaml.Node) (float64, bool) {
	f, ok := r.number(key, v)
	if ok && f <= 0 {
		r.errorf(v, "%s: must be greater than 0, found %s", key, describe(v))
		return 0, false
	}
	if ok && f > MaxWeight {
		r.errorf(v, "%s: must be at most %d, found %s", key, MaxWeight, describe(v))
		return 0, false
	}
	return f, ok
}

// date reads a YYYY-MM-DD date.
func (r *reader) date(key string, v *yaml.Node) (Date, bool) {
	if v.Kind == yaml.ScalarNode {
		d, err := ParseDate(v.Value)
		if err == nil {
			return d, true
		}
		if errors.Is(err, ErrDateRange) {
			r.errorf(v, "%s: %s: %v", key, v.Value, err)
			return Date{}, false
		}
	}
	r.errorf(v, "%s: expected a date as YYYY-MM-DD, found %s", key, describe(v))
	return Date{}, false
}

// ids reads a list of identifiers, reporting duplicates; the positions of the
// entries are returned beside them.
func (r *reader) ids(key string, v *yaml.Node) ([]string, []Pos) {
	if !r.sequence(key, v) {
		return nil, nil
	}
	var out []string
	var pos []Pos
	for _, e := range v.Content {
		e = resolve(e)
		id, ok := r.id(key, e)
		if !ok {
			continue
		}
		if slices.Contains(out, id) {
			r.errorf(e, "%s: %q is listed twice", key, id)
			continue
		}
		out = append(out, id)
		pos = append(pos, Pos{e.Line, e.Column})
	}
	return out, pos
}

// kind checks the optional kind: field against the file type expected.
func (r *reader) kind(v *yaml.Node, want string) {
	if s, ok := r.str("kind", v); ok && s != want {
		r.errorf(v, "kind: expected %q in this file, found %q", want, s)
	}
}

// posOf returns the position of a node.
func posOf(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// nodeAt makes a bare node carrying a position, for reporting against it.
func nodeAt(p Pos) *yaml.Node { return &yaml.Node{Line: p.Line, Column: p.Column} }
