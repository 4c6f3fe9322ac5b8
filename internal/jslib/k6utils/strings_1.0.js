// randomString returns length random lowercase letters.
export function randomString(length) {
  return randomChars(length, LOWERCASE);
}

// findBetween returns the text between the first left and the first right
// after it, or '' when either is missing.
export function findBetween(content, left, right) {
  const piece = piecesBetween(content, left, right, false);
  return piece === null ? '' : piece;
}
