// Finding the candidate's private details in a message, in any spelling or format, and never the details
// they registered as public. Without a profile, address-like and phone-like details are still noticed.
import { isValid as isValidPostcode, toNormalised as normalisePostcode } from "postcode";
import type { PrivateDetailKind, PrivateDetailsProfile, Span } from "./types.ts";
import { wordTable } from "./word-table.ts";

export interface DetailMatch {
  kind: PrivateDetailKind;
  span: Span;
  /** Registered in the profile (call-999), or only looks like one (report-to-police). */
  registered: boolean;
  /** Family names and schools reveal little alone: they count with another private detail or hostility. */
  needsCompanion: boolean;
}

export interface CompiledProfile {
  readonly profile: PrivateDetailsProfile;
  /** One alternation over the canonical text; group i+1 is detail `details[i]`. */
  readonly registered: RegExp | null;
  readonly details: ReadonlyArray<{ kind: PrivateDetailKind; needsCompanion: boolean }>;
  /** Lower-case fragments of which every registered detail contains one: a quick "could it be here?". */
  readonly anchors: readonly string[];
  readonly privatePhones: ReadonlySet<string>;
  readonly publicPhones: ReadonlySet<string>;
  readonly privatePostcodes: ReadonlySet<string>;
  readonly publicPostcodes: ReadonlySet<string>;
  /** Canonical street lines of public addresses ("12 market st"), never flagged, as patterns over canonical text. */
  readonly publicStreets: readonly RegExp[];
}

// ── canonical text: lower case, accents and apostrophes gone, punctuation as spaces, street types short ──

const STREET_TYPE_SHORT: ReadonlyMap<string, string> = wordTable({
  street: "st",
  road: "rd",
  lane: "ln",
  avenue: "ave",
  av: "ave",
  close: "cl",
  drive: "dr",
  crescent: "cres",
  terrace: "ter",
  terr: "ter",
  gardens: "gdns",
  garden: "gdn",
  place: "pl",
  court: "ct",
  square: "sq",
  grove: "gr",
  park: "pk",
  mews: "mews",
  way: "way",
  walk: "wlk",
  hill: "hl",
  row: "row",
  green: "grn",
  rise: "rise",
  view: "view",
  saint: "st",
});

interface Canonical {
  text: string;
  /** Original offset of each canonical character. */
  at: number[];
}

/** Canonical form for matching: "27, Orchard Close." → "27 orchard cl", "St. Chad’s" → "st chads". */
export function canonical(source: string): Canonical {
  let text = "";
  const at: number[] = [];
  let word = "";
  let wordAt: number[] = [];
  const flush = () => {
    if (!word) return;
    const short = STREET_TYPE_SHORT.get(word);
    const out = short ?? word;
    if (text.length > 0) {
      text += " ";
      at.push(wordAt[0]!);
    }
    for (let i = 0; i < out.length; i++) at.push(wordAt[Math.min(i, wordAt.length - 1)]!);
    // the short form's last character stands for the whole word
    if (short) at[at.length - 1] = wordAt[wordAt.length - 1]!;
    text += out;
    word = "";
    wordAt = [];
  };
  const append = (i: number, folded: string) => {
    word += folded;
    wordAt.push(i);
  };
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code < 128) {
      if (code === 39) continue; // '
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) append(i, source[i]!);
      else if (code >= 65 && code <= 90) append(i, String.fromCharCode(code + 32));
      else flush();
      continue;
    }
    if (code === 0x2019 || code === 0x2018) continue; // ’ ‘
    const folded = source[i]!.toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "");
    if (/^[a-z0-9]$/.test(folded)) append(i, folded);
    else flush();
  }
  flush();
  return { text, at };
}

function canonicalSpan(source: string, c: Canonical, from: number, to: number): Span {
  const start = c.at[from]!;
  const end = c.at[to - 1]! + 1;
  return { start, end, text: source.slice(start, end) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A canonical phrase as a pattern that tolerates missing spaces between letters and digits ("ls6 2qt"/"ls62qt"). */
function phrasePattern(phrase: string): string {
  return phrase.split(" ").map(escape).join(" ?");
}

function streetLines(address: string): { numbered: string | null; street: string | null } {
  const firstLine = canonical(address.split(/[,\n]/)[0] ?? "").text;
  const match = /^(\d+[a-z]?) (.+)$/.exec(firstLine);
  if (match) return { numbered: firstLine, street: match[2]!.split(" ").length >= 2 ? match[2]! : null };
  return { numbered: null, street: firstLine.split(" ").length >= 2 ? firstLine : null };
}

// ── phones ─────────────────────────────────────────────────────────────────────────────────────────────

/** "+44 (0)7911 123-456" → "07911123456". */
export function nationalDigits(raw: string): string {
  let digits = raw.replace(/\(0\)/g, "").replace(/\D/g, "");
  if (raw.trim().startsWith("+44") || digits.startsWith("0044"))
    digits = "0" + digits.replace(/^(?:00)?44/, "");
  else if (digits.startsWith("44") && digits.length === 12) digits = "0" + digits.slice(2);
  return digits;
}

const PHONE_IN_TEXT = /(?:\+|\b00)?\d[\d \t().-]{7,17}\d/g;

function phonesIn(text: string): Array<{ digits: string; span: Span }> {
  const out: Array<{ digits: string; span: Span }> = [];
  if (!/\d{3}/.test(text.replace(/[ .-]/g, ""))) return out;
  PHONE_IN_TEXT.lastIndex = 0;
  for (let m = PHONE_IN_TEXT.exec(text); m; m = PHONE_IN_TEXT.exec(text)) {
    const digits = nationalDigits(m[0]);
    if (digits.length < 10 || digits.length > 11) continue;
    out.push({ digits, span: { start: m.index, end: m.index + m[0].length, text: m[0] } });
  }
  return out;
}

// ── compiling a profile ───────────────────────────────────────────────────────────────────────────────

export function compileProfile(profile: PrivateDetailsProfile): CompiledProfile {
  const details: Array<{ kind: PrivateDetailKind; needsCompanion: boolean }> = [];
  const alternatives: string[] = [];
  const anchors = new Set<string>();
  /** `phrase` is the detail in canonical form: its longest word must appear in any spelling of it. */
  const add = (kind: PrivateDetailKind, pattern: string, phrase: string, needsCompanion = false) => {
    details.push({ kind, needsCompanion });
    alternatives.push(`(${pattern})`);
    const words = phrase.split(" ").filter((w) => w.length >= 2);
    anchors.add(words.sort((a, b) => b.length - a.length)[0] ?? phrase);
  };
  const priv = profile.private ?? {};
  const pub = profile.public ?? {};
  const privatePostcodes = new Set<string>();
  if (priv.homeAddress) {
    const { numbered, street } = streetLines(priv.homeAddress);
    if (numbered) add("homeAddress", phrasePattern(numbered), numbered);
    if (street) add("homeAddress", phrasePattern(street), street);
    for (const code of priv.homeAddress.match(/[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}/gi) ?? []) {
      privatePostcodes.add(
        normalisePostcode(code)?.replace(" ", "") ?? code.replace(/\s/g, "").toUpperCase(),
      );
    }
  }
  for (const email of priv.emails ?? []) {
    const [local, domain] = email.toLowerCase().split("@");
    if (!local || !domain) continue;
    const at = "(?:at )?";
    const dot = "(?: ?dot ?| )";
    add(
      "email",
      `${phrasePattern(canonical(local).text)} ?${at}${domain
        .split(".")
        .map((p) => phrasePattern(canonical(p).text))
        .join(dot)}`,
      canonical(local).text,
    );
  }
  for (const vehicle of priv.vehicles ?? []) {
    const compact = vehicle.toLowerCase().replace(/[^a-z0-9]/g, "");
    if (compact.length >= 2) add("vehicle", compact.split("").map(escape).join(" ?"), compact.slice(0, 2));
  }
  for (const name of priv.family ?? []) {
    const first = canonical(name).text;
    if (first) add("family", `${phrasePattern(first)}s?`, first, true);
  }
  for (const school of priv.schools ?? []) {
    // "St Chad's Primary School" is also "St Chad's"; a one-word core ("Headingley") is an area, so keep the full name
    const full = canonical(school).text;
    const core = full.replace(
      /(?: (?:primary|secondary|high|junior|infant|infants|grammar|church of england|c of e|ce|rc|catholic))*(?: (?:school|academy|college))?$/,
      "",
    );
    const name = core.includes(" ") ? core : full.replace(/ (?:school|academy|college)$/, "");
    if (name)
      add(
        "school",
        `${phrasePattern(name)}(?: (?:primary|secondary|high|junior|infant|infants|grammar))?(?: school| academy| college)?`,
        name,
        true,
      );
  }
  for (const workplace of priv.workplaces ?? []) {
    // every distinctive part ("Leeds General Infirmary", "ward 14") and the initials of a long name ("LGI")
    for (const part of workplace.split(",")) {
      const core = canonical(part).text;
      if (core.length >= 4 && (core.includes(" ") || /\d/.test(core)))
        add("workplace", phrasePattern(core), core, true);
      const words = core.split(" ").filter((w) => /^[a-z]/.test(w));
      const initials = words.map((w) => w[0]).join("");
      if (words.length >= 3) add("workplace", initials, initials, true);
    }
  }
  for (const other of priv.other ?? []) {
    const core = canonical(other.split(",")[0] ?? other).text;
    if (core.length >= 4) add("other", phrasePattern(core), core, true);
  }
  const publicPostcodes = new Set<string>();
  const publicStreets: string[] = [];
  for (const office of pub.offices ?? []) {
    for (const code of office.match(/[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}/gi) ?? []) {
      publicPostcodes.add(code.replace(/\s/g, "").toUpperCase());
    }
    const { numbered, street } = streetLines(office);
    if (numbered) publicStreets.push(numbered);
    if (street) publicStreets.push(street);
  }
  return {
    profile,
    registered:
      alternatives.length > 0
        ? new RegExp(`(?<![a-z0-9])(?:${alternatives.join("|")})(?![a-z0-9])`, "g")
        : null,
    details,
    anchors: [...anchors].filter((a) => a.length > 0),
    privatePhones: new Set((priv.phones ?? []).map(nationalDigits).filter((d) => d.length >= 6)),
    publicPhones: new Set((pub.phones ?? []).map(nationalDigits)),
    privatePostcodes,
    publicPostcodes,
    publicStreets: publicStreets.map(
      (street) => new RegExp(`(?<![a-z0-9])${phrasePattern(street)}(?![a-z0-9])`, "g"),
    ),
  };
}

// ── finding details in a message ──────────────────────────────────────────────────────────────────────

const ADDRESS_LIKE =
  /\b\d{1,4}[a-z]?,?\s+(?:[a-z][a-z'’-]*\s+){1,3}(?:street|st|road|rd|lane|ln|avenue|ave|close|cl|drive|dr|way|crescent|cres|terrace|grove|place|pl|gardens|gdns|court|ct|square|sq|mews|row|walk|hill|park|rise|view|green)\b\.?/gi;
const POSTCODE_LIKE = /\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b/gi;
/** The detail is about a person (you, him, her, their home), not an office or venue. */
const PERSONAL =
  /\b(?:you|your|u|ur|ya|yours|he|she|his|her|hers|him|they|their|lives?|living|home|house|address|wife|husband|kids|family|mobile|personal|private|whatsapp|ring|text|phone)\b/i;
/** The sender's own details ("I live at", "my number is"): not aimed at the reader. */
const OWN_DETAIL_BEFORE =
  /\b(?:i live at|i am at|i'm at|im at|we live at|we are at|we're at|my address is|my address:|my number is|my mobile is|my phone is|call me on|ring me on|text me on|reach me on|contact me on|my house is|my flat is|i'm on|i am on)\W+(?:\w+\W+){0,6}$/i;
const VENUE_BEFORE =
  /\b(?:office|surgery|hall|centre|center|library|church|meeting|event|hustings|venue|held at|polling station|shop|cafe|pub|club|hq|headquarters|our|campaign|branch|school)\W+(?:\w+\W+){0,3}$/i;

function mayContain(text: string, anchors: readonly string[]): boolean {
  const lower = text.toLowerCase().replace(/['’‘]/g, "");
  for (const anchor of anchors) if (lower.includes(anchor)) return true;
  // letters hidden behind look-alikes or accents: fall back to the full match
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function findPrivateDetails(text: string, compiled: CompiledProfile | undefined): DetailMatch[] {
  const found: DetailMatch[] = [];
  const hasDigits = /\d/.test(text);
  let canonicalText: Canonical | undefined;
  const canonicalOf = () => (canonicalText ??= canonical(text));
  if (compiled?.registered && mayContain(text, compiled.anchors)) {
    const c = canonicalOf();
    const re = compiled.registered;
    re.lastIndex = 0;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      const group = m.findIndex((value, index) => index > 0 && value !== undefined);
      const detail = compiled.details[group - 1]!;
      found.push({
        ...detail,
        span: canonicalSpan(text, c, m.index, m.index + m[0].length),
        registered: true,
      });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  if (!hasDigits) return found;
  // the public addresses in the message: worked out only when something address-like is found
  let publicSpans: Span[] | undefined;
  const isPublic = (span: Span) => {
    if (publicSpans === undefined) {
      publicSpans = [];
      for (const re of compiled?.publicStreets ?? []) {
        const c = canonicalOf();
        re.lastIndex = 0;
        for (let m = re.exec(c.text); m; m = re.exec(c.text))
          publicSpans.push(canonicalSpan(text, c, m.index, m.index + m[0].length));
      }
    }
    return publicSpans.some((s) => overlaps(s, span));
  };
  for (const phone of phonesIn(text)) {
    if (compiled?.publicPhones.has(phone.digits)) continue;
    if (compiled?.privatePhones.has(phone.digits)) {
      found.push({ kind: "phone", span: phone.span, registered: true, needsCompanion: false });
    } else if (
      /^0[127]/.test(phone.digits) &&
      PERSONAL.test(text) &&
      !OWN_DETAIL_BEFORE.test(text.slice(0, phone.span.start))
    ) {
      found.push({ kind: "possible-phone", span: phone.span, registered: false, needsCompanion: false });
    }
  }
  POSTCODE_LIKE.lastIndex = 0;
  for (let m = POSTCODE_LIKE.exec(text); m; m = POSTCODE_LIKE.exec(text)) {
    if (!isValidPostcode(m[0])) continue;
    const code = m[0].replace(/\s/g, "").toUpperCase();
    const span = { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (compiled?.publicPostcodes.has(code) || isPublic(span)) continue;
    if (compiled?.privatePostcodes.has(code))
      found.push({ kind: "homeAddress", span, registered: true, needsCompanion: false });
    else if (
      PERSONAL.test(text) &&
      !VENUE_BEFORE.test(text.slice(0, m.index)) &&
      !OWN_DETAIL_BEFORE.test(text.slice(0, m.index))
    ) {
      found.push({ kind: "possible-address", span, registered: false, needsCompanion: false });
    }
  }
  ADDRESS_LIKE.lastIndex = 0;
  for (let m = ADDRESS_LIKE.exec(text); m; m = ADDRESS_LIKE.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (isPublic(span) || found.some((f) => overlaps(f.span, span))) continue;
    if (
      PERSONAL.test(text) &&
      !VENUE_BEFORE.test(text.slice(0, m.index)) &&
      !OWN_DETAIL_BEFORE.test(text.slice(0, m.index))
    ) {
      found.push({ kind: "possible-address", span, registered: false, needsCompanion: false });
    }
  }
  // a registered match wins over a look-alike on the same characters
  return found.filter((f) => f.registered || !found.some((g) => g.registered && overlaps(g.span, f.span)));
}
