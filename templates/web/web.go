// Package web is the live workshop's pages (docs/workshop.md): the
// participants' join and question pages, which work as plain HTML forms
// without JavaScript, and the facilitator's projected view, which a small
// script served from here keeps up to date by server-sent events.
//
// The handlers are small functions over an injected *room.Room; they
// check who is asking and lay out what the room holds, and never compute
// a score. Templates escape every value; pages carry a content security
// policy without inline script or style.
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/itilmap/itilmap/internal/room"
	"github.com/itilmap/itilmap/internal/sheet"
)

//go:embed pages/*.html
var pageFS embed.FS

//go:embed static
var staticFS embed.FS

// MaxBody is the largest request body accepted.
const MaxBody = 64 << 10

// Cookie names.
const (
	participantCookie = "itilmap_p"
	joinCookie        = "itilmap_j" // the join form's token, before a participant exists
)

// csp allows the server's own styles and script and nothing else.
const csp = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Options are what the pages show besides the room.
type Options struct {
	// JoinURL is the address participants open, shown on the
	// facilitator's view; "" shows the code only.
	JoinURL string
	// Throttle is the shortest time between two updates of the
	// facilitator's view; 0 means 150 ms.
	Throttle time.Duration
}

// Server serves a room's pages.
type Server struct {
	room  *room.Room
	opts  Options
	pages *template.Template
	css   []byte
	mux   *http.ServeMux
	codes codeLimiter
}

// New returns the handler of every page of the workshop over r.
func New(r *room.Room, opts Options) *Server {
	if opts.Throttle == 0 {
		opts.Throttle = 150 * time.Millisecond
	}
	s := &Server{room: r, opts: opts}
	s.pages = template.Must(template.New("").Funcs(funcs).ParseFS(pageFS, "pages/*.html"))
	base, err := fs.ReadFile(staticFS, "static/style.css")
	if err != nil {
		panic(err)
	}
	s.css = append(base, heatCSS()...)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.joinPage)
	mux.HandleFunc("POST /join", s.join)
	mux.HandleFunc("GET /p", s.resume)
	mux.HandleFunc("GET /p/all", s.overview)
	mux.HandleFunc("GET /p/q/{qid}", s.questionPage)
	mux.HandleFunc("POST /p/q/{qid}", s.answer)
	mux.HandleFunc("GET /static/style.css", s.static("text/css; charset=utf-8", s.css))
	mux.HandleFunc("GET /static/live.js", s.static("text/javascript; charset=utf-8", mustRead("static/live.js")))
	mux.HandleFunc("GET /f/{token}/{$}", s.facilitator(s.view))
	mux.HandleFunc("GET /f/{token}/panel", s.facilitator(s.panel))
	mux.HandleFunc("GET /f/{token}/events", s.facilitator(s.events))
	mux.HandleFunc("POST /f/{token}/reveal", s.facilitator(s.reveal))
	mux.HandleFunc("/", s.notFound)
	s.mux = mux
	return s
}

func mustRead(name string) []byte {
	b, err := fs.ReadFile(staticFS, name)
	if err != nil {
		panic(err)
	}
	return b
}

// ServeHTTP sets the security headers of every response, bounds the body
// and refuses cross-site form posts, then serves the page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin") // no-referrer would make browsers send Origin: null
	h.Set("Cache-Control", "no-store")
	r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
	if r.Method == http.MethodPost {
		if !sameOrigin(r) {
			s.fail(w, http.StatusForbidden, "This form was sent from another site, so it was refused.")
			return
		}
		if err := r.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("The form is too large: at most %d KiB.", MaxBody>>10))
				return
			}
			s.fail(w, http.StatusBadRequest, "The form could not be read.")
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// sameOrigin reports whether a form post comes from a page of this
// server: by Sec-Fetch-Site when the browser sends it, else by the Origin
// header. A request with neither (an old browser, a script) still needs the
// form's token.
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin":
		return true
	case "":
	default:
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		return err == nil && o != "null" && strings.EqualFold(u.Host, r.Host)
	}
	return true
}

func (s *Server) static(ctype string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "max-age=300")
		w.Write(body)
	}
}

// render writes a page, or a plain error when the template fails (a bug).
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "internal error: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type messagePage struct {
	Title, Message string
	Link, LinkText string
}

func (s *Server) fail(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "message.html", messagePage{Title: http.StatusText(status), Message: msg, Link: "/", LinkText: "Back to the workshop"})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, http.StatusNotFound, "There is no such page in this workshop.")
}

func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
}

// heatCSS colours levels and scores from red (the scale's minimum) through
// amber to green (its maximum), as the reports do: classes h0 … h10 by
// tenths of the scale.
func heatCSS() []byte {
	red, amber, green := rgb(sheet.Red), rgb(sheet.Amber), rgb(sheet.Green)
	var b bytes.Buffer
	for i := 0; i <= 10; i++ {
		t := float64(i) / 10
		var c [3]float64
		for k := range c {
			if t <= 0.5 {
				c[k] = red[k] + (amber[k]-red[k])*t*2
			} else {
				c[k] = amber[k] + (green[k]-amber[k])*(t-0.5)*2
			}
		}
		fmt.Fprintf(&b, ".h%d{background:#%02X%02X%02X}\n", i, int(c[0]+0.5), int(c[1]+0.5), int(c[2]+0.5))
	}
	return b.Bytes()
}

func rgb(hex string) [3]float64 {
	var r, g, b int
	fmt.Sscanf(hex, "%02x%02x%02x", &r, &g, &b)
	return [3]float64{float64(r), float64(g), float64(b)}
}
