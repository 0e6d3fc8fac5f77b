// Package plural writes counted nouns: "1 error", "3 errors".
package plural

import "strconv"

// Of returns one when n is 1, else many.
func Of(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes n with its noun.
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Of(n, one, many)
}
