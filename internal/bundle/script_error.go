package bundle

import (
	"fmt"
	"unicode/utf16"

	"github.com/evanw/esbuild/pkg/api"
)

// ScriptError is an error the script is at fault for, with its position:
// a syntax error, or a module.exports that is not an object. Line and
// Column are 1-based, as goja and k6 print them; they are 0 when unknown.
// Load returns it for the main script; for an imported module it arrives
// inside the *goja.Exception that require threw (find it with errors.As).
type ScriptError struct {
	File         string
	Line, Column int
	Message      string
}

// Error returns "<file>:<line>:<col>: <message>", or "<file>: <message>"
// when the position is unknown.
func (e *ScriptError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
}

// syntaxError turns esbuild's first error into a *ScriptError for file.
// esbuild's message text is kept unchanged after a "SyntaxError: " prefix.
func syntaxError(file string, msgs []api.Message) *ScriptError {
	m := msgs[0]
	e := &ScriptError{File: file, Message: "SyntaxError: " + m.Text}
	if loc := m.Location; loc != nil {
		e.Line = loc.Line
		e.Column = jsColumn(loc.LineText, loc.Column) + 1
	}
	return e
}

// jsColumn converts esbuild's 0-based byte column in line into a 0-based
// column in UTF-16 units, the unit JavaScript engines count in.
func jsColumn(line string, byteCol int) int {
	if byteCol > len(line) || byteCol < 0 {
		return byteCol
	}
	n := 0
	for _, r := range line[:byteCol] {
		n += utf16.RuneLen(r)
	}
	return n
}
