// Package modules groups the JavaScript modules a script can require; each
// lives in its own subpackage and builds its exports for one VU.
package modules
