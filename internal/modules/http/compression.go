package http

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// compress applies the algorithms in the given order.
func compress(data []byte, algos []string) ([]byte, error) {
	for _, a := range algos {
		var buf bytes.Buffer
		var w io.WriteCloser
		switch a {
		case "gzip":
			w = gzip.NewWriter(&buf)
		case "deflate":
			w = zlib.NewWriter(&buf)
		case "br":
			w = brotli.NewWriter(&buf)
		case "zstd":
			zw, err := zstd.NewWriter(&buf)
			if err != nil {
				return nil, err
			}
			w = zw
		default:
			return nil, fmt.Errorf("unknown compression algorithm %s", a)
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		data = buf.Bytes()
	}
	return data, nil
}

// decompress decodes a body by its Content-Encoding, right to left.
func decompress(data []byte, encoding string) ([]byte, error) {
	if encoding == "" {
		return data, nil
	}
	parts := strings.Split(encoding, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		var r io.ReadCloser
		var err error
		switch strings.TrimSpace(strings.ToLower(parts[i])) {
		case "gzip", "x-gzip":
			r, err = gzip.NewReader(bytes.NewReader(data))
		case "deflate":
			r, err = zlib.NewReader(bytes.NewReader(data))
		case "br":
			r = io.NopCloser(brotli.NewReader(bytes.NewReader(data)))
		case "zstd":
			var zr *zstd.Decoder
			zr, err = zstd.NewReader(bytes.NewReader(data), zstd.WithDecoderConcurrency(1))
			if err == nil {
				r = zr.IOReadCloser()
			}
		case "identity", "":
			continue
		default:
			return data, nil // an encoding wstest cannot decode: kept as sent
		}
		if err != nil {
			return nil, err
		}
		data, err = io.ReadAll(r)
		_ = r.Close()
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}
