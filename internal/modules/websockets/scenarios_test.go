package websockets_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

// scenarioScript logs every event of one socket with the fields the
// scenario table cares about; ACTION runs in onopen.
const scenarioScript = `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(TARGET, PROTOCOLS, PARAMS);
  ws.onopen = (e) => { console.log("open", ws.readyState); ACTION; };
  ws.onmessage = (e) => console.log("message", e.data, ws.readyState);
  ws.onping = (e) => { console.log("ping", ws.readyState); ws.close(); };
  ws.onpong = (e) => { console.log("pong", ws.readyState); ws.close(); };
  ws.onerror = (e) => console.log("error", e.error, e.status, ws.readyState);
  ws.onclose = (e) => console.log("close", e.code, JSON.stringify(e.reason), e.wasClean, ws.readyState);
}`

func scenario(target, protocols, params, action string) string {
	r := func(s, old, new string) string {
		for i := 0; i+len(old) <= len(s); i++ {
			if s[i:i+len(old)] == old {
				return s[:i] + new + s[i+len(old):]
			}
		}
		return s
	}
	if protocols == "" {
		protocols = "null"
	}
	if params == "" {
		params = "null"
	}
	if action == "" {
		action = "0"
	}
	s := r(scenarioScript, "TARGET", target)
	s = r(s, "PROTOCOLS", protocols)
	s = r(s, "PARAMS", params)
	return r(s, "ACTION", action)
}

// TestScenarioTable is spec section 5.3, row by row, with DECISIONS 2
// (code 1006 and wasClean), 10 (open first) and 11 (handshake errors).
func TestScenarioTable(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, target, protocols, params, action string
		want                                    []string
		scriptErr                               string
	}{
		{name: "connection refused", target: `"ws://127.0.0.1:1/"`, want: []string{
			"error dial tcp 127.0.0.1:1: connect: connection refused 0 3", `close 1006 "" false 3`}},
		{name: "userinfo in url", target: `"ws://user:pw@127.0.0.1:1/"`, want: []string{
			"error malformed ws or wss URL 0 3", `close 1006 "" false 3`}},
		{name: "duplicate header", target: `__ENV.URL + "/echo"`, params: `{headers: {upgrade: "x"}}`, want: []string{
			"error websocket: duplicate header not allowed: Upgrade 0 3", `close 1006 "" false 3`}},
		{name: "protocol header conflict", target: `__ENV.URL + "/echo"`, protocols: `"a"`, params: `{headers: {"Sec-WebSocket-Protocol": "b"}}`, want: []string{
			"error websocket: duplicate header not allowed: Sec-Websocket-Protocol 0 3", `close 1006 "" false 3`}},
		{name: "http 404", target: `__ENV.URL + "/nowhere"`, want: []string{
			"error websocket: bad handshake (HTTP 404) 404 3", `close 1006 "" false 3`}},
		{name: "http 503", target: `__ENV.URL + "/status/503"`, want: []string{
			"error websocket: bad handshake (HTTP 503) 503 3", `close 1006 "" false 3`}},
		{name: "client close", target: `__ENV.URL + "/echo"`, action: `ws.close()`, want: []string{
			"open 1", `close 1000 "" true 3`}},
		{name: "client close with reason", target: `__ENV.URL + "/echo"`, action: `ws.close(1000, "a really good reason")`, want: []string{
			"open 1", `close 1000 "" true 3`}},
		{name: "client close 3001", target: `__ENV.URL + "/echo"`, action: `ws.close(3001, "bye")`, want: []string{
			"open 1", "error websocket: close 3001 undefined 3", `close 3001 "" true 3`}},
		{name: "server close 1000", target: `__ENV.URL + "/close/1000"`, want: []string{
			"open 1", `close 1000 "fixture close" true 3`}},
		{name: "server close 1001", target: `__ENV.URL + "/close/1001"`, want: []string{
			"open 1", `close 1001 "fixture close" true 3`}},
		{name: "server close 1011", target: `__ENV.URL + "/close/1011"`, want: []string{
			"open 1", "error websocket: close 1011 (internal server error): fixture close undefined 3", `close 1011 "fixture close" true 3`}},
		{name: "server close 4000", target: `__ENV.URL + "/close/4000"`, want: []string{
			"open 1", "error websocket: close 4000: fixture close undefined 3", `close 4000 "fixture close" true 3`}},
		{name: "server close without status", target: `__ENV.URL + "/close/1005"`, want: []string{
			"open 1", "error websocket: close 1005 (no status) undefined 3", `close 1005 "" true 3`}},
		{name: "tcp drop", target: `__ENV.URL + "/drop"`, want: []string{
			"open 1", "error websocket: close 1006 (abnormal closure): unexpected EOF undefined 3", `close 1006 "unexpected EOF" false 3`}},
		{name: "server ping", target: `__ENV.URL + "/ping?every=20ms"`, want: []string{
			"open 1", "ping 1", `close 1000 "" true 3`}},
		{name: "our ping", target: `__ENV.URL + "/echo"`, action: `ws.ping()`, want: []string{
			"open 1", "pong 1", `close 1000 "" true 3`}},
		{name: "messages then server close", target: `__ENV.URL + "/send?n=3&size=2"`, want: []string{
			"open 1", "message ab 1", "message ab 1", "message ab 1", `close 1000 "" true 3`}},
		{name: "open listener throws", target: `__ENV.URL + "/echo"`, action: `(() => { throw new Error("boom") })()`, want: []string{
			"open 1", "error Error: boom at test.js:5:75(3) undefined 3", `close 1006 "" false 3`}, scriptErr: "Error: boom"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, scenario(tc.target, tc.protocols, tc.params, tc.action))
			if tc.scriptErr == "" {
				g.Expect(errorTexts(res)).To(BeEmpty())
			} else {
				g.Expect(errorTexts(res)).To(ConsistOf(tc.scriptErr))
			}
			g.Expect(infoLogs(res)).To(Equal(tc.want))
		})
	}
}
