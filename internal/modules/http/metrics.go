package http

import (
	"net/url"
	"strconv"
)

// pushMetrics emits one set of samples per round trip, stamped when that
// round trip ended. It runs on the loop.
func (m *Module) pushMetrics(pr *prepared, res *result) {
	v := m.vu
	b := v.Settings.Builtin
	on := v.Settings.SystemTags
	for i, h := range res.hops {
		tags := pr.tags
		with := func(k, val string) {
			if on[k] {
				tags = tags.With(k, val)
			}
		}
		with("method", h.method)
		name, _ := tags.Get("name")
		switch {
		case pr.userName:
			tags = tags.With("url", name)
		case pr.name != "":
			tags = tags.With("name", pr.name).With("url", pr.name)
		default:
			clean := h.url
			if u, err := url.Parse(h.url); err == nil {
				clean = maskURL(u)
			}
			with("url", clean)
			with("name", clean)
		}
		status := h.status
		if h.err != nil {
			status = 0
		}
		with("status", strconv.Itoa(status))
		if h.err == nil {
			with("proto", h.proto)
			if h.tlsVer != "" {
				with("tls_version", h.tlsVer)
			}
			if status >= 400 {
				with("error_code", strconv.Itoa(1000+status))
			}
		} else {
			re := classify(h.err)
			if res.err != nil && i == len(res.hops)-1 {
				re = res.err
			}
			with("error", re.short)
			with("error_code", strconv.Itoa(re.code))
		}
		expected := false
		if pr.callback != nil {
			expected = pr.callback.expected(status)
			// The first hop of a digest handshake, and any 401 of an NTLM
			// one, is part of the protocol (k6's rule).
			if pr.p.auth == "digest" && i == 0 && status == 401 && len(res.hops) > 1 ||
				pr.p.auth == "ntlm" && status == 401 {
				expected = true
			}
			with("expected_response", strconv.FormatBool(expected))
		}
		t := h.end
		v.Push(b.HTTPReqs, t, 1, tags)
		v.Push(b.HTTPReqDuration, t, h.sending+h.waiting+h.receiving, tags)
		v.Push(b.HTTPReqBlocked, t, h.blocked, tags)
		v.Push(b.HTTPReqConnecting, t, h.connecting, tags)
		v.Push(b.HTTPReqTLS, t, h.tlsHandshaking, tags)
		v.Push(b.HTTPReqSending, t, h.sending, tags)
		v.Push(b.HTTPReqWaiting, t, h.waiting, tags)
		v.Push(b.HTTPReqReceiving, t, h.receiving, tags)
		if pr.callback != nil {
			failed := 1.0
			if expected {
				failed = 0
			}
			v.Push(b.HTTPReqFailed, t, failed, tags)
		}
	}
}
