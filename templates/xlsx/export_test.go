package xlsx

// SetAnswerRowsPerSheet lowers the rows of an Answers sheet for a test, so
// that a small workshop spills over to further sheets; it returns the undo.
func SetAnswerRowsPerSheet(n int) (undo func()) {
	old := answerRowsPerSheet
	answerRowsPerSheet = n
	return func() { answerRowsPerSheet = old }
}
