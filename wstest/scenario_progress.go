package wstest

import (
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
	"github.com/wsk6/wstest/internal/summary"
)

// ScenarioProgress is one scenario of a live run and how far it has got,
// what k6's progress bars show.
type ScenarioProgress struct {
	Name     string
	Executor string
	// Description is the scenario's line in k6's header, after its name:
	// "10 iterations shared among 2 VUs (maxDuration: 5s, gracefulStop: 30s)".
	Description string
	// Exec is the exported function the scenario runs ("default" when unset).
	Exec string
	// StartTime is the scenario's startTime.
	StartTime time.Duration
	// Progress is in [0, 1]: the share of iterations done for the
	// iteration-based executors, of the duration elapsed for the others.
	Progress float64
	// ActiveVUs is how many of its VUs are inside an iteration now (k6's
	// running VUs of an arrival-rate scenario); MaxVUs is the most it may
	// use (vus, the stages' largest target, maxVUs).
	ActiveVUs int64
	MaxVUs    int64
	// ActivatedVUs is how many VUs the scenario holds now: for ramping-vus
	// those its stages have started and not yet released (one finishing an
	// iteration after a ramp-down still counts), for the others VUs.
	ActivatedVUs int64
	// Iterations counts the iterations that have returned.
	Iterations int64
	// TotalIterations is the number of iterations of shared-iterations and
	// per-vu-iterations (all VUs together), 0 for the others;
	// IterationsPerVU is per-vu-iterations' count for one VU.
	TotalIterations int64
	IterationsPerVU int64
	// Elapsed is the time since the scenario started, or how long it ran
	// once Finished; Duration is how long
	// it may start iterations (duration, the stages' sum, maxDuration);
	// MaxDuration adds its gracefulStop (and gracefulRampDown).
	Elapsed     time.Duration
	Duration    time.Duration
	MaxDuration time.Duration
	// GracefulStop, GracefulRampDown and Stages are the scenario's own.
	GracefulStop     time.Duration
	GracefulRampDown time.Duration
	Stages           int
	Started          bool
	Finished         bool
	// Waiting is true once the run's scenarios have begun while this one
	// waits for its startTime (StartsIn is the time left), also when the
	// run ended before it came.
	Waiting  bool
	StartsIn time.Duration
	// Interrupted is true when the scenario ended because the run was
	// stopped (aborted, interrupted), not at its own end.
	Interrupted bool
	// VUs is how many VUs the scenario has made: for an arrival-rate one its
	// preAllocatedVUs plus those made during the run, up to maxVUs.
	VUs int64
	// Dropped counts the iterations an arrival-rate scenario dropped (no
	// free VU). Rate is its iteration rate per second as k6's progress shows
	// it: constant-arrival-rate's rate, for ramping-arrival-rate the rate of
	// the iterations it schedules now (one over the gap between the
	// iteration due next and the one before), kept once it has ended; MaxRate
	// is the highest rate per second. Both are 0 for the other executors.
	Dropped int64
	Rate    float64
	MaxRate float64
}

// Ready is closed once the run's scenarios are known (the options are
// read), or when the run ended before that.
func (l *LiveRun) Ready() <-chan struct{} { return l.r.ready }

// Scenarios returns every scenario of the run, sorted by startTime then
// name, with its progress; nil until Ready.
func (l *LiveRun) Scenarios() []ScenarioProgress {
	plan := l.r.plan.Load()
	if plan == nil {
		return nil
	}
	runs := map[string]*scenarioRun{}
	if p := l.r.scenarioRuns.Load(); p != nil {
		for _, s := range *p {
			runs[s.ex.Scenario().Name] = s
		}
	}
	out := make([]ScenarioProgress, 0, len(*plan))
	for _, sc := range *plan {
		sp := planned(sc)
		if s := runs[sc.Name]; s != nil {
			sp.Progress = s.ex.Progress()
			sp.ActiveVUs = s.active.Load()
			sp.ActivatedVUs = s.ex.Activated()
			sp.Iterations = s.ex.IterationsDone()
			sp.Finished = s.finished.Load()
			sp.Interrupted = s.ex.Interrupted()
			sp.VUs = s.ex.VUs()
			sp.Dropped = s.ex.Dropped()
			sp.Rate = s.ex.RatePerSecond()
			start, end := s.ex.Start(), s.ex.End()
			switch launched := s.ex.Launched(); {
			case !end.IsZero():
				sp.Started, sp.Elapsed = true, end.Sub(start)
			case !start.IsZero():
				sp.Started, sp.Elapsed = true, time.Since(start)
			case !launched.IsZero():
				sp.Waiting = true
				sp.StartsIn = max(sp.StartTime-time.Since(launched), 0)
			}
		}
		out = append(out, sp)
	}
	return out
}

// planned is what the options say of a scenario before it runs.
func planned(sc *options.Scenario) ScenarioProgress {
	sp := ScenarioProgress{Name: sc.Name, Executor: sc.Executor, Description: summary.Describe(sc), Exec: sc.ExecName(),
		StartTime: time.Duration(sc.StartTime), MaxVUs: int64(executor.MaxVUs(sc)),
		Duration: executor.TotalDuration(sc), MaxDuration: executor.MaxDuration(sc) - time.Duration(sc.StartTime),
		GracefulStop: sc.GracefulStopDuration(), Stages: len(sc.Stages)}
	if sc.IsArrivalRate() {
		sp.MaxRate = executor.MaxRatePerSecond(sc)
	}
	switch sc.Executor {
	case options.SharedIterations:
		sp.TotalIterations = sc.IterationCount()
	case options.PerVUIterations:
		sp.IterationsPerVU = sc.IterationCount()
		sp.TotalIterations = sc.IterationCount() * sp.MaxVUs
	}
	if sc.GracefulRampDown != nil {
		sp.GracefulRampDown = time.Duration(*sc.GracefulRampDown)
	}
	return sp
}

// MaxVUs is the most VUs the scenarios can use at once, arrival-rate
// scenarios' maxVUs included: k6's "max VUs" in the header. Scenarios that
// run one after another share their VUs, so it is not their sum. It is 0
// until the plan is known (Ready).
func (l *LiveRun) MaxVUs() int64 {
	plan := l.r.plan.Load()
	if plan == nil {
		return 0
	}
	return int64(executor.MaxPossibleVUs(*plan))
}
