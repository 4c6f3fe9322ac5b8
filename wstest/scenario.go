package wstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"
)

// Executor names wstest supports.
const (
	executorSharedIterations = "shared-iterations"
	executorPerVUIterations  = "per-vu-iterations"
	executorConstantVUs      = "constant-vus"
	executorRampingVUs       = "ramping-vus"
)

type stage struct {
	Duration duration `json:"duration"`
	Target   int64    `json:"target"`
}

// scenarioConfig is one entry of options.scenarios.
type scenarioConfig struct {
	Name             string            `json:"-"`
	Executor         string            `json:"executor"`
	StartTime        duration          `json:"startTime"`
	GracefulStop     *duration         `json:"gracefulStop"`
	Exec             string            `json:"exec"`
	Env              map[string]string `json:"env"`
	Tags             map[string]string `json:"tags"`
	VUs              *int64            `json:"vus"`
	Iterations       *int64            `json:"iterations"`
	MaxDuration      *duration         `json:"maxDuration"`
	Duration         *duration         `json:"duration"`
	StartVUs         *int64            `json:"startVUs"`
	Stages           []stage           `json:"stages"`
	GracefulRampDown *duration         `json:"gracefulRampDown"`
	Options          any               `json:"options"`
}

func (s *scenarioConfig) UnmarshalJSON(b []byte) error {
	type plain scenarioConfig
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return errors.New(cleanJSONError(err))
	}
	*s = scenarioConfig(p)
	return nil
}

func (s *scenarioConfig) vus() int64 {
	if s.VUs == nil {
		return 1
	}
	return *s.VUs
}

func (s *scenarioConfig) iterations() int64 {
	if s.Iterations == nil {
		return 1
	}
	return *s.Iterations
}

func (s *scenarioConfig) gracefulStop() time.Duration {
	if s.GracefulStop == nil {
		return 30 * time.Second
	}
	return time.Duration(*s.GracefulStop)
}

func (s *scenarioConfig) maxDuration() time.Duration {
	if s.MaxDuration == nil {
		return 10 * time.Minute
	}
	return time.Duration(*s.MaxDuration)
}

// maxVUs is how many VUs the scenario needs at most.
func (s *scenarioConfig) maxVUs() int64 {
	if s.Executor != executorRampingVUs {
		return s.vus()
	}
	n := int64(1)
	if s.StartVUs != nil {
		n = *s.StartVUs
	}
	for _, st := range s.Stages {
		n = max(n, st.Target)
	}
	return n
}

// scenarios derives the scenarios to run from the consolidated options, as
// k6's execution shortcuts do.
func (o *scriptOptions) scenarios() ([]*scenarioConfig, error) {
	shortcuts := 0
	if o.Iterations != nil {
		shortcuts++
	}
	if o.Duration != nil {
		shortcuts++
	}
	if len(o.Stages) > 0 {
		shortcuts++
	}
	if len(o.Scenarios) > 0 && shortcuts > 0 {
		return nil, errors.New("options: scenarios cannot be combined with the iterations, duration or stages shortcuts")
	}
	if o.Iterations != nil && len(o.Stages) > 0 || o.Duration != nil && len(o.Stages) > 0 {
		return nil, errors.New("options: stages cannot be combined with iterations or duration")
	}
	if o.VUs != nil && *o.VUs < 0 {
		return nil, fmt.Errorf("options: vus must not be negative, got %d", *o.VUs)
	}
	var list []*scenarioConfig
	switch {
	case len(o.Scenarios) > 0:
		names := make([]string, 0, len(o.Scenarios))
		for n := range o.Scenarios {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			sc := o.Scenarios[n]
			if sc == nil {
				return nil, fmt.Errorf("options: scenario %q is empty", n)
			}
			sc.Name = n
			list = append(list, sc)
		}
	case o.Iterations != nil:
		sc := &scenarioConfig{Name: "default", Executor: executorSharedIterations, VUs: o.VUs, Iterations: o.Iterations}
		if o.Duration != nil {
			sc.MaxDuration = o.Duration
		}
		list = append(list, sc)
	case o.Duration != nil:
		if *o.Duration <= 0 {
			return nil, errors.New("options: duration must be more than 0")
		}
		list = append(list, &scenarioConfig{Name: "default", Executor: executorConstantVUs, VUs: o.VUs, Duration: o.Duration})
	case len(o.Stages) > 0:
		list = append(list, &scenarioConfig{Name: "default", Executor: executorRampingVUs, StartVUs: o.VUs, Stages: o.Stages})
	case o.VUs != nil:
		n := *o.VUs
		list = append(list, &scenarioConfig{Name: "default", Executor: executorSharedIterations, VUs: o.VUs, Iterations: &n})
	default:
		one := int64(1)
		list = append(list, &scenarioConfig{Name: "default", Executor: executorPerVUIterations, VUs: &one, Iterations: &one})
	}
	for _, sc := range list {
		if err := sc.validate(); err != nil {
			return nil, fmt.Errorf("options: scenario %q: %w", sc.Name, err)
		}
	}
	return list, nil
}

func (s *scenarioConfig) validate() error {
	if s.Exec == "" {
		s.Exec = "default"
	}
	if s.VUs != nil && *s.VUs < 0 {
		return fmt.Errorf("vus must not be negative, got %d", *s.VUs)
	}
	if s.Iterations != nil && *s.Iterations < 0 {
		return fmt.Errorf("iterations must not be negative, got %d", *s.Iterations)
	}
	switch s.Executor {
	case executorSharedIterations:
		if s.iterations() < s.vus() {
			return fmt.Errorf("the number of iterations (%d) can't be less than the number of VUs (%d)", s.iterations(), s.vus())
		}
	case executorPerVUIterations:
	case executorConstantVUs:
		if s.Duration == nil || *s.Duration <= 0 {
			return errors.New("constant-vus needs a duration of more than 0")
		}
	case executorRampingVUs:
		if len(s.Stages) == 0 {
			return errors.New("ramping-vus needs at least one stage")
		}
		if s.StartVUs != nil && *s.StartVUs < 0 {
			return fmt.Errorf("startVUs must not be negative, got %d", *s.StartVUs)
		}
		for i, st := range s.Stages {
			if st.Target < 0 {
				return fmt.Errorf("stage %d: target must not be negative, got %d", i, st.Target)
			}
		}
	case "":
		return errors.New("executor is missing: use shared-iterations, per-vu-iterations, constant-vus or ramping-vus")
	default:
		return fmt.Errorf("executor %q is not supported: use shared-iterations, per-vu-iterations, constant-vus or ramping-vus", s.Executor)
	}
	if s.maxVUs() == 0 && s.Executor != executorRampingVUs {
		return errors.New("vus must be at least 1")
	}
	return nil
}

// totalDuration is how long the scenario runs at most, without gracefulStop.
func (s *scenarioConfig) totalDuration() time.Duration {
	switch s.Executor {
	case executorConstantVUs:
		return time.Duration(*s.Duration)
	case executorRampingVUs:
		var d time.Duration
		for _, st := range s.Stages {
			d += time.Duration(st.Duration)
		}
		return d
	default:
		return s.maxDuration()
	}
}
