// Loaders for the labelled text used to train and test the message analyser.
//
// The public sets live outside the repository, in ../shared/data (or $SHIELD_DATA_DIR): see its README for
// sources, labels and licences. The UK candidate set lives in data/uk-candidates/ (or $SHIELD_UK_DIR).
// Every loader returns rows in one shape, `LabelledText`, with a deterministic train/dev split (split.ts).
// Texts are decoded to what a person would read (HTML entities, Kaggle's escape sequences); @USER and URL
// placeholders are kept as they are.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import {
  CATEGORIES,
  CHARACTERISTICS,
  LEVELS,
  parseProfile,
  ProfileError,
  type Category,
  type Characteristic,
  type Level,
  type PrivateDetailsProfile,
} from "../../src/core/analysis/index.ts";
import { splitOf, type Split } from "./split.ts";

export type Source = "davidson" | "olid" | "kaggle" | "jigsaw" | "uk";
export type LabelValue = string | number | boolean | string[];

export interface LabelledText {
  /** Unique across all sources: "<source>:<key>", e.g. "olid:86426", "kaggle:17" (data row, 1-based). */
  id: string;
  source: Source;
  split: Split;
  text: string;
  /** The source's own notion of abusive or offensive, mapped to one boolean (see each loader). */
  abusive: boolean;
  labels: Record<string, LabelValue>;
}

/** Thrown when a data file or folder is not there: eval exits 1 on it, other errors are bugs. */
export class DataMissingError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "DataMissingError";
  }
}

// ---------------------------------------------------------------------------------------------------------
// Locations

/** The repository root: the nearest folder above this file that holds package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
    dir = parent;
  }
}

/** The shared labelled-data folder: $SHIELD_DATA_DIR, else ../shared/data beside the repository. */
export function dataDir(): string {
  const fromEnv = process.env.SHIELD_DATA_DIR;
  const dir = fromEnv ? resolve(fromEnv) : resolve(repoRoot(), "..", "shared", "data");
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataMissingError(
      `Labelled data folder not found: ${dir}` +
        (fromEnv ? " (from SHIELD_DATA_DIR)" : " (set SHIELD_DATA_DIR to use another folder)"),
      dir,
    );
  }
  return dir;
}

/** The UK candidate set's folder: $SHIELD_UK_DIR, else data/uk-candidates in the repository. */
export function ukDataDir(): string {
  const fromEnv = process.env.SHIELD_UK_DIR;
  return fromEnv ? resolve(fromEnv) : join(repoRoot(), "data", "uk-candidates");
}

export const UK_FILES = [
  "messages.jsonl",
  "handwritten.jsonl",
  "written-a.jsonl",
  "written-b.jsonl",
  "written-c.jsonl",
  "blind.jsonl",
] as const;
/**
 * "written": messages written one at a time in three styles (social media, letters, texts): development data.
 * "blind": written by someone who had not read the rules, and kept unread by whoever changes them.
 */
export type UkFile = "messages" | "handwritten" | "written" | "blind";

/** Which UK set files are present (possibly none while the set is being written). */
export function ukFilesPresent(): string[] {
  return UK_FILES.filter((f) => existsSync(join(ukDataDir(), f)));
}

/** True when at least one of the UK set's files exists. */
export function ukSetExists(): boolean {
  return ukFilesPresent().length > 0;
}

function dataFile(...parts: string[]): string {
  const path = join(dataDir(), ...parts);
  if (!existsSync(path)) throw new DataMissingError(`Data file not found: ${path}`, path);
  return path;
}

function readText(path: string): string {
  const text = readFileSync(path, "utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readCsv(path: string): string[][] {
  return parse(readText(path), {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
  }) as string[][];
}

function checkHeader(path: string, header: string[] | undefined, expected: string[]): void {
  if (!header || header.join("\u0000") !== expected.join("\u0000")) {
    throw new Error(
      `${path}: unexpected header ${JSON.stringify(header)}, expected ${JSON.stringify(expected)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text decoding

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  hellip: "\u2026",
  ndash: "\u2013",
  mdash: "\u2014",
};

function codePointOrNull(n: number): string | null {
  if (!Number.isInteger(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
  return String.fromCodePoint(n);
}

/**
 * Decodes HTML entities: &amp; &lt; &gt; &quot; &#39; &apos;, a few typographic names (&nbsp; &rsquo; …),
 * and numeric &#NNN; / &#xHH;. Unknown or invalid entities are left as they are. Double-encoded entities
 * (&amp;#8217;) are decoded too: up to three passes, stopping as soon as a pass changes nothing.
 */
export function decodeHtmlEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const next = current.replace(
      /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g,
      (whole, body: string) => {
        if (body[0] === "#") {
          const n =
            body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
          return codePointOrNull(n) ?? whole;
        }
        return NAMED_ENTITIES[body] ?? whole;
      },
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

// Windows-1252 for bytes 0x80–0x9F that are not part of UTF-8: mojibake is more readable than C1 controls.
const CP1252: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰",
  0x8a: "Š", 0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
  0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
}; // prettier-ignore

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes to text: valid UTF-8 sequences as UTF-8, any other byte as Windows-1252 / Latin-1. */
export function decodeBytes(bytes: readonly number[]): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    if (len > 1 && i + len <= bytes.length) {
      try {
        out += STRICT_UTF8.decode(Uint8Array.from(bytes.slice(i, i + len)));
        i += len;
        continue;
      } catch {
        // not UTF-8 here: fall through to a single byte
      }
    }
    out += CP1252[b] ?? String.fromCharCode(b);
    i += 1;
  }
  return out;
}

// Any run of backslashes before an escape: the Kaggle file mixes one and two levels of escaping
// ("\xa0", "\\xc2\\xa0", "\\\\n"), and no backslash in it stands for itself.
const ESCAPE = /\\+(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([ntr'"]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "'": "'", '"': '"' };

/**
 * Decodes the Kaggle insults file's Python-style escapes into real text: \n \t \r \' \", \uNNNN, and
 * runs of \xNN, which are read as UTF-8 bytes where they form UTF-8 (\xc2\xa0 → U+00A0) and as
 * Latin-1 / Windows-1252 otherwise (\xe4 → ä). Works at any escaping depth.
 */
export function decodePythonEscapes(text: string): string {
  let out = "";
  let bytes: number[] = [];
  let last = 0;
  const flush = (): void => {
    if (bytes.length > 0) out += decodeBytes(bytes);
    bytes = [];
  };
  for (const m of text.matchAll(ESCAPE)) {
    const index = m.index;
    if (index !== last) {
      flush();
      out += text.slice(last, index);
    }
    last = index + m[0].length;
    if (m[1] !== undefined) {
      bytes.push(parseInt(m[1], 16));
      continue;
    }
    flush();
    if (m[2] !== undefined) out += String.fromCharCode(parseInt(m[2], 16));
    else if (m[3] !== undefined) out += codePointOrNull(parseInt(m[3], 16)) ?? m[0];
    else out += SIMPLE_ESCAPES[m[4]!] ?? m[0];
  }
  flush();
  return out + text.slice(last);
}

/** A Kaggle comment cell ("\"You fuck your dad.\"") to plain text. */
export function decodeKaggleComment(cell: string): string {
  let body = cell;
  if (body.length >= 2 && body.startsWith('"') && body.endsWith('"')) body = body.slice(1, -1);
  return decodeHtmlEntities(decodePythonEscapes(body));
}

// ---------------------------------------------------------------------------------------------------------
// Public sets

/**
 * The split key of a public-set row: its decoded text, NFC, lower-cased, whitespace collapsed. Keying on
 * the text rather than the row id puts duplicate and near-duplicate rows (retweets, reposted comments) in
 * the same split, so dev figures are not inflated by rows the model saw in training.
 */
export function textKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Davidson et al. 2017 (24,783 tweets). abusive = class 0 (hate) or 1 (offensive).
 * labels: class (0|1|2), hate (class === 0), votes (annotators), hateVotes, offensiveVotes, neitherVotes.
 * Split key: the normalised text (textKey), so repeated tweets never straddle train and dev.
 */
export function loadDavidson(): LabelledText[] {
  const path = dataFile("davidson", "labeled_data.csv");
  const [header, ...rows] = readCsv(path);
  checkHeader(path, header, ["", "count", "hate_speech", "offensive_language", "neither", "class", "tweet"]);
  return rows.map((r, i) => {
    const [index, count, hate, offensive, neither, cls, tweet] = r;
    const klass = Number(cls);
    if (![0, 1, 2].includes(klass) || !index || tweet === undefined) {
      throw new Error(`${path}: bad row ${i + 2}: ${JSON.stringify(r).slice(0, 200)}`);
    }
    const text = decodeHtmlEntities(tweet);
    return {
      id: `davidson:${index}`,
      source: "davidson",
      split: splitOf("davidson", textKey(text)),
      text,
      abusive: klass !== 2,
      labels: {
        class: klass,
        hate: klass === 0,
        votes: Number(count),
        hateVotes: Number(hate),
        offensiveVotes: Number(offensive),
        neitherVotes: Number(neither),
      },
    };
  });
}

/** One OLID tweet cell: CSV-style quoting inside a TSV ("…""…""" → …"…"). */
function unquoteTsvCell(cell: string): string {
  if (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')) {
    return cell.slice(1, -1).replace(/""/g, '"');
  }
  return cell;
}

/**
 * OLID / OffensEval 2019 training set (13,240 tweets). abusive = subtask_a OFF.
 * labels: a ("OFF"|"NOT"), b ("TIN" targeted insult or threat | "UNT" | "NULL"), c ("IND"|"GRP"|"OTH"|"NULL").
 * Split key: the normalised text (textKey). The file is read one line per record (no field holds a newline): tweets that
 * contain quotes are CSV-quoted inside the TSV and are unquoted here.
 */
export function loadOlid(): LabelledText[] {
  const path = dataFile("olid", "olid-training-v1.0.tsv");
  const lines = readText(path).split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  const [header, ...rows] = lines;
  checkHeader(path, header?.split("\t"), ["id", "tweet", "subtask_a", "subtask_b", "subtask_c"]);
  return rows.map((line, i) => {
    const cells = line.split("\t");
    const [id, tweet, a, b, c] = cells;
    if (
      cells.length !== 5 ||
      !id ||
      tweet === undefined ||
      (a !== "OFF" && a !== "NOT") ||
      !["TIN", "UNT", "NULL"].includes(b!) ||
      !["IND", "GRP", "OTH", "NULL"].includes(c!)
    ) {
      throw new Error(`${path}: bad line ${i + 2}: ${line.slice(0, 200)}`);
    }
    const text = decodeHtmlEntities(unquoteTsvCell(tweet));
    return {
      id: `olid:${id}`,
      source: "olid",
      split: splitOf("olid", textKey(text)),
      text,
      abusive: a === "OFF",
      labels: { a, b: b!, c: c! },
    };
  });
}

/**
 * Kaggle "Detecting Insults in Social Commentary" training set (3,947 comments). abusive = Insult 1.
 * labels: insult (1|0). Text: escape sequences and entities decoded. Ids are "kaggle:<data row, 1-based>".
 * Split key: the normalised text (textKey).
 */
export function loadKaggle(): LabelledText[] {
  const path = dataFile("kaggle-insults", "train.csv");
  const [header, ...rows] = readCsv(path);
  checkHeader(path, header, ["Insult", "Date", "Comment"]);
  return rows.map((r, i) => {
    const [insult, , comment] = r;
    if ((insult !== "0" && insult !== "1") || comment === undefined) {
      throw new Error(`${path}: bad row ${i + 2}: ${JSON.stringify(r).slice(0, 200)}`);
    }
    const text = decodeKaggleComment(comment);
    return {
      id: `kaggle:${i + 1}`,
      source: "kaggle",
      split: splitOf("kaggle", textKey(text)),
      text,
      abusive: insult === "1",
      labels: { insult: Number(insult) },
    };
  });
}

const JIGSAW_TEMPLATES = [
  "am_hate_adj",
  "being_adj",
  "name_adj",
  "verb_adj",
  "you_are_adj",
  "you_occupation",
] as const;

/**
 * The identity term in a jigsaw bias template sentence. The term list is the set of X in the
 * am_hate_adj sentences "I am X" / "I hate X"; other templates end with the term ("… a great X",
 * "hug X"), except being_adj ("Being X is ADJ"). Multi-word terms win over their last word
 * ("african american" over "american").
 */
function jigsawIdentity(template: string, phrase: string, terms: readonly string[]): string | undefined {
  if (template === "you_occupation") return undefined;
  const m = /^Being (.+) is \S+$/.exec(phrase);
  if (template === "being_adj") return m && terms.includes(m[1]!) ? m[1] : undefined;
  return terms.find((t) => phrase === t || phrase.endsWith(` ${t}`));
}

/**
 * Jigsaw unintended-bias sentence templates (76,564 sentences, toxic/nontoxic 50/50). All rows are "dev":
 * this set is for testing only. abusive = toxicity "toxic".
 * labels: template (am_hate_adj|being_adj|name_adj|verb_adj|you_are_adj|you_occupation), toxicity,
 * identity (the identity term, when the template has one), occupation (you_occupation only).
 */
export function loadJigsaw(): LabelledText[] {
  const path = dataFile("jigsaw-bias", "en_sentence_templates.csv");
  const [header, ...rows] = readCsv(path);
  checkHeader(path, header, ["template", "toxicity", "phrase"]);
  const terms = [
    ...new Set(
      rows
        .filter((r) => r[0] === "am_hate_adj")
        .map((r) => (r[2] ?? "").replace(/^I (am|hate) /, ""))
        .filter((t) => t.length > 0),
    ),
  ].sort((a, b) => b.length - a.length);
  return rows.map((r, i) => {
    const [template, toxicity, phrase] = r;
    if (
      !JIGSAW_TEMPLATES.includes(template as (typeof JIGSAW_TEMPLATES)[number]) ||
      (toxicity !== "toxic" && toxicity !== "nontoxic") ||
      !phrase
    ) {
      throw new Error(`${path}: bad row ${i + 2}: ${JSON.stringify(r).slice(0, 200)}`);
    }
    const labels: Record<string, LabelValue> = { template: template!, toxicity };
    const identity = jigsawIdentity(template!, phrase, terms);
    if (identity !== undefined) labels.identity = identity;
    if (template === "you_occupation") labels.occupation = phrase.replace(/^You are an? \S+ /, "");
    return {
      id: `jigsaw:${i + 1}`,
      source: "jigsaw",
      split: "dev",
      text: phrase,
      abusive: toxicity === "toxic",
      labels,
    };
  });
}

export interface PiiSpan {
  /** Presidio entity type: PERSON, STREET_ADDRESS, PHONE_NUMBER, EMAIL_ADDRESS, CREDIT_CARD, … */
  type: string;
  value: string;
  /** UTF-16 offsets into text, end exclusive: text.slice(start, end) === value. */
  start: number;
  end: number;
}

export interface PiiExample {
  id: string;
  split: Split;
  text: string;
  spans: PiiSpan[];
  templateId: number;
}

/**
 * Presidio's synthetic PII sentences (1,500, US-centric). Split by template id so that sentences made
 * from one template stay together. Not part of loadTrainingSet(): it has no abusive label.
 */
export function loadPresidio(): PiiExample[] {
  const path = dataFile("presidio", "synth_dataset_v2.json");
  const raw = JSON.parse(readText(path)) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a JSON array`);
  return raw.map((item: unknown, i: number) => {
    const r = item as {
      full_text?: unknown;
      template_id?: unknown;
      spans?: { entity_type: string; entity_value: string; start_position: number; end_position: number }[];
    };
    if (typeof r.full_text !== "string" || !Array.isArray(r.spans) || typeof r.template_id !== "number") {
      throw new Error(`${path}: bad item ${i}`);
    }
    const text = r.full_text;
    const spans = r.spans.map((s) => {
      if (text.slice(s.start_position, s.end_position) !== s.entity_value) {
        throw new Error(`${path}: item ${i}: span ${s.entity_type} does not match its offsets`);
      }
      return { type: s.entity_type, value: s.entity_value, start: s.start_position, end: s.end_position };
    });
    return {
      id: `presidio:${i + 1}`,
      split: splitOf("presidio", String(r.template_id)),
      text,
      spans,
      templateId: r.template_id,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// UK candidate set

export interface UkRecord {
  id: string;
  text: string;
  expectedLevel: Level;
  kind: string;
  categories: Category[];
  characteristic?: Characteristic;
  usesProfile: boolean;
  split: Split;
  origin: string;
  template?: string;
  /** Which file the record came from. */
  file: UkFile;
}

function ukRecord(raw: unknown, where: string): UkRecord {
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why}`);
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("not a JSON object");
  const r = raw as Record<string, unknown>;
  const str = (k: string): string => {
    const v = r[k];
    if (typeof v !== "string" || v.length === 0) fail(`"${k}" must be a non-empty string`);
    return v as string;
  };
  const id = str("id");
  const text = str("text");
  const expectedLevel = str("expectedLevel");
  if (!(LEVELS as readonly string[]).includes(expectedLevel))
    fail(`unknown expectedLevel "${expectedLevel}"`);
  const kind = str("kind");
  const origin = str("origin");
  const split = str("split");
  if (split !== "train" && split !== "dev") fail(`split must be "train" or "dev", not "${split}"`);
  if (!Array.isArray(r.categories)) fail(`"categories" must be an array`);
  const categories = r.categories as unknown[];
  for (const c of categories) {
    if (typeof c !== "string" || !(CATEGORIES as readonly string[]).includes(c)) {
      fail(`unknown category ${JSON.stringify(c)}`);
    }
  }
  if (typeof r.usesProfile !== "boolean") fail(`"usesProfile" must be true or false`);
  const record: UkRecord = {
    id,
    text,
    expectedLevel: expectedLevel as Level,
    kind,
    categories: categories as Category[],
    usesProfile: r.usesProfile as boolean,
    split: split as Split,
    origin,
    file: "messages",
  };
  if (r.characteristic !== undefined && r.characteristic !== null) {
    const c = r.characteristic;
    if (typeof c !== "string" || !(CHARACTERISTICS as readonly string[]).includes(c)) {
      fail(`unknown characteristic ${JSON.stringify(c)}`);
    }
    record.characteristic = c as Characteristic;
  }
  if (r.template !== undefined && r.template !== null) record.template = str("template");
  return record;
}

/**
 * The UK candidate set's records, as written, from each of UK_FILES in turn (whichever
 * exist). Validates every record (levels, categories, characteristics against the analyser's lists) and
 * throws naming file:line on the first bad one, or on a duplicate id. Throws DataMissingError when
 * neither file exists.
 */
export function loadUkRecords(): UkRecord[] {
  const dir = ukDataDir();
  const present = ukFilesPresent();
  if (present.length === 0) {
    throw new DataMissingError(`UK candidate set not found: no ${UK_FILES.join(" or ")} in ${dir}`, dir);
  }
  const records: UkRecord[] = [];
  const seen = new Map<string, string>();
  for (const name of present) {
    const path = join(dir, name);
    const file = name.replace(/\.jsonl$/, "").replace(/^written-.*/, "written") as UkFile;
    readText(path)
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (line.trim() === "") return;
        const where = `${path}:${i + 1}`;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch (e) {
          throw new Error(`${where}: not valid JSON (${(e as Error).message})`);
        }
        const record = { ...ukRecord(raw, where), file };
        const before = seen.get(record.id);
        if (before) throw new Error(`${where}: duplicate id "${record.id}" (first at ${before})`);
        seen.set(record.id, where);
        records.push(record);
      });
  }
  return records;
}

/**
 * The UK candidate set as LabelledText. Uses each record's own split. abusive = expectedLevel is not
 * "keep-record". id: "uk:<record id>". labels: expectedLevel, kind, categories (string[]),
 * characteristic (only when the record has one), usesProfile, origin, file ("messages", "handwritten",
 * "written" or "blind"), template (only when the record has one).
 */
export function loadUkSet(): LabelledText[] {
  return loadUkRecords().map((r) => {
    const labels: Record<string, LabelValue> = {
      expectedLevel: r.expectedLevel,
      kind: r.kind,
      categories: [...r.categories],
      usesProfile: r.usesProfile,
      origin: r.origin,
      file: r.file,
    };
    if (r.characteristic !== undefined) labels.characteristic = r.characteristic;
    if (r.template !== undefined) labels.template = r.template;
    return {
      id: `uk:${r.id}`,
      source: "uk",
      split: r.split,
      text: r.text,
      abusive: r.expectedLevel !== "keep-record",
      labels,
    };
  });
}

/** data/uk-candidates/profile.json, validated with parseProfile (throws ProfileError on a bad field). */
export function loadUkProfile(): PrivateDetailsProfile {
  const path = join(ukDataDir(), "profile.json");
  if (!existsSync(path)) throw new DataMissingError(`UK profile not found: ${path}`, path);
  let raw: unknown;
  try {
    raw = JSON.parse(readText(path));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  try {
    return parseProfile(raw);
  } catch (e) {
    if (e instanceof ProfileError) throw new ProfileError(`${path}: ${e.message}`, e.field);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Training set

export interface TrainingSetOptions {
  /**
   * The UK set: "if-present" (default) includes it when its files exist and skips it silently otherwise;
   * "required" throws DataMissingError when it is missing; "skip" leaves it out.
   */
  uk?: "if-present" | "required" | "skip";
}

/** All train-split rows of davidson, olid, kaggle and the UK set, in that order. Jigsaw is test-only. */
export function loadTrainingSet(options: TrainingSetOptions = {}): LabelledText[] {
  const uk = options.uk ?? "if-present";
  const rows = [...loadDavidson(), ...loadOlid(), ...loadKaggle()];
  if (uk === "required" || (uk === "if-present" && ukSetExists())) rows.push(...loadUkSet());
  return rows.filter((r) => r.split === "train");
}
