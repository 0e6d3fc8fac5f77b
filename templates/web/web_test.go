package web_test

import (
	"bufio"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/format"
	"github.com/itilmap/itilmap/internal/room"
)

func TestJoinAndAnswer(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.join("Alex Kim", "service-desk", "agent")

	p := c.get("/p")
	if p.location != "/p/q/IM-1" {
		t.Fatalf("a new participant starts at %q, want the first question", p.location)
	}
	p = c.get("/p/q/IM-1")
	for _, want := range []string{"Incidents are prioritised the same way by every team.", "Look at ten recent tickets.",
		"Incident management", "1 / 3", `value="3"`, "Defined", "Optimizing", `value="na"`, "Don't know"} {
		if !strings.Contains(p.body, want) {
			t.Errorf("question page lacks %q", want)
		}
	}
	p = c.answer("IM-1", url.Values{"documented": {"4"}, "actual": {"2"}, "note": {"Weekend shift skips triage"}, "evidence": {"Runbook v3"}, "go": {"next"}})
	if p.status != http.StatusSeeOther || p.location != "/p/q/IM-2?saved=1" {
		t.Fatalf("answer: %d %q, want 303 to the next question", p.status, p.location)
	}
	// on disk before the reply: the file reads back as the answer given
	resp := w.responseFile("alex-kim")
	if who := resp.Respondent; who.ID != "alex-kim" || who.Name != "Alex Kim" || who.Team != "service-desk" || who.Role != "agent" {
		t.Errorf("respondent = %+v", resp.Respondent)
	}
	a, ok := answerOf(resp, "IM-1")
	if !ok || a.Documented != 4 || a.Actual != 2 || a.Note != "Weekend shift skips triage" || a.Evidence != "Runbook v3" {
		t.Errorf("IM-1 on disk = %+v, want documented 4, actual 2, the note and evidence", a)
	}
	// na and don't know
	c.answer("IM-2", url.Values{"documented": {"na"}, "actual": {""}})
	a, _ = answerOf(w.responseFile("alex-kim"), "IM-2")
	if a.Documented != assess.NA || a.Actual != assess.Unknown {
		t.Errorf("IM-2 = %+v, want documented na, actual unknown", a)
	}
	// the page shows the stored answer again
	p = c.get("/p/q/IM-1")
	if !strings.Contains(p.body, `name="documented" value="4" checked`) || !strings.Contains(p.body, `name="actual" value="2" checked`) {
		t.Errorf("the question page does not show the stored answer")
	}
	// the whole folder still loads, with both respondents
	a2, probs := assess.Load(assess.Disk{}, w.dir)
	if probs.HasErrors() || len(a2.Responses) != 2 {
		t.Fatalf("assess.Load after the workshop: %d responses, %v", len(a2.Responses), probs.Errors())
	}
	// after the last question, the overview
	p = c.answer("CE-1", url.Values{"documented": {"3"}, "actual": {"3"}})
	if p.location != "/p/all" {
		t.Errorf("after the last question: %q, want /p/all", p.location)
	}
}

func TestResumeWhereTheParticipantWas(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.join("Alex Kim", "desk", "")
	c.answer("IM-1", url.Values{"documented": {"4"}, "actual": {"2"}})
	c.answer("IM-2", url.Values{"documented": {"4"}, "actual": {"2"}, "go": {"prev"}})
	// back at IM-1 by the Back button; the last answer was IM-2: resume at CE-1
	if p := c.get("/"); p.location != "/p" {
		t.Errorf("a joined participant opening the join page goes to %q, want /p", p.location)
	}
	if p := c.get("/p"); p.location != "/p/q/CE-1" {
		t.Errorf("resume at %q, want /p/q/CE-1", p.location)
	}
}

func TestWrongJoinCode(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.client()
	tok := hidden(t, c.get("/").body)
	p := c.post("/join", url.Values{"token": {tok}, "code": {"WRONG1"}, "name": {"Eve"}, "team": {"x"}})
	if p.status != http.StatusForbidden || !strings.Contains(p.body, "not this workshop&#39;s code") {
		t.Errorf("wrong code: %d\n%s", p.status, p.body)
	}
	if files := responseFiles(t, w.dir); !slices.Equal(files, []string{"r01.yaml"}) {
		t.Errorf("files after a wrong code: %v", files)
	}
	// the code is forgiving about case and spaces
	p = c.post("/join", url.Values{"token": {tok}, "code": {" " + strings.ToLower(w.room.JoinCode()[:3]) + " " + w.room.JoinCode()[3:]}, "name": {"Eve"}, "team": {"x"}})
	if p.status != http.StatusSeeOther {
		t.Errorf("code in lower case with a space: %d", p.status)
	}
	// without lists in the assessment, the teams and roles given so far are suggested
	if p := w.client().get("/"); !strings.Contains(p.body, `<datalist id="teams"><option value="desk"><option value="x"></datalist>`) ||
		!strings.Contains(p.body, `<datalist id="roles"><option value="lead"></datalist>`) {
		t.Errorf("join page does not suggest the teams and roles given so far")
	}
	// a participant's pages need the cookie
	if p := w.client().get("/p/q/IM-1"); p.location != "/" {
		t.Errorf("question page without joining: %d %q", p.status, p.location)
	}
}

func TestJoinChecksValues(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.client()
	tok := hidden(t, c.get("/").body)
	for _, tc := range []struct {
		name, team, want string
	}{
		{"", "desk", "Name: give your name"},
		{"Alex", "", "Team: choose your team"},
		{"Al\x1bex", "desk", "control character U&#43;001B is not allowed"},
		{strings.Repeat("a", 201), "desk", "at most 200"},
	} {
		p := c.post("/join", url.Values{"token": {tok}, "code": {w.room.JoinCode()}, "name": {tc.name}, "team": {tc.team}})
		if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, tc.want) {
			t.Errorf("join %q/%q: %d, want 422 with %q", tc.name, tc.team, p.status, tc.want)
		}
	}
	if files := responseFiles(t, w.dir); len(files) != 1 {
		t.Errorf("refused joins wrote files: %v", files)
	}
	// without the join form's token (cookie and field)
	p := w.client().post("/join", url.Values{"code": {w.room.JoinCode()}, "name": {"Alex"}, "team": {"desk"}})
	if p.status != http.StatusForbidden {
		t.Errorf("join without the form token: %d, want 403", p.status)
	}
}

func TestFacilitatorNeedsToken(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.client()
	tok := w.room.Token()
	if len(tok) < 22 {
		t.Errorf("token %q is shorter than 128 bits", tok)
	}
	for _, path := range []string{"/f/", "/f/x/", "/f/" + tok[:len(tok)-1] + "/", "/f/" + tok[:len(tok)-1] + "/panel", "/f/" + tok + "x/events"} {
		if p := c.get(path); p.status != http.StatusNotFound || strings.Contains(p.body, "Small &amp; Co") {
			t.Errorf("GET %s: %d, want 404 and nothing of the room", path, p.status)
		}
	}
	if p := c.post("/f/nottoken/reveal", url.Values{"question": {"all"}}); p.status != http.StatusNotFound {
		t.Errorf("reveal without the token: %d", p.status)
	}
	p := c.get("/f/" + tok + "/")
	if p.status != http.StatusOK || !strings.Contains(p.body, "Small &amp; Co &lt;Retail&gt;") || !strings.Contains(p.body, w.room.JoinCode()) {
		t.Errorf("facilitator view: %d\n%s", p.status, p.body)
	}
	// a participant's cookie does not open the view
	pc := w.join("Alex", "desk", "")
	if p := pc.get("/f/x/"); p.status != http.StatusNotFound {
		t.Errorf("a participant reached the view: %d", p.status)
	}
}

func TestCrossSitePostsRefused(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.join("Alex", "desk", "")
	csrf := hidden(t, c.get("/p/q/IM-1").body)
	form := url.Values{"csrf": {csrf}, "documented": {"5"}, "actual": {"5"}}
	for _, h := range []map[string]string{
		{"Origin": "http://evil.example"},
		{"Origin": "null"},
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
	} {
		if p := c.postWith("/p/q/IM-1", form, h); p.status != http.StatusForbidden {
			t.Errorf("POST with %v: %d, want 403", h, p.status)
		}
	}
	if p := c.post("/p/q/IM-1", url.Values{"documented": {"5"}}); p.status != http.StatusForbidden {
		t.Errorf("POST without the form token: %d, want 403", p.status)
	}
	other := w.join("Bo", "desk", "")
	if p := c.post("/p/q/IM-1", url.Values{"csrf": {hidden(t, other.get("/p/q/IM-1").body)}, "documented": {"5"}}); p.status != http.StatusForbidden {
		t.Errorf("POST with another participant's form token: %d, want 403", p.status)
	}
	if _, ok := answerOf(w.responseFile("alex"), "IM-1"); ok {
		t.Errorf("a refused post stored an answer")
	}
	// the reveal control is protected the same way
	if p := c.postWith("/f/"+w.room.Token()+"/reveal", url.Values{"question": {"all"}}, map[string]string{"Origin": "http://evil.example"}); p.status != http.StatusForbidden {
		t.Errorf("cross-site reveal: %d", p.status)
	}
}

func TestBodyLimit(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.join("Alex", "desk", "")
	p := c.answer("IM-1", url.Values{"documented": {"4"}, "note": {strings.Repeat("x", 1<<20)}})
	if p.status != http.StatusRequestEntityTooLarge || !strings.Contains(p.body, "at most 64 KiB") {
		t.Errorf("1 MiB body: %d\n%s", p.status, p.body)
	}
	if _, ok := answerOf(w.responseFile("alex"), "IM-1"); ok {
		t.Errorf("a body over the limit stored an answer")
	}
	// a note over 10,000 characters within the body limit
	p = c.answer("IM-1", url.Values{"documented": {"4"}, "note": {strings.Repeat("é", 10_001)}})
	if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "Note: 10001 characters; at most 10000") {
		t.Errorf("long note: %d", p.status)
	}
}

func TestOutOfScaleRefused(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.join("Alex", "desk", "")
	for _, v := range []string{"6", "-1", "7", "2.5", "<b>", "NaN", "1e3"} {
		p := c.answer("IM-1", url.Values{"documented": {v}, "actual": {"3"}, "note": {"kept on the page"}})
		if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, "Documented: choose a level 0 to 5, n/a or don&#39;t know") {
			t.Errorf("documented %q: %d, want 422 with the message", v, p.status)
		}
		if !strings.Contains(p.body, "kept on the page") || !strings.Contains(p.body, "Not saved") {
			t.Errorf("documented %q: the page does not keep what was typed or does not say it is not saved", v)
		}
	}
	if _, ok := answerOf(w.responseFile("alex"), "IM-1"); ok {
		t.Errorf("an out-of-scale answer was stored")
	}
	// a question the questionnaire does not have, or outside the participant's list
	csrf := hidden(t, c.get("/p/q/IM-1").body)
	if p := c.post("/p/q/XX-9", url.Values{"csrf": {csrf}, "documented": {"3"}}); p.status != http.StatusNotFound {
		t.Errorf("POST to an unknown question: %d", p.status)
	}
}

func TestTextIsEscaped(t *testing.T) {
	w := newWorkshop(t, room.Options{RevealLive: true})
	c := w.join(`<script>alert("name")</script>`, "<i>desk</i>", "")
	note := `<script>alert(1)</script> & "quotes"`
	c.answer("IM-1", url.Values{"documented": {"4"}, "actual": {"2"}, "note": {note}})
	a, _ := answerOf(w.responseFile("script-alert-name-script"), "IM-1")
	if a.Note != note {
		t.Errorf("note stored as %q, want it as typed", a.Note)
	}
	p := c.get("/p/q/IM-1")
	if strings.Contains(p.body, "<script>alert") || !strings.Contains(p.body, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;") {
		t.Errorf("the note is not escaped on the question page")
	}
	v := w.client().get("/f/" + w.room.Token() + "/")
	if strings.Contains(v.body, "<script>alert") || strings.Contains(v.body, "<i>desk") || !strings.Contains(v.body, "&lt;script&gt;alert(&#34;name&#34;)") {
		t.Errorf("the facilitator view does not escape names")
	}
	resp, _ := http.Get(w.srv.URL + "/")
	csp := resp.Header.Get("Content-Security-Policy")
	resp.Body.Close()
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("content security policy %q", csp)
	}
}

func TestPageHasNoInlineScriptOrStyle(t *testing.T) {
	w := newWorkshop(t, room.Options{RevealLive: true})
	c := w.join("Alex", "desk", "")
	c.answer("IM-1", url.Values{"documented": {"4"}, "actual": {"2"}})
	for _, path := range []string{"/p/q/IM-1", "/p/all", "/f/" + w.room.Token() + "/"} {
		body := c.get(path).body
		if strings.Contains(body, "style=") || strings.Contains(body, "<style") || strings.Contains(body, "onclick") ||
			strings.Count(body, "<script") != strings.Count(body, `<script src="/static/live.js">`) {
			t.Errorf("%s has inline script or style", path)
		}
	}
}

func TestPathTricks(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	// an existing file is never overwritten; names never leave the folder
	if err := os.WriteFile(filepath.Join(w.dir, "responses", "alex.yml"), []byte("kind: response\nquestionnaire: small\nrespondent: {id: alex-yml}\nanswers: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.room.Close()
	w = startWorkshop(t, w.dir, room.Options{})
	for _, tc := range [][2]string{
		{"../../etc/passwd", "etc-passwd"},
		{"r01", "r01-2"},
		{"Alex", "alex-2"},
		{"..", "p"},
		{".hidden", "hidden"},
		{"名前", "p-2"},
	} {
		name, want := tc[0], tc[1]
		c := w.join(name, "desk", "")
		if got := strings.TrimSuffix(strings.SplitN(cookieOf(t, c, w), ".", 2)[0], ""); got != want {
			t.Errorf("name %q: participant id %q, want %q", name, got, want)
		}
	}
	files := responseFiles(t, w.dir)
	for _, f := range []string{"r01.yaml", "alex.yml", "etc-passwd.yaml", "r01-2.yaml", "alex-2.yaml", "p.yaml", "hidden.yaml", "p-2.yaml"} {
		if !slices.Contains(files, f) {
			t.Errorf("responses folder lacks %s: %v", f, files)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(w.dir, "responses", "r01.yaml")); !strings.Contains(string(data), "Earlier Person") {
		t.Errorf("r01.yaml was overwritten")
	}
	if _, err := os.Stat(filepath.Join(w.dir, "..", "etc")); err == nil {
		t.Errorf("a file was written outside the folder")
	}
	c := w.client()
	for _, path := range []string{"/static/../assessment.yaml", "/assessment.yaml", "/responses/r01.yaml", "/p/q/..%2f..%2fassessment.yaml", "/static/", "/f/../p"} {
		p := c.get(path)
		if strings.Contains(p.body, "kind: ") || strings.Contains(p.body, "Earlier Person") || p.status == http.StatusOK {
			t.Errorf("GET %s: %d; serves something other than its own pages", path, p.status)
		}
	}
	// a forged cookie naming a file by path
	for _, v := range []string{"../r01.x", "r01", "r01." + strings.Repeat("A", 43)} {
		jc := w.client()
		u, _ := url.Parse(w.srv.URL)
		jc.http.Jar.SetCookies(u, []*http.Cookie{{Name: "itilmap_p", Value: v}})
		if p := jc.get("/p/q/IM-1"); p.location != "/" {
			t.Errorf("forged cookie %q: %d %q", v, p.status, p.location)
		}
	}
}

func cookieOf(t *testing.T, c *client, w *workshop) string {
	u, _ := url.Parse(w.srv.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "itilmap_p" {
			return ck.Value
		}
	}
	t.Fatal("no participant cookie")
	return ""
}

func TestOtherParticipantsAnswersUnreachable(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	alex := w.join("Alex", "desk", "")
	alex.answer("IM-1", url.Values{"documented": {"4"}, "actual": {"1"}, "note": {"alex's secret note"}})
	bo := w.join("Bo", "desk", "")
	for _, path := range []string{"/p/q/IM-1", "/p/all", "/p"} {
		if p := bo.get(path); strings.Contains(p.body, "alex&#39;s secret note") || strings.Contains(p.body, `value="4" checked`) {
			t.Errorf("Bo sees Alex's answer at %s", path)
		}
	}
	bo.answer("IM-1", url.Values{"documented": {"2"}, "actual": {"2"}})
	if a, _ := answerOf(w.responseFile("alex"), "IM-1"); a.Documented != 4 || a.Note != "alex's secret note" {
		t.Errorf("Bo's answer changed Alex's file: %+v", a)
	}
	// Bo's cookie with Alex's id but Bo's signature
	sig := strings.SplitN(cookieOf(t, bo, w), ".", 2)[1]
	forged := w.client()
	u, _ := url.Parse(w.srv.URL)
	forged.http.Jar.SetCookies(u, []*http.Cookie{{Name: "itilmap_p", Value: "alex." + sig}})
	if p := forged.get("/p/q/IM-1"); p.location != "/" {
		t.Errorf("a forged cookie reached Alex's page: %d", p.status)
	}
}

func TestRevealManualAndLive(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.join("Alex", "desk", "")
	c.answer("IM-1", url.Values{"documented": {"5"}, "actual": {"4"}})
	f := w.client()
	panel := "/f/" + w.room.Token() + "/panel"
	p := f.get(panel)
	// IM-1: r01 answered 4/1, Alex 5/4: consensus documented 4.50, actual 2.50, spread 3
	if strings.Contains(p.body, "4.50") || strings.Contains(p.body, `class="hist"`) {
		t.Errorf("manual reveal: the distribution shows before it is revealed")
	}
	if !strings.Contains(p.body, `name="question" value="IM-1"`) {
		t.Errorf("no reveal button for IM-1")
	}
	if r := f.post("/f/"+w.room.Token()+"/reveal", url.Values{"question": {"IM-1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("reveal: %d", r.status)
	}
	p = f.get(panel)
	row := rowOf(t, p.body, "IM-1")
	for _, want := range []string{">2<", "4.50", "2.50", ">3<", `title="1 Initial: 1"`, `title="4 Managed: 1"`, `title="2 Repeatable: 0"`} {
		if !strings.Contains(row, want) {
			t.Errorf("revealed IM-1 lacks %q:\n%s", want, row)
		}
	}
	if strings.Contains(rowOf(t, p.body, "IM-2"), `class="hist"`) {
		t.Errorf("revealing IM-1 revealed IM-2")
	}
	if r := f.post("/f/"+w.room.Token()+"/reveal", url.Values{"question": {"../x"}}); r.status != http.StatusBadRequest {
		t.Errorf("reveal of an unknown question: %d", r.status)
	}
	// the reveal lasts across a restart
	w.room.Close()
	w2 := startWorkshop(t, w.dir, room.Options{})
	if !strings.Contains(rowOf(t, w2.client().get(panel).body, "IM-1"), "4.50") {
		t.Errorf("IM-1 is hidden again after a restart")
	}

	live := newWorkshop(t, room.Options{RevealLive: true})
	live.join("Alex", "desk", "").answer("IM-1", url.Values{"documented": {"5"}, "actual": {"4"}})
	p = live.client().get("/f/" + live.room.Token() + "/panel")
	if !strings.Contains(rowOf(t, p.body, "IM-1"), "4.50") || strings.Contains(p.body, "Reveal") {
		t.Errorf("live reveal: IM-1 not shown, or reveal buttons shown")
	}
}

// rowOf returns the facilitator's table row of question id.
func rowOf(t *testing.T, body, id string) string {
	t.Helper()
	i := strings.Index(body, `<tr id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no row for %s", id)
	}
	j := strings.Index(body[i:], "</tr>")
	return body[i : i+j]
}

func TestFacilitatorViewScores(t *testing.T) {
	w := newWorkshop(t, room.Options{RevealLive: true})
	for _, n := range []struct {
		name string
		act  string
	}{{"A", "4"}, {"B", "5"}} {
		w.join(n.name, "desk", "").answer("IM-1", url.Values{"documented": {"5"}, "actual": {n.act}})
	}
	p := w.client().get("/f/" + w.room.Token() + "/panel")
	// IM-1 actual: r01 1, A 4, B 5: n 3, spread 4 ≥ 3: disagreement; mean 3.33
	row := rowOf(t, p.body, "IM-1")
	for _, want := range []string{">3<", "3.33", ">4<", "disagreement"} {
		if !strings.Contains(row, want) {
			t.Errorf("IM-1 row lacks %q:\n%s", want, row)
		}
	}
	if !strings.Contains(p.body, `<a href="#IM-1">IM-1</a>`) {
		t.Errorf("IM-1 is not listed among the disagreements")
	}
	// a practice's name leads to its questions
	if !strings.Contains(p.body, `<a href="#practice-incident-management">Incident management</a>`) || !strings.Contains(p.body, `<h3 id="practice-incident-management">`) {
		t.Errorf("practice names do not lead to their questions")
	}
	// who has joined and how far: A and B answered 1 of 3
	if strings.Count(p.body, ">1/3<") != 2 || !strings.Contains(p.body, "2 joined · 1 earlier response") {
		t.Errorf("participants' progress missing:\n%s", p.body)
	}
	// the practice scores are those of assess.Score on the folder as it is now
	a, _ := assess.Load(assess.Disk{}, w.dir)
	res := assess.Score(a, assess.ScoreOptions{})
	im := res.Practice("incident-management")
	// IM-1 actual mean 10/3, IM-2 actual 3: practice mean of the two = 3.1667
	if want := "3.17"; !strings.Contains(p.body, want) || format.Num(im.Actual) != want {
		t.Errorf("incident management actual: want %s (assess gives %.4f)", want, im.Actual.Value)
	}
}

func TestAnonymousRoom(t *testing.T) {
	w := newWorkshop(t, room.Options{Anonymous: true})
	c := w.client()
	p := c.get("/")
	if strings.Contains(p.body, `name="name"`) {
		t.Errorf("an anonymous room asks for a name")
	}
	form := url.Values{"token": {hidden(t, p.body)}, "code": {w.room.JoinCode()}, "name": {"Alex Kim"}, "team": {"desk"}, "role": {"agent"}}
	if p := c.post("/join", form); p.status != http.StatusSeeOther {
		t.Fatalf("anonymous join: %d", p.status)
	}
	id := strings.SplitN(cookieOf(t, c, w), ".", 2)[0]
	if !strings.HasPrefix(id, "anon-") || len(id) < 13 {
		t.Errorf("anonymous id %q", id)
	}
	data, _ := os.ReadFile(filepath.Join(w.dir, "responses", id+".yaml"))
	if strings.Contains(string(data), "Alex") || strings.Contains(string(data), "name:") || !strings.Contains(string(data), "team: desk") {
		t.Errorf("anonymous file:\n%s", data)
	}
	v := w.client().get("/f/" + w.room.Token() + "/panel").body
	if strings.Contains(v, "desk") || strings.Contains(v, "agent") || strings.Contains(v, "Alex") {
		t.Errorf("the anonymous view shows a team, role or name")
	}
}

func TestRoomFull(t *testing.T) {
	w := newWorkshop(t, room.Options{MaxParticipants: 1})
	w.join("A", "desk", "")
	c := w.client()
	p := c.post("/join", url.Values{"token": {hidden(t, c.get("/").body)}, "code": {w.room.JoinCode()}, "name": {"B"}, "team": {"desk"}})
	if p.status != http.StatusServiceUnavailable || !strings.Contains(p.body, "The room is full") {
		t.Errorf("second join in a room of one: %d", p.status)
	}
}

func TestEventsAnnounceChanges(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	resp, err := http.Get(w.srv.URL + "/f/" + w.room.Token() + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events content type %q", ct)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				lines <- sc.Text()
			}
		}
		close(lines)
	}()
	first := <-lines
	w.join("Alex", "desk", "")
	select {
	case next := <-lines:
		if next == first {
			t.Errorf("event %q repeats the version", next)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5 s of a join")
	}
}

// TestManyAnswerAtOnce has twenty participants answer every question at the
// same time; every answer is in the folder afterwards (run with -race).
func TestManyAnswerAtOnce(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	const n = 20
	clients := make([]*client, n)
	for i := range clients {
		clients[i] = w.join(fmt.Sprintf("Person %d", i), "desk", "")
	}
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, qid := range []string{"IM-1", "IM-2", "CE-1"} {
				c.answer(qid, url.Values{"documented": {fmt.Sprint(i % 6)}, "actual": {fmt.Sprint((i + 1) % 6)}})
			}
		}()
	}
	wg.Wait()
	a, probs := assess.Load(assess.Disk{}, w.dir)
	if probs.HasErrors() || len(a.Responses) != n+1 {
		t.Fatalf("%d responses, %v", len(a.Responses), probs.Errors())
	}
	for _, r := range a.Responses {
		var i int
		if _, err := fmt.Sscanf(r.Respondent.Name, "Person %d", &i); err != nil {
			continue // r01
		}
		if len(r.Answers) != 3 || r.Answers[2].Documented != assess.Value(i%6) || r.Answers[2].Actual != assess.Value((i+1)%6) {
			t.Errorf("%s: %+v", r.Respondent.ID, r.Answers)
		}
	}
	if snap := w.room.Snapshot(); snap.Score.Respondents != n+1 {
		t.Errorf("the view counts %d respondents, want %d", snap.Score.Respondents, n+1)
	}
}

// TestListsAndAudience: with the assessment's lists, participants choose a
// team and role from them (a near miss is refused with a suggestion), and
// each is put only the questions of their role's audience, with the
// questionnaire's guide under each question.
func TestListsAndAudience(t *testing.T) {
	dir := copyFixture(t)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("assessment.yaml", `kind: assessment
id: small-2026q4
organization: Small
date: 2026-11-02
questionnaire: small.yaml
teams: [service-desk, applications]
roles: [service-desk-agent, change-manager]
audience: {service-desk-agent: agent, change-manager: manager}
`)
	write("small.yaml", `kind: questionnaire
id: small
version: 1.0.0
title: Small
scale: {min: 0, max: 5, labels: {0: Absent, 1: Initial, 2: Repeatable, 3: Defined, 4: Managed, 5: Optimizing}}
dimensions: [{id: process, name: Process}]
roles: [{id: agent, name: Agent}, {id: manager, name: Manager}]
practices:
  - id: incident-management
    name: Incident management
    questions:
      - {id: IM-1, dimension: process, text: Incidents are prioritised alike., guide: {1: "One team triages <alone>.", 3: Every team uses the same matrix.}}
      - {id: IM-2, dimension: process, text: Agents know when to escalate., audience: [agent]}
  - id: change-enablement
    name: Change enablement
    questions:
      - {id: CE-1, dimension: process, text: Every change is approved., audience: [manager]}
`)
	write("responses/r01.yaml", "kind: response\nquestionnaire: small\nrespondent: {id: r01, team: service-desk, role: change-manager}\nanswers: {}\n")
	w := startWorkshop(t, dir, room.Options{})
	c := w.client()
	p := c.get("/")
	for _, want := range []string{`<select name="team" required>`, `<option>applications</option>`, `<option>change-manager</option>`} {
		if !strings.Contains(p.body, want) {
			t.Errorf("join page lacks %s", want)
		}
	}
	p = c.post("/join", url.Values{"token": {hidden(t, p.body)}, "code": {w.room.JoinCode()}, "name": {"Al"}, "team": {"Service Desk"}, "role": {"agent"}})
	if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, `Team: &#34;Service Desk&#34; is not one of the assessment&#39;s teams (did you mean &#34;service-desk&#34;?)`) ||
		!strings.Contains(p.body, "Role: &#34;agent&#34; is not one of the assessment&#39;s roles") {
		t.Errorf("near misses: %d\n%s", p.status, p.body)
	}
	agent := w.join("Al", "service-desk", "service-desk-agent")
	p = agent.get("/p/all")
	if !strings.Contains(p.body, "/p/q/IM-1") || !strings.Contains(p.body, "/p/q/IM-2") || strings.Contains(p.body, "CE-1") {
		t.Errorf("the agent's questions:\n%s", p.body)
	}
	if p := agent.get("/p/q/CE-1"); p.status != http.StatusNotFound {
		t.Errorf("the agent reached a manager's question: %d", p.status)
	}
	p = agent.get("/p/q/IM-1")
	if !strings.Contains(p.body, `<dt><span class="lv h2">1</span> Initial</dt><dd>One team triages &lt;alone&gt;.</dd>`) || !strings.Contains(p.body, "1 / 2") {
		t.Errorf("IM-1 lacks the guide or the count of the agent's questions")
	}
	manager := w.join("Mo", "applications", "change-manager")
	if p := manager.get("/p/all"); strings.Contains(p.body, "IM-2") || !strings.Contains(p.body, "/p/q/CE-1") {
		t.Errorf("the manager's questions:\n%s", p.body)
	}
	// the view counts progress against the questions put to each
	if v := w.client().get("/f/" + w.room.Token() + "/panel").body; strings.Count(v, ">0/2<") != 2 {
		t.Errorf("progress is not counted against each role's questions")
	}
}

// TestWrongCodesLimited: after ten wrong codes from one address within a
// minute, even the right code is refused from it for the rest of the
// minute, so that the code cannot be found by trying.
func TestWrongCodesLimited(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	c := w.client()
	tok := hidden(t, c.get("/").body)
	for i := range 10 {
		if p := c.post("/join", url.Values{"token": {tok}, "code": {fmt.Sprintf("WRONG%d", i)}, "name": {"Eve"}, "team": {"x"}}); p.status != http.StatusForbidden {
			t.Fatalf("wrong code %d: %d", i, p.status)
		}
	}
	p := c.post("/join", url.Values{"token": {tok}, "code": {w.room.JoinCode()}, "name": {"Eve"}, "team": {"x"}})
	if p.status != http.StatusTooManyRequests || !strings.Contains(p.body, "Too many wrong join codes") {
		t.Errorf("the right code after ten wrong ones: %d", p.status)
	}
	if files := responseFiles(t, w.dir); len(files) != 1 {
		t.Errorf("files: %v", files)
	}
}
