// Never ends by itself: one VU spins, another waits on a long timer.
export const options = {
  scenarios: {
    spin: { executor: "per-vu-iterations", vus: 1, iterations: 1, exec: "spin" },
    wait: { executor: "per-vu-iterations", vus: 1, iterations: 1, exec: "wait" },
  },
};

export function spin() {
  for (;;) {}
}

export function wait() {
  setTimeout(() => {}, 60000);
}
