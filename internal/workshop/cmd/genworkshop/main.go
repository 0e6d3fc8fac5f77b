// Command genworkshop writes a synthetic assessment folder of N
// respondents, for benchmarks and for trying itilmap at scale:
//
//	go run ./internal/workshop/cmd/genworkshop -n 2000 -o /tmp/w2000
//	itilmap assess /tmp/w2000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/itilmap/itilmap/internal/workshop"
)

func main() {
	n := flag.Int("n", 12, "number of respondents")
	out := flag.String("o", "", "folder to write the assessment into (required; must not exist yet)")
	q := flag.String("q", "itil4-core", "questionnaire: a built-in id or the path of a .yaml file")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same files")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: genworkshop -n N -o DIR [-q ID|FILE] [-seed S]")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "genworkshop: %s exists; choose a new folder\n", *out)
		os.Exit(1)
	}
	answers, err := workshop.Make(*out, *q, *n, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genworkshop:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %d respondents, %d answers, answering %s, to %s\n", *n, answers, *q, *out)
}
