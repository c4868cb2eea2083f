// The source text of one member of a JSON object, read without parsing the whole object. Used for ids:
// JSON.parse rounds a number like a 64-bit social-media post id (12345678901234567890), and gives up
// entirely on a line that is broken after its id; both still deserve the id exactly as it was written.

/**
 * The raw text of the value of the first top-level member `key` of the object in `json`, or undefined
 * if the text does not start as an object or breaks before that member's value ends. The value is only
 * delimited, not validated: parse it before trusting it.
 */
export function rawMemberText(json: string, key: string): string | undefined {
  let at = skipWhitespace(json, 0);
  if (json[at] !== "{") return undefined;
  at++;
  for (;;) {
    at = skipWhitespace(json, at);
    if (json[at] !== '"') return undefined;
    const nameEnd = endOfString(json, at);
    if (nameEnd === -1) return undefined;
    const name = decodeString(json.slice(at, nameEnd));
    at = skipWhitespace(json, nameEnd);
    if (json[at] !== ":") return undefined;
    const valueStart = skipWhitespace(json, at + 1);
    const valueEnd = endOfValue(json, valueStart);
    if (valueEnd === -1) return undefined;
    if (name === key) return json.slice(valueStart, valueEnd);
    at = skipWhitespace(json, valueEnd);
    if (json[at] !== ",") return undefined;
    at++;
  }
}

function skipWhitespace(json: string, from: number): number {
  let at = from;
  while (at < json.length && " \t\r\n".includes(json[at]!)) at++;
  return at;
}

/** Index just after the string starting at `from` (a quote), or -1 if it is unterminated. */
function endOfString(json: string, from: number): number {
  for (let at = from + 1; at < json.length; at++) {
    const c = json[at];
    if (c === "\\") at++;
    else if (c === '"') return at + 1;
  }
  return -1;
}

/** Index just after the value starting at `from`, or -1 if it does not end. */
function endOfValue(json: string, from: number): number {
  const first = json[from];
  if (first === undefined) return -1;
  if (first === '"') return endOfString(json, from);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let at = from; at < json.length; at++) {
      const c = json[at];
      if (c === '"') {
        at = endOfString(json, at) - 1;
        if (at < 0) return -1;
      } else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return at + 1;
      }
    }
    return -1;
  }
  let at = from;
  while (at < json.length && !",}] \t\r\n".includes(json[at]!)) at++;
  return at < json.length ? at : -1;
}

function decodeString(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}
