package bundle

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// goja looks source map positions up with a 1-based generated column but
// the map's columns are 0-based, and it reports the original column as
// stored, 0-based. Both offsets cancel out if every generated and every
// original column in the map is one higher: then stack traces show the
// 1-based columns goja prints for code it runs without a map.
//
// In the mappings string (source map v3), each line's first segment holds
// its generated column absolutely and later ones as deltas; the original
// column is a delta running across the whole string. So shifting all of
// them means adding one to the first field of each line's first segment
// and to the fourth field of the first segment that has one.

const base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// inlineSourceMap returns the comment that carries the esbuild map m, with
// columns shifted for goja, as a data URL.
func inlineSourceMap(m []byte) (string, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(m, &fields); err != nil {
		return "", err
	}
	var mappings string
	if err := json.Unmarshal(fields["mappings"], &mappings); err != nil {
		return "", err
	}
	shifted, err := shiftColumns(mappings)
	if err != nil {
		return "", err
	}
	raw, err := json.Marshal(shifted)
	if err != nil {
		return "", err
	}
	fields["mappings"] = raw
	out, err := json.Marshal(fields)
	if err != nil {
		return "", err
	}
	return "//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(out), nil
}

// shiftColumns adds one to every generated and original column of a
// mappings string.
func shiftColumns(mappings string) (string, error) {
	var b strings.Builder
	b.Grow(len(mappings) + 64)
	sourceShifted := false
	for i, line := range strings.Split(mappings, ";") {
		if i > 0 {
			b.WriteByte(';')
		}
		for j, seg := range strings.Split(line, ",") {
			if j > 0 {
				b.WriteByte(',')
			}
			if seg == "" || (j > 0 && sourceShifted) {
				b.WriteString(seg)
				continue
			}
			values, err := decodeVLQ(seg)
			if err != nil {
				return "", err
			}
			if j == 0 {
				values[0]++
			}
			if !sourceShifted && len(values) >= 4 {
				values[3]++
				sourceShifted = true
			}
			for _, v := range values {
				encodeVLQ(&b, v)
			}
		}
	}
	return b.String(), nil
}

// decodeVLQ decodes the base64 VLQ values of one segment.
func decodeVLQ(seg string) ([]int, error) {
	var values []int
	value, shift := 0, 0
	for i := 0; i < len(seg); i++ {
		digit := strings.IndexByte(base64Digits, seg[i])
		if digit < 0 {
			return nil, errors.New("bundle: bad source map segment " + seg)
		}
		value += (digit & 31) << shift
		if digit&32 != 0 {
			shift += 5
			continue
		}
		if value&1 != 0 {
			values = append(values, -(value >> 1))
		} else {
			values = append(values, value>>1)
		}
		value, shift = 0, 0
	}
	if shift != 0 {
		return nil, errors.New("bundle: truncated source map segment " + seg)
	}
	return values, nil
}

// encodeVLQ appends v as base64 VLQ.
func encodeVLQ(b *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		digit := u & 31
		u >>= 5
		if u != 0 {
			digit |= 32
		}
		b.WriteByte(base64Digits[digit])
		if u == 0 {
			return
		}
	}
}
