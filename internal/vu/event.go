package vu

import (
	"fmt"
	"time"
)

// Event is one WebSocket event as a socket saw it. The public package
// shows it to users as wstest.Event.
type Event struct {
	VU        int64
	Iteration int64
	// Socket identifies the socket within the run (from 1).
	Socket int64
	URL    string
	// API names the module that made the socket: "websockets" or "ws".
	API string
	// Type is open, message, error, close, ping or pong.
	Type string
	Time time.Time
	// Data is the text of a text message, or the bytes of a binary one.
	Data   string
	Binary bool
	// Code, Reason and WasClean describe a close event.
	Code     int
	Reason   string
	WasClean bool
	// Error is the text of an error event.
	Error string
	// Status is the HTTP status of a failed handshake (0 without response).
	Status int
}

// String renders the event on one line, for failure messages.
func (e Event) String() string {
	s := fmt.Sprintf("vu=%d iter=%d socket=%d %s %s", e.VU, e.Iteration, e.Socket, e.URL, e.Type)
	switch e.Type {
	case "message":
		kind := "text"
		if e.Binary {
			kind = "binary"
		}
		data := e.Data
		if len(data) > 80 {
			data = data[:77] + "..."
		}
		s += fmt.Sprintf(" %s %q", kind, data)
	case "close":
		s += fmt.Sprintf(" code=%d reason=%q wasClean=%t", e.Code, e.Reason, e.WasClean)
	case "error":
		s += fmt.Sprintf(" %q", e.Error)
		if e.Status != 0 {
			s += fmt.Sprintf(" status=%d", e.Status)
		}
	}
	return s
}
