package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/internal/room"
	"github.com/itilmap/itilmap/templates/web"
)

// These tests drive a real browser (Debian's chromium, headless) through the
// pages, on loopback. They are skipped when no chromium is installed; CI
// installs it.

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium found; apt-get install chromium to run the browser tests")
	return ""
}

// browser starts a headless chromium with a viewport of w×h CSS pixels
// (a phone when mobile) and returns its context, bounded in time.
func browser(t *testing.T, w, h int64, mobile bool) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("hide-scrollbars", true),
	)
	bounded, cancelT := context.WithTimeout(context.Background(), 60*time.Second)
	actx, cancelA := chromedp.NewExecAllocator(bounded, opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA(); cancelT() })
	scale := 1.0
	if mobile {
		scale = 3
	}
	do(t, ctx, chromedp.EmulateViewport(w, h, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
		p.DeviceScaleFactor = scale
		p.Mobile = mobile
	}))
	return ctx
}

// do runs steps in the browser, failing the test at the first error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// get runs one action and returns its value.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBrowserParticipant joins on a phone-sized viewport, answers with
// taps on the scale, reloads and comes back to the same question.
func TestBrowserParticipant(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	ctx := browser(t, 390, 844, true)
	do(t, ctx,
		chromedp.Navigate(w.srv.URL+"/?code="+w.room.JoinCode()),
		chromedp.WaitVisible(`input[name=name]`),
		chromedp.SendKeys(`input[name=name]`, "Alex Kim"),
		chromedp.SendKeys(`input[name=team]`, "service desk"),
		chromedp.SendKeys(`input[name=role]`, "agent"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`h1.question`),
	)
	if loc := get(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, "/p/q/IM-1") {
		t.Fatalf("after joining: %s", loc)
	}
	if get(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)) {
		t.Errorf("the question page is wider than a 390 px phone")
	}
	if fs := get(t, ctx, chromedp.Evaluate[float64](`parseFloat(getComputedStyle(document.querySelector('.opt .lb')).fontSize)`)); fs < 14 {
		t.Errorf("labels are %.0f px: too small to read on a phone without zooming", fs)
	}
	do(t, ctx,
		chromedp.Click(`label.opt:has(input[name=documented][value="4"])`),
		chromedp.Click(`label.opt:has(input[name=actual][value="2"])`),
		chromedp.SendKeys(`textarea[name=note]`, "Weekend <b>shift</b>"),
		chromedp.Click(`button[value=next]`),
		chromedp.WaitVisible(`p.saved`),
	)
	loc, bar := get(t, ctx, chromedp.Location()), get(t, ctx, chromedp.Text(`header.bar`))
	if !strings.HasSuffix(loc, "/p/q/IM-2?saved=1") || !strings.Contains(bar, "2 / 3") {
		t.Errorf("after answering: %s, %q", loc, bar)
	}
	a, ok := answerOf(w.responseFile("alex-kim"), "IM-1")
	if !ok || a.Documented != 4 || a.Actual != 2 || a.Note != "Weekend <b>shift</b>" {
		t.Errorf("IM-1 on disk: %+v", a)
	}
	// a reload, and opening the join address again, come back to IM-2
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(`h1.question`))
	if text := get(t, ctx, chromedp.Text(`h1.question`)); text != "Agents know when to escalate." {
		t.Errorf("after a reload: %q", text)
	}
	do(t, ctx, chromedp.Navigate(w.srv.URL+"/"), chromedp.WaitVisible(`h1.question`))
	if loc := get(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, "/p/q/IM-2") {
		t.Errorf("opening the join address again: %s", loc)
	}
	// the answer shows when going back, and the note is text, not markup
	do(t, ctx, chromedp.Navigate(w.srv.URL+"/p/q/IM-1"), chromedp.WaitVisible(`h1.question`))
	if !get(t, ctx, chromedp.Evaluate[bool](`document.querySelector('input[name=documented][value="4"]').checked && document.querySelector('textarea').value === 'Weekend <b>shift</b>'`)) {
		t.Errorf("the stored answer is not shown on the question page")
	}
	// an out-of-scale value sent by a tampered form is refused on the page
	get(t, ctx, chromedp.Evaluate[bool](`document.querySelector('input[name=documented][value="4"]').value = "9"; true`))
	do(t, ctx, chromedp.Click(`button[value=next]`), chromedp.WaitVisible(`.errors`))
	if text := get(t, ctx, chromedp.Text(`.errors`)); !strings.Contains(text, "Documented: choose a level 0 to 5") {
		t.Errorf("tampered value: %q", text)
	}
	if a, _ := answerOf(w.responseFile("alex-kim"), "IM-1"); a.Documented != 4 {
		t.Errorf("a tampered value was stored: %+v", a)
	}
}

// TestBrowserFacilitator watches the projected view update by itself as a
// participant answers, and reveals a question.
func TestBrowserFacilitator(t *testing.T) {
	w := newWorkshop(t, room.Options{})
	ctx := browser(t, 1280, 720, false)
	do(t, ctx, chromedp.Navigate(w.srv.URL+"/f/"+w.room.Token()+"/"), chromedp.WaitVisible(`.panel`))
	alex := w.join("Alex", "desk", "")
	alex.answer("IM-1", url.Values{"documented": {"5"}, "actual": {"4"}})
	start := time.Now()
	// the view follows by itself: Alex appears with one answer of three
	get(t, ctx, chromedp.Poll[bool](`(document.querySelector('ul.people') || {textContent: ''}).textContent.includes('1/3')`, chromedp.WithPollingTimeout(5*time.Second)))
	t.Logf("the view showed Alex's answer %v after it", time.Since(start))
	if people := get(t, ctx, chromedp.Text(`ul.people`)); !strings.Contains(people, "Alex") {
		t.Errorf("participants after Alex answered: %q", people)
	}
	// reveal IM-1 with its button; the distribution appears
	do(t, ctx, chromedp.Click(`tr#IM-1 button`), chromedp.WaitVisible(`tr#IM-1 .hist`))
	if row := get(t, ctx, chromedp.Text(`tr#IM-1`)); !strings.Contains(row, "4.50") || !strings.Contains(row, "2.50") {
		t.Errorf("revealed IM-1: %q", row)
	}
	// a later answer updates the revealed row without a reload
	w.join("Bo", "desk", "").answer("IM-1", url.Values{"documented": {"5"}, "actual": {"5"}})
	get(t, ctx, chromedp.Poll[bool](`document.querySelector('tr#IM-1').textContent.includes('3.33')`, chromedp.WithPollingTimeout(5*time.Second)))
	if get(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)) {
		t.Errorf("the view is wider than 1280 px")
	}
}

// shot saves a screenshot of the viewport into $ITILMAP_SCREENSHOTS, when set.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("ITILMAP_SCREENSHOTS")
	if dir == "" {
		return
	}
	png := get(t, ctx, chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestScreenshots takes the pictures of docs/workshop.md from the example
// assessment with a few participants, when $ITILMAP_SCREENSHOTS names a
// folder: go test ./templates/web -run Screenshots with
// ITILMAP_SCREENSHOTS=$PWD/docs.
func TestScreenshots(t *testing.T) {
	if os.Getenv("ITILMAP_SCREENSHOTS") == "" {
		t.Skip("set ITILMAP_SCREENSHOTS to a folder to take the screenshots")
	}
	chromium(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../examples/acme")); err != nil {
		t.Fatal(err)
	}
	r := openRoom(t, dir, room.Options{})
	srv := httptest.NewServer(web.New(r, web.Options{JoinURL: "http://192.168.1.23:8080/"}))
	t.Cleanup(srv.Close) // after the browsers' cleanups, which end the event stream
	w := &workshop{t: t, dir: dir, room: r, srv: srv}
	people := []struct{ name, team, role string }{
		{"Maria Rossi", "service-desk", "team-lead"}, {"Tom Becker", "infrastructure", "infrastructure-engineer"},
		{"Aiko Tanaka", "applications", "developer"}, {"Sam Ortiz", "service-desk", "service-desk-agent"},
		{"Lena Fischer", "infrastructure", "network-engineer"},
	}
	var qs []*assess.Question // incident management's questions put to everyone above
	for _, qu := range r.Assessment().Questionnaire.Practice("incident-management").Questions {
		put := true
		for _, p := range people {
			put = put && slices.ContainsFunc(r.Assessment().QuestionsFor(p.role), func(q *assess.Question) bool { return q == qu })
		}
		if put {
			qs = append(qs, qu)
		}
	}
	for i, p := range people {
		c := w.join(p.name, p.team, p.role)
		for j, qu := range qs[:min(len(qs), 2+i)] {
			c.answer(qu.ID, url.Values{"documented": {fmt.Sprint(3 + (i+j)%3)}, "actual": {fmt.Sprint((i*2 + j) % 6)}})
		}
	}
	f := w.client()
	for _, qu := range qs[:3] {
		f.post("/f/"+r.Token()+"/reveal", url.Values{"question": {qu.ID}})
	}
	ctx := browser(t, 1280, 720, false)
	do(t, ctx, chromedp.Navigate(srv.URL+"/f/"+r.Token()+"/"), chromedp.WaitVisible(`.panel`))
	get(t, ctx, chromedp.Evaluate[bool](`var m = document.querySelector('.main'); m.scrollTop = document.getElementById('`+qs[0].ID+`').getBoundingClientRect().top - m.getBoundingClientRect().top - 280; true`))
	shot(t, ctx, "workshop-facilitator.png")

	var guided *assess.Question // the agent's first question with a level guide
	for _, qu := range r.Assessment().QuestionsFor("service-desk-agent") {
		if len(qu.Guide) > 0 && r.Assessment().InScope(qu.Practice) {
			guided = qu
			break
		}
	}
	phone := browser(t, 390, 844, true)
	do(t, phone,
		chromedp.Navigate(srv.URL+"/?code="+r.JoinCode()),
		chromedp.WaitVisible(`input[name=name]`),
		chromedp.SendKeys(`input[name=name]`, "Chris Novak"),
		chromedp.SetValue(`select[name=team]`, "service-desk"),
		chromedp.SetValue(`select[name=role]`, "service-desk-agent"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`h1.question`),
		chromedp.Navigate(srv.URL+"/p/q/"+guided.ID),
		chromedp.WaitVisible(`h1.question`),
		chromedp.Click(`label.opt:has(input[name=documented][value="3"])`),
		chromedp.Click(`label.opt:has(input[name=actual][value="2"])`),
	)
	get(t, phone, chromedp.Evaluate[bool](`window.scrollTo(0, 0); true`))
	shot(t, phone, "workshop-phone.png")
}
