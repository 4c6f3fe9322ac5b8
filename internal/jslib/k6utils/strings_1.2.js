// randomString returns length characters picked from charset.
export function randomString(length, charset = LOWERCASE) {
  return randomChars(length, charset);
}

// findBetween returns the text between the first left and the first right
// after it. With repeat it returns every such piece, scanning on after each
// right. A miss gives null in both forms.
export function findBetween(content, left, right, repeat = false) {
  return piecesBetween(content, left, right, repeat);
}
