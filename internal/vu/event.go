package vu

import "time"

// Event is one WebSocket event as a socket saw it.
type Event struct {
	VU, Iteration int64
	Socket        int64
	URL           string
	Type          string // open, message, error, close, ping, pong
	Time          time.Time
	// Data is the text of a text message or the bytes of a binary one.
	Data     string
	Binary   bool
	Code     int
	Reason   string
	WasClean bool
	Error    string
	Status   int
}
