package main

import (
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

// TestOutputs covers spec/cli.md section 6: --out json and csv.
func TestOutputs(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	jsonGz := filepath.Join(dir, "m.json.gz")
	csvFile := filepath.Join(dir, "m.csv")
	r := wstestCLI(t, nil, "", "run", "-o", "json="+jsonGz, "--out", "csv="+csvFile, "-i", "2", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("        output: json (" + jsonGz + "), csv (" + csvFile + ")\n"))

	raw := readGzip(t, jsonGz)
	g.Expect(raw).To(MatchRegexp(`(?m)^\{"metric":"checks","type":"Point","data":\{"time":"[^"]+","value":1,"tags":\{"check":"one is one","group":"","scenario":"default"\}\}\}$`))

	csv := readFile(t, csvFile)
	g.Expect(csv).To(HavePrefix("metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata\n"))
	g.Expect(csv).To(MatchRegexp(`(?m)^checks,\d+,1\.000000,one is one,,,,,,,,default,,,,,,,$`))
}

func TestOutputsToStdout(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "-q", "-o", "json", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring(`{"metric":"checks","type":"Point"`))
	g.Expect(r.stdout).To(ContainSubstring("█ TOTAL RESULTS"))

	r = wstestCLI(t, nil, "", "run", "-o", "csv=-", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("output: csv (stdout)"))
	g.Expect(r.stdout).To(ContainSubstring("\nchecks,"))

	r = wstestCLI(t, map[string]string{"K6_OUT": "json=-"}, "", "run", "-i", "1", "testdata/ok.js")
	g.Expect(r.stdout).To(ContainSubstring("output: json(stdout)"))
}

func TestCSVOutputArguments(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "x.csv")
	r := wstestCLI(t, nil, "", "run", "-q", "-o", "csv=fileName="+file+",saveInterval=2s,timeFormat=rfc3339_nano", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, file)).To(MatchRegexp(`(?m)^checks,\d{4}-\d\d-\d\dT[0-9:.]+Z,`))

	file2 := filepath.Join(dir, "y.csv")
	r = wstestCLI(t, map[string]string{"K6_CSV_FILENAME": file2, "K6_CSV_TIME_FORMAT": "unix_milli"}, "", "run", "-q", "-o", "csv", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, file2)).To(MatchRegexp(`(?m)^checks,\d{13},`))

	// The config file's collectors.csv is the lowest layer: K6_CSV_* win
	// over it, the -o argument over both.
	cfg := filepath.Join(dir, "config.json")
	fromConfig, fromEnv := filepath.Join(dir, "config.csv"), filepath.Join(dir, "env.csv")
	writeFile(t, cfg, `{"collectors": {"csv": {"file_name": "`+fromConfig+`", "time_format": "unix_nano", "save_interval": 500}}}`)
	r = wstestCLI(t, nil, "", "run", "-q", "-c", cfg, "-o", "csv", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, fromConfig)).To(MatchRegexp(`(?m)^checks,\d{19},`))
	r = wstestCLI(t, map[string]string{"K6_CSV_FILENAME": fromEnv, "K6_CSV_SAVE_INTERVAL": "3s"}, "", "run", "-q", "-c", cfg, "-o", "csv", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, fromEnv)).To(MatchRegexp(`(?m)^checks,\d{19},`))
	r = wstestCLI(t, map[string]string{"K6_CSV_FILENAME": fromEnv}, "", "run", "-q", "-c", cfg, "-o", "csv=timeFormat=unix", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, fromEnv)).To(MatchRegexp(`(?m)^checks,\d{10},`))

	r = wstestCLI(t, map[string]string{"K6_CSV_SAVE_INTERVAL": "soon"}, "", "run", "-q", "-o", "csv="+file, "testdata/ok.js")
	g.Expect(r.code).To(Equal(255))
	g.Expect(r.stderr).To(ContainSubstring(`invalid csv saveInterval \"soon\"`))
	for _, bad := range []string{"csv=fileName=x.csv,color=red", "csv=fileName=", "csv=saveInterval=0s"} {
		r = wstestCLI(t, nil, "", "run", "-q", "-o", bad, "testdata/ok.js")
		g.Expect(r.code).To(Equal(255), bad)
		g.Expect(strings.Count(r.stderr, "\n")).To(Equal(1))
	}
}

// TestJSONOutputLines: Metric lines, Point lines with metric first, no
// vus/vus_max points in a run under a second (they are sampled once a
// second), and the bare form to stdout.
func TestJSONOutputLines(t *testing.T) {
	g := NewWithT(t)
	file := filepath.Join(t.TempDir(), "m.json")
	r := wstestCLI(t, nil, "", "run", "-q", "-o", "json="+file, "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	out := readFile(t, file)
	g.Expect(out).To(MatchRegexp(`(?m)^\{"type":"Metric","data":\{"name":"checks","type":"rate",.*\},"metric":"checks"\}$`))
	g.Expect(out).To(MatchRegexp(`(?m)^\{"metric":"iterations","type":"Point","data":\{"time":"[^"]+","value":1,"tags":\{"group":"","scenario":"default"\}\}\}$`))
	g.Expect(out).NotTo(ContainSubstring(`"metric":"vus"`))
	g.Expect(out).NotTo(ContainSubstring(`"metric":"vus_max"`))

	r = wstestCLI(t, nil, "", "run", "-o", "json", "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("        output: json(stdout)\n"))
	g.Expect(r.stdout).To(MatchRegexp(`(?m)^\{"metric":"checks","type":"Point"`))
}

// TestCSVOutputColumnsAndRows: the columns follow --system-tags (vu and
// iter never get one: they are metadata), other tags go to extra_tags, a
// .gz name is compressed, WebSocket rows carry url, name, status.
func TestCSVOutputColumnsAndRows(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "m.csv.gz")
	r := wstestCLI(t, nil, "", "run", "-q", "--system-tags=vu,iter,url,scenario", "--tag", "mytag=x", "-o", "csv="+file, "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	raw := readGzip(t, file)
	g.Expect(raw).To(HavePrefix("metric_name,timestamp,metric_value,scenario,url,extra_tags,metadata\n"))
	// --system-tags leaves group out; vu and iter are the sample's
	// metadata, in the last column.
	g.Expect(raw).To(MatchRegexp(`(?m)^iterations,\d+,1\.000000,default,,mytag=x,vu=1&iter=0$`))

	file = filepath.Join(dir, "ws.csv")
	r = wstestCLI(t, nil, "", "run", "-q", "-o", "csv="+file, "testdata/big_message.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, file)).To(MatchRegexp(`(?m)^ws_sessions,\d+,1\.000000,,,,,,,(ws://127\.0\.0\.1:\d+/echo),,default,,101,,,(ws://127\.0\.0\.1:\d+/echo),,$`))
}

// TestCSVOutputDefaultFile: -o csv alone writes file.csv in the working
// directory (a real process, to run it in a directory of its own).
func TestCSVOutputDefaultFile(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	script, err := filepath.Abs("testdata/ok.js")
	g.Expect(err).NotTo(HaveOccurred())
	cmd := exec.Command(binaryPath(), "run", "-o", "csv", "-i", "1", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(string(out)).To(ContainSubstring("        output: csv (file.csv)\n"))
	g.Expect(readFile(t, filepath.Join(dir, "file.csv"))).To(MatchRegexp(`(?m)^checks,\d+,1\.000000,one is one,`))
}

// As k6 creates its outputs only once the script has loaded, a run that
// fails at init leaves an existing output file as it was; a run that
// starts replaces its whole content, compressed or not.
func TestExistingOutputFiles(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	plain, gz := filepath.Join(dir, "m.json"), filepath.Join(dir, "m.json.gz")
	old := strings.Repeat("an earlier run's line\n", 1000)
	for _, f := range []string{plain, gz} {
		writeFile(t, f, old)
	}
	r := wstestCLI(t, nil, "", "run", "-q", "-o", "json="+plain, "-o", "json="+gz, "testdata/init_throw.js")
	g.Expect(r.code).To(Equal(107), r.stderr)
	g.Expect(readFile(t, plain)).To(Equal(old))
	g.Expect(readFile(t, gz)).To(Equal(old))

	r = wstestCLI(t, nil, "", "run", "-q", "-o", "json="+plain, "-o", "json="+gz, "-i", "1", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, plain)).To(HavePrefix(`{"type":"Metric"`))
	g.Expect(readFile(t, plain)).NotTo(ContainSubstring("earlier run"))
	unzipped := readGzip(t, gz)
	g.Expect(unzipped).To(HavePrefix(`{"type":"Metric"`))
}

// readGzip returns a gzip file's uncompressed content, failing the test
// if it cannot.
func readGzip(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
