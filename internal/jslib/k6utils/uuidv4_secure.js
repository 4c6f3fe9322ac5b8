// uuidv4 returns a random version 4 UUID in lowercase hex. Difference: k6
// takes the bytes from k6/crypto when secure is true; wstest has no
// k6/crypto, so both forms draw from Math.random (a seeded run repeats, and
// the UUIDs are not fit for secrets).
export function uuidv4(secure = false) {
  return randomUUID();
}
