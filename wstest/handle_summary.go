package wstest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/summary"
	"github.com/wsk6/wstest/internal/thresholds"
	"github.com/wsk6/wstest/internal/vu"
)

// summaryInput gathers what the end-of-test outputs are built from.
func (r *runner) summaryInput(results []thresholds.Result) summary.Input {
	in := summary.Input{
		Registry:   r.registry,
		Duration:   time.Since(r.exec.start),
		Thresholds: results,
		RootGroup:  r.rootGroup(),
		TrendStats: r.opts.SummaryTrendStats,
		TimeUnit:   r.opts.SummaryTimeUnit,
		NoColor:    true,
	}
	if r.setupJSON != "" {
		var data any
		if json.Unmarshal([]byte(r.setupJSON), &data) == nil {
			in.SetupData = data
		}
	}
	return in
}

// rootGroup builds the group tree with its checks, in first-seen order.
func (r *runner) rootGroup() summary.Group {
	checks, groups := r.rec.checksAndGroups()
	root := &groupNode{g: summary.Group{ID: summary.PathID("")}}
	nodes := map[string]*groupNode{"": root}
	var node func(path string) *groupNode
	node = func(path string) *groupNode {
		if n, ok := nodes[path]; ok {
			return n
		}
		i := strings.LastIndex(path, "::")
		parent := node(path[:i])
		n := &groupNode{g: summary.Group{Name: path[i+2:], Path: path, ID: summary.PathID(path)}}
		parent.children = append(parent.children, n)
		nodes[path] = n
		return n
	}
	for _, g := range groups {
		node(g)
	}
	for _, c := range checks {
		path := c.Group + "::" + c.Name
		n := node(c.Group)
		n.g.Checks = append(n.g.Checks, summary.Check{Name: c.Name, Path: path, ID: summary.PathID(path),
			Passes: int(c.Passes), Fails: int(c.Fails)})
	}
	return root.build()
}

type groupNode struct {
	g        summary.Group
	children []*groupNode
}

func (n *groupNode) build() summary.Group {
	g := n.g
	for _, c := range n.children {
		g.Groups = append(g.Groups, c.build())
	}
	return g
}

// handleSummary fills the result's thresholds and summaries, and runs the
// script's handleSummary(data) if it has one.
func (r *runner) handleSummary(res *Result, results []thresholds.Result) {
	in := r.summaryInput(results)
	res.Thresholds = publicThresholds(results, &in)
	// The texts are made now, so that the Result stays a plain value.
	res.summaries = map[string]string{}
	for _, mode := range []string{"compact", "full"} {
		text, err := summary.Text(in, mode)
		if err != nil {
			text = err.Error()
		}
		res.summaries[mode] = text
	}
	if b, err := summary.ExportJSON(in); err == nil {
		res.export = b
	}
	outputs, err := r.callHandleSummary(in)
	if err != nil {
		r.rec.Log(0, vu.LevelError, "handleSummary: "+err.Error())
		return
	}
	res.SummaryOutputs = outputs
}

func (r *runner) callHandleSummary(in summary.Input) (map[string][]byte, error) {
	ctx, cancel := context.WithTimeout(r.parent, r.timeout(r.opts.HandleSummaryTimeout, 2*time.Minute))
	defer cancel()
	vu0, err := r.newVU(ctx, 0)
	if err != nil {
		return nil, err
	}
	if _, ok := goja.AssertFunction(vu0.exports.Get("handleSummary")); !ok {
		return nil, nil
	}
	vu0.SetIteration(r.stageIteration("handleSummary"), r.baseTags(nil))
	raw, err := json.Marshal(summary.Data(in))
	if err != nil {
		return nil, err
	}
	data, err := vu0.setupData(string(raw))
	if err != nil {
		return nil, err
	}
	ret, err := vu0.callExport(ctx, "handleSummary", data)
	if err != nil {
		return nil, scriptError("handleSummary", 0, 0, err)
	}
	obj, ok := ret.(*goja.Object)
	if !ok || !ret.ToBoolean() {
		return nil, nil
	}
	outputs := map[string][]byte{}
	for _, key := range obj.Keys() {
		content := summaryContent(obj.Get(key))
		outputs[key] = content
		if key == "stdout" || key == "stderr" {
			continue
		}
		if err := writeSummaryFile(key, content); err != nil {
			return outputs, fmt.Errorf("writing %s: %w", key, err)
		}
	}
	return outputs, nil
}

// summaryContent reads a handleSummary value: a string or an ArrayBuffer.
func summaryContent(v goja.Value) []byte {
	if ab, ok := v.Export().(goja.ArrayBuffer); ok {
		return append([]byte(nil), ab.Bytes()...)
	}
	return []byte(v.String())
}

// writeSummaryFile writes one handleSummary output that names a file.
func writeSummaryFile(path string, content []byte) error {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(path, content, 0o644)
}
