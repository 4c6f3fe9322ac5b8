// Package scripttest runs an inline script through the public wstest API
// for tests: the one helper that package tests share for it.
package scripttest

import (
	"context"
	"testing"
	"time"

	"github.com/wsk6/wstest/wstest"
)

// Timeout bounds every run, so that a test that hangs fails instead.
const Timeout = 60 * time.Second

// Run runs src as the ES module "test.js" and fails the test if the run
// could not happen or ended abnormally.
func Run(t testing.TB, src string, opts ...wstest.Option) *wstest.Result {
	t.Helper()
	res, err := RunErr(t, src, opts...)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return res
}

// RunErr is Run that returns the run's error instead of failing the test.
func RunErr(t testing.TB, src string, opts ...wstest.Option) (*wstest.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	return wstest.Run(ctx, wstest.Script{Name: "test.js", Source: src}, opts...)
}
