// Package http implements the "k6/http" module: real HTTP requests with
// k6's API, its Response object, metrics and quirks, on Go's net/http (one
// transport per VU, so connections are reused across iterations; HTTP/2
// where a TLS server offers it), plus the VU's cookie jar and the
// CookieJar constructor.
//
// Use New to make the module for one VU and Exports for what a script imports.
//
// Use JarOf to turn a CookieJar object a script passes around (for example
// as the jar param of a WebSocket) back into the Go http.CookieJar it wraps.
package http
