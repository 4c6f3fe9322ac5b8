package ownhandler_test

import (
	"net/http"
	"testing"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/examples/ownhandler"
	"github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

func TestShout(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/shout", ownhandler.Shout)

	// The script dials ws://app.test/shout; WithHandler serves that host
	// with mux in memory: no port, no listener.
	res := wstest.Test(t, "testdata/shout.js",
		wstest.WithHandler("app.test", mux),
		wstest.WithEnv("URL", "ws://app.test"))

	g := gomega.NewWithT(t)
	g.Expect(res).To(matchers.HaveCheck("shouted back", 40, 0))
	g.Expect(res).To(matchers.HaveMetric("ws_sessions", gomega.Equal(40)))
	g.Expect(res).To(matchers.HaveReceived("HELLO 9").Times(4))
}
