package demohosts_test

import (
	"testing"

	. "github.com/onsi/gomega"

	. "github.com/wsk6/wstest/matchers"
)

// The REST APIs of test-api.k6.io and QuickPizza, called from a script with
// k6/http the way the k6 tutorials do: register, log in, use the token.
func TestRESTFromAScript(t *testing.T) {
	g := NewWithT(t)
	res := demoRun(t, 1, `
import http from "k6/http";
import { check } from "k6";
const json = { headers: { "Content-Type": "application/json" } };
export default function () {
  const user = { username: "croc_" + __VU, password: "superCroc2024!", email: "c@example.com", first_name: "C", last_name: "R" };
  check(http.post("https://test-api.k6.io/user/register/", JSON.stringify(user), json), { "registered": (r) => r.status === 201 });
  const login = http.post("https://test-api.k6.io/auth/token/login/", JSON.stringify({ username: user.username, password: user.password }), json);
  check(login, { "logged in": (r) => r.status === 200 && r.json("access") !== "" });
  const auth = { headers: { Authorization: "Bearer " + login.json("access"), "Content-Type": "application/json" } };
  check(http.get("https://test-api.k6.io/my/crocodiles/", auth), { "none of my own yet": (r) => r.json("#") === 0 });
  const made = http.post("https://test-api.k6.io/my/crocodiles/", JSON.stringify({ name: "Mine", sex: "F", date_of_birth: "2020-01-02" }), auth);
  check(made, { "made one": (r) => r.status === 201 && r.json("name") === "Mine" });
  check(http.get("https://test-api.k6.io/public/crocodiles/"), { "public ones listed": (r) => r.json("#") > 0 });

  check(http.post("https://quickpizza.grafana.com/api/users", JSON.stringify({ username: "qp_" + __VU, password: "pw" })), { "qp user": (r) => r.status === 201 });
  const qp = http.post("https://quickpizza.grafana.com/api/users/token/login", JSON.stringify({ username: "qp_" + __VU, password: "pw" }));
  check(qp, { "qp token": (r) => r.status === 200 && r.json("token").length > 0 });
  const pizza = http.post("https://quickpizza.grafana.com/api/pizza", JSON.stringify({ maxCaloriesPerSlice: 1000 }),
    { headers: { Authorization: "token " + qp.json("token") } });
  check(pizza, { "a pizza": (r) => r.status === 200 && r.json("pizza.name") !== "" });
}`)
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(PassChecks())
	g.Expect(res).To(HaveCheck("a pizza", 1, 0))
	g.Expect(res).To(HaveMetric("http_reqs", 8))
}
