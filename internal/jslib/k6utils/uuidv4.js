// uuidv4 returns a random version 4 UUID in lowercase hex.
export function uuidv4() {
  return randomUUID();
}
