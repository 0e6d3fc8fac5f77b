// Package assess is the model of an ITSM maturity assessment and what can be
// known from it alone: the questionnaire (practices, dimensions, questions put
// to roles, metrics, actions), the responses (documented and actual ratings),
// the pain points and the assessment's settings; loading them strictly from
// YAML with the position of every problem; and scoring them.
//
// Loading never stops at the first problem: Load and the Parse functions
// return every problem found as Problems, each with its file, line and
// column, sorted, errors and warnings alike. Scoring is pure: Score reads an
// Assessment and returns a Result that holds every number a report shows,
// unrounded, null where there is no data, with the orders a reader sees
// (attention, largest gaps, disagreements) computed once. The rules are
// written down in docs/method.md.
//
// Nothing in this package prints or writes a file.
package assess
