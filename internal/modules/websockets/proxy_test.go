package websockets_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// connectProxy is an HTTP CONNECT proxy on loopback that tunnels every
// request to one address, whatever host it names, and remembers the
// hosts it was asked for.
type connectProxy struct {
	ln     net.Listener
	target string // where every tunnel goes

	mu       sync.Mutex
	requests []string
	wg       sync.WaitGroup
}

func newConnectProxy(t testing.TB, target string) *connectProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &connectProxy{ln: ln, target: target}
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(func() { _ = ln.Close(); p.wg.Wait() })
	return p
}

func newTLSServer(t testing.TB) *fixtures.Server {
	t.Helper()
	srv := fixtures.NewTLSServer()
	t.Cleanup(srv.Close)
	return srv
}

func (p *connectProxy) url() string { return "http://" + p.ln.Addr().String() }

func (p *connectProxy) serve() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.tunnel(c)
		}()
	}
}

func (p *connectProxy) tunnel(c net.Conn) {
	defer c.Close()
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err != nil {
		return
	}
	p.mu.Lock()
	p.requests = append(p.requests, req.Method+" "+req.Host)
	p.mu.Unlock()
	if req.Method != http.MethodConnect {
		_, _ = io.WriteString(c, "HTTP/1.1 405 Method Not Allowed\r\n\r\n")
		return
	}
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		_, _ = io.WriteString(c, "HTTP/1.1 502 Bad Gateway\r\n\r\n")
		return
	}
	defer up.Close()
	_, _ = io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
	done := make(chan struct{})
	go func() {
		_, _ = io.Copy(up, c)
		_ = up.(*net.TCPConn).CloseWrite()
		close(done)
	}()
	_, _ = io.Copy(c, up)
	_ = c.Close()
	<-done
}

func (p *connectProxy) seen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// proxyScript echoes one message on __ENV.TARGET and logs what happened.
const proxyScript = `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.TARGET);
  ws.onopen = () => ws.send("through");
  ws.onmessage = (e) => { console.log("echo " + e.data); ws.close(); };
  ws.onerror = (e) => console.log("error " + e.error);
}
`

// TestProxy: HTTP_PROXY carries ws and HTTPS_PROXY wss (a CONNECT tunnel,
// with TLS to the server inside it); loopback, NO_PROXY hosts and the
// hosts the run routes itself (WithRedirect as --fixture-host does,
// WithHost) never reach the proxy (DECISIONS 18).
func TestProxy(t *testing.T) {
	plain := newServer(t)
	secure := newTLSServer(t)
	plainProxy := newConnectProxy(t, plain.Addr)
	secureProxy := newConnectProxy(t, secure.Addr)
	t.Setenv("HTTP_PROXY", plainProxy.url())
	t.Setenv("HTTPS_PROXY", secureProxy.url())
	t.Setenv("NO_PROXY", "direct.example.test")

	for _, tc := range []struct {
		name, target string
		opts         []wstest.Option
		log          string // the first log line
		plain, tls   string // what each proxy saw
	}{
		{"ws through the proxy", "ws://far.example.test/echo", nil, "echo through", "CONNECT far.example.test:80", ""},
		{"wss through the proxy", "wss://far.example.test:8443/echo", []wstest.Option{wstest.WithInsecureSkipTLSVerify()},
			"echo through", "", "CONNECT far.example.test:8443"},
		{"loopback", plain.URL + "/echo", nil, "echo through", "", ""},
		{"fixture host", "wss://api.fixtures.test/echo", []wstest.Option{wstest.WithInsecureSkipTLSVerify(), wstest.WithRedirect("api.fixtures.test", plain.Addr, secure.Addr)},
			"echo through", "", ""},
		{"hosts option", "ws://mapped.example.test/echo", []wstest.Option{wstest.WithHost("mapped.example.test", plain.Addr)},
			"echo through", "", ""},
		{"NO_PROXY", "ws://direct.example.test/echo", nil, "error ", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := [2]int{len(plainProxy.seen()), len(secureProxy.seen())}
			res := scripttest.Run(t, proxyScript, append([]wstest.Option{wstest.WithEnv("TARGET", tc.target)}, tc.opts...)...)
			logs := infoLogs(res)
			if len(logs) == 0 || !strings.HasPrefix(logs[0], tc.log) {
				t.Errorf("logs %q, want %q first", logs, tc.log)
			}
			if got := strings.Join(plainProxy.seen()[before[0]:], ","); got != tc.plain {
				t.Errorf("HTTP_PROXY saw %q, want %q", got, tc.plain)
			}
			if got := strings.Join(secureProxy.seen()[before[1]:], ","); got != tc.tls {
				t.Errorf("HTTPS_PROXY saw %q, want %q", got, tc.tls)
			}
		})
	}
}
