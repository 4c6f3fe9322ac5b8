package http

// API CONTRACT (stub by the lead; the implementer replaces this file).

import (
	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// New returns the exports of the minimal k6/http module for v: cookieJar()
// (the VU's default jar) and the CookieJar constructor.
func New(v *vu.VU) *goja.Object { panic("unimplemented") }
