package jslib

import (
	"embed"
	"fmt"
	"strings"
)

// utilsParts holds the pieces the k6-utils modules are assembled from:
// core.js, shared by every version, and one file per variant of what
// changed between versions.
//
//go:embed k6utils/*.js
var utilsParts embed.FS

// utilsRelease is one served k6-utils version and the parts its module is
// made of after core.js, in order.
type utilsRelease struct {
	version string
	parts   []string
}

// utilsReleases lists every k6-utils version served. What sets them apart:
//
//   - 1.0.0, 1.1.0: uuidv4(), randomString(length) and findBetween(content,
//     left, right) giving an empty string on a miss
//   - 1.2.0: randomString(length, charset), findBetween(content, left, right,
//     repeat) giving null on a miss, and normalDistributionStages
//   - 1.3.0: adds parseDuration and the stage helpers
//   - 1.4.0: uuidv4(secure), taking its bytes from k6/crypto when secure
//   - 1.5.0: adds check, which records into the built-in checks metric
//   - 1.6.0: check also accepts a Promise as its value
func utilsReleases() []utilsRelease {
	return []utilsRelease{
		{version: "1.0.0", parts: []string{"uuidv4.js", "strings_1.0.js"}},
		{version: "1.1.0", parts: []string{"uuidv4.js", "strings_1.0.js"}},
		{version: "1.2.0", parts: []string{"uuidv4.js", "strings_1.2.js", "normal_distribution.js"}},
		{version: "1.3.0", parts: []string{"uuidv4.js", "strings_1.2.js", "normal_distribution.js", "stages.js"}},
		{version: "1.4.0", parts: []string{"uuidv4_secure.js", "strings_1.2.js", "normal_distribution.js", "stages.js"}},
		{version: "1.5.0", parts: []string{"uuidv4_secure.js", "strings_1.2.js", "normal_distribution.js", "stages.js", "check.js", "check_1.5.js"}},
		{version: "1.6.0", parts: []string{"uuidv4_secure.js", "strings_1.2.js", "normal_distribution.js", "stages.js", "check.js", "check_1.6.js"}},
	}
}

// url returns the address the release is served at.
func (r utilsRelease) url() string {
	return baseURL + "k6-utils/" + r.version + "/index.js"
}

// source assembles the release's module: a header, then core.js and the
// release's parts, each introduced by a comment naming its file, so that an
// error position in the served module is easy to trace back to the part.
func (r utilsRelease) source() string {
	var b strings.Builder
	fmt.Fprintf(&b, "// k6-utils %s, written for wstest: an independent implementation of the\n", r.version)
	fmt.Fprintf(&b, "// functions served at %s.\n", r.url())
	b.WriteString("// Every random choice but uuidv4(true) comes from Math.random, so a seeded\n")
	b.WriteString("// runtime repeats; uuidv4(true) takes k6/crypto's randomBytes.\n")
	b.WriteString("// Differences from the published module are marked where they occur.\n")
	for _, name := range append([]string{"core.js"}, r.parts...) {
		data, err := utilsParts.ReadFile("k6utils/" + name)
		if err != nil {
			// The parts are embedded at build time and named above, and
			// TestSource assembles every release: this cannot happen.
			panic("jslib: " + err.Error())
		}
		fmt.Fprintf(&b, "\n// --- internal/jslib/k6utils/%s\n", name)
		b.Write(data)
	}
	return b.String()
}
