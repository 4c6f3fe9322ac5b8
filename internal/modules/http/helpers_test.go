package http_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

// testServer is a loopback server with the routes the tests call.
func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Method", r.Method)
		w.Header().Set("X-Content-Type", r.Header.Get("Content-Type"))
		w.Header().Set("X-Cookie", r.Header.Get("Cookie"))
		w.Header().Set("X-UA", r.Header.Get("User-Agent"))
		w.Header().Set("X-Length", fmt.Sprint(r.ContentLength))
		_, _ = w.Write(b)
	})
	mux.HandleFunc("/json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"a":1,"b":{"c":[0,1,{"d":"x"}]},"arr":[{"n":1},{"n":2},{"n":3}]}`)
	})
	mux.HandleFunc("/status/", func(w http.ResponseWriter, r *http.Request) {
		var code int
		_, _ = fmt.Sscanf(r.URL.Path, "/status/%d", &code)
		w.WriteHeader(code)
	})
	mux.HandleFunc("/multi", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Add("X-Multi", "a")
		w.Header().Add("X-Multi", "b")
		w.Header().Add("x-lower", "v")
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "abc", Path: "/"})
		_, _ = io.WriteString(w, "ok")
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		_, _ = fmt.Sscanf(r.URL.Path, "/redirect/%d", &n)
		if n <= 0 {
			_, _ = io.WriteString(w, "done")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"token":"tok-%s"}`, r.Form.Get("user"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// run runs src on one VU with __ENV.URL = the server's URL.
func run(t *testing.T, url, src string, opts ...modulestest.Option) (*modulestest.VU, error) {
	t.Helper()
	v := modulestest.New(t, append([]modulestest.Option{modulestest.WithEnv("URL", url)}, opts...)...)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return v, v.Run(ctx, src)
}

// modulestestEnv sets __ENV[key] = value.
func modulestestEnv(key, value string) modulestest.Option { return modulestest.WithEnv(key, value) }
