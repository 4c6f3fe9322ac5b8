// open() resolves against this file's directory, not the main script's.
export function readLocal() {
  return open('./local.txt');
}
