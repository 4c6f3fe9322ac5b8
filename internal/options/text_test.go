package options_test

import (
	"strings"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// env is a stand-in for os.LookupEnv.
func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

func TestLayersPrecedence(t *testing.T) {
	cliLayer := func(key, text string) options.Layer {
		l := options.NewLayer(options.SourceCLI)
		v, err := options.ParseText(key, text)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Set(key, v); err != nil {
			t.Fatal(err)
		}
		return l
	}
	tests := []struct {
		name     string
		config   string
		script   string
		env      map[string]string
		cli      *options.Layer
		wantVUs  int64
		wantIter int64
		wantWarn int
	}{
		{"config alone", `{"vus": 4, "iterations": 8}`, ``, nil, nil, 4, 8, 0},
		{"script beats config", `{"vus": 4}`, `{"vus": 3}`, nil, nil, 3, 0, 0},
		{"env beats script", ``, `{"vus": 3}`, map[string]string{"K6_VUS": "5"}, nil, 5, 0, 0},
		{"env beats script and config", `{"vus": 4}`, `{"vus": 3}`, map[string]string{"K6_VUS": "5"}, nil, 5, 0, 0},
		{"cli beats env", ``, `{"vus": 3}`, map[string]string{"K6_VUS": "5"}, ptr(cliLayer("vus", "2")), 2, 0, 0},
		{"env per key, config keys kept", `{"vus": 4, "iterations": 8, "summaryTimeUnit": "ms"}`, ``,
			map[string]string{"K6_VUS": "2", "K6_ITERATIONS": "6"}, nil, 2, 6, 1},
		{"env iterations replace script shortcuts", ``, `{"duration": "10s"}`, map[string]string{"K6_ITERATIONS": "3"}, nil, 0, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config, err := options.ConfigFileLayer([]byte(tt.config))
			if err != nil {
				t.Fatal(err)
			}
			script, _, err := options.ParseLayer(options.SourceScript, []byte(tt.script))
			if err != nil {
				t.Fatal(err)
			}
			envLayer, err := options.EnvLayer(env(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			layers := []options.Layer{envLayer, script, config}
			if tt.cli != nil {
				layers = append(layers, *tt.cli)
			}
			o, warnings, err := options.Consolidate(layers...)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantVUs != 0 && (o.VUs == nil || *o.VUs != tt.wantVUs) {
				t.Errorf("vus = %v, want %d", o.VUs, tt.wantVUs)
			}
			if tt.wantIter != 0 && (o.Iterations == nil || *o.Iterations != tt.wantIter) {
				t.Errorf("iterations = %v, want %d", o.Iterations, tt.wantIter)
			}
			if len(warnings) != tt.wantWarn {
				t.Errorf("warnings = %q", warnings)
			}
		})
	}
}

func TestEnvLayerValues(t *testing.T) {
	l, err := options.EnvLayer(env(map[string]string{
		"K6_STAGES": "1s:2,1s:0", "K6_TAGS": "a:1,b:2", "K6_NO_SETUP": "true",
		"K6_SUMMARY_TREND_STATS": "avg,p(99)", "K6_USER_AGENT": "me/1", "K6_DURATION": "3s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	o, err := options.Decode(l)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Stages) != 2 || o.Stages[0].Target != 2 || time.Duration(o.Stages[0].Duration) != time.Second {
		t.Errorf("stages = %+v", o.Stages)
	}
	if o.Tags["a"] != "1" || o.Tags["b"] != "2" || !o.NoSetup || *o.UserAgent != "me/1" ||
		len(o.SummaryTrendStats) != 2 || time.Duration(*o.Duration) != 3*time.Second {
		t.Errorf("options = %+v", o)
	}
}

func TestEnvLayerErrors(t *testing.T) {
	for name, vars := range map[string]map[string]string{
		"vus":       {"K6_VUS": "many"},
		"tags":      {"K6_TAGS": "a=1"},
		"stage":     {"K6_STAGES": "1s"},
		"duration":  {"K6_DURATION": "soon"},
		"bool":      {"K6_NO_SETUP": "maybe"},
		"stage dur": {"K6_STAGES": "x:1"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := options.EnvLayer(env(vars)); err == nil {
				t.Errorf("%v: no error", vars)
			}
		})
	}
}

func TestParseTextStageWithoutTarget(t *testing.T) {
	_, err := options.ParseText("stages", "1s")
	if err == nil || err.Error() != "stage 1 doesn't have a target" {
		t.Errorf("err = %v", err)
	}
}

func TestConfigFileLayerDropsRuntimeSettings(t *testing.T) {
	l, err := options.ConfigFileLayer([]byte(`{"vus": 2, "summaryExport": "x.json", "out": ["json=x"], "collectors": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Keys(); len(got) != 1 || got[0] != "vus" {
		t.Errorf("keys = %v", got)
	}
}

func ptr[T any](v T) *T { return &v }

// The network options from their K6_* variables.
func TestEnvLayerNetworkOptions(t *testing.T) {
	l, err := options.EnvLayer(env(map[string]string{
		"K6_DNS": "ttl=inf,policy=onlyIPv4", "K6_LOCAL_IPS": "127.0.0.2-127.0.0.3", "K6_RPS": "25",
		"K6_HTTP_DEBUG": "full", "K6_HOSTS": "api.test=127.0.0.1, ws.test=127.0.0.1:8080",
	}))
	if err != nil {
		t.Fatal(err)
	}
	o, err := options.Decode(l)
	if err != nil {
		t.Fatal(err)
	}
	if o.DNS == nil || o.DNS.String() != "ttl=inf,select=random,policy=onlyIPv4" {
		t.Errorf("dns = %+v", o.DNS)
	}
	if o.LocalIPs != "127.0.0.2-127.0.0.3" || o.RPS == nil || *o.RPS != 25 || o.HTTPDebug != "full" {
		t.Errorf("localIPs %q, rps %v, httpDebug %q", o.LocalIPs, o.RPS, o.HTTPDebug)
	}
	if len(o.Hosts) != 2 || o.Hosts["api.test"] != "127.0.0.1" || o.Hosts["ws.test"] != "127.0.0.1:8080" {
		t.Errorf("hosts = %v", o.Hosts)
	}
}

func TestEnvLayerNetworkErrors(t *testing.T) {
	tests := []struct{ name, env, value, want string }{
		{"dns", "K6_DNS", "select=last", `envconfig.Process: assigning K6_DNS to dns: dns: invalid select "last": use one of first, random, roundRobin`},
		{"localIPs", "K6_LOCAL_IPS", "nowhere", `assigning K6_LOCAL_IPS to localIPs: localIPs: "nowhere" is not an address`},
		{"rps", "K6_RPS", "fast", `assigning K6_RPS to rps`},
		{"hosts", "K6_HOSTS", "api.test:127.0.0.1", `invalid hosts item "api.test:127.0.0.1": write name=address or name=address:port`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := options.EnvLayer(env(map[string]string{tt.env: tt.value}))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
