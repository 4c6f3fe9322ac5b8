package options

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Options are the consolidated k6 options, as far as wstest uses them. A
// nil pointer or slice means that no layer set the option.
type Options struct {
	VUs                   *int64               `json:"vus"`
	Iterations            *int64               `json:"iterations"`
	Duration              *Duration            `json:"duration"`
	Stages                []Stage              `json:"stages"`
	Scenarios             map[string]*Scenario `json:"scenarios"`
	Thresholds            map[string]any       `json:"thresholds"`
	Tags                  map[string]string    `json:"tags"`
	SystemTags            []string             `json:"systemTags"`
	SetupTimeout          *Duration            `json:"setupTimeout"`
	TeardownTimeout       *Duration            `json:"teardownTimeout"`
	HandleSummaryTimeout  *Duration            `json:"handleSummaryTimeout"`
	NoSetup               bool                 `json:"noSetup"`
	NoTeardown            bool                 `json:"noTeardown"`
	SummaryTrendStats     []string             `json:"summaryTrendStats"`
	SummaryTimeUnit       string               `json:"summaryTimeUnit"`
	Throw                 bool                 `json:"throw"`
	MinIterationDuration  *Duration            `json:"minIterationDuration"`
	UserAgent             *string              `json:"userAgent"`
	InsecureSkipTLSVerify bool                 `json:"insecureSkipTLSVerify"`
	NoCookiesReset        bool                 `json:"noCookiesReset"`
	Hosts                 map[string]string    `json:"hosts"`
	MaxRedirects          *int64               `json:"maxRedirects"`
	DiscardResponseBodies bool                 `json:"discardResponseBodies"`
	Batch                 *int64               `json:"batch"`
	BatchPerHost          *int64               `json:"batchPerHost"`
	NoConnectionReuse     bool                 `json:"noConnectionReuse"`
	NoVUConnectionReuse   bool                 `json:"noVUConnectionReuse"`
	// BlacklistIPs are CIDR ranges and BlockHostnames host patterns
	// ("*.test") that no connection may reach.
	BlacklistIPs   []string `json:"blacklistIPs"`
	BlockHostnames []string `json:"blockHostnames"`
	// DNS is how names are resolved (nil: DefaultDNS).
	DNS *DNS `json:"dns"`
	// LocalIPs is the pool of source addresses, as text (ParseIPPool reads
	// it); "" lets the system choose.
	LocalIPs string `json:"localIPs"`
	// RPS limits the k6/http requests of the whole run per second (nil or
	// 0 and below: no limit).
	RPS *int64 `json:"rps"`
	// HTTPDebug logs each HTTP request and response: "full" with bodies,
	// any other non-empty value ("headers") without.
	HTTPDebug string `json:"httpDebug"`
	// Paused starts the run paused, before setup(), until it is resumed
	// or interrupted.
	Paused *bool `json:"paused"`
	// ExecutionSegment and ExecutionSegmentSequence are k6's share of a
	// test split between instances ("1/3:2/3", "0,1/3,2/3,1"); wstest
	// accepts only the whole test (Validate).
	ExecutionSegment         *string `json:"executionSegment"`
	ExecutionSegmentSequence *string `json:"executionSegmentSequence"`
}

// Ignored lists the k6 options that mean nothing without HTTP tuning or
// cloud outputs. They are accepted, without a warning, so that k6 scripts
// load unchanged, and have no effect.
func Ignored() []string {
	return []string{
		"tlsAuth", "tlsCipherSuites", "tlsVersion", "cloud", "ext", "linger", "noUsageReport",
		"noColor", "summaryExport", "consoleOutput", "includeSystemEnvVars",
		"compatibilityMode", "iterationDuration",
	}
}

// Known reports whether key is an option name: one Options reads or one
// of Ignored.
func Known(key string) bool {
	return slices.Contains(jsonFieldNames(reflect.TypeFor[Options]()), key) || slices.Contains(Ignored(), key)
}

// Decode reads the options a layer sets. Each key is decoded on its own so
// that an error names it: `invalid option "duration": time: invalid
// duration "ten seconds"`. Keys that are not known are skipped (ParseLayer
// has already reported them).
func Decode(l Layer) (*Options, error) {
	opts := &Options{}
	for _, key := range l.Keys() {
		if !Known(key) || slices.Contains(Ignored(), key) {
			continue
		}
		if err := decodeField(opts, key, l.values[key]); err != nil {
			return nil, err
		}
	}
	return opts, nil
}

// decodeField decodes one option into opts.
func decodeField(opts *Options, key string, raw json.RawMessage) error {
	wrapped, err := json.Marshal(map[string]json.RawMessage{key: raw})
	if err != nil {
		return fmt.Errorf("invalid option %q: %w", key, err)
	}
	if err := json.NewDecoder(bytes.NewReader(wrapped)).Decode(opts); err != nil {
		return fmt.Errorf("invalid option %q: %s", key, cleanJSONError(err))
	}
	return nil
}

// cleanJSONError drops encoding/json's prefixes so that the cause reads
// like k6's.
func cleanJSONError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "json: ")
	if i := strings.Index(msg, "cannot unmarshal "); i >= 0 {
		msg = msg[i:]
	}
	return msg
}

// jsonFieldNames lists the JSON names of a struct type's fields.
func jsonFieldNames(t reflect.Type) []string {
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("json")
		if name, _, _ := strings.Cut(tag, ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}
