// Lookup tables keyed by words taken from a message. A plain object literal inherits from Object.prototype,
// so a message containing "constructor" or "toString" would find a function there (and once crashed the
// tokeniser); these tables have no prototype, so only their own entries are found.

export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
