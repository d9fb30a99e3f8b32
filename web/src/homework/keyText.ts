/** A key as the server sends it after the due time (PROTOCOL §5 shapes), in words: "b", "a, c", true/false, each blank's accepted answers. */
export function keyText(key: unknown, trueText: string, falseText: string): string {
  if (typeof key === "boolean") return key ? trueText : falseText;
  if (Array.isArray(key)) return key.map((part) => (Array.isArray(part) ? part.join(" / ") : String(part))).join(Array.isArray(key[0]) ? "；" : ", ");
  return key == null ? "—" : String(key);
}
