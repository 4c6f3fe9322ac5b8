package metrics

import "fmt"

// DefaultTrendStats returns k6's default summaryTrendStats: avg, min, med,
// max, p(90) and p(95).
func DefaultTrendStats() []string {
	return []string{"avg", "min", "med", "max", "p(90)", "p(95)"}
}

// ValidateTrendStats checks summaryTrendStats entries: avg, min, med, max,
// count or p(N) with 0 <= N <= 100.
func ValidateTrendStats(stats []string) error {
	for _, s := range stats {
		n, err := ParseStat(s)
		if err != nil || !n.allowedOn(Trend) {
			return fmt.Errorf("summary trend stat %q is not one of avg, min, med, max, count or p(N)", s)
		}
	}
	return nil
}
