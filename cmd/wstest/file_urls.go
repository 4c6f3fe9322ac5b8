package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/wsk6/wstest/wstest"
)

// stackLocation is a file position in a JavaScript stack frame, as goja
// writes it: "at default (PATH:3:9(12))" or "at PATH:3:9(12)".
var stackLocation = regexp.MustCompile(`(\(|at )([^\s()]+):(\d+):(\d+)`)

// fileURLs names the local files of a stack as k6 does, by absolute
// file:// URL ("at default (file:///home/me/test.js:3:9(12))"). Remote
// modules keep their URL.
func fileURLs(stack string) string {
	return stackLocation.ReplaceAllStringFunc(stack, func(loc string) string {
		m := stackLocation.FindStringSubmatch(loc)
		return m[1] + fileURL(m[2]) + ":" + m[3] + ":" + m[4]
	})
}

// fileURL is a local path as an absolute file:// URL; a URL stays as it is.
func fileURL(path string) string {
	if strings.Contains(path, "://") {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	return "file://" + filepath.ToSlash(abs)
}

// scriptErrorLine is how k6 logs a script error that ended the run: an
// exception as its stack, a syntax error as the load failure of the
// script, naming the file by URL. extra reports whether k6 adds its
// hint="script exception" source=stacktrace fields.
func scriptErrorLine(se *wstest.ScriptError, script string) (msg string, extra bool) {
	switch {
	case se.Stack != "":
		return fileURLs(strings.TrimRight(se.Stack, "\n")) + "\n", true
	case se.Stage == "init" && strings.HasPrefix(se.Message, "SyntaxError: ") && se.Line > 0:
		return "could not initialize '" + script + "': could not load JS test '" + fileURL(script) + "': " +
			fileURL(se.File) + ": Line " + strconv.Itoa(se.Line) + ":" + strconv.Itoa(se.Column) + " " +
			strings.TrimPrefix(se.Message, "SyntaxError: "), false
	}
	return se.Error(), true
}
