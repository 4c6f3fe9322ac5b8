// Logs the HTTP options the run consolidated.
import exec from "k6/execution";

export default function () {
  const o = exec.test.options;
  console.log(`http options ${JSON.stringify([o.maxRedirects, o.batch, o.batchPerHost, o.noConnectionReuse, o.noVUConnectionReuse, o.discardResponseBodies])}`);
}
