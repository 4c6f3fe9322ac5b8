package wstest_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

func script(src string) wstest.Script { return wstest.Script{Name: "inline.js", Source: src} }

func runScript(t *testing.T, src string, opts ...wstest.Option) (*wstest.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return wstest.Run(ctx, script(src), opts...)
}

func TestOptionLayersPrecedence(t *testing.T) {
	const src = `import exec from "k6/execution";
export const options = { vus: 3, iterations: 6 };
export default function () { if (exec.scenario.iterationInTest === 0) console.log("vus=" + exec.test.options.scenarios.default.vus + " ua=" + exec.test.options.userAgent); }`
	lookup := func(vars map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	}
	tests := []struct {
		name string
		opts []wstest.Option
		want string
	}{
		{"script beats config", []wstest.Option{wstest.WithConfigJSON([]byte(`{"vus": 4, "userAgent": "cfg"}`))}, "vus=3 ua=cfg"},
		{"env beats script", []wstest.Option{wstest.WithK6Environment(lookup(map[string]string{"K6_VUS": "5"}))}, "vus=5 ua=null"},
		{"cli beats env", []wstest.Option{wstest.WithK6Environment(lookup(map[string]string{"K6_VUS": "5"})), wstest.WithOptionText("vus", "2")}, "vus=2 ua=null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			res, err := runScript(t, src, tt.opts...)
			g.Expect(err).NotTo(HaveOccurred())
			g.Expect(messages(res)).To(ConsistOf(tt.want))
		})
	}
}

func TestOptionLayerErrorsAreConfigErrors(t *testing.T) {
	for name, opt := range map[string]wstest.Option{
		"bad text":   wstest.WithOptionText("stages", "1s"),
		"bad env":    wstest.WithK6Environment(func(k string) (string, bool) { return "x", k == "K6_VUS" }),
		"bad config": wstest.WithConfigJSON([]byte(`// no`)),
		"bad csv":    wstest.WithCSVOutput(&bytes.Buffer{}, wstest.CSVOptions{TimeFormat: "week"}),
	} {
		t.Run(name, func(t *testing.T) {
			g := NewWithT(t)
			res, err := runScript(t, `export default function () {}`, opt)
			var cfg *wstest.ConfigError
			g.Expect(errors.As(err, &cfg)).To(BeTrue(), "%v", err)
			g.Expect(wstest.ExitCode(res, err)).To(Equal(wstest.ExitInvalidConfig))
		})
	}
}

func TestSummaryAfterAbnormalEnds(t *testing.T) {
	tests := []struct {
		name, src string
		code      int
	}{
		{"abort", `import exec from "k6/execution"; export default function () { exec.test.abort("stop") }`, wstest.ExitScriptAborted},
		{"setup exception", `export function setup() { throw new Error("no") } export default function () {}`, wstest.ExitScriptException},
		{"teardown exception", `export function teardown() { throw new Error("no") } export default function () {}`, wstest.ExitScriptException},
		{"setup timeout", `export const options = { setupTimeout: "50ms" };
export function setup() { const t = Date.now(); while (Date.now() - t < 5000) {} } export default function () {}`, wstest.ExitSetupTimeout},
		{"teardown timeout", `export const options = { teardownTimeout: "50ms" };
export function teardown() { const t = Date.now(); while (Date.now() - t < 5000) {} } export default function () {}`, wstest.ExitTeardownTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			res, err := runScript(t, tt.src)
			g.Expect(err).To(HaveOccurred())
			g.Expect(wstest.ExitCode(res, err)).To(Equal(tt.code), "%v", err)
			g.Expect(res.Summary()).To(ContainSubstring("TOTAL RESULTS"))
			g.Expect(string(res.SummaryExport())).To(ContainSubstring(`"metrics"`))
		})
	}
}

func TestInterruptRunsTeardownAndTheSummary(t *testing.T) {
	g := NewWithT(t)
	started := make(chan struct{}, 1)
	run := wstest.Start(context.Background(), script(`import { sleep } from "k6";
export const options = { duration: "30s" };
export default function () { console.log("started"); sleep(20) }
export function teardown() { console.log("teardown ran") }`), wstest.WithLogOutput(func(e wstest.LogEntry) {
		if e.Message == "started" {
			select {
			case started <- struct{}{}:
			default:
			}
		}
	}))
	<-started
	run.Interrupt("terminated")
	res, err := run.Wait()
	var ie *wstest.InterruptError
	g.Expect(errors.As(err, &ie)).To(BeTrue(), "%v", err)
	g.Expect(err.Error()).To(Equal("test run was aborted because k6 received a 'terminated' signal"))
	g.Expect(wstest.ExitCode(res, err)).To(Equal(wstest.ExitExternalAbort))
	g.Expect(messages(res)).To(ContainElement("teardown ran"))
	g.Expect(res.Summary()).To(ContainSubstring("TOTAL RESULTS"))
}

func TestCSVOutputAndWithoutThresholds(t *testing.T) {
	g := NewWithT(t)
	var csv bytes.Buffer
	res, err := runScript(t, `import { check } from "k6";
export const options = { iterations: 2, thresholds: { checks: ["rate==0"] } };
export default function () { check(1, { one: (v) => v === 1 }) }`, wstest.WithCSVOutput(&csv, wstest.CSVOptions{}), wstest.WithoutThresholds())
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.ExitCode()).To(Equal(0))
	g.Expect(res.Summary()).NotTo(ContainSubstring("THRESHOLDS"))
	lines := strings.Split(strings.TrimSpace(csv.String()), "\n")
	g.Expect(lines[0]).To(Equal("metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata"))
	g.Expect(lines).To(ContainElement(MatchRegexp(`^checks,\d+,1\.000000,one,,,,,,,,default,,,,,,,$`)))
}

// lockedBuffer is a bytes.Buffer safe for concurrent use.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestOutputsAreFlushedWhileTheRunLasts(t *testing.T) {
	g := NewWithT(t)
	var out lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	run := wstest.Start(ctx, script(`import { sleep } from "k6";
import { Counter } from "k6/metrics";
const c = new Counter("probe_count");
export const options = { duration: "30s" };
export default function () { c.add(1); sleep(20) }`), wstest.WithJSONOutput(&out))
	g.Eventually(out.String, 5*time.Second, 50*time.Millisecond).Should(ContainSubstring(`{"metric":"probe_count","type":"Point"`))
	g.Expect(run.Finished()).To(BeFalse())
	cancel()
	_, _ = run.Wait()
}
