package wsginkgo_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestWsginkgo(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "wsginkgo suite")
}
