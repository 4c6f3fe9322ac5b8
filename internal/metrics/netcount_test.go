package metrics_test

import (
	"io"
	"net"
	"testing"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
)

func TestCountingConn(t *testing.T) {
	g := gomega.NewWithT(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	defer ln.Close()
	served := make(chan error, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			served <- err
			return
		}
		defer c.Close()
		buf := make([]byte, 5)
		if _, err := io.ReadFull(c, buf); err != nil {
			served <- err
			return
		}
		_, err = c.Write([]byte("0123456789abc")) // 13 bytes back
		served <- err
	}()

	raw, err := net.Dial("tcp", ln.Addr().String())
	g.Expect(err).NotTo(gomega.HaveOccurred())
	counter := &metrics.ByteCounter{}
	conn := &metrics.CountingConn{Conn: raw, Counter: counter}
	_, err = conn.Write([]byte("hello"))
	g.Expect(err).NotTo(gomega.HaveOccurred())
	got, err := io.ReadAll(conn)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(got).To(gomega.HaveLen(13))
	g.Expect(<-served).To(gomega.Succeed())
	g.Expect(conn.Close()).To(gomega.Succeed())

	sent, received := counter.Totals()
	g.Expect([]int64{sent, received}).To(gomega.Equal([]int64{5, 13}))

	// Taken totals restart from zero.
	sent, received = counter.Take()
	g.Expect([]int64{sent, received}).To(gomega.Equal([]int64{5, 13}))
	sent, received = counter.Take()
	g.Expect([]int64{sent, received}).To(gomega.Equal([]int64{0, 0}))
}

func TestBuiltins(t *testing.T) {
	g := gomega.NewWithT(t)
	r := metrics.NewRegistry()
	b, err := metrics.RegisterBuiltins(r)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	want := map[string][2]string{
		"iterations": {"counter", "default"}, "iteration_duration": {"trend", "time"},
		"vus": {"gauge", "default"}, "vus_max": {"gauge", "default"},
		"checks": {"rate", "default"}, "group_duration": {"trend", "time"},
		"data_sent": {"counter", "data"}, "data_received": {"counter", "data"},
		"ws_sessions": {"counter", "default"}, "ws_connecting": {"trend", "time"},
		"ws_session_duration": {"trend", "time"}, "ws_msgs_sent": {"counter", "default"},
		"ws_msgs_received": {"counter", "default"}, "ws_ping": {"trend", "time"},
		"dropped_iterations": {"counter", "default"},
		"http_reqs":          {"counter", "default"}, "http_req_duration": {"trend", "time"},
		"http_req_blocked": {"trend", "time"}, "http_req_connecting": {"trend", "time"},
		"http_req_tls_handshaking": {"trend", "time"}, "http_req_sending": {"trend", "time"},
		"http_req_waiting": {"trend", "time"}, "http_req_receiving": {"trend", "time"},
		"http_req_failed": {"rate", "default"},
	}
	got := map[string][2]string{}
	for _, m := range r.All() {
		got[m.Name] = [2]string{m.Type.String(), m.Contains.String()}
		g.Expect(metrics.IsBuiltin(m.Name)).To(gomega.BeTrue())
	}
	g.Expect(got).To(gomega.Equal(want))
	g.Expect(b.WSPing.Name).To(gomega.Equal("ws_ping"))
	again, err := metrics.RegisterBuiltins(r)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(again.WSPing).To(gomega.BeIdenticalTo(b.WSPing))
	_, err = r.Register("ws_ping", metrics.Counter, metrics.Default)
	g.Expect(err).To(gomega.MatchError("metric 'ws_ping' already exists but with type trend, instead of counter"))
	g.Expect(metrics.IsBuiltin("my_metric")).To(gomega.BeFalse())
}
