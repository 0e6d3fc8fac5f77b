package assess

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxIDLength is the longest id MakeID returns.
const MaxIDLength = 128

// letterASCII spells the Latin letters that do not decompose into a base
// letter and marks.
var letterASCII = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// MakeID turns a name into an id of lower-case ASCII letters, digits and
// single hyphens: accents are dropped ("Société Générale d'Énergie" gives
// "societe-generale-d-energie"), every other run of characters becomes a
// hyphen. It returns "" when nothing is left, and at most MaxIDLength bytes.
func MakeID(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(name) {
		var s string
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			s = string(unicode.ToLower(r))
		case letterASCII[r] != "":
			s = letterASCII[r]
		default:
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(s)
	}
	id := b.String()
	if len(id) > MaxIDLength {
		id = strings.TrimRight(id[:MaxIDLength], "-")
	}
	return id
}
