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
	Progress  float64
	ActiveVUs int64
	MaxVUs    int64
	// Iterations counts the iterations that have returned.
	Iterations int64
	// TotalIterations is the number of iterations of shared-iterations and
	// per-vu-iterations (all VUs together), 0 for the others;
	// IterationsPerVU is per-vu-iterations' count for one VU.
	TotalIterations int64
	IterationsPerVU int64
	// Elapsed is the time since the scenario started; Duration is how long
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
	// VUs is how many VUs the scenario has made: for an arrival-rate one its
	// preAllocatedVUs plus those made during the run, up to maxVUs.
	VUs int64
	// Dropped counts the iterations an arrival-rate scenario dropped (no
	// free VU), and Rate is the iteration rate it asks for now, per second
	// (0 for the other executors).
	Dropped int64
	Rate    float64
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
			sp.Iterations = s.ex.IterationsDone()
			sp.Finished = s.finished.Load()
			sp.VUs = s.ex.VUs()
			sp.Dropped = s.ex.Dropped()
			if start := s.ex.Start(); !start.IsZero() {
				sp.Started = true
				sp.Elapsed = time.Since(start)
				if sc.IsArrivalRate() && !sp.Finished && sp.Progress < 1 {
					sp.Rate = executor.Rate(sc, sp.Elapsed) * float64(time.Second) / float64(sc.TimeUnitDuration())
				}
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
