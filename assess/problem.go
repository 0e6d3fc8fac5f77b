package assess

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity says whether a Problem stops the run (Error) or is only reported (Warning).
type Severity int

const (
	Error Severity = iota
	Warning
)

// A Problem is one finding about an input file, with its position.
// Line and Column are 1-based; 0 means the position is unknown (the whole file).
type Problem struct {
	File     string
	Line     int
	Column   int
	Message  string
	Severity Severity
}

// String renders the problem as file:line:column: message, the form editors and
// terminals recognise; a problem of no file in particular as
// "itilmap: message". Warnings carry a "warning: " prefix. A control
// character in the file's name or the message (a file named with an escape
// sequence) is written escaped, never raw to a terminal.
func (p Problem) String() string {
	var b strings.Builder
	if p.File == "" {
		b.WriteString("itilmap: ") // about no file in particular
	} else {
		b.WriteString(escapeControls(p.File))
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", p.Line, max(p.Column, 1))
		}
		b.WriteString(": ")
	}
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(escapeControls(p.Message))
	return b.String()
}

// escapeControls writes each control character of s as a Go escape
// (\x1b, \n), and leaves the rest as it is.
func escapeControls(s string) string { return terminalSafe(s, false) }

// TerminalSafe returns s with every character that could act on a terminal
// instead of printing written as an escape (\x1b, \u202e): control
// characters (escape sequences start with one) and the invisible
// bidirectional controls that make text read in another order than it is
// written. New lines and tabs are kept. Anything from an input file goes
// through it before it reaches a terminal.
func TerminalSafe(s string) string { return terminalSafe(s, true) }

func terminalSafe(s string, keepLines bool) string {
	unsafe := func(r rune) bool { return unsafeOnTerminal(r) && !(keepLines && (r == '\n' || r == '\t')) }
	if !strings.ContainsFunc(s, unsafe) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafe(r) {
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeOnTerminal(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true // bidirectional marks, embeddings, overrides and isolates
	}
	return false
}

// Problems is a list of findings. As an error it stands for every finding of
// Error severity, sorted by file and position.
type Problems []Problem

func (ps Problems) Error() string {
	errs := ps.Errors()
	lines := make([]string, len(errs))
	for i, p := range errs {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Strings returns each problem as String writes it.
func (ps Problems) Strings() []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// Errors returns the problems of Error severity.
func (ps Problems) Errors() Problems { return ps.filter(Error) }

// Warnings returns the problems of Warning severity.
func (ps Problems) Warnings() Problems { return ps.filter(Warning) }

// HasErrors reports whether any problem is an error.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

func (ps Problems) filter(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Sort orders problems by file, line, column and message, so that output is
// stable whatever order files were read in. Names and messages sort as a
// person reads them: r9.yaml before r10.yaml, and a workbook's cells by
// column, then row (Answers!C100 before Answers!C10000).
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return naturalCompare(a.File, b.File) < 0
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return naturalCompare(a.Message, b.Message) < 0
	})
}

// Err returns the problems as an error when any is an error, else nil.
func (ps Problems) Err() error {
	if ps.HasErrors() {
		ps.Sort()
		return ps
	}
	return nil
}

// suggest returns the candidate closest to s when it is close enough to be a
// likely typo, or "".
func suggest(s string, candidates []string) string {
	return suggestFrom(s, len(candidates), func(i int) string { return candidates[i] })
}

// suggestFrom is suggest over the n candidates that candidate(i) returns,
// so that a list need not be made for each word looked up.
func suggestFrom(s string, n int, candidate func(i int) string) string {
	limit := 2
	if len(s) <= 4 {
		limit = 1
	}
	runes := utf8.RuneCountInString(s)
	best, bestDist := "", 1<<30
	for i := range n {
		c := candidate(i)
		if diff := utf8.RuneCountInString(c) - runes; diff > limit || -diff > limit {
			continue // more edits apart than a typo: no need to count them
		}
		d := editDistance(s, c)
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist <= limit && bestDist > 0 {
		return best
	}
	return ""
}

// editDistance is the Damerau-Levenshtein distance (optimal string alignment)
// between a and b: a swap of two neighbours counts as one edit. Words of
// more than 64 runes are not compared. It allocates nothing: it is called
// for each candidate of each unknown word.
func editDistance(a, b string) int {
	var bufA, bufB [64]rune
	ra, okA := runesOf(a, &bufA)
	rb, okB := runesOf(b, &bufB)
	if !okA || !okB {
		return 1 << 20
	}
	var rows [3][65]int
	prev2, prev, cur := rows[0][:len(rb)+1], rows[1][:len(rb)+1], rows[2][:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// runesOf decodes s into buf, like []rune(s); it is false when s has more
// runes than buf holds.
func runesOf(s string, buf *[64]rune) ([]rune, bool) {
	n := 0
	for _, r := range s {
		if n == len(buf) {
			return nil, false
		}
		buf[n] = r
		n++
	}
	return buf[:n], true
}
