package http_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	. "github.com/onsi/gomega"
)

func TestConnectionsAreReused(t *testing.T) {
	g := NewWithT(t)
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok"))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  const first = http.get(__ENV.URL);
  let reused = 0;
  for (let i = 0; i < 20; i++) {
    if (http.get(__ENV.URL).timings.connecting === 0) reused++;
  }
  console.log(first.timings.connecting > 0, reused);
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{"info: true 20"}))
	g.Expect(conns.Load()).To(Equal(int64(1)))
}
