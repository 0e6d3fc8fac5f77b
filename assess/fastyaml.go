package assess

import (
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse reads the small part of YAML that response files are written
// in, a thousand times over in a large workshop, several times faster than
// the YAML library: block mappings of plain keys, whose values are plain,
// single- or double-quoted scalars on one line, flow mappings on one line
// ({documented: 3, actual: 2, note: "…"}) or nested block mappings; and
// comments. It returns the root mapping, the same nodes the YAML library
// makes (kind, style, tag, value, line and column; comments are left out,
// as nothing reads them), or nil for anything else (aliases, anchors, tags,
// lists, block scalars, multi-line scalars, tabs, values it does not
// resolve exactly as the library does, and every mistake), which the YAML
// library then reads, reporting problems as it always has.
// FuzzFastYAML checks it against the library.
//
// Once nothing holds a node of the tree, release gives its memory to the
// next file: a response's answers are thousands of nodes.
func fastParse(data []byte) (root *yaml.Node, release func()) {
	if !fastPrintable(data) {
		return nil, nil
	}
	p := &fastParser{data: data, line: 1}
	indent, ok := p.nextContent()
	if ok && indent == 0 {
		root = p.blockMapping(0, 0)
	}
	if root == nil || !p.eof() {
		p.release()
		return nil, nil
	}
	return root, p.release
}

// Blocks of nodes and of pointers to them, used again from file to file.
const (
	fastNodeBlock = 1024
	fastPtrBlock  = 4096
)

var fastNodes, fastPtrs sync.Pool // *[]yaml.Node, *[]*yaml.Node

// release clears the blocks of the parser's nodes and keeps them for the
// next file.
func (p *fastParser) release() {
	for _, b := range p.nodeBlocks {
		clear(*b)
		fastNodes.Put(b)
	}
	for _, b := range p.ptrBlocks {
		clear(*b)
		fastPtrs.Put(b)
	}
	p.nodeBlocks, p.ptrBlocks, p.slab, p.ptrs = nil, nil, nil, nil
}

// fastPrintable reports whether data holds only characters the fast path
// takes: printable characters and line feeds. The YAML library refuses
// other control characters, reads U+0085, U+2028 and U+2029 as line
// breaks, and tabs and carriage returns have rules of their own: all of
// these go to the library.
func fastPrintable(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError || r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
			return false
		}
		i += n
	}
	return true
}

type fastParser struct {
	data      []byte
	off       int          // the reading position
	line      int          // the line of off, from 1
	lineStart int          // the offset where that line starts
	slab      []yaml.Node  // the rest of the current block of nodes
	ptrs      []*yaml.Node // the rest of the current block of pointers
	// the blocks taken, for release
	nodeBlocks []*[]yaml.Node
	ptrBlocks  []*[]*yaml.Node
}

// node returns a new node at offset off of the current line.
func (p *fastParser) node(kind yaml.Kind, style yaml.Style, tag, value string, off int) *yaml.Node {
	if len(p.slab) == 0 {
		b, _ := fastNodes.Get().(*[]yaml.Node)
		if b == nil {
			s := make([]yaml.Node, fastNodeBlock)
			b = &s
		}
		p.nodeBlocks = append(p.nodeBlocks, b)
		p.slab = *b
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	*n = yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: p.line, Column: p.column(off)}
	return n
}

// content returns a slice holding nodes, carved from a shared block.
func (p *fastParser) content(nodes []*yaml.Node) []*yaml.Node {
	if len(nodes) > fastPtrBlock {
		return append([]*yaml.Node(nil), nodes...)
	}
	if len(nodes) > len(p.ptrs) {
		b, _ := fastPtrs.Get().(*[]*yaml.Node)
		if b == nil {
			s := make([]*yaml.Node, fastPtrBlock)
			b = &s
		}
		p.ptrBlocks = append(p.ptrBlocks, b)
		p.ptrs = *b
	}
	out := p.ptrs[:len(nodes):len(nodes)]
	p.ptrs = p.ptrs[len(nodes):]
	copy(out, nodes)
	return out
}

// column is the column of offset off on the current line, in characters
// from 1, as the YAML library counts.
func (p *fastParser) column(off int) int {
	seg := p.data[p.lineStart:off]
	for _, c := range seg {
		if c >= utf8.RuneSelf {
			return utf8.RuneCount(seg) + 1
		}
	}
	return len(seg) + 1
}

func (p *fastParser) eof() bool { return p.off >= len(p.data) }

// nextLine moves to the start of the next line.
func (p *fastParser) nextLine() {
	for p.off < len(p.data) && p.data[p.off] != '\n' {
		p.off++
	}
	if p.off < len(p.data) {
		p.off++
		p.line++
		p.lineStart = p.off
	}
}

// nextContent skips blank and comment lines from the start of a line, and
// returns the indentation of the next line with content, leaving the
// reading position at the start of that line; false at the end.
func (p *fastParser) nextContent() (int, bool) {
	for p.off < len(p.data) {
		i := p.off
		for i < len(p.data) && p.data[i] == ' ' {
			i++
		}
		if i < len(p.data) && p.data[i] != '\n' && p.data[i] != '#' {
			return i - p.off, true
		}
		p.nextLine()
	}
	return 0, false
}

// endOfLine accepts spaces and a comment after a value, and moves to the
// next line.
func (p *fastParser) endOfLine() bool {
	spaced := p.off < len(p.data) && p.data[p.off] == ' '
	for p.off < len(p.data) && p.data[p.off] == ' ' {
		p.off++
	}
	if p.off < len(p.data) && p.data[p.off] != '\n' {
		if p.data[p.off] != '#' || !spaced {
			return false
		}
	}
	p.nextLine()
	return true
}

// blockMapping reads the entries of a block mapping whose keys are
// indented by indent; the reading position is at the start of its first
// line. It stops
// before the first line indented less, or returns nil.
func (p *fastParser) blockMapping(indent, depth int) *yaml.Node {
	if depth > MaxDepth {
		return nil
	}
	var m *yaml.Node
	var entries []*yaml.Node
	for {
		p.off += indent
		key := p.key()
		if key == nil {
			return nil
		}
		if m == nil {
			m = p.node(yaml.MappingNode, 0, "!!map", "", p.off)
			m.Line, m.Column = key.Line, key.Column
		}
		// after "key:"
		for p.off < len(p.data) && p.data[p.off] == ' ' {
			p.off++
		}
		var v *yaml.Node
		if p.off >= len(p.data) || p.data[p.off] == '\n' || p.data[p.off] == '#' {
			if p.off < len(p.data) && p.data[p.off] == '#' && p.data[p.off-1] != ' ' {
				return nil
			}
			p.nextLine()
			next, ok := p.nextContent()
			if !ok || next <= indent {
				return nil // a null value: left to the library
			}
			if v = p.blockMapping(next, depth+1); v == nil {
				return nil
			}
		} else {
			if v = p.inlineValue(depth); v == nil || !p.endOfLine() {
				return nil
			}
		}
		entries = append(entries, key, v)
		next, ok := p.nextContent()
		if !ok || next < indent {
			break
		}
		if next > indent {
			return nil // a scalar continued, or indentation the library refuses
		}
	}
	m.Content = p.content(entries)
	return m
}

// key reads a plain key and the colon and space after it.
func (p *fastParser) key() *yaml.Node {
	start := p.off
	for p.off < len(p.data) && isKeyChar(p.data[p.off], p.off == start) {
		p.off++
	}
	// the YAML library takes a key of at most 1024 characters
	if p.off == start || p.off-start > 1000 || p.off >= len(p.data) || p.data[p.off] != ':' {
		return nil
	}
	value := intern(p.data[start:p.off])
	tag := plainTag(value)
	if tag == "" {
		return nil
	}
	k := p.node(yaml.ScalarNode, 0, tag, value, start)
	p.off++ // the colon
	if p.off < len(p.data) && p.data[p.off] != ' ' && p.data[p.off] != '\n' {
		return nil
	}
	return k
}

func isKeyChar(c byte, first bool) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_':
		return true
	case c == '-' || c == '.':
		return !first
	}
	return false
}

// inlineValue reads the value after "key: " on the same line.
func (p *fastParser) inlineValue(depth int) *yaml.Node {
	switch c := p.data[p.off]; c {
	case '{':
		return p.flowMapping(depth + 1)
	case '"':
		return p.doubleQuoted()
	case '\'':
		return p.singleQuoted()
	}
	return p.plain(false)
}

// plain reads a plain scalar: to the end of the line (before a comment) in
// a block, to the next comma or brace in a flow mapping.
func (p *fastParser) plain(flow bool) *yaml.Node {
	start := p.off
	if !plainStart(p.data[start]) {
		return nil
	}
	end := start
	for p.off < len(p.data) {
		c := p.data[p.off]
		if c == '\n' {
			break
		}
		if flow && (c == ',' || c == '}') {
			break
		}
		switch c {
		case ':':
			return nil // "a: b" or "a:" inside a value: left to the library
		case '#':
			if p.data[p.off-1] == ' ' {
				if flow {
					return nil
				}
				p.off = end
				goto done
			}
		default:
			// in a flow mapping, only letters, digits, spaces, '_', '-'
			// and '.': the library ends a plain scalar there at '?',
			// among others
			if flow && !(isKeyChar(c, false) || c == ' ' || c >= utf8.RuneSelf) {
				return nil
			}
		}
		p.off++
		if c != ' ' {
			end = p.off
		}
	}
	p.off = end
done:
	value := intern(p.data[start:end])
	tag := plainTag(value)
	if tag == "" {
		return nil
	}
	return p.node(yaml.ScalarNode, 0, tag, value, start)
}

// intern returns b as a string, without allocating for the keys and values
// found in every answer.
func intern(b []byte) string {
	switch string(b) {
	case "documented":
		return "documented"
	case "actual":
		return "actual"
	case "evidence":
		return "evidence"
	case "note":
		return "note"
	case "na":
		return "na"
	case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9":
		return digits[b[0]-'0' : b[0]-'0'+1]
	}
	return string(b)
}

const digits = "0123456789"

// plainStart reports whether a plain scalar the fast path reads may start
// with c: no indicator, no sign, no dot (.inf, .nan), no tilde (null).
func plainStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c >= utf8.RuneSelf
}

// plainTag is the tag the YAML library gives a plain scalar that starts as
// plainStart allows, or "" when the fast path leaves the value to it.
func plainTag(s string) string {
	c := s[0]
	if '0' <= c && c <= '9' {
		digits := 0
		for digits < len(s) && '0' <= s[digits] && s[digits] <= '9' {
			digits++
		}
		switch {
		case digits == len(s) && digits <= 18 && (c != '0' || len(s) == 1):
			return "!!int"
		case digits == 4 && isPlainDate(s):
			return "!!timestamp"
		}
		return ""
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "null", "Null", "NULL":
		return "!!null"
	}
	return "!!str"
}

// isPlainDate reports whether s is YYYY-M-D, a date the YAML library reads
// as a timestamp.
func isPlainDate(s string) bool {
	parts := 0
	for i := 4; i < len(s); {
		if s[i] != '-' {
			return false
		}
		i++
		n := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			n++
		}
		if n < 1 || n > 2 {
			return false
		}
		parts++
	}
	if parts != 2 {
		return false
	}
	_, err := time.Parse("2006-1-2", s)
	return err == nil
}

// flowMapping reads {key: value, …} on one line, with plain keys and
// plain or quoted values.
func (p *fastParser) flowMapping(depth int) *yaml.Node {
	if depth > MaxDepth {
		return nil
	}
	m := p.node(yaml.MappingNode, yaml.FlowStyle, "!!map", "", p.off)
	p.off++ // {
	var buf [8]*yaml.Node
	entries := buf[:0]
	p.spaces()
	if p.off < len(p.data) && p.data[p.off] == '}' {
		p.off++
		return m
	}
	for {
		key := p.key()
		if key == nil || p.off >= len(p.data) || p.data[p.off] != ' ' {
			return nil
		}
		p.spaces()
		if p.off >= len(p.data) {
			return nil
		}
		var v *yaml.Node
		switch p.data[p.off] {
		case '"':
			v = p.doubleQuoted()
		case '\'':
			v = p.singleQuoted()
		default:
			v = p.plain(true)
		}
		if v == nil {
			return nil
		}
		entries = append(entries, key, v)
		p.spaces()
		if p.off >= len(p.data) {
			return nil
		}
		switch p.data[p.off] {
		case '}':
			p.off++
			m.Content = p.content(entries)
			return m
		case ',':
			p.off++
			p.spaces()
			if p.off >= len(p.data) || !isKeyChar(p.data[p.off], true) {
				return nil // a trailing comma, or more than the fast path reads
			}
		default:
			return nil
		}
	}
}

func (p *fastParser) spaces() {
	for p.off < len(p.data) && p.data[p.off] == ' ' {
		p.off++
	}
}

// singleQuoted reads '…' on one line; ” is a quote.
func (p *fastParser) singleQuoted() *yaml.Node {
	start := p.off
	p.off++
	var b []byte
	from := p.off
	for {
		if p.off >= len(p.data) || p.data[p.off] == '\n' {
			return nil
		}
		if p.data[p.off] == '\'' {
			if p.off+1 < len(p.data) && p.data[p.off+1] == '\'' {
				b = append(b, p.data[from:p.off+1]...)
				p.off += 2
				from = p.off
				continue
			}
			break
		}
		p.off++
	}
	var value string
	if b == nil {
		value = string(p.data[from:p.off])
	} else {
		value = string(append(b, p.data[from:p.off]...))
	}
	p.off++
	return p.node(yaml.ScalarNode, yaml.SingleQuotedStyle, "!!str", value, start)
}

// doubleQuoted reads "…" on one line, with the escapes of YAML (those Go's
// strconv.Quote writes among them).
func (p *fastParser) doubleQuoted() *yaml.Node {
	start := p.off
	p.off++
	var b []byte
	from := p.off
	for {
		if p.off >= len(p.data) || p.data[p.off] == '\n' {
			return nil
		}
		c := p.data[p.off]
		if c == '"' {
			break
		}
		if c != '\\' {
			p.off++
			continue
		}
		b = append(b, p.data[from:p.off]...)
		p.off++
		if p.off >= len(p.data) {
			return nil
		}
		e := p.data[p.off]
		p.off++
		var r rune
		hex := 0
		switch e {
		case '0':
			r = 0
		case 'a':
			r = '\a'
		case 'b':
			r = '\b'
		case 't':
			r = '\t'
		case 'n':
			r = '\n'
		case 'v':
			r = '\v'
		case 'f':
			r = '\f'
		case 'r':
			r = '\r'
		case 'e':
			r = 0x1b
		case ' ', '"', '\\':
			r = rune(e)
		case 'N':
			r = 0x85
		case '_':
			r = 0xa0
		case 'L':
			r = 0x2028
		case 'P':
			r = 0x2029
		case 'x':
			hex = 2
		case 'u':
			hex = 4
		case 'U':
			hex = 8
		default:
			return nil
		}
		if hex > 0 {
			if p.off+hex > len(p.data) {
				return nil
			}
			for _, h := range p.data[p.off : p.off+hex] {
				var d byte
				switch {
				case '0' <= h && h <= '9':
					d = h - '0'
				case 'a' <= h && h <= 'f':
					d = h - 'a' + 10
				case 'A' <= h && h <= 'F':
					d = h - 'A' + 10
				default:
					return nil
				}
				r = r<<4 | rune(d)
			}
			p.off += hex
			if r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
				return nil
			}
		}
		b = utf8.AppendRune(b, r)
		from = p.off
	}
	var value string
	if b == nil {
		value = string(p.data[from:p.off])
	} else {
		value = string(append(b, p.data[from:p.off]...))
	}
	p.off++
	return p.node(yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str", value, start)
}
