// Package modules is the import table of the JavaScript modules a script
// can use, one subpackage per module.
//
// Every module has the same shape: New(v *vu.VU) makes the module's state
// for one VU, and its Exports(specifier) method returns what `import` gives
// the script for that specifier. The table builds a module at the VU's
// first import of any of its names, so names that reach one module (such as
// k6/websockets and k6/experimental/websockets) share its state.
//
// Use Natives for the table of one VU and InstallGlobals for the globals
// every script sees.
package modules
