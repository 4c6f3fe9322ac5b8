// uuidv4 returns a random version 4 UUID in lowercase hex. With secure the
// 16 bytes come from k6/crypto's randomBytes (the operating system's
// cryptographic source, which --seed does not touch); without it they come
// from Math.random.
let k6crypto = null;
try {
  k6crypto = require('k6/crypto');
} catch (e) {
  k6crypto = null;
}

export function uuidv4(secure = false) {
  if (!secure) {
    return randomUUID();
  }
  if (k6crypto == null) {
    throw new Error('k6/crypto is not available: uuidv4(true) needs its randomBytes');
  }
  const b = new Uint8Array(k6crypto.randomBytes(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  let hex = '';
  for (let i = 0; i < 16; i++) {
    hex += (b[i] + 0x100).toString(16).slice(1);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
