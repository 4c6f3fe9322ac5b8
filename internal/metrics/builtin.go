package metrics

// Builtins holds k6's built-in metrics that wstest emits.
type Builtins struct {
	Iterations        *Metric // Counter: one per full iteration
	IterationDuration *Metric // Trend (time)
	VUs               *Metric // Gauge
	VUsMax            *Metric // Gauge
	Checks            *Metric // Rate: one sample per check
	GroupDuration     *Metric // Trend (time)
	DataSent          *Metric // Counter (data)
	DataReceived      *Metric // Counter (data)
	WSSessions        *Metric // Counter
	WSConnecting      *Metric // Trend (time)
	WSSessionDuration *Metric // Trend (time)
	WSMsgsSent        *Metric // Counter
	WSMsgsReceived    *Metric // Counter
	WSPing            *Metric // Trend (time)
	DroppedIterations *Metric // Counter: arrival-rate iterations with no free VU
	HTTPReqs          *Metric // Counter: one per round trip
	HTTPReqDuration   *Metric // Trend (time): sending + waiting + receiving
	HTTPReqBlocked    *Metric // Trend (time)
	HTTPReqConnecting *Metric // Trend (time)
	HTTPReqTLS        *Metric // Trend (time): http_req_tls_handshaking
	HTTPReqSending    *Metric // Trend (time)
	HTTPReqWaiting    *Metric // Trend (time)
	HTTPReqReceiving  *Metric // Trend (time)
	HTTPReqFailed     *Metric // Rate
}

// RegisterBuiltins registers k6's built-in metrics in r (or returns the
// ones already there) with their k6 types and value types.
func RegisterBuiltins(r *Registry) (*Builtins, error) {
	b := &Builtins{}
	defs := []struct {
		dst  **Metric
		name string
		t    Type
		vt   ValueType
	}{
		{&b.Iterations, "iterations", Counter, Default},
		{&b.IterationDuration, "iteration_duration", Trend, Time},
		{&b.VUs, "vus", Gauge, Default},
		{&b.VUsMax, "vus_max", Gauge, Default},
		{&b.Checks, "checks", Rate, Default},
		{&b.GroupDuration, "group_duration", Trend, Time},
		{&b.DataSent, "data_sent", Counter, Data},
		{&b.DataReceived, "data_received", Counter, Data},
		{&b.WSSessions, "ws_sessions", Counter, Default},
		{&b.WSConnecting, "ws_connecting", Trend, Time},
		{&b.WSSessionDuration, "ws_session_duration", Trend, Time},
		{&b.WSMsgsSent, "ws_msgs_sent", Counter, Default},
		{&b.WSMsgsReceived, "ws_msgs_received", Counter, Default},
		{&b.WSPing, "ws_ping", Trend, Time},
		{&b.DroppedIterations, "dropped_iterations", Counter, Default},
		{&b.HTTPReqs, "http_reqs", Counter, Default},
		{&b.HTTPReqDuration, "http_req_duration", Trend, Time},
		{&b.HTTPReqBlocked, "http_req_blocked", Trend, Time},
		{&b.HTTPReqConnecting, "http_req_connecting", Trend, Time},
		{&b.HTTPReqTLS, "http_req_tls_handshaking", Trend, Time},
		{&b.HTTPReqSending, "http_req_sending", Trend, Time},
		{&b.HTTPReqWaiting, "http_req_waiting", Trend, Time},
		{&b.HTTPReqReceiving, "http_req_receiving", Trend, Time},
		{&b.HTTPReqFailed, "http_req_failed", Rate, Default},
	}
	for _, d := range defs {
		m, err := r.Register(d.name, d.t, d.vt)
		if err != nil {
			return nil, err
		}
		*d.dst = m
	}
	return b, nil
}

// IsBuiltin reports whether name is one of k6's built-in metric names
// (including those wstest does not emit, such as grpc_req_duration).
func IsBuiltin(name string) bool {
	switch name {
	case "iterations", "iteration_duration", "vus", "vus_max", "checks",
		"group_duration", "data_sent", "data_received", "dropped_iterations",
		"ws_sessions", "ws_connecting", "ws_session_duration", "ws_msgs_sent",
		"ws_msgs_received", "ws_ping", "http_reqs", "http_req_duration",
		"http_req_blocked", "http_req_connecting", "http_req_tls_handshaking",
		"http_req_sending", "http_req_waiting", "http_req_receiving",
		"http_req_failed", "grpc_req_duration":
		return true
	}
	return false
}
