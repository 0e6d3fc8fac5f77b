package assess

// naturalCompare orders strings as a person reads them: runs of digits by
// their value (line 9 before line 10, r9.yaml before r10.yaml), and a cell
// reference after '!' by its column, then its row (Answers!C100 before
// Answers!C10000, Answers!Z9 before Answers!AA1). It returns -1, 0 or +1.
func naturalCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		switch {
		case i > 0 && j > 0 && a[i-1] == '!' && b[j-1] == '!' && isUpper(ca) && isUpper(cb):
			ea, eb := spanOf(a, i, isUpper), spanOf(b, j, isUpper)
			if c := compareRuns(a[i:ea], b[j:eb]); c != 0 {
				return c
			}
			i, j = ea, eb
		case isDigit(ca) && isDigit(cb):
			ea, eb := spanOf(a, i, isDigit), spanOf(b, j, isDigit)
			if c := compareNumbers(a[i:ea], b[j:eb]); c != 0 {
				return c
			}
			i, j = ea, eb
		case ca != cb:
			if ca < cb {
				return -1
			}
			return 1
		default:
			i++
			j++
		}
	}
	switch {
	case len(a)-i < len(b)-j:
		return -1
	case len(a)-i > len(b)-j:
		return 1
	}
	return 0
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// spanOf returns the end of the run of bytes from i on that is matches.
func spanOf(s string, i int, is func(byte) bool) int {
	for i < len(s) && is(s[i]) {
		i++
	}
	return i
}

// compareRuns orders runs of letters as spreadsheet columns: shorter first
// (Z before AA), then alphabetically.
func compareRuns(a, b string) int {
	switch {
	case len(a) != len(b):
		if len(a) < len(b) {
			return -1
		}
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareNumbers orders runs of digits by value, then the one with fewer
// leading zeros first, so that different strings never compare equal.
func compareNumbers(a, b string) int {
	ta, tb := trimZeros(a), trimZeros(b)
	if c := compareRuns(ta, tb); c != 0 {
		return c
	}
	return compareRuns(a, b)
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}
