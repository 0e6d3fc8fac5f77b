package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates"
	"github.com/itilmap/itilmap/templates/pdf"
	"github.com/itilmap/itilmap/templates/xlsx"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	IO     iostreams
	Input  assessmentInput
	OutDir string
	XLSX   bool
	PDF    bool
	SVG    bool
	Force  bool // write a report for a placeholder organisation
	// Baseline is an earlier assessment folder: the reports add progress since it.
	Baseline string
	Now      func() time.Time
	Files    fileSet // how the reports are written: as a set, all or nothing
}

func newReportCmd(runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{Now: time.Now}
	c := &cobra.Command{
		Use:   "report DIR",
		Short: "Write report.xlsx for the consultant and report.pdf for leadership",
		Long: `Write the assessment's reports into OUTDIR: report.xlsx (every score, gap,
outcome, the roadmap, a timeline and every raw answer, with native charts) and
report.pdf (a short report for leadership). Both are written when neither
--xlsx nor --pdf is given. --svg also writes the PDF's charts as SVG files
sized for a 16:9 slide: radar.svg, heatmap.svg, timeline.svg, and
progress.svg when there is a baseline.

The reports are written as a set: each to a temporary name first, then renamed
into place, so that a failed or interrupted run (SIGINT, SIGTERM: exit code
130, 143) leaves the previous reports or the new ones, never a mix, and no
temporary file. With SOURCE_DATE_EPOCH set, the same inputs give
byte-identical files.`,
		Example: "  itilmap report acme -o acme/report\n  itilmap report --example -o report\n  itilmap report acme --pdf\n  itilmap report acme-2027q2 --baseline acme-2026q4 -o report",
		Args:    func(c *cobra.Command, args []string) error { return opts.Input.args(c, args) },
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	opts.Input.addFlags(c)
	c.Flags().StringVarP(&opts.OutDir, "output", "o", ".", "folder to write the reports into (created if missing)")
	c.Flags().BoolVar(&opts.XLSX, "xlsx", false, "write report.xlsx")
	c.Flags().BoolVar(&opts.PDF, "pdf", false, "write report.pdf")
	c.Flags().BoolVar(&opts.SVG, "svg", false, "also write the charts as SVG files for slides: radar.svg, heatmap.svg, timeline.svg (and progress.svg with a baseline)")
	c.Flags().BoolVar(&opts.Force, "force", false, "write the report even though the organisation is still init's placeholder")
	c.Flags().StringVar(&opts.Baseline, "baseline", "", "an earlier assessment folder: add progress since it (a Progress sheet and section)")
	return c
}

func reportRun(opts *reportOptions) error {
	generated, err := generatedTime(opts.Now)
	if err != nil {
		return err
	}
	res, err := opts.Input.build(opts.IO.Err, assess.ScoreOptions{}, roadmap.PlanOptions{}, opts.Baseline)
	if err != nil {
		return err
	}
	a := res.Assessment
	if p := a.PlaceholderOrganization(); p != nil && !opts.Force {
		p.Severity = assess.Error
		p.Message = fmt.Sprintf("organization: %q is the placeholder of init; write the organisation's name before writing a report for it (or give --force)", a.Organization)
		return assess.Problems{*p}
	}
	rep := &templates.Report{Result: res, Generated: generated}
	both := !opts.XLSX && !opts.PDF
	type output struct {
		name   string
		render func(*bytes.Buffer) error
	}
	var outs []output
	if opts.XLSX || both {
		outs = append(outs, output{"report.xlsx", func(b *bytes.Buffer) error { return xlsx.Write(b, rep) }})
	}
	if opts.PDF || both {
		outs = append(outs, output{"report.pdf", func(b *bytes.Buffer) error { return pdf.Write(b, rep) }})
		printWarnings(opts.IO.Err, pdf.Unprintable(res))
	}
	if opts.SVG {
		charts, err := pdf.SVGCharts(rep)
		if err != nil {
			return fmt.Errorf("rendering the SVG charts: %w", err)
		}
		for _, c := range charts {
			outs = append(outs, output{c.Name, func(b *bytes.Buffer) error { _, err := b.Write(c.Data); return err }})
		}
	}
	if err := prepareOutDir(opts.OutDir); err != nil {
		return outputError(err)
	}
	ctx, stop := signalContext()
	defer stop()
	inputs := inputFiles(a, opts.Input.Example)
	if b := res.BaselineAssessment; b != nil {
		for f := range inputFiles(b, false) {
			inputs[f] = true
		}
	}
	// render everything before writing anything; a signal stops the run at
	// once, before any file is made
	files := make([]outFile, len(outs))
	for i, o := range outs {
		path := filepath.Join(opts.OutDir, o.name)
		if inputs[absPath(path)] {
			return outputError(fmt.Errorf("%s is one of the assessment's input files; choose another -o folder", path))
		}
		files[i].path = path
	}
	err = untilSignal(ctx, func() error {
		// the renderers only read the result: the workbook and the PDF
		// are rendered at the same time, each on a core of its own; a
		// renderer's panic is raised again here
		errs := make([]error, len(outs))
		panics := make([]any, len(outs))
		var wg sync.WaitGroup
		for i, o := range outs {
			wg.Go(func() {
				defer func() { panics[i] = recover() }()
				var b bytes.Buffer
				if err := o.render(&b); err != nil {
					errs[i] = fmt.Errorf("rendering %s: %w", o.name, err)
					return
				}
				files[i].data = b.Bytes()
			})
		}
		wg.Wait()
		for _, p := range panics {
			if p != nil {
				panic(p)
			}
		}
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := opts.Files.write(ctx, files); err != nil {
		if errors.As(err, new(errInterrupted)) {
			return err
		}
		return outputError(err)
	}
	for _, f := range files {
		fmt.Fprintf(opts.IO.Err, "wrote %s\n", f.path)
	}
	return nil
}

// generatedTime is SOURCE_DATE_EPOCH when set (reproducible builds), else now.
func generatedTime(now func() time.Time) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, usageError("itilmap report", "SOURCE_DATE_EPOCH=%q: expected seconds since 1970", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return now().UTC().Truncate(time.Second), nil
}

func prepareOutDir(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case err == nil && !st.IsDir():
		return fmt.Errorf("%s is a file; -o takes a folder", dir)
	case err == nil:
		return nil
	case os.IsNotExist(err):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("cannot create %s: %v", dir, describeOSErr(err))
		}
		return nil
	}
	return fmt.Errorf("%s: %v", dir, describeOSErr(err))
}

// inputFiles lists the absolute paths of every file the assessment was read
// from, so that a report never overwrites one of them.
func inputFiles(a *assess.Assessment, example bool) map[string]bool {
	set := map[string]bool{}
	if example {
		return set // embedded: nothing on disk to overwrite
	}
	add := func(p string) { set[absPath(p)] = true }
	add(a.File)
	if q := a.Questionnaire; q != nil && !assess.IsBuiltin(a.QuestionnaireRef) {
		add(q.File)
	}
	for _, r := range a.Responses {
		add(r.File)
	}
	add(filepath.Join(a.Dir, a.PainPointsFile))
	return set
}

func absPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}
