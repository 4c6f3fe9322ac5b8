package http

import (
	"context"
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/Azure/go-ntlmssp"
)

// sendNTLM runs NTLM's handshake with the URL's credentials ("user" or
// "DOMAIN\user"): a negotiate message, the server's 401 challenge, then
// the authenticate message on the same connection. Both round trips are
// real requests with their own metrics, as k6 counts them.
func sendNTLM(ctx context.Context, cl *http.Client, req *http.Request, res *result) {
	user := req.URL.User
	u := *req.URL
	u.User = nil
	send := func(auth []byte) (*http.Response, []byte, *requestError) {
		r := req.Clone(ctx)
		r.URL = &u
		if req.GetBody != nil {
			r.Body, _ = req.GetBody()
		}
		r.Header.Set("Authorization", "NTLM "+base64.StdEncoding.EncodeToString(auth))
		return roundTrip(cl, r)
	}
	domain, name := splitDomain(user.Username())
	negotiate, err := ntlmssp.NewNegotiateMessage(domain, "")
	if err != nil {
		res.err = classify(err)
		return
	}
	resp, body, rerr := send(negotiate)
	challenge, ok := ntlmChallenge(resp)
	if rerr != nil || !ok {
		res.resp, res.body, res.err = resp, body, rerr
		return
	}
	pass, _ := user.Password()
	authenticate, err := ntlmssp.ProcessChallenge(challenge, name, pass, domain != "")
	if err != nil {
		res.resp, res.body, res.err = resp, body, classify(err)
		return
	}
	res.resp, res.body, res.err = send(authenticate)
}

// ntlmChallenge reads the server's challenge from a 401 answer.
func ntlmChallenge(resp *http.Response) ([]byte, bool) {
	if resp == nil || resp.StatusCode != http.StatusUnauthorized {
		return nil, false
	}
	for _, h := range resp.Header.Values("WWW-Authenticate") {
		if rest, ok := strings.CutPrefix(h, "NTLM "); ok {
			b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(rest))
			return b, err == nil
		}
	}
	return nil, false
}

// splitDomain splits "DOMAIN\user" (a URL writes the backslash as %5C).
func splitDomain(user string) (domain, name string) {
	if d, n, ok := strings.Cut(user, `\`); ok {
		return d, n
	}
	return "", user
}
