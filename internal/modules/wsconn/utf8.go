package wsconn

import (
	"strings"
	"unicode/utf8"
)

// ValidUTF8 returns s with every byte that is not part of valid UTF-8
// replaced by U+FFFD, so that a text frame or a close reason is valid on
// the wire (DECISIONS 15). goja already turns unpaired surrogates into
// U+FFFD when it makes a Go string; raw bytes (from open() or -e) stay as
// they are until here. s itself is returned when it is valid.
func ValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s { // an invalid byte ranges as one utf8.RuneError
		b.WriteRune(r)
	}
	return b.String()
}
