package options

import (
	"fmt"
	"net"
	"strings"

	"github.com/wsk6/wstest/internal/metrics"
)

// ValidationError lists what is wrong with a configuration; its text is
// k6's: a header, then one problem per line.
type ValidationError struct {
	Problems []string
}

// Error returns k6's text for the problems.
func (e *ValidationError) Error() string {
	return "There were problems with the specified script configuration:\n\t- " + strings.Join(e.Problems, "\n\t- ")
}

// Validate checks the options as k6 does before a run: the shortcuts, every
// scenario (its executor and that executor's fields) and summaryTrendStats.
// A non-nil error is a *ValidationError. k6 exits 104 on it.
func (o *Options) Validate() error {
	var problems []string
	if err := metrics.ValidateTrendStats(o.SummaryTrendStats); err != nil {
		problems = append(problems, err.Error())
	}
	for _, cidr := range o.BlacklistIPs {
		if _, _, err := net.ParseCIDR(cidr); err != nil {
			problems = append(problems, fmt.Sprintf("blacklistIPs: %s", err))
		}
	}
	if o.DNS != nil {
		problems = append(problems, o.DNS.problems()...)
	}
	if o.LocalIPs != "" {
		if _, err := ParseIPPool(o.LocalIPs); err != nil {
			problems = append(problems, err.Error())
		}
	}
	problems = append(problems, o.segmentProblems()...)
	scenarios, err := o.DeriveScenarios()
	if err != nil {
		problems = append(problems, err.Error())
	}
	for _, sc := range scenarios {
		for _, p := range sc.problems() {
			problems = append(problems, fmt.Sprintf("scenario %s has configuration errors: %s", sc.Name, p))
		}
	}
	if len(problems) > 0 {
		return &ValidationError{Problems: problems}
	}
	return nil
}

// Validate checks one scenario; a non-nil error is a *ValidationError.
func (s *Scenario) Validate() error {
	var problems []string
	for _, p := range s.problems() {
		problems = append(problems, fmt.Sprintf("scenario %s has configuration errors: %s", s.Name, p))
	}
	if len(problems) > 0 {
		return &ValidationError{Problems: problems}
	}
	return nil
}

// problems lists what is wrong with the scenario, in k6's words where the
// spec records them.
func (s *Scenario) problems() []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	vusPositive := func() {
		if s.VUCount() <= 0 {
			add("the number of VUs must be more than 0")
		}
	}
	switch s.Executor {
	case SharedIterations:
		vusPositive()
		if s.IterationCount() < s.VUCount() {
			add("the number of iterations (%d) can't be less than the number of VUs (%d)", s.IterationCount(), s.VUCount())
		}
	case PerVUIterations:
		vusPositive()
		if s.IterationCount() <= 0 {
			add("the number of iterations must be more than 0")
		}
	case ConstantVUs:
		vusPositive()
		switch {
		case s.Duration == nil:
			add("the duration is unspecified")
		case *s.Duration <= 0:
			add("the duration must be more than 0")
		}
	case RampingVUs:
		if s.StartVUCount() < 0 {
			add("the number of start VUs shouldn't be negative")
		}
		stagesProblems(s.Stages, add)
	case ConstantArrivalRate:
		switch {
		case s.Rate == nil:
			add("the iteration rate isn't specified")
		case *s.Rate <= 0:
			add("the iteration rate must be more than 0")
		}
		if s.TimeUnitDuration() <= 0 {
			add("the timeUnit must be more than 0")
		}
		switch {
		case s.Duration == nil:
			add("the duration is unspecified")
		case *s.Duration <= 0:
			add("the duration must be more than 0")
		}
		poolProblems(s, add)
	case RampingArrivalRate:
		if s.StartRateCount() < 0 {
			add("the startRate value can't be negative")
		}
		if s.TimeUnitDuration() <= 0 {
			add("the timeUnit must be more than 0")
		}
		stagesProblems(s.Stages, add)
		poolProblems(s, add)
	case ExternallyControlled:
		add("executor %q is not supported by wstest: it is driven at run time through k6's REST API (k6 pause, resume, scale), which wstest does not serve; use ramping-vus or ramping-arrival-rate for a load that changes over the run", s.Executor)
	case "":
		add("executor is missing: use %s", supported())
	default:
		add("executor %q is not supported by wstest: use %s", s.Executor, supported())
	}
	return out
}

// stagesProblems checks the stages of a ramping executor.
func stagesProblems(stages []Stage, add func(string, ...any)) {
	if len(stages) == 0 {
		add("at least one stage has to be specified")
	}
	for i, st := range stages {
		if st.Target < 0 {
			add("target for stage %d shouldn't be negative", i+1)
		}
	}
}

// poolProblems checks the VU pool of an arrival-rate executor.
func poolProblems(s *Scenario, add func(string, ...any)) {
	switch {
	case s.PreAllocatedVUs == nil:
		add("the number of preAllocatedVUs isn't specified")
	case *s.PreAllocatedVUs < 0:
		add("the number of preAllocatedVUs shouldn't be negative")
	}
	if s.MaxVUs != nil && *s.MaxVUs < s.PreAllocatedVUCount() {
		add("maxVUs can't be less than preAllocatedVUs")
	}
}

func supported() string {
	return strings.Join([]string{SharedIterations, PerVUIterations, ConstantVUs, RampingVUs,
		ConstantArrivalRate, RampingArrivalRate}, ", ")
}
