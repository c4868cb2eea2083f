// Which pattern rules to try on a stretch of text, and where: a cheap pre-check before running patterns.
//  - a rule is tried only if one of its hand-written cue words is there (rules.ts), and every clause of words
//    its pattern cannot match without (rule-requirements.ts) holds;
//  - where the words a match can start with are known, the pattern is tried only at those words (sticky), not
//    at every character.
// What each word of a message hits is remembered, since messages share most of their words.
import { firstWords, requiredWords } from "./rule-requirements.ts";
import { PATTERN_RULES } from "./rules.ts";

/** A cue matches any word that starts with its first four letters: "glass" cues "glasses" and "glassed". */
const cueKey = (word: string): string => (word.length > 4 ? word.slice(0, 4) : word);

/** For each cue key, the indices of the rules it can wake; rules without cues always run. */
const RULES_BY_CUE = new Map<string, number[]>();
PATTERN_RULES.forEach((rule, index) => {
  for (const cue of new Set(rule.cues.map(cueKey))) {
    const list = RULES_BY_CUE.get(cue) ?? [];
    list.push(index);
    RULES_BY_CUE.set(cue, list);
  }
});
const ALWAYS = PATTERN_RULES.map((rule, index) => (rule.cues.length === 0 ? index : -1)).filter(
  (i) => i >= 0,
);

/**
 * Each rule's required words (rule-requirements.ts) as clause ids, and which clauses each word satisfies; and
 * for the rules whose matches can only start at certain words, a sticky copy of the pattern and those words.
 */
interface RuleIndex {
  clausesOfRule: number[][];
  byWord: Map<string, number[]>;
  byPrefix: Map<string, number[]>;
  clauseCount: number;
  sticky: Array<RegExp | null>;
  startsByWord: Map<string, number[]>;
  startsByPrefix: Map<string, number[]>;
  longestStartPrefix: number;
}

let ruleIndex: RuleIndex | undefined;

function addTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Built on first use (~80 ms of reading patterns), not when the rules are imported. */
function indexOfRules(): RuleIndex {
  if (ruleIndex) return ruleIndex;
  const index: RuleIndex = {
    clausesOfRule: [],
    byWord: new Map(),
    byPrefix: new Map(),
    clauseCount: 0,
    sticky: [],
    startsByWord: new Map(),
    startsByPrefix: new Map(),
    longestStartPrefix: 0,
  };
  PATTERN_RULES.forEach((rule, ruleNumber) => {
    const ids: number[] = [];
    for (const clause of requiredWords(rule.pattern)) {
      const id = index.clauseCount++;
      ids.push(id);
      for (const fact of clause)
        addTo(fact.startsWith("=") ? index.byWord : index.byPrefix, fact.slice(1), id);
    }
    index.clausesOfRule.push(ids);
    const starts = firstWords(rule.pattern);
    index.sticky.push(
      starts ? new RegExp(rule.pattern.source, `${rule.pattern.flags.replace("g", "")}y`) : null,
    );
    for (const fact of starts ?? []) {
      const word = fact.slice(1);
      if (fact.startsWith("=")) addTo(index.startsByWord, word, ruleNumber);
      else {
        addTo(index.startsByPrefix, word, ruleNumber);
        index.longestStartPrefix = Math.max(index.longestStartPrefix, word.length);
      }
    }
  });
  return (ruleIndex = index);
}

/** What one word of a message contributes: the rules it cues, the clauses it satisfies, the rules it can start. */
export interface WordHits {
  rules: readonly number[];
  clauses: readonly number[];
  /** starts[rule] is 1 when a match of that rule can start at this word. */
  starts: Uint8Array | null;
}
const NO_HITS: WordHits = { rules: [], clauses: [], starts: null };

/** Words seen recently and what they hit (messages share most of their words); cleared when full. */
const hitsOfWord = new Map<string, WordHits>();
const MAX_REMEMBERED_WORDS = 50_000;

export function hitsOf(word: string): WordHits {
  let hits = hitsOfWord.get(word);
  if (hits) return hits;
  const index = indexOfRules();
  const rules = [...(RULES_BY_CUE.get(word) ?? [])];
  if (word.length > 4) rules.push(...(RULES_BY_CUE.get(word.slice(0, 4)) ?? []));
  const clauses = [...(index.byWord.get(word) ?? [])];
  if (word.length >= 3) clauses.push(...(index.byPrefix.get(word.slice(0, 3)) ?? []));
  if (word.length >= 4) clauses.push(...(index.byPrefix.get(word.slice(0, 4)) ?? []));
  const startRules = [...(index.startsByWord.get(word) ?? [])];
  for (let length = 1; length <= Math.min(word.length, index.longestStartPrefix); length++)
    startRules.push(...(index.startsByPrefix.get(word.slice(0, length)) ?? []));
  let starts: Uint8Array | null = null;
  if (startRules.length > 0) {
    starts = new Uint8Array(PATTERN_RULES.length);
    for (const rule of startRules) starts[rule] = 1;
  }
  hits = rules.length === 0 && clauses.length === 0 && starts === null ? NO_HITS : { rules, clauses, starts };
  if (hitsOfWord.size >= MAX_REMEMBERED_WORDS) hitsOfWord.clear();
  hitsOfWord.set(word, hits);
  return hits;
}

/**
 * The pattern of rule `rule` as a sticky copy, to be tried only at words whose hits' `starts` has the rule;
 * null when a match could start anywhere (then run the global pattern over the text).
 */
export function stickyPattern(rule: number): RegExp | null {
  return indexOfRules().sticky[rule]!;
}

/** Scratch space for rulesToTry: which clauses the words satisfy. */
let satisfied = new Uint8Array(0);

/** Which rules could match a stretch of text with these words' hits (a cheap check before running patterns). */
export function rulesToTry(words: Iterable<WordHits>): Uint8Array {
  const index = indexOfRules();
  const run = new Uint8Array(PATTERN_RULES.length);
  if (satisfied.length !== index.clauseCount) satisfied = new Uint8Array(index.clauseCount);
  else satisfied.fill(0);
  for (const rule of ALWAYS) run[rule] = 1;
  for (const hits of words) {
    if (hits === NO_HITS) continue;
    for (const rule of hits.rules) run[rule] = 1;
    for (const clause of hits.clauses) satisfied[clause] = 1;
  }
  // a rule runs when one of its cues is there and every one of its required-word clauses holds
  for (let rule = 0; rule < run.length; rule++) {
    if (!run[rule]) continue;
    for (const clause of index.clausesOfRule[rule]!)
      if (!satisfied[clause]) {
        run[rule] = 0;
        break;
      }
  }
  return run;
}
