// Lookup tables keyed by words taken from a message, as Maps. A plain object literal would inherit from
// Object.prototype, so a message containing "constructor" or "toString" would find a function there (it once
// crashed the tokeniser); a Map finds only its own entries, and looks up missing words faster.

export function wordTable<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}
