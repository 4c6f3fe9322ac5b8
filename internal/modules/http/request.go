package http

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/vu"
)

// parseError is a request that was not sent: bad URL or params.
type parseError struct {
	err  error
	code int
}

func (e *parseError) Error() string { return e.err.Error() }

// prepared is a request ready to send, built on the loop; sending it
// touches no goja value.
type prepared struct {
	req      *http.Request
	p        *params
	body     []byte
	hasBody  bool
	name     string          // the http.url template's name, "" for none
	tags     *metrics.TagSet // the VU's tags and the params tags
	userName bool            // params tags set name
	callback *statuses       // nil: no callback
	limit    int             // redirects to follow
	limitSet bool
}

// prepare validates a request's arguments; nothing is sent yet.
func (m *Module) prepare(method string, urlv, bodyv, paramsv goja.Value) (*prepared, error) {
	u, name, err := m.urlArg(urlv)
	if err != nil {
		return nil, &parseError{err: err, code: codeInvalidURL}
	}
	p, err := m.parseParams(paramsv)
	if err != nil {
		return nil, &parseError{err: err}
	}
	data, ctype, has, err := m.body(bodyv)
	if err != nil {
		return nil, &parseError{err: err}
	}
	if p.jar == nil {
		p.jar = m.vu.CookieJar()
	}
	pr := &prepared{p: p, body: data, hasBody: has, name: name, callback: m.callback}
	if p.callbackSet {
		pr.callback = p.callback
	}
	pr.limit = 10
	if mr := m.vu.Settings.HTTP.MaxRedirects; mr != nil {
		pr.limit, pr.limitSet = int(*mr), true
	}
	if p.redirects != nil {
		pr.limit, pr.limitSet = *p.redirects, true
	}
	req, err := http.NewRequest(method, u.String(), nil) //nolint:noctx // the context is set when sent
	if err != nil {
		return nil, &parseError{err: err}
	}
	req.URL = u
	for k, v := range p.header {
		req.Header[k] = v
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header["User-Agent"] = []string{m.vu.Settings.UserAgent}
	}
	if ctype != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", ctype)
	}
	if p.host != "" {
		req.Host = p.host
	}
	if err := m.encodeBody(pr, req); err != nil {
		return nil, &parseError{err: err}
	}
	pr.req = req
	tags := m.vu.Tags()
	for _, t := range p.tags {
		tags = tags.With(t[0], t[1])
		if t[0] == "name" {
			pr.userName = true
		}
	}
	pr.tags = tags
	return pr, nil
}

// encodeBody compresses the body as params.compression asks, fixes the
// Content-Length and cookie headers.
func (m *Module) encodeBody(pr *prepared, req *http.Request) error {
	p := pr.p
	data := pr.body
	if len(p.compression) > 0 && pr.hasBody {
		var err error
		if data, err = compress(data, p.compression); err != nil {
			return err
		}
		enc := strings.Join(p.compression, ", ")
		if have := req.Header.Get("Content-Encoding"); have != "" && have != enc {
			m.vu.Logf(vu.LevelWarn, "There's a mismatch between the desired `compression` the manually set `Content-Encoding` header in the %s request for '%s', the custom header has precedence and won't be overwritten. This may result in invalid data being sent to the server.", req.Method, req.URL)
		} else {
			req.Header.Set("Content-Encoding", enc)
		}
	}
	if cl := req.Header.Get("Content-Length"); cl != "" {
		if n, err := strconv.Atoi(cl); err != nil || n != len(data) {
			m.vu.Logf(vu.LevelWarn, "The specified Content-Length header %q in the %s request for %s doesn't match the actual request body length of %d, so it will be ignored!", cl, req.Method, req.URL, len(data))
		}
		req.Header.Del("Content-Length")
	}
	if pr.hasBody {
		body := data
		req.ContentLength = int64(len(body))
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	var cookies []string
	if c := req.Header.Get("Cookie"); c != "" {
		cookies = append(cookies, c)
	}
	for _, c := range p.cookies {
		cookies = append(cookies, (&http.Cookie{Name: c.name, Value: c.value}).String())
	}
	if len(cookies) > 0 {
		req.Header.Set("Cookie", strings.Join(cookies, "; "))
	}
	return nil
}

// result is what sending a request gave, before it becomes a Response.
type result struct {
	resp     *http.Response
	body     []byte
	hops     []*hop
	err      *requestError
	stopped  int // redirects followed when the limit stopped them (warning)
	firstURL string
}

// filterJar hides the jar's cookies that a params cookie replaces.
type filterJar struct {
	http.CookieJar
	skip map[string]bool
}

// Cookies implements http.CookieJar.
func (j filterJar) Cookies(u *url.URL) []*http.Cookie {
	all := j.CookieJar.Cookies(u)
	out := all[:0:0]
	for _, c := range all {
		if !j.skip[c.Name] {
			out = append(out, c)
		}
	}
	return out
}

// send runs the request: on any goroutine, it touches no goja value.
func (m *Module) send(ctx context.Context, c *client, pr *prepared) *result {
	p := pr.p
	res := &result{firstURL: pr.req.URL.String()}
	if l := m.vu.Settings.HTTP.Limiter; l != nil {
		// The rps option, as k6 waits: once the request is ready, before
		// the request timeout starts.
		if err := l.Wait(ctx); err != nil {
			res.err = classify(err)
			return res
		}
	}
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	tr := &roundTripper{base: c.transport}
	var rt http.RoundTripper = tr
	if d := m.vu.Settings.HTTP.Debug; d != "" {
		// Outside the timed round trip, so the dumps cost no timing.
		rt = debugTransport{base: tr, v: m.vu, full: d == "full"}
	}
	jar := p.jar
	skip := map[string]bool{}
	for _, pc := range p.cookies {
		if pc.replace {
			skip[pc.name] = true
		}
	}
	cl := &http.Client{Transport: rt, Jar: filterJar{CookieJar: jar, skip: skip},
		CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if len(via) > pr.limit {
				if !pr.limitSet {
					res.stopped = len(via)
				}
				return http.ErrUseLastResponse
			}
			return nil
		}}
	req := pr.req.Clone(ctx)
	if pr.hasBody {
		req.Body, _ = pr.req.GetBody()
	}
	switch {
	case p.auth == "digest" && req.URL.User != nil:
		sendDigest(ctx, cl, req, res)
	case p.auth == "ntlm" && req.URL.User != nil:
		sendNTLM(ctx, cl, req, res)
	default:
		res.resp, res.body, res.err = roundTrip(cl, req)
	}
	res.hops = tr.hops
	return res
}

// roundTrip sends req with cl and reads the whole decoded body.
func roundTrip(cl *http.Client, req *http.Request) (*http.Response, []byte, *requestError) {
	resp, err := cl.Do(req)
	if err != nil {
		return nil, nil, classify(err)
	}
	raw, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, nil, classify(&url.Error{Op: req.Method, URL: req.URL.String(), Err: err})
	}
	body, err := decompress(raw, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, nil, classify(&decompressError{err: err})
	}
	return resp, body, nil
}

// failure logs or throws a request's error: the warning unless throw is
// on, then the error to throw (nil: none).
func (m *Module) failure(pr *prepared, res *result) error {
	if res.stopped > 0 {
		m.vu.Logf(vu.LevelWarn, "Stopped after %d redirects and returned the redirection; pass { redirects: n } in request params or set global maxRedirects to silence this url=%q", res.stopped, res.firstURL)
	}
	if res.err == nil {
		if res.resp.StatusCode == http.StatusSwitchingProtocols {
			return fmt.Errorf("unsupported response status: %s", res.resp.Status)
		}
		return nil
	}
	throw := m.vu.Settings.Throw
	if pr.p.throw != nil {
		throw = *pr.p.throw
	}
	if throw {
		return res.err.err
	}
	m.vu.Logf(vu.LevelWarn, "Request Failed error=%q", res.err.Error())
	return nil
}

// parseFailure handles a request that was not sent: the warning and a
// placeholder Response, or the error to throw under the global throw.
func (m *Module) parseFailure(err error) (goja.Value, error) {
	if m.vu.Settings.Throw {
		return nil, err
	}
	m.vu.Logf(vu.LevelWarn, "Request Failed error=%q", err.Error())
	code := 0
	var pe *parseError
	if errors.As(err, &pe) {
		code = pe.code
	}
	return m.placeholder(err.Error(), code), nil
}

// request is a synchronous request: it blocks the VU (and its loop) until
// the response is read, as k6 does.
func (m *Module) request(method string, urlv, bodyv, paramsv goja.Value) goja.Value {
	if m.vu.InInit() {
		m.throw("Making http requests in the init context is not supported")
	}
	pr, err := m.prepare(method, urlv, bodyv, paramsv)
	if err != nil {
		v, err := m.parseFailure(err)
		if err != nil {
			panic(m.rt.NewGoError(err))
		}
		return v
	}
	res := m.send(m.vu.Context(), m.transport(), pr)
	v, err := m.complete(pr, res)
	if err != nil {
		panic(m.rt.NewGoError(err))
	}
	return v
}

// complete turns a sent request into its Response on the loop: metrics,
// warnings, and the error to throw (if any).
func (m *Module) complete(pr *prepared, res *result) (goja.Value, error) {
	m.pushMetrics(pr, res)
	if err := m.failure(pr, res); err != nil {
		return nil, err
	}
	return m.response(pr, res), nil
}
