// Package fullrun_test runs k6/http scripts through the whole wstest runner:
// options, summary, outputs and the VU's end.
package fullrun_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
