package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/room"
	"github.com/itilmap/itilmap/templates/web"
)

// workshop is a room on a copy of testdata/room served on loopback.
type workshop struct {
	t    *testing.T
	dir  string
	room *room.Room
	srv  *httptest.Server
}

// copyFixture copies testdata/room into a new temporary folder.
func copyFixture(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.Walk("testdata/room", func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/room", p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// openRoom loads dir as `itilmap workshop` does and opens a room on it.
func openRoom(t testing.TB, dir string, opts room.Options) *room.Room {
	t.Helper()
	a, probs := assess.Load(assess.Disk{}, dir)
	if probs.HasErrors() {
		t.Fatalf("loading %s: %v", dir, probs.Errors())
	}
	r, err := room.Open(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return r
}

func newWorkshop(t *testing.T, opts room.Options) *workshop {
	t.Helper()
	dir := copyFixture(t)
	return startWorkshop(t, dir, opts)
}

func startWorkshop(t *testing.T, dir string, opts room.Options) *workshop {
	r := openRoom(t, dir, opts)
	srv := httptest.NewServer(web.New(r, web.Options{JoinURL: "http://room.example/"}))
	t.Cleanup(srv.Close)
	return &workshop{t: t, dir: dir, room: r, srv: srv}
}

// client is one browser: its own cookies, never following redirects so
// that a test sees each one.
type client struct {
	t    *testing.T
	w    *workshop
	http *http.Client
}

func (w *workshop) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: w.t, w: w, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type page struct {
	status   int
	location string
	body     string
}

func (c *client) do(req *http.Request) page {
	c.t.Helper()
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return page{resp.StatusCode, resp.Header.Get("Location"), string(body)}
}

func (c *client) get(path string) page {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.w.srv.URL+path, nil)
	return c.do(req)
}

// post sends a form as a browser on the workshop's own page would.
func (c *client) post(path string, form url.Values) page {
	c.t.Helper()
	return c.postWith(path, form, map[string]string{"Origin": c.w.srv.URL, "Sec-Fetch-Site": "same-origin"})
}

func (c *client) postWith(path string, form url.Values, headers map[string]string) page {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.w.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return c.do(req)
}

var hiddenRE = regexp.MustCompile(`name="(token|csrf)" value="([^"]*)"`)

// hidden returns the value of the form token on a page.
func hidden(t *testing.T, body string) string {
	t.Helper()
	m := hiddenRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no form token on the page:\n%s", body)
	}
	return m[2]
}

// join joins the workshop and returns the client, at its first question.
func (w *workshop) join(name, team, role string) *client {
	w.t.Helper()
	c := w.client()
	p := c.get("/")
	form := url.Values{"token": {hidden(w.t, p.body)}, "code": {w.room.JoinCode()}, "name": {name}, "team": {team}, "role": {role}}
	p = c.post("/join", form)
	if p.status != http.StatusSeeOther || p.location != "/p" {
		w.t.Fatalf("join %q: %d %s\n%s", name, p.status, p.location, p.body)
	}
	return c
}

// answer posts an answer to a question from its own page.
func (c *client) answer(qid string, values url.Values) page {
	c.t.Helper()
	p := c.get("/p/q/" + qid)
	if p.status != http.StatusOK {
		c.t.Fatalf("GET /p/q/%s: %d", qid, p.status)
	}
	values.Set("csrf", hidden(c.t, p.body))
	return c.post("/p/q/"+qid, values)
}

func (w *workshop) responseFile(id string) *assess.Response {
	w.t.Helper()
	file := filepath.Join(w.dir, "responses", id+".yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		w.t.Fatal(err)
	}
	a, _ := assess.Load(assess.Disk{}, w.dir)
	resp, probs := assess.ParseResponse(file, data, a.Questionnaire)
	if probs.HasErrors() {
		w.t.Fatalf("%s does not load: %v", file, probs.Errors())
	}
	return resp
}

func answerOf(resp *assess.Response, qid string) (assess.Answer, bool) {
	for _, a := range resp.Answers {
		if a.Question == qid {
			return a, true
		}
	}
	return assess.Answer{}, false
}

// responseFiles lists the *.yaml and *.yml files of the responses folder.
func responseFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "responses"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext == ".yaml" || ext == ".yml" {
			names = append(names, e.Name())
		}
	}
	return names
}
