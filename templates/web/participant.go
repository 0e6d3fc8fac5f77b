package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/room"
)

// cookieAge is how long a participant's cookie lasts: a workshop and the
// days after it, to change an answer.
const cookieAge = 14 * 24 * 3600

type joinPage struct {
	Code, Name, Team, Role string
	Teams, Roles           []string
	UsedTeams, UsedRoles   []string // suggestions when the assessment lists none
	Anonymous              bool
	Token                  string
	Errors                 []string
}

// participant returns the id of the participant asking, from their cookie.
func (s *Server) participant(r *http.Request) (string, bool) {
	c, err := r.Cookie(participantCookie)
	if err != nil {
		return "", false
	}
	return s.room.Participant(c.Value)
}

// joinToken returns the join form's token, setting its cookie when the
// browser has none: the form's copy must match the cookie's.
func joinToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(joinCookie); err == nil && len(c.Value) >= 22 && len(c.Value) <= 64 {
		return c.Value
	}
	b := make([]byte, 18)
	rand.Read(b)
	tok := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: joinCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return tok
}

func (s *Server) joinPage(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.participant(r); ok {
		redirect(w, r, "/p")
		return
	}
	s.renderJoin(w, r, http.StatusOK, joinPage{Code: r.URL.Query().Get("code")})
}

func (s *Server) renderJoin(w http.ResponseWriter, r *http.Request, status int, p joinPage) {
	p.Teams, p.Roles, p.Anonymous = s.room.Teams(), s.room.Roles(), s.room.Anonymous()
	p.UsedTeams, p.UsedRoles = s.room.Used()
	p.Token = joinToken(w, r)
	s.render(w, status, "join.html", p)
}

func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	p := joinPage{Code: r.PostForm.Get("code"), Name: r.PostForm.Get("name"), Team: r.PostForm.Get("team"), Role: r.PostForm.Get("role")}
	c, err := r.Cookie(joinCookie)
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostForm.Get("token"))) != 1 {
		p.Errors = []string{"The form had expired; please send it again."}
		s.renderJoin(w, r, http.StatusForbidden, p)
		return
	}
	if s.codes.blocked(r, time.Now()) {
		p.Errors = []string{"Too many wrong join codes from this device; wait a minute, then type the code shown on the projected screen."}
		p.Code = ""
		s.renderJoin(w, r, http.StatusTooManyRequests, p)
		return
	}
	if !s.room.CheckCode(p.Code) {
		s.codes.failed(r, time.Now())
		p.Errors = []string{"Join code: that is not this workshop's code; it is shown on the projected screen."}
		p.Code = ""
		s.renderJoin(w, r, http.StatusForbidden, p)
		return
	}
	id, err := s.room.Join(room.Joiner{Name: p.Name, Team: p.Team, Role: p.Role})
	var bad *room.InputError
	var full *room.FullError
	switch {
	case errors.As(err, &bad):
		p.Errors = bad.Problems
		s.renderJoin(w, r, http.StatusUnprocessableEntity, p)
		return
	case errors.As(err, &full):
		s.fail(w, http.StatusServiceUnavailable, "The room is full: "+strconv.Itoa(full.Max)+" participants have joined. Ask the facilitator.")
		return
	case err != nil:
		s.fail(w, http.StatusInternalServerError, "Your answers could not be saved on the facilitator's laptop: "+err.Error())
		return
	}
	http.SetCookie(w, &http.Cookie{Name: participantCookie, Value: s.room.Cookie(id), Path: "/", MaxAge: cookieAge, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	redirect(w, r, "/p")
}

// resume sends a participant back to where they were: the question after
// the one they answered last, else (after the last question, or after a
// restart) their first unanswered question, else the overview.
func (s *Server) resume(w http.ResponseWriter, r *http.Request) {
	id, ok := s.participant(r)
	if !ok {
		redirect(w, r, "/")
		return
	}
	qs := s.room.Questions(id)
	if last := s.room.Last(id); last != "" {
		for i, qu := range qs {
			if qu.ID == last && i+1 < len(qs) {
				redirect(w, r, "/p/q/"+qs[i+1].ID)
				return
			}
		}
	}
	answered := answeredSet(s.room.Response(id))
	for _, qu := range qs {
		if !answered[qu.ID] {
			redirect(w, r, "/p/q/"+qu.ID)
			return
		}
	}
	redirect(w, r, "/p/all")
}

func answeredSet(resp *assess.Response) map[string]bool {
	m := map[string]bool{}
	if resp == nil {
		return m
	}
	for _, a := range resp.Answers {
		if room.Answered(a) {
			m[a.Question] = true
		}
	}
	return m
}

type overviewPage struct {
	Who       string
	Practices []overviewPractice
	Answered  int
	Total     int
	Done      bool
}

type overviewPractice struct {
	Name      string
	Questions []overviewQuestion
}

type overviewQuestion struct {
	ID, Text string
	Answered bool
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	id, ok := s.participant(r)
	if !ok {
		redirect(w, r, "/")
		return
	}
	q := s.room.Assessment().Questionnaire
	answered := answeredSet(s.room.Response(id))
	p := overviewPage{Who: s.who(id)}
	for _, qu := range s.room.Questions(id) {
		name := q.Practice(qu.Practice).Name
		if n := len(p.Practices); n == 0 || p.Practices[n-1].Name != name {
			p.Practices = append(p.Practices, overviewPractice{Name: name})
		}
		pr := &p.Practices[len(p.Practices)-1]
		pr.Questions = append(pr.Questions, overviewQuestion{ID: qu.ID, Text: qu.Text, Answered: answered[qu.ID]})
		p.Total++
		if answered[qu.ID] {
			p.Answered++
		}
	}
	p.Done = p.Total > 0 && p.Answered == p.Total
	s.render(w, http.StatusOK, "overview.html", p)
}

// who is how a participant is named on their own pages.
func (s *Server) who(id string) string {
	resp := s.room.Response(id)
	if resp == nil {
		return ""
	}
	if resp.Respondent.Name != "" {
		return resp.Respondent.Name
	}
	return resp.Respondent.Team
}

type questionPage struct {
	Who                string
	Practice           string
	ID, Text, Help     string
	Guide              []guideLine
	Number, Total      int
	Prev, Next         string
	Levels             []level
	Documented, Actual string
	Note, Evidence     string
	CSRF               string
	Errors             []string
	Saved              bool
	Answered           bool // answered before: "don't know" shows as chosen
}

type level struct {
	Value string
	Label string
	Heat  int
}

type guideLine struct {
	Level       int
	Label, Text string
	Heat        int
}

func valueString(v assess.Value) string {
	switch {
	case v == assess.NA:
		return "na"
	case v.Known():
		return strconv.Itoa(int(v))
	}
	return ""
}

// questionFor finds question qid among participant id's questions.
func (s *Server) questionFor(id, qid string) (qs []*assess.Question, i int) {
	qs = s.room.Questions(id)
	for i, qu := range qs {
		if qu.ID == qid {
			return qs, i
		}
	}
	return qs, -1
}

func (s *Server) questionPage(w http.ResponseWriter, r *http.Request) {
	id, ok := s.participant(r)
	if !ok {
		redirect(w, r, "/")
		return
	}
	qs, i := s.questionFor(id, r.PathValue("qid"))
	if i < 0 {
		s.notFound(w, r)
		return
	}
	p := s.newQuestionPage(id, qs, i)
	for _, a := range s.room.Response(id).Answers {
		if a.Question == qs[i].ID {
			p.Documented, p.Actual = valueString(a.Documented), valueString(a.Actual)
			p.Note, p.Evidence = a.Note, a.Evidence
			p.Answered = true
		}
	}
	p.Saved = r.URL.Query().Get("saved") != ""
	s.render(w, http.StatusOK, "question.html", p)
}

func (s *Server) newQuestionPage(id string, qs []*assess.Question, i int) questionPage {
	qu := qs[i]
	q := s.room.Assessment().Questionnaire
	p := questionPage{
		Who: s.who(id), Practice: q.Practice(qu.Practice).Name,
		ID: qu.ID, Text: qu.Text, Help: qu.Help,
		Number: i + 1, Total: len(qs), CSRF: s.room.CSRF(id),
	}
	if i > 0 {
		p.Prev = qs[i-1].ID
	}
	if i+1 < len(qs) {
		p.Next = qs[i+1].ID
	}
	sc := q.Scale
	for l := sc.Min; l <= sc.Max; l++ {
		p.Levels = append(p.Levels, level{Value: strconv.Itoa(l), Label: sc.Label(l), Heat: heat(float64(l), sc)})
	}
	guide := s.room.Guide(qu)
	for l := sc.Min; l <= sc.Max; l++ {
		if t, ok := guide[l]; ok {
			p.Guide = append(p.Guide, guideLine{Level: l, Label: sc.Label(l), Text: t, Heat: heat(float64(l), sc)})
		}
	}
	return p
}

// heat is the colour class (0..10) of a score v on the scale.
func heat(v float64, sc assess.Scale) int {
	if sc.Max <= sc.Min {
		return 0
	}
	t := (v - float64(sc.Min)) / float64(sc.Max-sc.Min)
	return max(0, min(10, int(t*10+0.5)))
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request) {
	id, ok := s.participant(r)
	if !ok {
		s.fail(w, http.StatusForbidden, "Join the workshop first: open the address on the projected screen.")
		return
	}
	if !s.room.CheckCSRF(id, r.PostForm.Get("csrf")) {
		s.fail(w, http.StatusForbidden, "The form had expired or came from elsewhere; open the question again and resend it.")
		return
	}
	qs, i := s.questionFor(id, r.PathValue("qid"))
	if i < 0 {
		s.notFound(w, r)
		return
	}
	f := r.PostForm
	in := room.AnswerInput{Question: qs[i].ID, Documented: f.Get("documented"), Actual: f.Get("actual"), Note: f.Get("note"), Evidence: f.Get("evidence")}
	err := s.room.Answer(id, in)
	var bad *room.InputError
	switch {
	case errors.As(err, &bad):
		p := s.newQuestionPage(id, qs, i)
		p.Documented, p.Actual, p.Note, p.Evidence = in.Documented, in.Actual, in.Note, in.Evidence
		p.Answered = f.Has("documented") || f.Has("actual")
		p.Errors = bad.Problems
		s.render(w, http.StatusUnprocessableEntity, "question.html", p)
		return
	case err != nil:
		s.fail(w, http.StatusInternalServerError, "Your answer could not be saved on the facilitator's laptop: "+err.Error())
		return
	}
	switch {
	case f.Get("go") == "prev" && i > 0:
		redirect(w, r, "/p/q/"+qs[i-1].ID+"?saved=1")
	case f.Get("go") == "stay" || f.Get("go") == "all" || i+1 == len(qs):
		redirect(w, r, "/p/all")
	default:
		redirect(w, r, "/p/q/"+qs[i+1].ID+"?saved=1")
	}
}
