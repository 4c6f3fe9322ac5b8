package wstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// scriptOptions is `export const options`, as far as wstest uses it.
type scriptOptions struct {
	VUs                   *int64                     `json:"vus"`
	Iterations            *int64                     `json:"iterations"`
	Duration              *duration                  `json:"duration"`
	Stages                []stage                    `json:"stages"`
	Scenarios             map[string]*scenarioConfig `json:"scenarios"`
	Thresholds            map[string]any             `json:"thresholds"`
	Tags                  map[string]string          `json:"tags"`
	SystemTags            []string                   `json:"systemTags"`
	SetupTimeout          *duration                  `json:"setupTimeout"`
	TeardownTimeout       *duration                  `json:"teardownTimeout"`
	HandleSummaryTimeout  *duration                  `json:"handleSummaryTimeout"`
	NoSetup               bool                       `json:"noSetup"`
	NoTeardown            bool                       `json:"noTeardown"`
	SummaryTrendStats     []string                   `json:"summaryTrendStats"`
	SummaryTimeUnit       string                     `json:"summaryTimeUnit"`
	Throw                 bool                       `json:"throw"`
	MinIterationDuration  *duration                  `json:"minIterationDuration"`
	UserAgent             *string                    `json:"userAgent"`
	InsecureSkipTLSVerify bool                       `json:"insecureSkipTLSVerify"`
	NoCookiesReset        bool                       `json:"noCookiesReset"`
	Hosts                 map[string]string          `json:"hosts"`
}

// ignoredOptions are k6 options that mean nothing without HTTP or cloud
// outputs; they are accepted so that k6 scripts load unchanged.
var ignoredOptions = []string{
	"noConnectionReuse", "noVUConnectionReuse", "discardResponseBodies", "batch", "batchPerHost",
	"httpDebug", "maxRedirects", "rps", "dns", "blacklistIPs", "blockHostnames", "tlsAuth",
	"tlsCipherSuites", "tlsVersion", "paused", "cloud", "ext", "linger", "noUsageReport",
	"noColor", "summaryExport", "localIPs", "consoleOutput", "includeSystemEnvVars",
	"compatibilityMode", "executionSegment", "executionSegmentSequence", "iterationDuration",
}

// parseScriptOptions decodes the options JSON. Unknown keys come back as
// names for a warning, as k6 warns instead of failing.
func parseScriptOptions(raw []byte) (*scriptOptions, []string, error) {
	opts := &scriptOptions{}
	if len(bytes.TrimSpace(raw)) == 0 || string(raw) == "null" {
		return opts, nil, nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return nil, nil, fmt.Errorf("options must be an object: %w", err)
	}
	known := knownOptionKeys()
	var unknown []string
	for k := range keys {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range ignoredOptions {
		delete(keys, k)
	}
	for k, v := range keys {
		if !known[k] {
			delete(keys, k)
			continue
		}
		if err := decodeField(opts, k, v); err != nil {
			return nil, unknown, err
		}
	}
	return opts, unknown, nil
}

func knownOptionKeys() map[string]bool {
	known := map[string]bool{}
	for _, f := range jsonFieldNames(scriptOptions{}) {
		known[f] = true
	}
	for _, k := range ignoredOptions {
		known[k] = true
	}
	return known
}

// decodeField decodes one option so the error names it.
func decodeField(opts *scriptOptions, key string, raw json.RawMessage) error {
	wrapped, _ := json.Marshal(map[string]json.RawMessage{key: raw})
	dec := json.NewDecoder(bytes.NewReader(wrapped))
	if err := dec.Decode(opts); err != nil {
		return fmt.Errorf("invalid option %q: %s", key, cleanJSONError(err))
	}
	return nil
}

func cleanJSONError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "json: ")
	if i := strings.Index(msg, "cannot unmarshal "); i >= 0 {
		msg = msg[i:]
	}
	return msg
}
