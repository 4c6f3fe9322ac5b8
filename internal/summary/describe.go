package summary

import (
	"fmt"
	"strings"
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
)

// Describe is the scenario's line in the header's scenario list, after
// "* NAME: ", as k6 prints it per executor, for example
// "10 iterations shared among 2 VUs (maxDuration: 5s, gracefulStop: 30s)"
// or "20.00 iterations/s for 30s (maxVUs: 5-10, gracefulStop: 30s)". The
// parenthesis also lists exec when it is not "default" and startTime when
// it is above zero, before gracefulStop.
func Describe(sc *options.Scenario) string {
	var head string
	var facts []string
	switch sc.Executor {
	case options.SharedIterations:
		head = fmt.Sprintf("%d iterations shared among %d VUs", sc.IterationCount(), sc.VUCount())
		facts = append(facts, "maxDuration: "+dur(sc.MaxDurationValue()))
	case options.PerVUIterations:
		head = fmt.Sprintf("%d iterations for each of %d VUs", sc.IterationCount(), sc.VUCount())
		facts = append(facts, "maxDuration: "+dur(sc.MaxDurationValue()))
	case options.ConstantVUs:
		head = fmt.Sprintf("%d looping VUs for %s", sc.VUCount(), dur(executor.TotalDuration(sc)))
	case options.RampingVUs:
		head = fmt.Sprintf("Up to %d looping VUs for %s over %d stages", executor.MaxVUs(sc),
			dur(executor.TotalDuration(sc)), len(sc.Stages))
		facts = append(facts, "gracefulRampDown: "+dur(sc.GracefulRampDownDuration()))
	case options.ConstantArrivalRate:
		head = fmt.Sprintf("%.2f iterations/s for %s", executor.MaxRatePerSecond(sc), dur(executor.TotalDuration(sc)))
		facts = append(facts, vuRange(sc))
	case options.RampingArrivalRate:
		head = fmt.Sprintf("Up to %.2f iterations/s for %s over %d stages", executor.MaxRatePerSecond(sc),
			dur(executor.TotalDuration(sc)), len(sc.Stages))
		facts = append(facts, vuRange(sc))
	default:
		head = sc.Executor
	}
	if exec := sc.ExecName(); exec != "default" {
		facts = append(facts, "exec: "+exec)
	}
	if sc.StartTime > 0 {
		facts = append(facts, "startTime: "+dur(time.Duration(sc.StartTime)))
	}
	facts = append(facts, "gracefulStop: "+dur(sc.GracefulStopDuration()))
	return head + " (" + strings.Join(facts, ", ") + ")"
}

// vuRange is "maxVUs: P" or "maxVUs: P-M" for an arrival-rate pool of P
// preallocated VUs growing to M.
func vuRange(sc *options.Scenario) string {
	pre, most := executor.InitialVUs(sc), executor.MaxVUs(sc)
	if most > pre {
		return fmt.Sprintf("maxVUs: %d-%d", pre, most)
	}
	return fmt.Sprintf("maxVUs: %d", pre)
}

func dur(d time.Duration) string { return d.String() }
