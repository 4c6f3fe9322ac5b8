// Opens a WebSocket to __ENV.URL and says whether it opened or why not.
import ws from "k6/ws";
export const options = { iterations: 1 };
export default function () {
  const res = ws.connect(__ENV.URL, {}, function (socket) {
    socket.on("open", () => { console.log("opened"); socket.close(); });
  });
  if (res.error) console.log("error=" + res.error);
}
