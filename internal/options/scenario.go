package options

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"time"
)

// The executors wstest runs, k6's six that a script can configure.
const (
	SharedIterations    = "shared-iterations"
	PerVUIterations     = "per-vu-iterations"
	ConstantVUs         = "constant-vus"
	RampingVUs          = "ramping-vus"
	ConstantArrivalRate = "constant-arrival-rate"
	RampingArrivalRate  = "ramping-arrival-rate"
)

// ExternallyControlled is k6's executor driven through its REST API; Validate
// refuses it with a text that says what to use instead.
const ExternallyControlled = "externally-controlled"

// Defaults of the scenario fields, as in k6.
const (
	DefaultGracefulStop     = 30 * time.Second
	DefaultGracefulRampDown = 30 * time.Second
	DefaultMaxDuration      = 10 * time.Minute
	DefaultTimeUnit         = time.Second
)

// Stage is one step of a ramping scenario: reach Target, linearly, over
// Duration. Target is a number of VUs for ramping-vus and an iteration
// rate per timeUnit for ramping-arrival-rate.
type Stage struct {
	Duration Duration `json:"duration"`
	Target   int64    `json:"target"`
}

// Scenario is one entry of options.scenarios, or the scenario "default"
// that the execution shortcuts stand for. A nil field is unset; its
// accessor returns k6's default.
type Scenario struct {
	// Name is the key in options.scenarios.
	Name             string            `json:"-"`
	Executor         string            `json:"executor"`
	StartTime        Duration          `json:"startTime"`
	GracefulStop     *Duration         `json:"gracefulStop"`
	Exec             string            `json:"exec"`
	Env              map[string]string `json:"env"`
	Tags             map[string]string `json:"tags"`
	VUs              *int64            `json:"vus"`
	Iterations       *int64            `json:"iterations"`
	MaxDuration      *Duration         `json:"maxDuration"`
	Duration         *Duration         `json:"duration"`
	StartVUs         *int64            `json:"startVUs"`
	Stages           []Stage           `json:"stages"`
	GracefulRampDown *Duration         `json:"gracefulRampDown"`
	Rate             *int64            `json:"rate"`
	StartRate        *int64            `json:"startRate"`
	TimeUnit         *Duration         `json:"timeUnit"`
	PreAllocatedVUs  *int64            `json:"preAllocatedVUs"`
	MaxVUs           *int64            `json:"maxVUs"`
	Options          any               `json:"options"`
}

// UnmarshalJSON refuses unknown fields, as k6 does for scenarios.
func (s *Scenario) UnmarshalJSON(b []byte) error {
	type plain Scenario
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return errors.New(cleanJSONError(err))
	}
	*s = Scenario(p)
	return nil
}

// VUCount is vus, 1 when unset.
func (s *Scenario) VUCount() int64 { return orDefault(s.VUs, 1) }

// IterationCount is iterations, 1 when unset.
func (s *Scenario) IterationCount() int64 { return orDefault(s.Iterations, 1) }

// StartVUCount is startVUs, 1 when unset.
func (s *Scenario) StartVUCount() int64 { return orDefault(s.StartVUs, 1) }

// GracefulStopDuration is gracefulStop, 30s when unset.
func (s *Scenario) GracefulStopDuration() time.Duration {
	return durationOr(s.GracefulStop, DefaultGracefulStop)
}

// GracefulRampDownDuration is gracefulRampDown, 30s when unset.
func (s *Scenario) GracefulRampDownDuration() time.Duration {
	return durationOr(s.GracefulRampDown, DefaultGracefulRampDown)
}

// TimeUnitDuration is timeUnit, 1s when unset.
func (s *Scenario) TimeUnitDuration() time.Duration {
	return durationOr(s.TimeUnit, DefaultTimeUnit)
}

// RateCount is rate, 0 when unset (Validate refuses that).
func (s *Scenario) RateCount() int64 { return orDefault(s.Rate, 0) }

// StartRateCount is startRate, 0 when unset.
func (s *Scenario) StartRateCount() int64 { return orDefault(s.StartRate, 0) }

// PreAllocatedVUCount is preAllocatedVUs, 0 when unset (Validate refuses
// that).
func (s *Scenario) PreAllocatedVUCount() int64 { return orDefault(s.PreAllocatedVUs, 0) }

// MaxVUCount is maxVUs; when unset it is preAllocatedVUs, as in k6.
func (s *Scenario) MaxVUCount() int64 { return orDefault(s.MaxVUs, s.PreAllocatedVUCount()) }

// IsArrivalRate reports whether the scenario's executor is one of the
// arrival-rate ones.
func (s *Scenario) IsArrivalRate() bool {
	return s.Executor == ConstantArrivalRate || s.Executor == RampingArrivalRate
}

// MaxDurationValue is maxDuration, 10m when unset.
func (s *Scenario) MaxDurationValue() time.Duration {
	return durationOr(s.MaxDuration, DefaultMaxDuration)
}

// ExecName is exec, "default" when unset.
func (s *Scenario) ExecName() string {
	if s.Exec == "" {
		return "default"
	}
	return s.Exec
}

func orDefault(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

func durationOr(d *Duration, def time.Duration) time.Duration {
	if d == nil {
		return def
	}
	return time.Duration(*d)
}

// DeriveScenarios returns the scenarios to run, sorted by name: options.scenarios
// as given, or the scenario "default" that the shortcuts stand for (k6's
// derivation):
//
//	iterations (+vus, +duration as maxDuration)  shared-iterations
//	duration (+vus)                              constant-vus
//	stages (+vus as startVUs)                    ramping-vus
//	vus alone                                    shared-iterations, iterations = vus
//	nothing                                      per-vu-iterations, 1 VU x 1 iteration
//
// Exec is filled in ("default" when unset). The scenarios are copies:
// changing them does not change o. It does not validate them; Validate
// does.
func (o *Options) DeriveScenarios() ([]*Scenario, error) {
	if err := o.shortcutConflict(); err != nil {
		return nil, err
	}
	switch {
	case len(o.Scenarios) > 0:
		names := make([]string, 0, len(o.Scenarios))
		for n := range o.Scenarios {
			names = append(names, n)
		}
		sort.Strings(names)
		list := make([]*Scenario, 0, len(names))
		for _, n := range names {
			sc := &Scenario{}
			if o.Scenarios[n] != nil {
				*sc = *o.Scenarios[n]
			}
			sc.Name, sc.Exec = n, sc.ExecName()
			list = append(list, sc)
		}
		return list, nil
	case o.Iterations != nil:
		return one(&Scenario{Executor: SharedIterations, VUs: o.VUs, Iterations: o.Iterations, MaxDuration: o.Duration}), nil
	case o.Duration != nil:
		return one(&Scenario{Executor: ConstantVUs, VUs: o.VUs, Duration: o.Duration}), nil
	case len(o.Stages) > 0:
		return one(&Scenario{Executor: RampingVUs, StartVUs: o.VUs, Stages: o.Stages}), nil
	case o.VUs != nil:
		n := *o.VUs
		return one(&Scenario{Executor: SharedIterations, VUs: o.VUs, Iterations: &n}), nil
	default:
		n := int64(1)
		return one(&Scenario{Executor: PerVUIterations, VUs: &n, Iterations: &n}), nil
	}
}

func one(sc *Scenario) []*Scenario {
	sc.Name, sc.Exec = "default", "default"
	return []*Scenario{sc}
}

// shortcutConflict refuses shortcuts that cannot be combined.
func (o *Options) shortcutConflict() error {
	shortcuts := o.Iterations != nil || o.Duration != nil || len(o.Stages) > 0
	if len(o.Scenarios) > 0 && shortcuts {
		return errors.New("scenarios cannot be combined with the iterations, duration or stages shortcuts")
	}
	if len(o.Stages) > 0 && (o.Iterations != nil || o.Duration != nil) {
		return errors.New("stages cannot be combined with iterations or duration")
	}
	return nil
}
