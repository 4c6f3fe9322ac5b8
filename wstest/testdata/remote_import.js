import { thing } from "https://example.com/lib.js";

export default function () {
  thing();
}
