// Package http implements the cookie part of the "k6/http" module: the
// VU's default cookie jar and the CookieJar constructor.
//
// Use New to make the module for one VU and Exports for what a script imports.
//
// Use JarOf to turn a CookieJar object a script passes around (for example
// as the jar param of a WebSocket) back into the Go http.CookieJar it wraps.
package http
