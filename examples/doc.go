// Package examples holds runnable k6-style WebSocket scripts (*.js) and a
// Ginkgo suite that runs each of them against the in-process fixtures and
// asserts on the outcome with the matchers package.
//
// Use `go run ./cmd/wstest run examples/echo.js` to run one from the
// command line, and `go test ./examples/` to run the suite.
package examples
