// Package thresholds reads and watches k6 thresholds: THE metric-selector
// grammar ("name" or "name{tag:value,...}", ParseSelector), threshold
// expressions ("p(95)<500", ParseExpression), options.thresholds with its
// string and object forms (Parse), their evaluation against a metrics
// registry (Set.Evaluate) and the evaluation every two seconds of a run
// that aborts it on a failed abortOnFail threshold (Set.Watch).
//
// The syntax is k6's exactly, errors included where k6 has them; what k6
// refuses before a run (an empty tag value, p(NaN), an aggregation the
// metric type does not have) is refused here too.
package thresholds
