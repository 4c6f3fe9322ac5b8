package http

import (
	"context"
	"crypto/md5" //nolint:gosec // digest authentication is MD5
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// sendDigest sends req without credentials, answers a 401 digest
// challenge with the URL's credentials, and keeps the second response.
// Both round trips are real requests with their own metrics.
func sendDigest(ctx context.Context, cl *http.Client, req *http.Request, res *result) {
	user := req.URL.User
	first := req.Clone(ctx)
	u := *req.URL
	u.User = nil
	first.URL = &u
	if req.GetBody != nil {
		first.Body, _ = req.GetBody()
	}
	resp, body, err := roundTrip(cl, first)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		res.resp, res.body, res.err = resp, body, err
		return
	}
	challenge := parseChallenge(resp.Header.Get("WWW-Authenticate"))
	pass, _ := user.Password()
	second := req.Clone(ctx)
	second.URL = &u
	if req.GetBody != nil {
		second.Body, _ = req.GetBody()
	}
	second.Header.Set("Authorization", digestHeader(challenge, user.Username(), pass, req.Method, u.RequestURI()))
	res.resp, res.body, res.err = roundTrip(cl, second)
}

func parseChallenge(h string) map[string]string {
	out := map[string]string{}
	h = strings.TrimSpace(h)
	if len(h) < 7 || !strings.EqualFold(h[:7], "digest ") {
		return out
	}
	for _, part := range splitParams(h[7:]) {
		k, v, ok := strings.Cut(part, "=")
		if ok {
			out[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return out
}

// splitParams splits on commas outside quotes.
func splitParams(s string) []string {
	var out []string
	quoted, start := false, 0
	for i, c := range s {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func md5hex(s string) string {
	h := md5.Sum([]byte(s)) //nolint:gosec // digest authentication is MD5
	return hex.EncodeToString(h[:])
}

func digestHeader(c map[string]string, user, pass, method, uri string) string {
	ha1 := md5hex(user + ":" + c["realm"] + ":" + pass)
	ha2 := md5hex(method + ":" + uri)
	b := make([]byte, 8)
	_, _ = io.ReadFull(rand.Reader, b)
	cnonce := hex.EncodeToString(b)
	nc := "00000001"
	var response string
	qop := ""
	if strings.Contains(c["qop"], "auth") {
		qop = "auth"
		response = md5hex(strings.Join([]string{ha1, c["nonce"], nc, cnonce, qop, ha2}, ":"))
	} else {
		response = md5hex(ha1 + ":" + c["nonce"] + ":" + ha2)
	}
	h := fmt.Sprintf(`Digest username="%s", realm="%s", nonce="%s", uri="%s", response="%s"`, user, c["realm"], c["nonce"], uri, response)
	if qop != "" {
		h += fmt.Sprintf(`, qop=%s, nc=%s, cnonce="%s"`, qop, nc, cnonce)
	}
	if o := c["opaque"]; o != "" {
		h += fmt.Sprintf(`, opaque="%s"`, o)
	}
	if a := c["algorithm"]; a != "" {
		h += ", algorithm=" + a
	}
	return h
}
