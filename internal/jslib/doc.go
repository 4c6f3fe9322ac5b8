// Package jslib serves wstest's own implementations of the k6 jslib modules
// that WebSocket scripts import, so that those imports work offline.
//
// Use Source to get the JavaScript text (an ES module) for an exact jslib URL
// such as https://jslib.k6.io/k6-utils/1.4.0/index.js.
// Use URLs to list every URL served.
//
// The modules are written for wstest from the behaviour of the published
// ones; their random helpers draw from Math.random, so a runtime with a
// seeded random source repeats them, except uuidv4(true), which takes
// cryptographic bytes from k6/crypto as the published module does. Each k6-utils version is assembled
// from parts under k6utils/: core.js, which every version shares, then the
// variants that version has; a version exports its own functions only.
package jslib
