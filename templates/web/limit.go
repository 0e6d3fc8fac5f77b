package web

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Wrong join codes are limited per address, so that the short code cannot
// be guessed by trying: after maxWrongCodes wrong codes within codeWindow,
// an address may try again only when the window has passed.
const (
	maxWrongCodes = 10
	codeWindow    = time.Minute
	maxAddresses  = 10_000 // addresses remembered; beyond, the oldest are forgotten
)

type codeLimiter struct {
	mu    sync.Mutex
	wrong map[string]*wrongCodes
}

type wrongCodes struct {
	n     int
	since time.Time
}

func addressOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// blocked reports whether the address of r has tried too many wrong codes.
func (l *codeLimiter) blocked(r *http.Request, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.wrong[addressOf(r)]
	return w != nil && w.n >= maxWrongCodes && now.Sub(w.since) < codeWindow
}

// failed records a wrong code from the address of r.
func (l *codeLimiter) failed(r *http.Request, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.wrong == nil {
		l.wrong = map[string]*wrongCodes{}
	}
	addr := addressOf(r)
	w := l.wrong[addr]
	if w == nil || now.Sub(w.since) >= codeWindow {
		if len(l.wrong) >= maxAddresses {
			for a, old := range l.wrong {
				if now.Sub(old.since) >= codeWindow {
					delete(l.wrong, a)
				}
			}
			if len(l.wrong) >= maxAddresses {
				return // a flood from many addresses: each is still limited by its own window once known
			}
		}
		w = &wrongCodes{since: now}
		l.wrong[addr] = w
	}
	w.n++
}
