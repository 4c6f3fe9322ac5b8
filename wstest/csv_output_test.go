package wstest_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wsk6/wstest/wstest"
)

// writeCounter counts the writes that reach it.
type writeCounter struct {
	mu     sync.Mutex
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.writes++
	return len(p), nil
}

func (w *writeCounter) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.writes
}

// The rows of a CSV output reach its writer every SaveInterval and at the
// end: a 1 s run with a 200 ms interval flushes several times, one with an
// hour's interval only once, at the end.
func TestCSVSaveIntervalSetsHowOftenRowsAreWritten(t *testing.T) {
	often, never := &writeCounter{}, &writeCounter{}
	_, err := wstest.Run(context.Background(), wstest.Script{Name: "csv.js", Source: `
import { sleep } from "k6";
export const options = { vus: 1, duration: "1s" };
export default function () { sleep(0.02); }
`}, wstest.WithCSVOutput(often, wstest.CSVOptions{SaveInterval: 200 * time.Millisecond}),
		wstest.WithCSVOutput(never, wstest.CSVOptions{SaveInterval: time.Hour}))
	if err != nil {
		t.Fatal(err)
	}
	if n := often.count(); n < 2 {
		t.Errorf("%d writes with a 200ms saveInterval over 1s, want several", n)
	}
	if n := never.count(); n != 1 {
		t.Errorf("%d writes with an hour's saveInterval, want 1 at the end", n)
	}
}

func TestCSVNegativeSaveIntervalIsAConfigError(t *testing.T) {
	_, err := wstest.Run(context.Background(), wstest.Script{Name: "csv.js", Source: `export default function () {}`},
		wstest.WithCSVOutput(&writeCounter{}, wstest.CSVOptions{SaveInterval: -time.Second}))
	var cfg *wstest.ConfigError
	if !errors.As(err, &cfg) || !strings.Contains(err.Error(), "saveInterval must not be negative") {
		t.Fatalf("err %v, want a ConfigError about saveInterval", err)
	}
}
