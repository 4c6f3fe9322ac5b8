package metrics

import "strconv"

// Metadata is what a sample carries besides its tags, as k6's sample
// metadata: the vu and iter system tags, when they are on, are metadata
// rather than tags, so that they neither split submetrics nor add a tag
// set per iteration. Outputs write it; aggregates, thresholds and the
// summary ignore it. A Metadata is shared between samples: never change
// one after handing it over.
type Metadata []MetaEntry

// MetaEntry is one key and value of Metadata.
type MetaEntry struct{ Key, Value string }

// IterationMetadata is the metadata of the samples of VU vu's iteration
// iter: the vu and iter entries the system tags turn on (nil when neither).
func IterationMetadata(systemTags map[string]bool, vu, iter int64) Metadata {
	var md Metadata
	if systemTags["vu"] {
		md = append(md, MetaEntry{"vu", strconv.FormatInt(vu, 10)})
	}
	if systemTags["iter"] {
		md = append(md, MetaEntry{"iter", strconv.FormatInt(iter, 10)})
	}
	return md
}
