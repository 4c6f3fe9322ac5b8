package wstest

func (r *runner) handleSummary(res *Result, th *thresholds) {}
