package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/room"
)

// maxDisagreements is how many of the questions where people disagree most
// the view lists.
const maxDisagreements = 5

// facilitator guards a handler with the facilitator token of the path.
func (s *Server) facilitator(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.room.CheckToken(r.PathValue("token")) {
			s.notFound(w, r)
			return
		}
		h(w, r)
	}
}

type viewPage struct {
	Organization string
	JoinURL      string
	Code         string
	Base         string
	Panel        panel
}

type panel struct {
	Version      uint64
	Base         string
	Anonymous    bool
	RevealLive   bool
	Participants []participantRow
	Others       int
	Respondents  int
	Overall      scoreRow
	Practices    []scoreRow
	Disagree     []questionRow
	Groups       []questionGroup
	Hidden       int // questions with answers whose distribution is not revealed
}

type participantRow struct {
	Label, Detail   string
	Answered, Total int
	Done            bool
}

type scoreRow struct {
	Name, Anchor       string // Anchor: the id of the practice's questions, "" for none
	Documented, Actual string
	Heat               int
	HasData            bool
	Level, Coverage    string
}

type questionGroup struct {
	Name, ID  string
	Questions []questionRow
}

type questionRow struct {
	ID, Text           string
	N                  int
	Shown              bool
	Documented, Actual string
	Spread             string
	Disagreement       bool
	DocBars, ActBars   []bar
	NA                 int
}

type bar struct {
	Level  int
	Label  string
	Count  int
	Height int // tenths of the tallest bar of the question
	Heat   int
}

func (s *Server) view(w http.ResponseWriter, r *http.Request) {
	a := s.room.Assessment()
	base := "/f/" + r.PathValue("token") + "/"
	s.render(w, http.StatusOK, "facilitator.html", viewPage{
		Organization: a.Organization, JoinURL: s.opts.JoinURL, Code: s.room.JoinCode(),
		Base: base, Panel: s.newPanel(base),
	})
}

func (s *Server) panel(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "panel", s.newPanel("/f/"+r.PathValue("token")+"/"))
}

// newPanel lays out the room's snapshot: every number comes from the
// snapshot's score or counts.
func (s *Server) newPanel(base string) panel {
	snap := s.room.Snapshot()
	a := s.room.Assessment()
	q := a.Questionnaire
	res := snap.Score
	p := panel{
		Version: snap.Version, Base: base, Anonymous: s.room.Anonymous(), RevealLive: s.room.RevealLive(),
		Others: snap.Others, Respondents: res.Respondents,
	}
	for _, st := range snap.Participants {
		row := participantRow{Label: st.Name, Answered: st.Answered, Total: st.Total, Done: st.Total > 0 && st.Answered == st.Total}
		if s.room.Anonymous() {
			row.Label = "Participant " + st.ID[len(st.ID)-4:]
		} else {
			row.Detail = joinNonEmpty(st.Team, st.Role)
		}
		p.Participants = append(p.Participants, row)
	}
	o := res.Overall
	p.Overall = newScoreRow("Overall", o.Documented, o.Actual, format.Level(o.Level, o.Label), o.Coverage, q.Scale)
	for _, ps := range res.Practices {
		row := newScoreRow(ps.Name, ps.Documented, ps.Actual, format.Level(ps.Level, ps.Label), ps.Coverage, q.Scale)
		row.Anchor = "practice-" + ps.ID
		p.Practices = append(p.Practices, row)
	}
	rows := map[string]questionRow{}
	for _, qs := range res.Questions {
		row := s.newQuestionRow(qs, snap, q)
		rows[qs.ID] = row
		if n := len(p.Groups); n == 0 || p.Groups[n-1].Name != q.Practice(qs.Practice).Name {
			p.Groups = append(p.Groups, questionGroup{Name: q.Practice(qs.Practice).Name, ID: "practice-" + qs.Practice})
		}
		g := &p.Groups[len(p.Groups)-1]
		g.Questions = append(g.Questions, row)
		if !row.Shown && row.N+row.NA > 0 {
			p.Hidden++
		}
	}
	for _, id := range res.Disagreements {
		if len(p.Disagree) == maxDisagreements {
			break
		}
		p.Disagree = append(p.Disagree, rows[id])
	}
	return p
}

func newScoreRow(name string, doc, act assess.Num, lvl string, cov assess.Num, sc assess.Scale) scoreRow {
	return scoreRow{
		Name: name, Documented: format.Num(doc), Actual: format.Num(act),
		Heat: heat(act.Value, sc), HasData: act.Valid, Level: lvl, Coverage: format.Pct(cov),
	}
}

func (s *Server) newQuestionRow(qs assess.QuestionScore, snap *room.Snapshot, q *assess.Questionnaire) questionRow {
	d := snap.Distributions[qs.ID]
	row := questionRow{
		ID: qs.ID, Text: q.Question(qs.ID).Text, N: qs.N, NA: d.NA,
		Shown:        s.room.RevealLive() || snap.Revealed[qs.ID],
		Disagreement: qs.Disagreement,
	}
	if !row.Shown {
		return row
	}
	row.Documented, row.Actual = format.Num(qs.Documented), format.Num(qs.Actual)
	row.Spread = format.NoData
	if qs.Spread != nil {
		row.Spread = fmt.Sprint(*qs.Spread)
	}
	tallest := 1
	for i := range d.Actual {
		tallest = max(tallest, d.Actual[i], d.Documented[i])
	}
	for i := range d.Actual {
		l := q.Scale.Min + i
		h := heat(float64(l), q.Scale)
		row.DocBars = append(row.DocBars, bar{Level: l, Label: q.Scale.Label(l), Count: d.Documented[i], Height: (d.Documented[i]*10 + tallest - 1) / tallest, Heat: h})
		row.ActBars = append(row.ActBars, bar{Level: l, Label: q.Scale.Label(l), Count: d.Actual[i], Height: (d.Actual[i]*10 + tallest - 1) / tallest, Heat: h})
	}
	return row
}

func joinNonEmpty(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += " · "
		}
		out += p
	}
	return out
}

// events tells the facilitator's view, by server-sent events, that the
// room changed: one event with the room's version, at most one per
// throttle interval, and a comment every 20 s to keep the connection.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	var sent uint64
	first := true
	for {
		v, changed := s.room.Changed()
		if first || v != sent {
			fmt.Fprintf(w, "data: %d\n\n", v)
			if rc.Flush() != nil {
				return
			}
			sent, first = v, false
			select {
			case <-time.After(s.opts.Throttle):
			case <-r.Context().Done():
				return
			}
			continue
		}
		select {
		case <-changed:
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			if rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

func (s *Server) reveal(w http.ResponseWriter, r *http.Request) {
	base := "/f/" + r.PathValue("token") + "/"
	if err := s.room.Reveal(r.PostForm.Get("question")); err != nil {
		s.fail(w, http.StatusBadRequest, err.Error())
		return
	}
	redirect(w, r, base+"#"+r.PostForm.Get("question"))
}
