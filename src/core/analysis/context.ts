// The analysed message as rules see it: normalised words joined by single spaces, sentence breaks as ".",
// and a way back from any match to the exact characters of the original text.
import type { Span } from "./types.ts";
import { tokenise, type Token } from "./tokens.ts";

export interface Item {
  norm: string;
  start: number;
  end: number;
  /** Inside a quotation ("...", “...”, '...'). */
  quoted: boolean;
}

export interface MessageContext {
  text: string;
  items: Item[];
  /** items' norms joined by one space: what rule patterns run over. */
  norm: string;
  /**
   * For each character of `norm`, the index of the item it belongs to (separators: the next item). Worked out
   * on first use by `itemIndexAt`, since most messages match no rule and never need it.
   */
  itemAtChar?: Int32Array;
  /** Every distinct word present, for cheap "could this rule fire at all?" checks. */
  words: Set<string>;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function hasSentenceBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // a full stop between digits is a clock time or a decimal ("7.15"), not the end of a sentence
    if (c === 46 && i > 0 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) continue;
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) return true; // . ! ? ; newline
  }
  return false;
}
const QUOTE_PAIRS: Array<[string, string]> = [
  ['"', '"'],
  ["“", "”"],
  ["‘", "’"],
  ["«", "»"],
];

/** Character ranges inside quotation marks. Single straight quotes count only at word edges. */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(open, from);
      if (s < 0) break;
      const e = text.indexOf(close, s + 1);
      if (e < 0) break;
      // ’ doubles as an apostrophe: only count it as a closing quote if it ends a word
      if (close === "’" && /[a-z]/i.test(text[e + 1] ?? "")) {
        from = e + 1;
        continue;
      }
      ranges.push([s, e]);
      from = e + 1;
    }
  }
  // an apostrophe between letters inside the quote ('you're done') is not its end; such a quote stays within a
  // sentence and short, so that "get 'em … your kids' school" is not read as one
  const single = /(^|[\s(])'((?:[^'.!?\n]|(?<=[a-z])'(?=[a-z])){3,80}?)'(?=[\s.,!?;:)]|$)/gi;
  for (let m = single.exec(text); m; m = single.exec(text)) {
    const s = m.index + m[1]!.length;
    ranges.push([s, s + m[2]!.length + 1]);
  }
  return ranges;
}

export interface Vocabulary {
  /** Words the rules know: joins spelt-out letters ("k i l l") only into these. */
  isKnownWord(word: string): boolean;
  /** Resolves a stretched ("diiiie") or masked ("f*ck") word to the word it hides, if any. */
  resolve(token: Token): string | undefined;
}

/** Mask characters left in a word no vocabulary entry explains ("b*stard" → "bstard"). */
const MASK_CHAR = /[*#%_]/;
const MASK_CHARS = /[*#%_]/g;

export function buildContext(text: string, vocabulary: Vocabulary): MessageContext {
  const tokens = tokenise(text, vocabulary.isKnownWord);
  const quotes =
    text.includes('"') || text.includes("“") || text.includes("'") || text.includes("‘")
      ? quotedRanges(text)
      : [];
  const items: Item[] = [];
  let previousEnd = 0;
  for (const token of tokens) {
    if (items.length > 0 && !token.expansion && hasSentenceBreak(text, previousEnd, token.start)) {
      items.push({ norm: ".", start: previousEnd, end: previousEnd, quoted: false });
    }
    let norm = token.norm;
    if (token.kind === "word" && !token.expansion)
      norm = vocabulary.resolve(token) ?? (MASK_CHAR.test(norm) ? norm.replace(MASK_CHARS, "") : norm);
    const quoted = quotes.length > 0 && quotes.some(([s, e]) => token.start > s && token.end <= e);
    if (!norm.includes(" ")) {
      if (norm) items.push({ norm, start: token.start, end: token.end, quoted });
    } else
      for (const word of norm.split(" "))
        if (word) items.push({ norm: word, start: token.start, end: token.end, quoted });
    previousEnd = token.end;
  }
  const norm = items.map((item) => item.norm).join(" ");
  const words = new Set<string>();
  for (const item of items) words.add(item.norm);
  return { text, items, norm, words };
}

function itemsByChar(context: MessageContext): Int32Array {
  const { items, norm } = context;
  const itemAtChar = new Int32Array(norm.length + 1);
  let position = 0;
  for (let index = 0; index < items.length; index++) {
    const length = items[index]!.norm.length;
    itemAtChar.fill(index, position, position + length);
    itemAtChar[position + length] = index + 1;
    position += length + 1;
  }
  return itemAtChar;
}

/** The original text covered by norm characters [from, to). */
export function spanOf(context: MessageContext, from: number, to: number): Span {
  const first = context.items[itemIndexAt(context, from)]!;
  const last = context.items[itemIndexAt(context, Math.max(from, to - 1))]!;
  const start = Math.min(first.start, last.start);
  const end = Math.max(first.end, last.end);
  return { start, end, text: context.text.slice(start, end) };
}

/** Index of the item at norm character `at`. */
export function itemIndexAt(context: MessageContext, at: number): number {
  context.itemAtChar ??= itemsByChar(context);
  return context.itemAtChar[Math.min(at, context.norm.length)]!;
}

/** The words of the sentence containing item `index`, before it (nearest last). */
export function wordsBefore(context: MessageContext, index: number, limit: number): string[] {
  const out: string[] = [];
  for (let i = index - 1; i >= 0 && out.length < limit; i--) {
    const norm = context.items[i]!.norm;
    if (norm === ".") break;
    out.push(norm);
  }
  return out;
}

/** The norm text of the sentence containing item `index`, up to (not including) that item. */
export function sentenceBefore(context: MessageContext, index: number): string {
  const words = wordsBefore(context, index, 60);
  return words.reverse().join(" ");
}
