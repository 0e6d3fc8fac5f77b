package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/itilmap/itilmap/assess"
	"github.com/itilmap/itilmap/examples"
	"github.com/itilmap/itilmap/internal/plural"
	"github.com/itilmap/itilmap/internal/room"
	"github.com/itilmap/itilmap/roadmap"
	"github.com/itilmap/itilmap/templates/web"
	"github.com/spf13/cobra"
)

type workshopOptions struct {
	IO              iostreams
	Input           assessmentInput
	Dir             string
	Listen          string
	Anonymous       bool
	Reveal          string
	MaxParticipants int
	// Context stops the server when done; nil: Ctrl-C or SIGTERM.
	Context context.Context
}

func newWorkshopCmd(runF func(*workshopOptions) error) *cobra.Command {
	opts := &workshopOptions{}
	c := &cobra.Command{
		Use:   "workshop DIR",
		Short: "Run the live workshop: participants answer from their phones, the room sees the picture",
		Long: `Run a live workshop on an assessment folder. Participants on the local network
open the printed address (or scan the QR code), join with the short code,
and answer the questions put to their role; every answer is written to
DIR's responses folder, as a response file, before it is acknowledged.

The facilitator's address (with its secret token) shows who has joined and
how far each is, the scores as they stand, and each question's answers,
with the questions where people disagree most. With --reveal manual a
question's answers show only once revealed, so that early answers do not
anchor later ones. Stop with Ctrl-C; run it again on the same folder and
everyone continues where they were.`,
		Example: "  itilmap workshop acme\n  itilmap workshop --example      # a try-out room on a copy of the example\n  itilmap workshop acme --anonymous --reveal live\n  itilmap workshop acme --listen 127.0.0.1:0",
		Args: func(c *cobra.Command, args []string) error {
			if err := opts.Input.args(c, args); err != nil {
				return err
			}
			opts.Dir = opts.Input.Dir
			if _, port, err := net.SplitHostPort(opts.Listen); err != nil {
				return usageError(c.CommandPath(), "--listen %q: expected HOST:PORT, like 0.0.0.0:8080 or :0", opts.Listen)
			} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
				return usageError(c.CommandPath(), "--listen %q: the port must be a number from 0 to 65535", opts.Listen)
			}
			if opts.Reveal != "manual" && opts.Reveal != "live" {
				return usageError(c.CommandPath(), "--reveal %q: expected manual or live", opts.Reveal)
			}
			if opts.MaxParticipants < 1 {
				return usageError(c.CommandPath(), "--max-participants %d: expected at least 1", opts.MaxParticipants)
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.IO = streams(c)
			if runF != nil {
				return runF(opts)
			}
			return workshopRun(opts)
		},
	}
	opts.Input.addFlags(c)
	c.Flags().Lookup("example").Usage = "run on a copy of the built-in example assessment, in a new temporary folder"
	c.Flags().StringVar(&opts.Listen, "listen", "0.0.0.0:8080", "address to listen on; port 0 picks a free one")
	c.Flags().BoolVar(&opts.Anonymous, "anonymous", false, "participants give only team and role; files are named by random ids")
	c.Flags().StringVar(&opts.Reveal, "reveal", "manual", "when answers show on the facilitator's view: manual (once revealed) or live")
	c.Flags().IntVar(&opts.MaxParticipants, "max-participants", room.DefaultMaxParticipants, "the most participants the room takes")
	_ = c.RegisterFlagCompletionFunc("reveal", cobra.FixedCompletions([]string{"manual", "live"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func workshopRun(opts *workshopOptions) error {
	if opts.Input.Example {
		dir, err := os.MkdirTemp("", "itilmap-example-")
		if err != nil {
			return outputError(err)
		}
		sub, _ := fs.Sub(examples.FS, examples.Acme)
		if err := os.CopyFS(dir, sub); err != nil {
			return outputError(err)
		}
		opts.Dir = dir
		fmt.Fprintf(opts.IO.Err, "A copy of the example assessment is in %s; it stays there after the workshop.\n", dir)
	}
	res, probs := roadmap.Build(roadmap.Input{Source: assess.Disk{}, Dir: opts.Dir})
	printWarnings(opts.IO.Err, probs)
	if err := probs.Err(); err != nil {
		return err
	}
	rm, err := room.Open(res.Assessment, room.Options{Anonymous: opts.Anonymous, RevealLive: opts.Reveal == "live", MaxParticipants: opts.MaxParticipants})
	var bad *room.StateError
	switch {
	case errors.As(err, &bad):
		return err // exit 1: an input to fix
	case err != nil:
		return outputError(err)
	}
	defer rm.Close()
	ln, err := net.Listen("tcp", opts.Listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v; choose another address with --listen (port 0 picks a free one)", opts.Listen, err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	hosts := web.Hosts(ln.Addr())
	local := "127.0.0.1"
	if h, _, _ := net.SplitHostPort(opts.Listen); h != "" && h != "0.0.0.0" && h != "::" {
		local = h
	}
	joinHost := local
	if len(hosts) > 0 {
		joinHost = hosts[0]
	}
	joinURL := "http://" + net.JoinHostPort(joinHost, strconv.Itoa(port)) + "/"
	facilitatorURL := "http://" + net.JoinHostPort(local, strconv.Itoa(port)) + "/f/" + rm.Token() + "/"

	srv := &http.Server{
		Handler:           web.New(rm, web.Options{JoinURL: joinURL}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	ctx := opts.Context
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	serveCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	srv.BaseContext = func(net.Listener) context.Context { return serveCtx }

	qr, err := web.TerminalQR(joinURL+"?code="+rm.JoinCode(), os.Getenv("NO_COLOR") == "" && isTerminal(opts.IO.Out))
	if err != nil {
		return err
	}
	out := opts.IO.Out
	fmt.Fprintf(out, "Participants: open %s and enter the code %s\n\n%s\n", joinURL, rm.JoinCode(), qr)
	for _, h := range hosts[min(1, len(hosts)):] {
		fmt.Fprintf(out, "  also reachable at http://%s/\n", net.JoinHostPort(h, strconv.Itoa(port)))
	}
	fmt.Fprintf(out, "Facilitator (keep this address to yourself): %s\n", facilitatorURL)
	if len(hosts) == 0 {
		fmt.Fprintln(opts.IO.Err, "warning: no network address other than this machine's own; participants' devices cannot reach it (see --listen)")
	}
	fmt.Fprintf(opts.IO.Err, "Answers are written to %s. Stop with Ctrl-C.\n", rm.ResponsesDir())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("the workshop server stopped: %v", err)
	case <-ctx.Done():
	}
	cancel() // ends the facilitator's event streams
	shut, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	snap := rm.Snapshot()
	fmt.Fprintf(opts.IO.Err, "Stopped. %s; their answers are in %s.\n", plural.Count(len(snap.Participants), "participant", "participants"), rm.ResponsesDir())
	return nil
}

// isTerminal reports whether w is a terminal, where colours can be drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
