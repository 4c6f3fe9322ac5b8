package fullrun_test

import (
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// ntlmServer answers NTLM's three steps: no credentials and a negotiate
// message get a 401 (the second with a challenge); an authenticate
// message for the expected user gets 200. It records the user and whether
// the handshake stayed on one connection, as NTLM needs.
type ntlmServer struct {
	mu      sync.Mutex
	users   []string
	remotes []string
}

func (s *ntlmServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	msg, ok := strings.CutPrefix(r.Header.Get("Authorization"), "NTLM ")
	raw, err := base64.StdEncoding.DecodeString(msg)
	if !ok || err != nil || len(raw) < 12 || string(raw[:8]) != "NTLMSSP\x00" {
		w.Header().Set("WWW-Authenticate", "NTLM")
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	s.remotes = append(s.remotes, r.RemoteAddr)
	s.mu.Unlock()
	switch binary.LittleEndian.Uint32(raw[8:12]) {
	case 1: // negotiate: send the challenge
		w.Header().Set("WWW-Authenticate", "NTLM "+base64.StdEncoding.EncodeToString(challengeMessage()))
		w.WriteHeader(http.StatusUnauthorized)
	case 3: // authenticate: read the user name (UTF-16LE)
		n, off := binary.LittleEndian.Uint16(raw[36:]), binary.LittleEndian.Uint32(raw[40:])
		u16 := make([]uint16, n/2)
		for i := range u16 {
			u16[i] = binary.LittleEndian.Uint16(raw[int(off)+2*i:])
		}
		s.mu.Lock()
		s.users = append(s.users, string(utf16.Decode(u16)))
		s.mu.Unlock()
		_, _ = w.Write([]byte("welcome"))
	default:
		w.WriteHeader(http.StatusBadRequest)
	}
}

// challengeMessage is a minimal NTLM challenge: Unicode, NTLM, extended
// session security, an empty target info.
func challengeMessage() []byte {
	b := make([]byte, 52)
	copy(b, "NTLMSSP\x00")
	binary.LittleEndian.PutUint32(b[8:], 2)
	binary.LittleEndian.PutUint32(b[20:], 0x1|0x200|0x80000|0x800000)
	copy(b[24:32], "8bytes!!")
	binary.LittleEndian.PutUint16(b[40:], 4) // target info: len, max len, offset
	binary.LittleEndian.PutUint16(b[42:], 4)
	binary.LittleEndian.PutUint32(b[44:], 48)
	return b // b[48:52] is MsvAvEOL
}

func TestNTLMAuthentication(t *testing.T) {
	g := NewWithT(t)
	s := &ntlmServer{}
	srv := httptest.NewServer(s)
	defer srv.Close()
	res := scripttest.Run(t, `
import http from "k6/http";
export default function () {
  const url = __ENV.BASE.replace("http://", "http://CORP%5Cann:s3cret@");
  const res = http.get(url + "/secret", { auth: "ntlm" });
  console.log(res.status, res.body);
}`, wstest.WithEnv("BASE", srv.URL))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged("200 welcome"))
	s.mu.Lock()
	defer s.mu.Unlock()
	g.Expect(s.users).To(Equal([]string{"ann"}))
	g.Expect(s.remotes).To(HaveLen(2))
	g.Expect(s.remotes[0]).To(Equal(s.remotes[1]), "the handshake stays on one connection")
	// Both round trips are requests of their own; the 401 of the handshake
	// counts as expected.
	g.Expect(res).To(HaveMetric("http_reqs", 2))
	g.Expect(res).To(HaveSample("http_reqs", map[string]string{"status": "401", "expected_response": "true"}, 1))
	g.Expect(res).To(HaveMetricStat("http_req_failed", "passes", 0))
}
