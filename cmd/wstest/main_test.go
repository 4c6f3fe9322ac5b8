package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"go.uber.org/goleak"
)

// binaryPath is where TestMain builds the command for the tests that
// need a real process (signals).
func binaryPath() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("wstest-cmd-test-%d", os.Getpid()), "wstest")
}

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	defer os.RemoveAll(filepath.Dir(binaryPath()))
	if out, err := exec.Command("go", "build", "-o", binaryPath(), ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building wstest: %v\n%s", err, out)
		return 1
	}
	code := m.Run()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Fprintf(os.Stderr, "goleak: %v\n", err)
			return 1
		}
	}
	return code
}
