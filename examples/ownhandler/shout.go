// Package ownhandler is the README's "Test your own handler" example: a
// gorilla/websocket handler of the application's own, tested with a
// script that dials it in memory.
package ownhandler

import (
	"net/http"
	"strings"

	"github.com/gorilla/websocket"
)

// Shout is a WebSocket endpoint that answers every text message in
// capitals.
func Shout(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{}
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	for {
		kind, p, err := c.ReadMessage()
		if err != nil {
			return
		}
		if kind == websocket.TextMessage {
			p = []byte(strings.ToUpper(string(p)))
		}
		if err := c.WriteMessage(kind, p); err != nil {
			return
		}
	}
}
