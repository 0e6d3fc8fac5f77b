package assess

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// longTextFields are the fields that hold running text rather than a name:
// they may be MaxTextLength characters long and hold tabs and line breaks.
var longTextFields = []string{"text", "help", "note", "evidence", "description", "guide", "actions"}

// pathFields are the fields that name a file or folder.
var pathFields = []string{"questionnaire", "responses", "painpoints"}

// TextLimit is the most characters the field key may hold, and whether it
// may hold tabs and line breaks. key is the field's name, as in messages
// ("respondent.team", "note", "actions.stabilize"): a note, evidence, help,
// description, guide, action or question text is running text; every other
// text is a name, title or label.
func TextLimit(key string) (limit int, multiline bool) {
	last := key[strings.LastIndexByte(key, '.')+1:]
	first, _, _ := strings.Cut(key, ".")
	for _, f := range longTextFields {
		if last == f || first == f {
			return MaxTextLength, true
		}
	}
	for _, f := range pathFields {
		if key == f {
			return MaxPathLength, false
		}
	}
	return MaxNameLength, false
}

// CleanText checks a text for the field key (see TextLimit) from any input
// (a file, a workbook cell, a web form) and returns it normalised to NFC.
// When the text cannot be used, msg says why, in the words of an error
// message without the field's name: a control character (escape sequences
// never reach a terminal) or too many characters.
func CleanText(key, s string) (clean, msg string) {
	limit, multiline := TextLimit(key)
	ascii := true
	for i, c := range s {
		if c >= utf8.RuneSelf {
			ascii = false
		}
		if unicode.IsControl(c) && !(multiline && (c == '\t' || c == '\n')) {
			return "", fmt.Sprintf("control character %U at character %d; write plain text", c, utf8.RuneCountInString(s[:i])+1)
		}
	}
	if !ascii {
		s = norm.NFC.String(s)
	}
	if len(s) > limit { // bytes: at least as many as characters
		if n := utf8.RuneCountInString(s); n > limit {
			what := "a name, title or label"
			switch {
			case multiline:
				what = "a note, evidence, help or question text"
			case limit == MaxPathLength:
				what = "a path"
			}
			return "", fmt.Sprintf("%d characters; %s may be at most %d", n, what, limit)
		}
	}
	return s, ""
}
