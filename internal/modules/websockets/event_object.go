package websockets

import (
	"slices"
	"time"

	"github.com/dop251/goja"
)

// eventFields are the properties of each kind of event object, in order
// (spec 5.1, with DECISIONS 2 and 11): type, target and timestamp, then
// the kind's own.
var eventFields = [eventKinds][]string{
	evOpen:    {"type", "target", "timestamp"},
	evMessage: {"type", "target", "timestamp", "data", "origin"},
	evError:   {"type", "target", "timestamp", "error"},
	evClose:   {"type", "target", "timestamp", "code", "reason", "wasClean"},
	evPing:    {"type", "target", "timestamp"},
	evPong:    {"type", "target", "timestamp"},
}

// eventObject is what a listener gets. It is a goja dynamic object: making
// one costs three allocations, where a plain object costs one per
// property, and a field becomes a JS value only when the script reads it
// (a ping-pong handler that never looks at its event pays for none).
// k6's fields are read-only, as in k6; the script may add its own.
type eventObject struct {
	s    *socket
	at   time.Time
	text string     // a text message's data, the error text, or the close reason
	data goja.Value // message data: made at dispatch for binary, on first read for text
	own  *ownProps  // properties the script added; nil until it adds one

	kind      int
	code      int32 // close code
	status    int32 // HTTP status of a failed handshake
	wasClean  bool
	handshake bool // the error event carries status
}

// ownProps are the properties a script added to an event, in order.
type ownProps struct {
	values map[string]goja.Value
	keys   []string
}

// newEvent makes the event object of one dispatch.
func (s *socket) newEvent(kind int, at time.Time) (*goja.Object, *eventObject) {
	e := &eventObject{s: s, kind: kind, at: at}
	return s.m.rt.NewDynamicObject(e), e
}

// field returns a k6 field's value, or nil if the event has no such field.
func (e *eventObject) field(key string) goja.Value {
	rt := e.s.m.rt
	switch key {
	case "type":
		return e.s.m.eventTypes[e.kind]
	case "target":
		return e.s.obj
	case "timestamp":
		return rt.ToValue(float64(e.at.UnixNano()) / 1e6)
	}
	switch e.kind {
	case evMessage:
		switch key {
		case "data":
			if e.data == nil {
				e.data = rt.ToValue(e.text)
			}
			return e.data
		case "origin":
			return e.s.urlValue
		}
	case evError:
		switch {
		case key == "error":
			return rt.ToValue(e.text)
		case key == "status" && e.handshake:
			return rt.ToValue(int(e.status))
		}
	case evClose:
		switch key {
		case "code":
			return rt.ToValue(int(e.code))
		case "reason":
			return rt.ToValue(e.text)
		case "wasClean":
			return rt.ToValue(e.wasClean)
		}
	}
	return nil
}

// hasField reports whether key is one of the event's k6 fields.
func (e *eventObject) hasField(key string) bool {
	return slices.Contains(eventFields[e.kind], key) || (key == "status" && e.handshake)
}

// Get implements goja.DynamicObject.
func (e *eventObject) Get(key string) goja.Value {
	if v := e.field(key); v != nil {
		return v
	}
	if e.own == nil {
		return nil
	}
	return e.own.values[key]
}

// Set implements goja.DynamicObject: k6's fields cannot be assigned.
func (e *eventObject) Set(key string, val goja.Value) bool {
	if e.hasField(key) {
		return false
	}
	if e.own == nil {
		e.own = &ownProps{values: map[string]goja.Value{}}
	}
	if _, ok := e.own.values[key]; !ok {
		e.own.keys = append(e.own.keys, key)
	}
	e.own.values[key] = val
	return true
}

// Has implements goja.DynamicObject.
func (e *eventObject) Has(key string) bool {
	if e.hasField(key) {
		return true
	}
	if e.own == nil {
		return false
	}
	_, ok := e.own.values[key]
	return ok
}

// Delete implements goja.DynamicObject: k6's fields stay.
func (e *eventObject) Delete(key string) bool {
	if e.hasField(key) {
		return false
	}
	if e.own != nil {
		if _, ok := e.own.values[key]; ok {
			delete(e.own.values, key)
			e.own.keys = slices.DeleteFunc(e.own.keys, func(k string) bool { return k == key })
		}
	}
	return true
}

// Keys implements goja.DynamicObject.
func (e *eventObject) Keys() []string {
	keys := append([]string(nil), eventFields[e.kind]...)
	if e.handshake {
		keys = append(keys, "status")
	}
	if e.own != nil {
		keys = append(keys, e.own.keys...)
	}
	return keys
}
