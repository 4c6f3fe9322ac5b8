package wstest_test

import (
	"context"
	"testing"

	"github.com/wsk6/wstest"
)

func TestSmoke(t *testing.T) {
	res, err := wstest.RunFile(context.Background(), "testdata/smoke.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range res.Logs {
		t.Log(l)
	}
	t.Log(res.Iterations, res.Checks, res.Metric("hits"), res.Metric("iterations"), res.Metric("checks"))
}
