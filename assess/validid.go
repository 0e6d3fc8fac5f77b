package assess

// ValidID reports whether s follows the id rules of every file: ASCII
// letters, digits, '.', '_' and '-', not starting with punctuation, at most
// MaxIDLength bytes. A name taken from a value (a respondent id from a
// workbook or the live workshop) is checked with it before it names a file.
func ValidID(s string) bool { return len(s) <= MaxIDLength && isID(s) }
