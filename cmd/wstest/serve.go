package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/wstest"
)

const serveUsage = `usage: wstest serve [--addr HOST:PORT]

Serves the fixture routes (/echo, /ws/crocochat/{room}/, /status/{code},
/close/{code}, /drop, /ping, /send, /slow) over ws:// on ADDR and over wss://
(self-signed certificate) on another port of the same host, prints
WSTEST_URL=ws://... and WSTEST_WSS_URL=wss://..., and serves until interrupted.
A request whose Host header names a demo host (echo.websocket.org,
localhost:10000, quickpizza.grafana.com, test-api.k6.io) gets its stand-in.

flags:
`

// serveCommand is `wstest serve`.
func serveCommand(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wstest serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:0", "listen address of the ws:// server; the wss:// one takes another port on the same host")
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		fs.PrintDefaults()
	}
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return wstest.ExitInvalidConfig
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "wstest serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return wstest.ExitInvalidConfig
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "wstest serve: --addr %q: %v\n", *addr, err)
		return wstest.ExitInvalidConfig
	}
	// Nobody can read the records of this process: keep memory flat.
	plain, err := fixtures.Listen(fixtures.WithAddr(*addr), fixtures.WithRecording(false))
	if err != nil {
		fmt.Fprintf(stderr, "wstest serve: %v\n", err)
		return wstest.ExitInvalidConfig
	}
	defer plain.Close()
	secure, err := fixtures.ListenTLS(fixtures.WithAddr(net.JoinHostPort(host, "0")), fixtures.WithRecording(false),
		fixtures.WithTLSNames(fixtures.EchoWebSocketOrg, fixtures.QuickPizza, fixtures.TestAPI))
	if err != nil {
		fmt.Fprintf(stderr, "wstest serve: %v\n", err)
		return wstest.ExitInvalidConfig
	}
	defer secure.Close()
	fmt.Fprintf(stdout, "WSTEST_URL=%s\nWSTEST_WSS_URL=%s\n", plain.URL, secure.URL)
	<-ctx.Done()
	return 0
}
