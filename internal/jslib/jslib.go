package jslib

import "sort"

// baseURL is the host every served module lives under.
const baseURL = "https://jslib.k6.io/"

// Source returns the JavaScript source served for url and true, or "" and
// false when url is not one of URLs. Only exact URLs match: no redirects, no
// version ranges, no missing index.js.
func Source(url string) (string, bool) {
	for _, r := range utilsReleases() {
		if r.url() == url {
			return r.source(), true
		}
	}
	return "", false
}

// URLs lists every URL that Source serves, sorted.
func URLs() []string {
	var urls []string
	for _, r := range utilsReleases() {
		urls = append(urls, r.url())
	}
	sort.Strings(urls)
	return urls
}
