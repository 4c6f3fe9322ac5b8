package metrics_test

import (
	"context"
	"io"
	"net"
	"testing"
	"time"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
)

func TestCountingDialer(t *testing.T) {
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

	d := metrics.NewCountingDialer(nil)
	conn, err := d.DialContext(context.Background(), "tcp", ln.Addr().String())
	g.Expect(err).NotTo(gomega.HaveOccurred())
	_, err = conn.Write([]byte("hello"))
	g.Expect(err).NotTo(gomega.HaveOccurred())
	got, err := io.ReadAll(conn)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(got).To(gomega.HaveLen(13))
	g.Expect(<-served).To(gomega.Succeed())
	g.Expect(conn.Close()).To(gomega.Succeed())

	sent, received := d.Counter.Totals()
	g.Expect([]int64{sent, received}).To(gomega.Equal([]int64{5, 13}))

	r := metrics.NewRegistry()
	b, err := metrics.RegisterBuiltins(r)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	tags := r.EmptyTags().With("scenario", "default")
	d.Counter.Flush(b, time.Now(), tags)
	g.Expect(mustStat(t, b.DataSent, "count", 0)).To(gomega.Equal(5.0))
	g.Expect(mustStat(t, b.DataReceived, "count", 0)).To(gomega.Equal(13.0))
	g.Expect(b.DataSent.Samples()[0].Tags).To(gomega.BeIdenticalTo(tags))

	// Taken totals restart from zero; an idle iteration still reports 0.
	sent, received = d.Counter.Take()
	g.Expect([]int64{sent, received}).To(gomega.Equal([]int64{0, 0}))
	d.Counter.Flush(b, time.Now(), tags)
	g.Expect(b.DataSent.Count()).To(gomega.Equal(2))
}

func TestCountingDialerError(t *testing.T) {
	g := gomega.NewWithT(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	addr := ln.Addr().String()
	g.Expect(ln.Close()).To(gomega.Succeed())
	d := metrics.NewCountingDialer(&net.Dialer{Timeout: time.Second})
	_, err = d.DialContext(context.Background(), "tcp", addr)
	g.Expect(err).To(gomega.HaveOccurred())
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
