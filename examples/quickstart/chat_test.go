// Package quickstart is the README's first example: a test that runs a
// script against the in-process fixtures and asserts with matchers.
package quickstart_test

import (
	"testing"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

func TestChat(t *testing.T) {
	srv := fixtures.NewServer()
	defer srv.Close()

	res := wstest.Test(t, "testdata/chat.js", wstest.WithEnv("URL", srv.URL))

	g := gomega.NewWithT(t)
	g.Expect(res).To(matchers.PassChecks())
	g.Expect(res).To(matchers.HaveEvent("open"))
	g.Expect(res).To(matchers.HaveMetric("ws_sessions", gomega.Equal(2)))
}
