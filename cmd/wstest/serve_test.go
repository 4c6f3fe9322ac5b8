package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

func TestServeCommand(t *testing.T) {
	g := gomega.NewWithT(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	codes := make(chan int, 1)
	go func() {
		code := serveCommand(ctx, []string{"--addr", "127.0.0.1:0"}, pw, &stderr)
		_ = pw.Close()
		codes <- code
	}()

	lines := bufio.NewScanner(pr)
	urls := map[string]string{}
	for range 2 {
		g.Expect(lines.Scan()).To(gomega.BeTrue(), "the command printed fewer than two lines")
		k, v, ok := strings.Cut(lines.Text(), "=")
		g.Expect(ok).To(gomega.BeTrue(), lines.Text())
		urls[k] = v
	}
	g.Expect(urls).To(gomega.HaveKeyWithValue("WSTEST_URL", gomega.MatchRegexp(`^ws://127\.0\.0\.1:\d+$`)))
	g.Expect(urls).To(gomega.HaveKeyWithValue("WSTEST_WSS_URL", gomega.MatchRegexp(`^wss://127\.0\.0\.1:\d+$`)))
	g.Expect(urls["WSTEST_URL"][len("ws://"):]).NotTo(gomega.Equal(urls["WSTEST_WSS_URL"][len("wss://"):]))

	dialers := map[string]*websocket.Dialer{
		"WSTEST_URL": {},
		// The certificate is made at start and never leaves the process:
		// the test client alone skips verification.
		"WSTEST_WSS_URL": {TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, //nolint:gosec // test client
	}
	for name, d := range dialers {
		t.Run(name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			dctx, dcancel := context.WithTimeout(ctx, 10*time.Second)
			defer dcancel()
			c, _, err := d.DialContext(dctx, urls[name]+"/echo", nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			defer c.Close()
			g.Expect(c.WriteMessage(websocket.TextMessage, []byte(name))).To(gomega.Succeed())
			_, p, err := c.ReadMessage()
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(string(p)).To(gomega.Equal(name))
		})
	}

	t.Run("demo host by Host header", func(t *testing.T) {
		g := gomega.NewWithT(t)
		dctx, dcancel := context.WithTimeout(ctx, 10*time.Second)
		defer dcancel()
		c, _, err := (&websocket.Dialer{}).DialContext(dctx, urls["WSTEST_URL"]+"/any", http.Header{"Host": {"echo.websocket.org"}})
		g.Expect(err).NotTo(gomega.HaveOccurred())
		defer c.Close()
		_, p, err := c.ReadMessage()
		g.Expect(err).NotTo(gomega.HaveOccurred())
		g.Expect(string(p)).To(gomega.HavePrefix("Request served by "))
	})

	cancel()
	g.Expect(<-codes).To(gomega.Equal(0))
	g.Expect(lines.Scan()).To(gomega.BeFalse(), "exactly two lines")
	g.Expect(stderr.String()).To(gomega.BeEmpty())
}

func TestServeCommandBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"--port", "1"}, "flag provided but not defined"},
		{"extra argument", []string{"now"}, `unexpected argument "now"`},
		{"address without port", []string{"--addr", "localhost"}, "missing port"},
		{"address that cannot listen", []string{"--addr", "256.1.1.1:0"}, "listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			var stdout, stderr bytes.Buffer
			code := serveCommand(context.Background(), tt.args, &stdout, &stderr)
			g.Expect(code).To(gomega.Equal(wstest.ExitInvalidConfig))
			g.Expect(code).To(gomega.Equal(104))
			g.Expect(stderr.String()).To(gomega.ContainSubstring(tt.want))
			g.Expect(stdout.String()).To(gomega.BeEmpty())
		})
	}
}
