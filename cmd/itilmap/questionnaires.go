package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/questionnaires"
	"github.com/itilmap/itilmap/templates/text"
	"github.com/spf13/cobra"
)

func newQuestionnairesCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "questionnaires",
		Aliases: []string{"questionnaire", "q"},
		Short:   "List, show and export the built-in questionnaires",
		Args:    exactArgs(0, "a subcommand: list, show or export"),
		RunE: func(c *cobra.Command, args []string) error {
			return c.Help()
		},
	}
	c.AddCommand(newQuestionnairesListCmd(nil), newQuestionnairesShowCmd(nil), newQuestionnairesExportCmd(nil))
	return c
}

type questionnairesListOptions struct {
	IO iostreams
}

func newQuestionnairesListCmd(runF func(*questionnairesListOptions) error) *cobra.Command {
	opts := &questionnairesListOptions{}
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in questionnaires: id, version, practices, questions",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if runF != nil {
				return runF(opts)
			}
			return questionnairesListRun(opts)
		},
	}
}

func questionnairesListRun(opts *questionnairesListOptions) error {
	t := text.Table{Header: []string{"ID", "Version", "Practices", "Questions", "Roles", "Title"}, Right: []int{2, 3}}
	for _, id := range questionnaires.IDs() {
		q, probs := assess.LoadQuestionnaire(nil, id, "")
		if err := probs.Err(); err != nil {
			return err
		}
		t.Rows = append(t.Rows, []string{q.ID, q.Version, strconv.Itoa(len(q.Practices)), strconv.Itoa(len(q.Questions)), roleCounts(q), q.Title})
	}
	return writeOut(opts.IO, func() error { return text.Write(opts.IO.Out, t) })
}

// roleCounts says how many questions each role of q is put to, as
// "agent 120, resolver 140", or "-" when q has no roles.
func roleCounts(q *assess.Questionnaire) string {
	if len(q.Roles) == 0 {
		return "-"
	}
	parts := make([]string, len(q.Roles))
	for i, r := range q.Roles {
		parts[i] = fmt.Sprintf("%s %d", r.ID, len(q.QuestionsForRoles(r.ID)))
	}
	return strings.Join(parts, ", ")
}

type questionnairesShowOptions struct {
	IO       iostreams
	Ref      string
	Evidence bool
	Audience string // a questionnaire role id; "" shows every question
	CmdPath  string
}

func newQuestionnairesShowCmd(runF func(*questionnairesShowOptions) error) *cobra.Command {
	opts := &questionnairesShowOptions{}
	c := &cobra.Command{
		Use:               "show ID|FILE",
		Short:             "Show the practices, dimensions and questions of a questionnaire",
		Example:           "  itilmap questionnaires show itil4-quick\n  itilmap questionnaires show --evidence my-questionnaire.yaml\n  itilmap questionnaires show itil4-core --audience agent",
		Args:              exactArgs(1, "one questionnaire: a built-in id or a YAML file"),
		ValidArgsFunction: completeQuestionnaires,
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.Ref, opts.CmdPath = streams(c), args[0], c.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return questionnairesShowRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.Evidence, "evidence", false, "show the evidence to look at for each question")
	c.Flags().StringVar(&opts.Audience, "audience", "", "show only the questions put to this role of the questionnaire")
	return c
}

func questionnairesShowRun(opts *questionnairesShowOptions) error {
	q, probs := assess.LoadQuestionnaire(assess.Disk{}, opts.Ref, "")
	printWarnings(opts.IO.Err, probs)
	if err := probs.Err(); err != nil {
		return err
	}
	if opts.Audience != "" && q.Role(opts.Audience) == nil {
		if len(q.Roles) == 0 {
			return usageError(opts.CmdPath, "--audience %q: questionnaire %s defines no roles; every question is put to everyone", opts.Audience, q.ID)
		}
		return usageError(opts.CmdPath, "--audience %q: questionnaire %s has no such role; its roles: %s", opts.Audience, q.ID, strings.Join(q.RoleIDs(), ", "))
	}
	return writeOut(opts.IO, func() error {
		return text.Write(opts.IO.Out, questionnaireTables(q, opts.Evidence, opts.Audience)...)
	})
}

// questionnaireTables lays out a questionnaire: an overview, then one table
// of questions per practice. With a role, only the questions put to it, and
// only the practices that have some.
func questionnaireTables(q *assess.Questionnaire, evidence bool, role string) []text.Table {
	var levels []string
	for l := q.Scale.Min; l <= q.Scale.Max; l++ {
		levels = append(levels, fmt.Sprintf("%d %s", l, q.Scale.Label(l)))
	}
	var dims []string
	for _, d := range q.Dimensions {
		dims = append(dims, d.Name)
	}
	overview := text.Table{
		Title:  fmt.Sprintf("%s %s: %s", q.ID, q.Version, q.Title),
		Header: []string{"About", ""},
		Rows: [][]string{
			{"Scale", strings.Join(levels, ", ")},
			{"Dimensions", strings.Join(dims, ", ")},
			{"Practices", fmt.Sprintf("%d, with %d questions", len(q.Practices), len(q.Questions))},
		},
	}
	if len(q.Roles) > 0 {
		overview.Rows = append(overview.Rows, []string{"Questions by role", roleCounts(q)})
	}
	var roles []string
	if role != "" {
		roles = []string{role}
		overview.Rows = append(overview.Rows, []string{"Audience", fmt.Sprintf("%s (%s): %d of %d questions",
			role, q.Role(role).Name, len(q.QuestionsForRoles(role)), len(q.Questions))})
	}
	tables := []text.Table{overview}
	for _, p := range q.Practices {
		var put []*assess.Question
		for _, qu := range p.Questions {
			if qu.PutTo(roles...) {
				put = append(put, qu)
			}
		}
		if len(put) == 0 {
			continue
		}
		title := fmt.Sprintf("%s (%s)", p.Name, p.ID)
		var facts []string
		if p.Weight != 1 {
			facts = append(facts, "weight "+strconv.FormatFloat(p.Weight, 'f', -1, 64))
		}
		if len(p.Dependencies) > 0 {
			var deps []string
			for _, d := range p.Dependencies {
				if d.From != assess.Stabilize {
					deps = append(deps, d.Practice+" from "+d.From)
				} else {
					deps = append(deps, d.Practice)
				}
			}
			facts = append(facts, "depends on "+strings.Join(deps, ", "))
		}
		if len(p.Metrics) > 0 {
			facts = append(facts, "metrics "+strings.Join(p.Metrics, ", "))
		}
		if len(p.Refs.ISO20000) > 0 {
			facts = append(facts, "ISO/IEC 20000-1 "+strings.Join(p.Refs.ISO20000, ", "))
		}
		if len(p.Refs.COBIT2019) > 0 {
			facts = append(facts, "COBIT 2019 "+strings.Join(p.Refs.COBIT2019, ", "))
		}
		if len(facts) > 0 {
			title += ": " + strings.Join(facts, "; ")
		}
		t := text.Table{Title: title, Header: []string{"ID", "Dimension", "Kind", "Statement"}}
		if len(q.Roles) > 0 {
			t.Header = append(t.Header, "Audience")
		}
		if evidence {
			t.Header = append(t.Header, "Evidence to look at")
		}
		for _, qu := range put {
			row := []string{qu.ID, qu.Dimension, qu.Kind, qu.Text}
			if len(q.Roles) > 0 {
				audience := "everyone"
				if len(qu.Audience) > 0 {
					audience = strings.Join(qu.Audience, ", ")
				}
				row = append(row, audience)
			}
			if evidence {
				row = append(row, qu.Help)
			}
			t.Rows = append(t.Rows, row)
		}
		tables = append(tables, t)
	}
	return tables
}

type questionnairesExportOptions struct {
	// CmdPath names the command in usage errors.
	CmdPath string
	IO      iostreams
	ID      string
}

func newQuestionnairesExportCmd(runF func(*questionnairesExportOptions) error) *cobra.Command {
	opts := &questionnairesExportOptions{}
	return &cobra.Command{
		Use:               "export ID",
		Short:             "Print a built-in questionnaire as YAML, to copy and customise",
		Example:           "  itilmap questionnaires export itil4-core > my-questionnaire.yaml",
		Args:              exactArgs(1, "one built-in questionnaire id"),
		ValidArgsFunction: completeQuestionnaires,
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO, opts.ID = streams(c), args[0]
			opts.CmdPath = c.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return questionnairesExportRun(opts)
		},
	}
}

func questionnairesExportRun(opts *questionnairesExportOptions) error {
	data, ok := questionnaires.Lookup(opts.ID)
	if !ok {
		// export takes only a built-in id: anything else is a usage error
		return usageError(opts.CmdPath, "no built-in questionnaire %q; built-in: %s", opts.ID, strings.Join(questionnaires.IDs(), ", "))
	}
	return writeOut(opts.IO, func() error { _, err := opts.IO.Out.Write(data); return err })
}

func completeQuestionnaires(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return questionnaires.IDs(), cobra.ShellCompDirectiveDefault
}

// writeOut runs a write to stdout, turning its failure into exit code 3.
func writeOut(_ iostreams, write func() error) error {
	if err := write(); err != nil {
		return outputError(err)
	}
	return nil
}
