// Words a pattern cannot match without, read off the pattern itself: a cheap check that lets most rules skip
// most messages. Each rule's hand-written cues say "one of these words"; these requirements add "and one of
// those", e.g. "watch your back" needs "watch" and "back", not only one of the rule's seventy cue words.
//
// Patterns run over normalised text: words joined by single spaces (rules.ts, context.ts). A literal run of
// characters that starts where a word starts is a word the message must hold: the whole word when a space
// follows it ("back "), otherwise the word's beginning ("kill" in "kill\w*"). What the reading cannot be
// sure of (a run inside a word, anything optional, lookarounds) requires nothing, so a requirement is never
// stricter than the pattern: skipping a rule whose requirements are unmet cannot lose a match.
//
// The same reading gives the words a match can start with (firstWords), so that a pattern need only be
// tried at those words (rule-index.ts).
import { RegExpParser, type AST } from "@eslint-community/regexpp";

/** A word: `=word` exactly, or `^pre` any word starting with "pre" (3 or 4 letters in requirements). */
export type Fact = string;

/** One of these facts holds (an OR). A rule's requirements are clauses that must all hold (an AND). */
export type Clause = readonly Fact[];

type Formula = { kind: "true" } | { kind: "fact"; fact: Fact } | { kind: "and" | "or"; parts: Formula[] };

const TRUE: Formula = { kind: "true" };

/** Clauses kept per rule: more costs a little per message and rarely skips more. */
const MAX_CLAUSES = 3;
/** A clause of more words than this holds in too many messages to be worth building. */
const MAX_FACTS = 300;

/** Words in most messages: a clause made of them rules little out. The least likely clauses are kept. */
const COMMON = new Set(
  (
    "a about after all also am an and any are as at back be been before being but by can come could day did do " +
    "does done down even every for from get go going good got had has have he her here him his how i if in into " +
    "is it its just know last let like look make man me more much must my need never new next no not now of off " +
    "on one only or other our out over people put really right say see she should so some still take than that " +
    "the their them then there these they thing think this those time to too two up us very want was way we " +
    "well were what when where which who why will with would year yes you your"
  ).split(" "),
);

/** Roughly, the chance that a message holds a word satisfying the fact. */
function factChance(fact: Fact): number {
  let chance = chanceOf.get(fact);
  if (chance === undefined) chanceOf.set(fact, (chance = estimateChance(fact)));
  return chance;
}
const chanceOf = new Map<Fact, number>();

function estimateChance(fact: Fact): number {
  const text = fact.slice(1);
  if (fact.startsWith("=")) return COMMON.has(text) ? 0.3 : 0.005;
  for (const word of COMMON) if (word.startsWith(text)) return 0.3;
  return text.length === 3 ? 0.03 : 0.01;
}

/** Roughly, the chance that a message satisfies the clause: the lower, the more messages it rules out. */
function clauseChance(clause: Clause): number {
  let none = 1;
  for (const fact of clause) none *= 1 - factChance(fact);
  return 1 - none;
}

/** A clause nearly every message satisfies is not worth checking. */
const USELESS_CHANCE = 0.995;

/** The word a literal run must be: exact when a space follows it, else its first three or four letters. */
function wordFact(run: string, wholeWord: boolean): Formula {
  if (wholeWord) return { kind: "fact", fact: `=${run}` };
  if (run.length < 3) return TRUE;
  return { kind: "fact", fact: `^${run.slice(0, 4)}` };
}

interface Reading {
  formula: Formula;
  /** The position after this part is certainly the start of a word (just after a space). */
  wordStartAfter: boolean;
}

function readAlternatives(alternatives: readonly AST.Alternative[], wordStart: boolean): Reading {
  const readings = alternatives.map((alternative) => readSequence(alternative.elements, wordStart));
  return {
    formula: { kind: "or", parts: readings.map((r) => r.formula) },
    wordStartAfter: readings.every((r) => r.wordStartAfter),
  };
}

function readSequence(elements: readonly AST.Element[], wordStartBefore: boolean): Reading {
  const parts: Formula[] = [];
  let wordStart = wordStartBefore;
  let run = "";
  let runIsWordStart = false;
  const endRun = (wholeWord: boolean) => {
    if (run && runIsWordStart) parts.push(wordFact(run, wholeWord));
    run = "";
  };
  for (const element of elements) {
    if (element.type === "Character") {
      if (element.value === 32) {
        endRun(true);
        wordStart = true;
      } else {
        if (!run) runIsWordStart = wordStart;
        run += String.fromCodePoint(element.value);
        wordStart = false;
      }
      continue;
    }
    endRun(false);
    if (element.type === "Assertion") continue; // zero width: where we are does not change
    const reading = readElement(element, wordStart);
    if (reading.required) parts.push(reading.formula);
    wordStart = reading.wordStartAfter;
  }
  endRun(false);
  return { formula: { kind: "and", parts }, wordStartAfter: wordStart };
}

function readElement(
  element: Exclude<AST.Element, AST.Character | AST.Assertion>,
  wordStart: boolean,
): Reading & { required: boolean } {
  switch (element.type) {
    case "Group":
    case "CapturingGroup":
      return { ...readAlternatives(element.alternatives, wordStart), required: true };
    case "Quantifier": {
      const inner = readQuantified(element.element, wordStart);
      // absent: nothing required and the position is unchanged; present: the first repetition's words
      if (element.min === 0)
        return { formula: TRUE, wordStartAfter: wordStart && inner.wordStartAfter, required: false };
      return { formula: inner.formula, wordStartAfter: inner.wordStartAfter, required: true };
    }
    default: // character classes, sets, back-references: a character of unknown kind
      return { formula: TRUE, wordStartAfter: false, required: false };
  }
}

function readQuantified(element: AST.QuantifiableElement, wordStart: boolean): Reading {
  if (element.type === "Character")
    return element.value === 32
      ? { formula: TRUE, wordStartAfter: true }
      : { formula: TRUE, wordStartAfter: false };
  if (element.type === "Group" || element.type === "CapturingGroup")
    return readAlternatives(element.alternatives, wordStart);
  return { formula: TRUE, wordStartAfter: false };
}

/** A clause while it is being worked out, with its chance worked out once. */
interface Scored {
  facts: readonly Fact[];
  chance: number;
}

function scored(facts: Iterable<Fact>): Scored {
  const unique = [...new Set(facts)];
  return { facts: unique, chance: clauseChance(unique) };
}

/** The formula as at most MAX_CLAUSES clauses that it implies, least likely first; [] when nothing is required. */
function toClauses(formula: Formula): Scored[] {
  switch (formula.kind) {
    case "true":
      return [];
    case "fact":
      return [scored([formula.fact])];
    case "and":
      return formula.parts.length === 1
        ? toClauses(formula.parts[0]!)
        : leastLikely(formula.parts.flatMap(toClauses));
    case "or": {
      if (formula.parts.length === 1) return toClauses(formula.parts[0]!);
      if (formula.parts.every((part) => part.kind === "fact"))
        return leastLikely([scored(formula.parts.map((part) => (part as { fact: Fact }).fact))]);
      const each: Scored[][] = [];
      for (const part of formula.parts) {
        const clauses = toClauses(part);
        if (clauses.length === 0) return [];
        each.push(clauses);
      }
      // "A or B" implies (one of A's clauses) or (one of B's clauses): the j-th clause of each, joined; past
      // the last clause of every part, the join would repeat itself
      const joined: Scored[] = [];
      const width = Math.min(MAX_CLAUSES, Math.max(...each.map((clauses) => clauses.length)));
      for (let j = 0; j < width; j++) {
        const picked = each.map((clauses) => clauses[Math.min(j, clauses.length - 1)]!.facts);
        if (picked.reduce((size, facts) => size + facts.length, 0) <= MAX_FACTS)
          joined.push(scored(picked.flat()));
      }
      return leastLikely(joined);
    }
  }
}

function leastLikely(clauses: Scored[]): Scored[] {
  return clauses
    .filter((clause) => clause.chance < USELESS_CHANCE)
    .sort((a, b) => a.chance - b.chance)
    .slice(0, MAX_CLAUSES);
}

const parser = new RegExpParser();

/** The clauses every match of `pattern` satisfies. Patterns built with `words()` start at a word start. */
export function requiredWords(pattern: RegExp): Clause[] {
  if (pattern.flags.includes("i")) return []; // normalised text is lower case; a case-blind pattern is not read
  const ast = parser.parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.unicode });
  const startsAtWord = pattern.source.startsWith("(?<![^ ])");
  return toClauses(readAlternatives(ast.alternatives, startsAtWord).formula).map((clause) => clause.facts);
}

// ── where a match can start ───────────────────────────────────────────────────────────────────────────

interface Start {
  /** The words a match can start with, or null when it could start with any word. */
  facts: Fact[] | null;
  /** The part can match nothing at all, so what follows it can start the match. */
  empty: boolean;
}

const ANY_WORD: Start = { facts: null, empty: false };

function unionFacts(a: Fact[] | null, b: Fact[] | null): Fact[] | null {
  return a === null || b === null ? null : [...a, ...b];
}

/** `spaceAfter`: a space always follows these alternatives, so a word that ends one of them is whole. */
function startOfAlternatives(alternatives: readonly AST.Alternative[], spaceAfter: boolean): Start {
  let facts: Fact[] | null = [];
  let empty = false;
  for (const alternative of alternatives) {
    const start = startOfSequence(alternative.elements, spaceAfter);
    facts = unionFacts(facts, start.facts);
    empty ||= start.empty;
  }
  return { facts, empty };
}

const isSpace = (element: AST.Element | undefined) => element?.type === "Character" && element.value === 32;

function startOfSequence(elements: readonly AST.Element[], spaceAfter: boolean): Start {
  let facts: Fact[] | null = [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.type === "Assertion") continue;
    const spaceNext = i + 1 < elements.length ? isSpace(elements[i + 1]) : spaceAfter;
    let start: Start;
    if (element.type === "Character") {
      // a run of letters at the start of the match: the first word, whole if a space follows it
      let run = "";
      let j = i;
      while (j < elements.length && elements[j]!.type === "Character" && !isSpace(elements[j])) {
        run += String.fromCodePoint((elements[j] as AST.Character).value);
        j++;
      }
      if (!run) return ANY_WORD;
      const whole = j < elements.length ? isSpace(elements[j]) : spaceAfter;
      start = { facts: [whole ? `=${run}` : `^${run}`], empty: false };
    } else if (element.type === "Group" || element.type === "CapturingGroup") {
      start = startOfAlternatives(element.alternatives, spaceNext);
    } else if (element.type === "Quantifier") {
      const inner =
        element.element.type === "Group" || element.element.type === "CapturingGroup"
          ? startOfAlternatives(element.element.alternatives, spaceNext && element.max === 1)
          : element.element.type === "Character" && !isSpace(element.element)
            ? { facts: [`^${String.fromCodePoint(element.element.value)}`], empty: false }
            : ANY_WORD;
      start = { facts: inner.facts, empty: inner.empty || element.min === 0 };
    } else return ANY_WORD;
    facts = unionFacts(facts, start.facts);
    if (facts === null) return ANY_WORD;
    if (!start.empty) return { facts, empty: false };
  }
  return { facts, empty: true };
}

/**
 * The words a match of `pattern` can start with (`=word` exactly, `^pre` any word starting so), or null when
 * that cannot be read off the pattern. Only patterns built with `words()` start at a word.
 */
export function firstWords(pattern: RegExp): Fact[] | null {
  if (pattern.flags.includes("i") || !pattern.source.startsWith("(?<![^ ])")) return null;
  const ast = parser.parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.unicode });
  const start = startOfAlternatives(ast.alternatives, false);
  return start.empty || start.facts === null ? null : [...new Set(start.facts)];
}
