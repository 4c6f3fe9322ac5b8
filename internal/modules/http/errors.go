package http

import (
	"context"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/url"
	"syscall"
)

// k6's error codes (the ones wstest gives).
const (
	codeDefault       = 1000
	codeTimeout       = 1050
	codeInvalidURL    = 1020
	codeDNS           = 1100
	codeDNSNotFound   = 1101
	codeTCP           = 1200
	codeBrokenPipe    = 1201
	codeDialTimeout   = 1211
	codeDialRefused   = 1212
	codeConnReset     = 1220
	codeTLS           = 1300
	codeUnknownCA     = 1310
	codeHostMismatch  = 1311
	codeDecompression = 1701
)

// requestError is a request's failure with k6's short text and code.
type requestError struct {
	short string
	code  int
	err   error // Go's error, for the long text
}

func (e *requestError) Error() string { return e.err.Error() }

func (e *requestError) Unwrap() error { return e.err }

// decompressError is a body that its Content-Encoding cannot decode.
type decompressError struct{ err error }

func (e *decompressError) Error() string {
	msg := "error decompressing response body (" + e.err.Error() + ")"
	return "error decompressing response body (" + msg + ")"
}

// classify maps a transport error to k6's short text and code.
func classify(err error) *requestError {
	re := &requestError{err: err, code: codeDefault}
	inner := err
	var ue *url.Error
	if errors.As(err, &ue) {
		inner = ue.Err
	}
	re.short = inner.Error()
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var dec *decompressError
	switch {
	case errors.As(err, &dec):
		re.short, re.code = dec.Error(), codeDecompression
	case errors.Is(err, context.DeadlineExceeded):
		re.short, re.code = "request timeout", codeTimeout
	case errors.As(err, &unknownCA):
		re.short, re.code = "x509: unknown authority", codeUnknownCA
	case errors.As(err, &hostErr):
		re.short, re.code = "x509: certificate doesn't match hostname", codeHostMismatch
	case errors.As(err, &dnsErr):
		re.short, re.code = "lookup: "+dnsErr.Err, codeDNS
		if dnsErr.IsNotFound {
			re.short, re.code = "lookup: no such host", codeDNSNotFound
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		re.short, re.code = "dial: connection refused", codeDialRefused
	case errors.As(err, &opErr) && opErr.Timeout() && opErr.Op == "dial":
		re.short, re.code = "dial: i/o timeout", codeDialTimeout
	case errors.Is(err, syscall.ECONNRESET):
		re.short, re.code = opName(err)+": connection reset by peer", codeConnReset
	case errors.Is(err, syscall.EPIPE):
		re.short, re.code = opName(err)+": broken pipe", codeBrokenPipe
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		re.short = "EOF"
	}
	return re
}

func opName(err error) string {
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return opErr.Op
	}
	return "read"
}
