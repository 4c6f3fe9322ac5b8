package bundle

import "testing"

func TestUnknownModuleSuggestsTheClosestNative(t *testing.T) {
	natives := []string{"k6", "k6/ws", "k6/websockets", "k6/http", "k6/experimental/websockets"}
	cases := map[string]string{
		"k6/websocket":   `unknown module "k6/websocket"; did you mean "k6/websockets"?`,
		"k6/htp":         `unknown module "k6/htp"; did you mean "k6/http"?`,
		"k6/wss":         `unknown module "k6/wss"; did you mean "k6/ws"?`,
		"k6/foo":         `unknown module "k6/foo"`,
		"something/else": `unknown module "something/else"`,
	}
	for spec, want := range cases {
		if got := unknownModule(spec, natives).Error(); got != want {
			t.Errorf("%s: got %q, want %q", spec, got, want)
		}
	}
}
