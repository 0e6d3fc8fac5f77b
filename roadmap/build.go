package roadmap

import (
	"github.com/itilmap/itilmap/assess"
)

// Input names what Build reads: an assessment folder in a source, and
// optionally an earlier assessment to measure progress against.
type Input struct {
	Source assess.Source
	Dir    string
	// Baseline, when Dir is not empty, is an earlier assessment of the
	// same organisation, read from BaselineSource (Source when nil).
	Baseline       string
	BaselineSource assess.Source

	Score assess.ScoreOptions
	Plan  PlanOptions
}

// Result is the whole result of an assessment: what it was read from, its
// scores, its ranked outcomes, its plan, and its progress since a baseline
// when one was given. Every command, report and the live workshop read
// this one value, so that they all show the same numbers.
type Result struct {
	Assessment *assess.Assessment
	Score      *assess.Result
	Outcomes   []Outcome
	Plan       *Roadmap

	// BaselineAssessment, BaselineScore and Progress are set when a
	// baseline was given: Progress compares the baseline (first) with this
	// assessment.
	BaselineAssessment *assess.Assessment
	BaselineScore      *assess.Result
	Progress           *Comparison

	// Warnings are every warning of loading and scoring, with positions
	// where they have one.
	Warnings assess.Problems
}

// Build loads, checks, scores and plans an assessment, and compares it with
// its baseline when one is given. It returns every problem found: when any
// of them is an error, the result is nil; otherwise they are the result's
// warnings, of loading first, then of scoring and comparing, which the
// score's JSON "warnings" lists too.
func Build(in Input) (*Result, assess.Problems) {
	a, probs := assess.Load(in.Source, in.Dir)
	var base *assess.Assessment
	if in.Baseline != "" {
		src := in.BaselineSource
		if src == nil {
			src = in.Source
		}
		b, bprobs := assess.Load(src, in.Baseline)
		probs = append(probs, bprobs...)
		base = b
	}
	if probs.HasErrors() {
		probs.Sort()
		return nil, probs
	}
	res := FromAssessment(a, base, in.Score, in.Plan)
	res.Warnings = append(probs.Warnings(), res.Warnings...)
	res.Score.Warnings = res.Warnings.Strings()
	return res, res.Warnings
}

// FromAssessment scores, ranks and plans an assessment already loaded (the
// live workshop keeps one in memory), comparing it with base when base is
// not nil.
func FromAssessment(a, base *assess.Assessment, so assess.ScoreOptions, po PlanOptions) *Result {
	res := &Result{Assessment: a}
	res.Score = assess.Score(a, so)
	res.Outcomes = Outcomes(a, res.Score)
	res.Plan = Plan(a, res.Score, res.Outcomes, po)
	MarkPlanned(a, res.Outcomes, res.Plan)
	res.Warnings = scoreWarnings(a, res.Score.Warnings)
	if base != nil {
		res.BaselineAssessment = base
		res.BaselineScore = assess.Score(base, so)
		res.Progress = Compare([]*assess.Assessment{base, a}, []*assess.Result{res.BaselineScore, res.Score})
		for _, w := range res.Progress.Warnings {
			res.Warnings = append(res.Warnings, assess.Problem{Severity: assess.Warning, Message: w})
		}
	}
	return res
}

func scoreWarnings(a *assess.Assessment, ws []string) assess.Problems {
	out := make(assess.Problems, 0, len(ws))
	for _, w := range ws {
		out = append(out, assess.Problem{Severity: assess.Warning, File: a.File, Message: w})
	}
	return out
}

// ReadinessWarnings are the readiness items that are false or unknown, as
// warnings on the assessment file.
func (r *Result) ReadinessWarnings() assess.Problems {
	var out assess.Problems
	for _, c := range r.Plan.Readiness {
		if !c.OK {
			out = append(out, assess.Problem{Severity: assess.Warning, File: r.Assessment.File, Message: "readiness: " + c.Advice})
		}
	}
	return out
}
