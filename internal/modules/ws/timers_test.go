package ws_test

import (
	"testing"
	"time"

	. "github.com/onsi/gomega"
)

func TestTimerValidation(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    const tryIt = (f) => { try { console.log(String(f())); } catch (e) { console.log(e.name + ": " + e.message); } };
    for (const ms of [0, -5, -1.23, undefined, NaN, "abc", 1e-7, Infinity]) {
      tryIt(() => socket.setTimeout(() => {}, ms));
    }
    tryIt(() => socket.setInterval(() => {}, -1.23));
    tryIt(() => socket.setTimeout(() => {}));
    tryIt(() => socket.setTimeout(undefined, 10));
    tryIt(() => socket.setInterval(null, 10));
    tryIt(() => socket.setTimeout("str", 10));
    socket.close();
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	pre := "GoError: setTimeout requires a >0 timeout parameter, received "
	g.Expect(infoLogs(res)).To(Equal([]string{pre + "0.00", pre + "-5.00", pre + "-1.23", pre + "0.00", pre + "NaN",
		pre + "NaN", pre + "0.00", pre + "+Inf",
		"GoError: setInterval requires a >0 timeout parameter, received -1.23", pre + "0.00",
		"TypeError: could not convert function call parameter 0: could not convert undefined to sobek.Callable",
		"TypeError: could not convert function call parameter 0: could not convert null to sobek.Callable",
		"TypeError: could not convert function call parameter 0: could not convert str to sobek.Callable",
	}))
	g.Expect(count(res, "ws_session_duration")).To(BeEquivalentTo(1))
}

func TestTimersFireInDueThenCreationOrder(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  const start = Date.now();
  ws.connect(__ENV.URL + "/echo", function (socket) {
    const order = [];
    // Creation order decides between equal delays; the due time between
    // different ones (the gap is wide enough for a slow machine).
    for (let i = 0; i < 8; i++) socket.setTimeout(() => order.push(i), 150);
    socket.setTimeout(() => order.push("early"), 5);
    socket.setTimeout(() => { console.log(order.join(",")); socket.close(); }, "160");
    socket.setTimeout(() => console.log("never: dropped at close"), 2000);
  });
  console.log("returned early " + (Date.now() - start < 1500));
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"early,0,1,2,3,4,5,6,7", "returned early true"}))
}

func TestIntervalsDropTicksAfterASlowCallback(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    const calls = [];
    socket.setInterval(() => {
      calls.push(Date.now());
      const until = Date.now() + 60;
      while (Date.now() < until) {}
      if (calls.length === 4) {
        const gaps = calls.slice(1).map((c, i) => c - calls[i]);
        console.log(gaps.every((g) => g >= 55) ? "no burst" : "burst " + gaps.join(","));
        socket.close();
      }
    }, 10);
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"no burst"}))
}

func TestSubMillisecondInterval(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	start := time.Now()
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    let n = 0;
    socket.setInterval(() => { if (++n === 3) socket.close(); }, 0.3);
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(time.Since(start)).To(BeNumerically("<", 10*time.Second))
}

func TestConnectDoesNotRunPromiseJobsOrGlobalTimers(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  setTimeout(() => console.log("global timer"), 0);
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("open", () => { Promise.resolve().then(() => console.log("promise reaction")); });
    socket.setTimeout(() => { console.log("socket timer"); socket.close(); }, 30);
  });
  console.log("connect returned");
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"socket timer", "connect returned", "promise reaction", "global timer"}))
}
