const config = { url: "ws://127.0.0.1:1" };

function broken() {
  return config.missing.field;
}

broken();

export default function () {}
