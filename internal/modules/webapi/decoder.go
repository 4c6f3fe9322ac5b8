package webapi

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// The encodings a TextDecoder decodes, by their canonical names.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
)

// errInvalidSequence is the fatal decoding error (thrown as a TypeError).
var errInvalidSequence = errors.New("decoding text: invalid byte sequence")

// decoder is the state of one TextDecoder: the WHATWG decoders for UTF-8
// and UTF-16, with streaming, the BOM rule and fatal mode.
type decoder struct {
	enc       string
	fatal     bool
	ignoreBOM bool
	// pending holds the bytes of an incomplete sequence kept by a
	// streaming call for the next one.
	pending []byte
	// started is true once the stream produced its first code point (the
	// only one that may be a BOM to strip).
	started bool
}

// decode decodes pending bytes plus in. With stream, an incomplete
// sequence at the end is kept for the next call; without it, the call
// flushes and the decoder starts a new stream afterwards.
func (d *decoder) decode(in []byte, stream bool) (string, error) {
	buf := in
	if len(d.pending) > 0 {
		buf = append(d.pending, in...)
		d.pending = nil
	}
	var (
		s    string
		rest []byte
		err  error
	)
	if d.enc == encUTF8 {
		s, rest, err = d.utf8(buf, stream)
	} else {
		s, rest, err = d.utf16(buf, stream, d.enc == encUTF16BE)
	}
	if err != nil || !stream {
		d.pending, d.started = nil, false
		return s, err
	}
	d.pending = append([]byte(nil), rest...)
	return s, nil
}

// out collects decoded text and strips a leading BOM once per stream.
type out struct {
	d *decoder
	b strings.Builder
}

func (o *out) rune(r rune) {
	if !o.d.started {
		o.d.started = true
		if r == 0xFEFF && !o.d.ignoreBOM {
			return
		}
	}
	o.b.WriteRune(r)
}

// invalid records an invalid sequence: U+FFFD, or an error when fatal.
func (o *out) invalid() error {
	if o.d.fatal {
		return errInvalidSequence
	}
	o.rune(utf8.RuneError)
	return nil
}

// utf8 decodes buf as UTF-8: each maximal invalid subpart becomes one
// U+FFFD (WHATWG), and a truncated sequence at the end is returned as rest
// when streaming or becomes one U+FFFD when not.
func (d *decoder) utf8(buf []byte, stream bool) (string, []byte, error) {
	if utf8.Valid(buf) {
		if len(buf) == 0 {
			return "", nil, nil
		}
		s := string(buf)
		if !d.started {
			d.started = true
			if !d.ignoreBOM {
				s = strings.TrimPrefix(s, "\uFEFF")
			}
		}
		return s, nil, nil
	}
	o := &out{d: d}
	o.b.Grow(len(buf))
	for i := 0; i < len(buf); {
		c := buf[i]
		if c < utf8.RuneSelf {
			o.rune(rune(c))
			i++
			continue
		}
		need, lower, upper, cp := utf8Lead(c)
		if need == 0 {
			if err := o.invalid(); err != nil {
				return "", nil, err
			}
			i++
			continue
		}
		j := i + 1
		for ; need > 0 && j < len(buf); need-- {
			b := buf[j]
			if b < lower || b > upper {
				break
			}
			lower, upper = 0x80, 0xBF
			cp = cp<<6 | rune(b&0x3F)
			j++
		}
		switch {
		case need == 0:
			o.rune(cp)
		case j == len(buf) && stream:
			return o.b.String(), buf[i:], nil
		default:
			if err := o.invalid(); err != nil {
				return "", nil, err
			}
		}
		i = j
	}
	return o.b.String(), nil, nil
}

// utf8Lead returns how many continuation bytes lead byte c needs, the
// bounds of the first one and c's bits; need is 0 for an invalid lead.
func utf8Lead(c byte) (need int, lower, upper byte, cp rune) {
	lower, upper = 0x80, 0xBF
	switch {
	case c >= 0xC2 && c <= 0xDF:
		return 1, lower, upper, rune(c & 0x1F)
	case c >= 0xE0 && c <= 0xEF:
		if c == 0xE0 {
			lower = 0xA0
		}
		if c == 0xED {
			upper = 0x9F
		}
		return 2, lower, upper, rune(c & 0x0F)
	case c >= 0xF0 && c <= 0xF4:
		if c == 0xF0 {
			lower = 0x90
		}
		if c == 0xF4 {
			upper = 0x8F
		}
		return 3, lower, upper, rune(c & 0x07)
	}
	return 0, 0, 0, 0
}

// utf16 decodes buf as UTF-16 (big-endian when be): an unpaired surrogate
// becomes U+FFFD, and an odd byte or a lead surrogate at the end is
// returned as rest when streaming or becomes one U+FFFD when not.
func (d *decoder) utf16(buf []byte, stream, be bool) (string, []byte, error) {
	o := &out{d: d}
	o.b.Grow(len(buf))
	unit := func(i int) rune {
		if be {
			return rune(buf[i])<<8 | rune(buf[i+1])
		}
		return rune(buf[i+1])<<8 | rune(buf[i])
	}
	i := 0
	for ; i+1 < len(buf); i += 2 {
		u := unit(i)
		switch {
		case u < 0xD800 || u > 0xDFFF:
			o.rune(u)
			continue
		case u >= 0xDC00:
			if err := o.invalid(); err != nil {
				return "", nil, err
			}
			continue
		}
		if i+3 < len(buf) {
			if t := unit(i + 2); t >= 0xDC00 && t <= 0xDFFF {
				o.rune(0x10000 + (u-0xD800)<<10 + (t - 0xDC00))
				i += 2
				continue
			}
			if err := o.invalid(); err != nil {
				return "", nil, err
			}
			continue
		}
		// A lead surrogate whose trail has not arrived (yet).
		if stream {
			return o.b.String(), buf[i:], nil
		}
		if err := o.invalid(); err != nil {
			return "", nil, err
		}
		return o.b.String(), nil, nil
	}
	if i < len(buf) {
		if stream {
			return o.b.String(), buf[i:], nil
		}
		if err := o.invalid(); err != nil {
			return "", nil, err
		}
	}
	return o.b.String(), nil, nil
}
