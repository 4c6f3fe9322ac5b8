// A WebSocket to a blocked host name: the error event says why.
import ws from "k6/ws";
export const options = { iterations: 1 };
export default function () {
  const res = ws.connect("ws://probe.test/", {}, function () {});
  console.log("error=" + res.error);
}
