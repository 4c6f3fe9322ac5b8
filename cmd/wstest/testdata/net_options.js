// Logs the network options the run consolidated, then what address a
// request to __ENV.URL came from (the server answers with it).
import http from "k6/http";
import exec from "k6/execution";

export default function () {
  const o = exec.test.options;
  const dns = o.dns || {};
  console.log(`net options ${JSON.stringify([dns.ttl, dns.select, dns.policy, o.localIPs, o.rps, o.httpDebug, o.hosts])}`);
  const res = http.get(__ENV.URL);
  console.log(`source ${res.body || res.error}`);
}
