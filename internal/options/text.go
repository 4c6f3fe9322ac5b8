package options

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// textOption is an option that a K6_* environment variable or a
// command-line flag sets from text.
type textOption struct {
	key   string
	env   string
	parse func(string) (any, error)
}

// textOptions lists the options settable from text, with the K6_*
// variable k6 reads for each.
func textOptions() []textOption {
	return []textOption{
		{"vus", "K6_VUS", parseInt},
		{"iterations", "K6_ITERATIONS", parseInt},
		{"duration", "K6_DURATION", parseDurationText},
		{"stages", "K6_STAGES", parseStages},
		{"tags", "K6_TAGS", parseEnvTags},
		{"userAgent", "K6_USER_AGENT", parseString},
		{"insecureSkipTLSVerify", "K6_INSECURE_SKIP_TLS_VERIFY", parseBool},
		{"throw", "K6_THROW", parseBool},
		{"noSetup", "K6_NO_SETUP", parseBool},
		{"noTeardown", "K6_NO_TEARDOWN", parseBool},
		{"summaryTrendStats", "K6_SUMMARY_TREND_STATS", parseList},
		{"summaryTimeUnit", "K6_SUMMARY_TIME_UNIT", parseString},
		{"systemTags", "K6_SYSTEM_TAGS", parseList},
		{"setupTimeout", "K6_SETUP_TIMEOUT", parseDurationText},
		{"teardownTimeout", "K6_TEARDOWN_TIMEOUT", parseDurationText},
		{"minIterationDuration", "K6_MIN_ITERATION_DURATION", parseDurationText},
		{"maxRedirects", "K6_MAX_REDIRECTS", parseInt},
		{"batch", "K6_BATCH", parseInt},
		{"batchPerHost", "K6_BATCH_PER_HOST", parseInt},
		{"noConnectionReuse", "K6_NO_CONNECTION_REUSE", parseBool},
		{"noVUConnectionReuse", "K6_NO_VU_CONNECTION_REUSE", parseBool},
		{"discardResponseBodies", "K6_DISCARD_RESPONSE_BODIES", parseBool},
		{"blacklistIPs", "K6_BLACKLIST_IPS", parseList},
		{"blockHostnames", "K6_BLOCK_HOSTNAMES", parseList},
		{"hosts", "K6_HOSTS", parseHosts},
		{"dns", "K6_DNS", parseDNSText},
		{"localIPs", "K6_LOCAL_IPS", parseIPPoolText},
		{"rps", "K6_RPS", parseInt},
		{"httpDebug", "K6_HTTP_DEBUG", parseString},
		{"paused", "K6_PAUSED", parseBool},
		{"executionSegment", "K6_EXECUTION_SEGMENT", parseSegmentText},
		{"executionSegmentSequence", "K6_EXECUTION_SEGMENT_SEQUENCE", parseSequenceText},
	}
}

// ParseText reads an option from the text a flag or a K6_* variable gives
// it: a number for vus, "1s:2,1s:0" for stages, "a:1,b:2" for tags, a
// comma list for summaryTrendStats and systemTags, true/false for booleans,
// "ttl=5m,select=random,policy=preferIPv4" for dns, "name=address,..." for
// hosts.
func ParseText(key, text string) (any, error) {
	for _, o := range textOptions() {
		if o.key == key {
			return o.parse(text)
		}
	}
	return nil, fmt.Errorf("option %q cannot be set from text", key)
}

// EnvLayer reads the K6_* variables that set options, as k6 does; lookup
// is os.LookupEnv or a stand-in. A value that does not parse is an error
// naming the variable (k6 exits 104 on it).
func EnvLayer(lookup func(string) (string, bool)) (Layer, error) {
	l := NewLayer(SourceEnv)
	if lookup == nil {
		lookup = os.LookupEnv
	}
	for _, o := range textOptions() {
		text, ok := lookup(o.env)
		if !ok {
			continue
		}
		v, err := o.parse(text)
		if err != nil {
			return l, fmt.Errorf("envconfig.Process: assigning %s to %s: %w", o.env, o.key, err)
		}
		if err := l.Set(o.key, v); err != nil {
			return l, err
		}
	}
	return l, nil
}

// ConfigFileLayer reads a --config file: the options of `export const
// options`, plus keys that are not script options (out, collectors,
// linger, ...) which it leaves out without a warning, as k6 does.
func ConfigFileLayer(raw []byte) (Layer, error) {
	l, _, err := ParseLayer(SourceConfigFile, raw)
	if err != nil {
		return l, err
	}
	for _, k := range configIgnored() {
		delete(l.values, k)
	}
	return l, nil
}

// configIgnored are the settings k6 does not take from a config file
// (they belong to the command line or the environment only).
func configIgnored() []string {
	return []string{"summaryExport", "summaryMode", "noThresholds", "consoleOutput", "includeSystemEnvVars"}
}

func parseInt(s string) (any, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return nil, err
	}
	return n, nil
}

func parseBool(s string) (any, error) { return strconv.ParseBool(strings.TrimSpace(s)) }

func parseString(s string) (any, error) { return s, nil }

func parseDurationText(s string) (any, error) {
	d, err := ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return nil, err
	}
	return Duration(d), nil
}

func parseList(s string) (any, error) {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}

// parseStages reads "1s:2,1s:0" (DURATION:TARGET, comma separated). A
// stage without a target is refused with k6's text.
func parseStages(s string) (any, error) {
	var stages []Stage
	for i, part := range strings.Split(s, ",") {
		dur, target, ok := strings.Cut(strings.TrimSpace(part), ":")
		if !ok || target == "" {
			return nil, fmt.Errorf("stage %d doesn't have a target", i+1)
		}
		d, err := ParseFlagDuration(dur)
		if err != nil {
			return nil, err
		}
		n, err := strconv.ParseInt(target, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("stage %d: invalid target %q", i+1, target)
		}
		stages = append(stages, Stage{Duration: Duration(d), Target: n})
	}
	return stages, nil
}

// parseEnvTags reads K6_TAGS: "name:value,name2:value2".
func parseEnvTags(s string) (any, error) {
	tags := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			return nil, fmt.Errorf("invalid map item: %q", part)
		}
		tags[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return tags, nil
}

func parseDNSText(s string) (any, error) { return ParseDNS(s) }

// parseIPPoolText checks a localIPs list and keeps its text.
func parseIPPoolText(s string) (any, error) {
	if _, err := ParseIPPool(s); err != nil {
		return nil, err
	}
	return strings.TrimSpace(s), nil
}

// parseHosts reads K6_HOSTS: "name=address,name2=address:port", the
// hosts option's pairs (k6 documents no text form for it; this one is
// wstest's).
func parseHosts(s string) (any, error) {
	hosts := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		name, addr, ok := strings.Cut(part, "=")
		name, addr = strings.TrimSpace(name), strings.TrimSpace(addr)
		if !ok || name == "" || addr == "" {
			return nil, fmt.Errorf("invalid hosts item %q: write name=address or name=address:port, comma separated", part)
		}
		hosts[name] = addr
	}
	return hosts, nil
}
