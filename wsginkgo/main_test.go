package wsginkgo_test

import (
	"testing"

	"go.uber.org/goleak"
)

// ginkgoInterrupts is Ginkgo's own signal watcher, which outlives RunSpecs.
const ginkgoInterrupts = "github.com/onsi/ginkgo/v2/internal/interrupt_handler.(*InterruptHandler).registerForInterrupts.func2"

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction(ginkgoInterrupts))
}
