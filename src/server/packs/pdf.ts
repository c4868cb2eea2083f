// The evidence pack's PDF: what a police officer, a court or the candidate reads. Cover, summary,
// timeline, each incident with its revisions, evidence (images embedded) and verdict, the people and
// patterns, the offences the incidents may constitute, and the SHA-256 of every file. DejaVu Sans is
// embedded so that Welsh (ŵ, ŷ) and other accented names render as written. Calm, plain English:
// "may constitute", never a finding.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { ManifestFile } from "../../core/evidence-pack/index.ts";
import { ukDateTime } from "../../core/evidence-pack/index.ts";
import type { IncidentBody } from "../../core/incident/model.ts";
import { PLATFORM_NAMES } from "../../core/incident/platform-names.ts";
import { HEADLINES, QUICK_QUESTIONS, type OffenceMatch } from "../../core/triage/index.ts";
import type { Level } from "../../core/analysis/types.ts";
import type { Finding, FindingKind } from "../../core/patterns/types.ts";
import type { PackIncident, PackRecords } from "./load.ts";
import { imageForPdf, type RasterImage } from "./png.ts";

type Doc = PDFKit.PDFDocument;

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);
const FONTS = {
  sans: join(FONT_DIR, "DejaVuSans.ttf"),
  bold: join(FONT_DIR, "DejaVuSans-Bold.ttf"),
  mono: join(FONT_DIR, "DejaVuSansMono.ttf"),
};

const MARGIN = 50;
const A4_WIDTH = 595.28;
const FOOTER = 30;
const COLOURS = { text: "#1a1a1a", muted: "#555555", rule: "#bbbbbb", box: "#f2f2f2" };
const LEVEL_COLOURS: Record<Level, string> = {
  "call-999": "#b00020",
  "report-to-police": "#b35900",
  "report-to-platform": "#1f5fa8",
  "keep-record": "#3d6b35",
};

export interface PdfInput {
  records: PackRecords;
  fingerprint: string;
  publicUrl: string;
  /** The pack's other files with their hashes (records, evidence, platform reports); empty for a PDF on its own. */
  files: readonly ManifestFile[];
  /** An evidence file's original bytes. */
  loadFile(sha256: string): Promise<Buffer>;
  /** Called between incidents, so a slow reader holds back the writing (bounded memory). */
  breathe(): Promise<void>;
}

// ---------------------------------------------------------------- words

const SHORT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const DAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const when = (d: Date | string) => SHORT.format(new Date(d));
const day = (d: Date | string) => DAY.format(new Date(d));

const CHANNELS: Record<string, string> = {
  doorstep: "On the doorstep",
  hustings: "At a hustings",
  street: "In the street",
  office: "At the office",
  home: "At home",
  letter: "Letter",
  "phone-call": "Phone call",
  "text-message": "Text message",
  email: "Email",
  "social-media": "Social media",
  "other-online": "Online",
  other: "Other",
};
// In the middle of a sentence: "(another platform)".
const PLATFORMS: Record<string, string> = { ...PLATFORM_NAMES, other: "another platform" };
const channelOf = (b: IncidentBody) =>
  `${CHANNELS[b.channel] ?? b.channel}${b.platform ? ` (${PLATFORMS[b.platform] ?? b.platform})` : ""}`;
const JURISDICTIONS: Record<string, string> = {
  "england-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};
const TARGETED: Record<string, string> = {
  candidate: "the candidate",
  family: "family",
  staff: "staff",
  volunteer: "volunteers",
  other: "others",
};
const ANSWER_WORDS: Record<string, string> = { yes: "Yes", no: "No", unsure: "Not sure" };
const SOURCES: Record<string, string> = {
  screenshot: "screenshot",
  photo: "photo",
  "message-copy": "copy of the message",
  "email-export": "exported email",
  recording: "recording",
  "letter-scan": "scan of a letter",
  document: "document",
  other: "other",
};
const FOLLOW_UPS: Record<string, string> = {
  "police-reference": "Police reference",
  action: "Action",
  outcome: "Outcome",
  note: "Note",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
/** Text as stored, without control characters pdfkit would draw as boxes. */
const clean = (text: string) => text.replace(/\t/g, "    ").replace(CONTROL, "");

// ---------------------------------------------------------------- layout

class Writer {
  readonly width: number;
  page = 0;
  /** Images drawn so far (for their names in the PDF). */
  images = 0;
  constructor(
    readonly doc: Doc,
    private readonly footer: string,
  ) {
    this.width = A4_WIDTH - 2 * MARGIN;
    doc.on("pageAdded", () => this.drawFooter());
  }

  private drawFooter() {
    const { doc } = this;
    this.page++;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("sans")
      .fontSize(7.5)
      .fillColor(COLOURS.muted)
      .text(`${this.footer} · page ${this.page}`, MARGIN, doc.page.height - FOOTER, {
        width: this.width,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
    doc.fillColor(COLOURS.text);
  }

  get bottom() {
    return this.doc.page.height - MARGIN - FOOTER / 2;
  }

  newPage() {
    this.doc.addPage();
    this.doc.x = MARGIN;
  }

  /** Starts a new page unless `height` points fit below the current position. */
  room(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  heading(text: string, size = 16) {
    this.room(size * 3);
    this.doc.x = MARGIN;
    this.doc
      .moveDown(0.4)
      .font("bold")
      .fontSize(size)
      .fillColor(COLOURS.text)
      .text(clean(text), { width: this.width });
    this.doc.moveDown(0.3);
  }

  para(text: string, options: { size?: number; colour?: string; bold?: boolean; indent?: number } = {}) {
    const size = options.size ?? 9.5;
    this.doc
      .font(options.bold ? "bold" : "sans")
      .fontSize(size)
      .fillColor(options.colour ?? COLOURS.text)
      .text(clean(text), MARGIN + (options.indent ?? 0), undefined, {
        width: this.width - (options.indent ?? 0),
      });
    this.doc.fillColor(COLOURS.text);
  }

  /** "Label: value" with the label in bold. */
  field(label: string, value: string | null | undefined, indent = 0) {
    if (value === null || value === undefined || value === "") return;
    this.doc
      .font("bold")
      .fontSize(9.5)
      .fillColor(COLOURS.text)
      .text(`${label}: `, MARGIN + indent, undefined, { continued: true, width: this.width - indent })
      .font("sans")
      .text(clean(value), { width: this.width - indent });
  }

  /** A quotation (a message as received, or a revision's words), indented with a bar. */
  quote(text: string, indent = 10) {
    const { doc } = this;
    const x = MARGIN + indent;
    const width = this.width - indent - 8;
    doc.font("sans").fontSize(9.5);
    const content = clean(text);
    const height = doc.heightOfString(content, { width });
    if (height < 200) this.room(height + 6);
    const top = doc.y;
    doc.fillColor(COLOURS.text).text(content, x + 8, top, { width });
    // The bar, on the page where the quotation ended (a long quotation runs over pages).
    const barTop = doc.y < top ? MARGIN : top;
    doc.moveTo(x, barTop).lineTo(x, doc.y).lineWidth(2).strokeColor(COLOURS.rule).stroke();
    doc.x = MARGIN;
    doc.moveDown(0.3);
  }

  hash(label: string, sha256: string, indent = 0) {
    this.doc
      .font("sans")
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(`${label} `, MARGIN + indent, undefined, { continued: true, width: this.width - indent })
      .font("mono")
      .fillColor(COLOURS.text)
      .text(sha256, { width: this.width - indent });
  }

  rule() {
    const { doc } = this;
    doc.moveDown(0.3);
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + this.width, doc.y)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.moveDown(0.5);
  }

  gap(lines = 0.5) {
    this.doc.moveDown(lines);
  }
}

// ---------------------------------------------------------------- sections

function cover(w: Writer, input: PdfInput) {
  const { records } = input;
  const { doc } = w;
  const first = records.incidents[0]!;
  const last = records.incidents.at(-1)!;
  doc.y = MARGIN + 40;
  doc
    .font("bold")
    .fontSize(26)
    .fillColor(COLOURS.text)
    .text("Evidence pack", MARGIN, undefined, { width: w.width });
  doc.moveDown(0.3);
  doc.font("sans").fontSize(14).text(clean(records.scopeTitle), { width: w.width });
  if (records.scope.kind === "incident") doc.fontSize(12).text(clean(first.body.summary), { width: w.width });
  doc.moveDown(1);
  w.field("Campaign", records.campaign.name);
  w.field("Police force", records.campaign.forceName ?? "not chosen yet");
  w.field("Law that applies", JURISDICTIONS[records.campaign.jurisdiction] ?? records.campaign.jurisdiction);
  w.field(
    "Incidents",
    records.incidents.length === 1
      ? `1, on ${day(first.body.occurredAt)}`
      : `${records.incidents.length}, from ${day(first.body.occurredAt)} to ${day(last.body.occurredAt)}`,
  );
  w.field("Evidence files", String(records.files.length));
  w.field(
    "Prepared by",
    `${records.generatedBy.displayName}, with Shield, on ${ukDateTime(records.generatedAt)}`,
  );
  w.field("Pack reference", records.packId);
  w.gap(1);

  w.heading("About this pack", 12);
  w.para(
    "This is the record kept by the candidate's team. Each incident is shown as it was recorded, with every change made to it since, who made it and why. Evidence files are kept exactly as they were received, and each one is identified by its SHA-256 fingerprint.",
  );
  w.gap(0.4);
  w.para(
    "Where this pack says an incident may constitute an offence, that is guidance drawn from published sources (the Crown Prosecution Service's guide and the statutes) to help the police and the candidate. It is not a legal finding: whether an offence was committed is for the police, prosecutors and the courts to decide.",
  );
  w.gap(0.4);
  w.para("All times are UK time (Europe/London).", { colour: COLOURS.muted });
  w.gap(1);

  w.heading("Checking that nothing was changed", 12);
  w.para(
    input.files.length > 0
      ? "The ZIP file this report came in holds the original evidence files, the records as data (records.json) and manifest.json, which lists the SHA-256 of every file. The manifest is signed with this Shield deployment's Ed25519 key. Anyone can check the whole pack offline with the command `shield verify PACK.zip`: it names any file that was changed, added or removed."
      : "This report was made on its own, without the ZIP bundle. The SHA-256 of every evidence file is listed with each incident and at the end; the evidence files themselves, and a signed manifest, come in the ZIP version of this pack.",
  );
  w.gap(0.4);
  w.para("The deployment's signing key has this fingerprint:");
  doc
    .font("mono")
    .fontSize(12)
    .text(input.fingerprint, MARGIN + 10, undefined, { width: w.width - 10 });
  doc.moveDown(0.3);
  w.para(
    `Compare it with the fingerprint the deployment publishes at ${input.publicUrl}/api/reference/signing-key, or ask the candidate's team to read it to you.`,
  );
  w.gap(1);
  w.para("If anyone is in immediate danger, call 999.", { bold: true });
}

function summary(w: Writer, records: PackRecords) {
  w.newPage();
  w.heading("Summary");
  const { incidents } = records;
  const byLevel = new Map<Level, number>();
  const byChannel = new Map<string, number>();
  for (const i of incidents) {
    byLevel.set(i.verdict.level, (byLevel.get(i.verdict.level) ?? 0) + 1);
    const c = channelOf(i.body);
    byChannel.set(c, (byChannel.get(c) ?? 0) + 1);
  }
  w.para(
    `${plural(incidents.length, "incident")} ${incidents.length === 1 ? "is" : "are"} in this pack, numbered #1 to #${incidents.length} in the order they happened.`,
  );
  w.gap(0.4);
  w.para("What Shield advised, by the guidance:", { bold: true });
  for (const level of ["call-999", "report-to-police", "report-to-platform", "keep-record"] as Level[]) {
    const n = byLevel.get(level);
    if (n) w.para(`${HEADLINES[level].headline}: ${n}`, { indent: 10 });
  }
  w.gap(0.4);
  w.para("How they happened:", { bold: true });
  for (const [channel, n] of [...byChannel].sort((a, b) => b[1] - a[1]))
    w.para(`${channel}: ${n}`, { indent: 10 });
  if (records.people.length > 0) {
    w.gap(0.4);
    w.para("People involved:", { bold: true });
    for (const person of records.people) {
      const labels = records.actors.filter((a) => a.person === person.person).map((a) => `'${a.body.label}'`);
      const inPack = incidents.filter((i) => i.actorIds.some((id) => person.actorIds.includes(id))).length;
      w.para(`${list(labels)}: ${plural(inPack, "incident")} in this pack`, { indent: 10 });
    }
  }
  const offences = offencesOf(records);
  if (offences.length > 0) {
    w.gap(0.4);
    w.para("What the incidents may constitute (see 'Possible offences'):", { bold: true });
    for (const o of offences)
      w.para(`${o.offence.title} (${o.offence.statute} ${o.offence.section}): ${refs(o.refs)}`, {
        indent: 10,
      });
  }
  const references = incidents.flatMap((i) =>
    i.followUps.filter((f) => f.policeReference).map((f) => `${f.policeReference} (#${i.ref})`),
  );
  if (references.length > 0) {
    w.gap(0.4);
    w.field("Police references recorded", list([...new Set(references)]));
  }
}

const refs = (ns: readonly number[]) => ranges(ns).join(", ");

function offencesOf(records: PackRecords) {
  const byId = new Map<string, { offence: OffenceMatch; refs: number[] }>();
  for (const i of records.incidents)
    for (const o of i.verdict.offences) {
      const entry = byId.get(o.id) ?? { offence: o, refs: [] };
      entry.refs.push(i.ref);
      byId.set(o.id, entry);
    }
  return [...byId.values()];
}

function timeline(w: Writer, records: PackRecords) {
  w.newPage();
  w.heading("Timeline");
  const { doc } = w;
  const cols = [
    { title: "#", x: 0, width: 28 },
    { title: "When", x: 28, width: 92 },
    { title: "How", x: 120, width: 95 },
    { title: "Advice", x: 215, width: 80 },
    { title: "What happened", x: 295, width: w.width - 295 },
  ];
  const header = () => {
    doc.font("bold").fontSize(8.5).fillColor(COLOURS.muted);
    const y = doc.y;
    for (const c of cols) doc.text(c.title, MARGIN + c.x, y, { width: c.width - 4, lineBreak: false });
    doc.y = y + 14;
    doc.fillColor(COLOURS.text);
  };
  header();
  for (const i of records.incidents) {
    const cells = [
      `#${i.ref}`,
      when(i.body.occurredAt),
      channelOf(i.body),
      HEADLINES[i.verdict.level].headline,
      clean(i.body.summary),
    ];
    doc.font("sans").fontSize(8.5);
    const height = Math.max(
      ...cells.map((text, k) => doc.heightOfString(text, { width: cols[k]!.width - 4 })),
    );
    if (doc.y + height + 4 > w.bottom) {
      w.newPage();
      header();
    }
    const y = doc.y;
    cells.forEach((text, k) => {
      doc
        .font(k === 3 ? "bold" : "sans")
        .fillColor(k === 3 ? LEVEL_COLOURS[i.verdict.level] : COLOURS.text)
        .text(text, MARGIN + cols[k]!.x, y, { width: cols[k]!.width - 4 });
    });
    doc.fillColor(COLOURS.text);
    doc.y = y + height + 4;
  }
  doc.x = MARGIN;
}

const FIELD_NAMES: Record<keyof IncidentBody, string> = {
  summary: "Summary",
  description: "What happened",
  occurredAt: "When it happened",
  location: "Where",
  channel: "How",
  platform: "Platform",
  url: "Address of the post or message",
  targeted: "Aimed at",
  actorIds: "People involved",
  unknownActorDescription: "Description of the person",
  witnesses: "Witnesses",
  impact: "How it affected people",
  actionTaken: "Action taken",
  answers: "Quick questions",
};

function valueOf(body: IncidentBody, key: keyof IncidentBody, actorLabel: (id: string) => string): string {
  switch (key) {
    case "occurredAt":
      return when(body.occurredAt);
    case "location": {
      const l = body.location;
      if (!l) return "";
      return [l.text, l.postcode, l.lat !== undefined ? `${l.lat}, ${l.lng}` : undefined]
        .filter(Boolean)
        .join(", ");
    }
    case "channel":
      return CHANNELS[body.channel] ?? body.channel;
    case "platform":
      return body.platform ? (PLATFORMS[body.platform] ?? body.platform) : "";
    case "targeted":
      return list(body.targeted.map((g) => TARGETED[g] ?? g));
    case "actorIds":
      return list(body.actorIds.map((id) => `'${actorLabel(id)}'`));
    case "witnesses":
      return body.witnesses.map((wi) => (wi.contact ? `${wi.name} (${wi.contact})` : wi.name)).join("; ");
    case "answers": {
      const a = body.answers;
      if (!a) return "";
      return QUICK_QUESTIONS.filter(
        (q) => a[q.id] !== undefined && !(Array.isArray(a[q.id]) && (a[q.id] as []).length === 0),
      )
        .map((q) => {
          const answer = a[q.id];
          return `${q.question} ${Array.isArray(answer) ? answer.join(", ") : (ANSWER_WORDS[answer as string] ?? answer)}`;
        })
        .join("\n");
    }
    default: {
      const value = body[key];
      return typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
    }
  }
}

const FINDING_TITLES: Record<FindingKind, string> = {
  "course-of-conduct": "Repeated contact by the same person",
  "fear-of-violence-repeated": "Threats, or fear of violence, on more than one occasion",
  "several-targets": "More than one person targeted",
  stalking: "Signs of stalking",
  "energy-burst": "A sudden burst of contact",
  "rising-severity": "Getting more serious",
  "online-to-in-person": "From messages to turning up in person",
  "approach-home": "Came to a home, family or workplace",
  fixation: "The same subject again and again",
  "warning-behaviour": "A warning sign known from threat assessment",
};

/** An incident's number in this pack, if it is in it. */
type RefOf = (id: string) => number | undefined;

/** "#1–#4, #7": incident numbers as ranges. */
function ranges(refs: readonly number[]): string[] {
  const numbers = [...new Set(refs)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < numbers.length;) {
    let end = k;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end++;
    parts.push(end === k ? `#${numbers[k]}` : `#${numbers[k]}–#${numbers[end]}`);
    k = end + 1;
  }
  return parts;
}

/** "#1–#4, #7 and 2 incidents not in this pack". */
function refRanges(ids: readonly string[], refOf: RefOf): string {
  const numbers = ids.map(refOf).filter((n): n is number => n !== undefined);
  const outside = new Set(ids.filter((id) => refOf(id) === undefined)).size;
  const parts = ranges(numbers);
  if (outside > 0) parts.push(`${plural(outside, "incident")} not in this pack`);
  return list(parts);
}

/** Each finding in full, with the incidents that make it. */
function findingsText(findings: readonly Finding[], refOf: RefOf) {
  return findings.map((f) => {
    const named = refRanges(f.incidentIds, refOf);
    return `${f.explanation}${named ? ` (incidents ${named})` : ""}`;
  });
}

async function incident(
  w: Writer,
  input: PdfInput,
  i: PackIncident,
  refOf: RefOf,
  actorLabel: (id: string) => string,
) {
  const { doc } = w;
  w.room(160);
  w.rule();
  doc
    .font("bold")
    .fontSize(13)
    .fillColor(COLOURS.text)
    .text(`#${i.ref}  ${clean(i.body.summary)}`, MARGIN, undefined, { width: w.width });
  doc
    .font("bold")
    .fontSize(9.5)
    .fillColor(LEVEL_COLOURS[i.verdict.level])
    .text(HEADLINES[i.verdict.level].headline);
  doc.fillColor(COLOURS.text).moveDown(0.3);
  w.field("When it happened", when(i.body.occurredAt));
  w.field("How", channelOf(i.body));
  w.field("Where", valueOf(i.body, "location", actorLabel));
  w.field("Address of the post or message", i.body.url);
  w.field("Aimed at", valueOf(i.body, "targeted", actorLabel));
  w.field("People involved", valueOf(i.body, "actorIds", actorLabel));
  w.field("Description of the person", i.body.unknownActorDescription);
  w.field("Witnesses", valueOf(i.body, "witnesses", actorLabel));
  w.field(
    "Recorded",
    `${when(i.recordedAt)} by ${i.recordedBy.displayName}${i.revisions.length > 1 ? `; amended ${plural(i.revisions.length - 1, "time")} since (see below)` : ""}`,
  );
  w.field("Incident id", i.id);
  if (i.body.description.trim() !== "") {
    w.gap(0.3);
    w.para("What happened, as recorded:", { bold: true });
    w.quote(i.body.description);
  }
  w.field("How it affected people", i.body.impact);
  w.field("Action taken", i.body.actionTaken);
  const answers = valueOf(i.body, "answers", actorLabel);
  if (answers) {
    w.para("Quick questions answered:", { bold: true });
    for (const line of answers.split("\n")) w.para(line, { indent: 10, size: 9 });
  }

  // The verdict.
  const reasons = i.verdict.reasons.filter((r) => r.kind !== "pattern").slice(0, 8);
  if (reasons.length > 0) {
    w.gap(0.3);
    w.room(40);
    w.para("Why Shield gave this advice:", { bold: true });
    for (const r of reasons)
      w.para(`• ${r.explanation}${r.where?.text ? ` Words: "${r.where.text}"` : ""}`, {
        indent: 10,
        size: 9,
      });
  }
  if (i.verdict.offences.length > 0) {
    w.room(40);
    w.para("It may constitute:", { bold: true, indent: 10, size: 9 });
    for (const o of i.verdict.offences)
      w.para(`• ${o.title} (${o.statute} ${o.section})`, { indent: 20, size: 9 });
  }
  if (i.verdict.findings.length > 0) {
    w.room(40);
    w.para("Patterns with earlier incidents when it was assessed (see 'People and patterns'):", {
      bold: true,
      indent: 10,
      size: 9,
    });
    for (const f of i.verdict.findings)
      w.para(`• ${FINDING_TITLES[f.kind] ?? f.kind}: ${refRanges(f.incidentIds, refOf)}`, {
        indent: 20,
        size: 9,
      });
  }

  // Evidence.
  if (i.evidence.length > 0) {
    w.gap(0.3);
    w.para(`Evidence (${i.evidence.length}):`, { bold: true });
    for (const e of i.evidence) {
      const image =
        e.kind === "file" && (e.mediaType === "image/png" || e.mediaType === "image/jpeg")
          ? { placed: placeImage(w, await input.loadFile(e.sha256), e.mediaType) }
          : undefined;
      // The description and its picture stay together on one page.
      w.room(60 + (image?.placed ? image.placed.height + 8 : 0));
      const what =
        e.kind === "text"
          ? "Message as received"
          : e.kind === "url"
            ? "Link"
            : `File (${e.mediaType}, ${e.size.toLocaleString("en-GB")} bytes)`;
      w.para(
        `${what}${e.filename ? `: ${e.filename}` : ""} — ${SOURCES[e.source] ?? e.source}, captured ${when(e.capturedAt)}, added ${when(e.addedAt)} by ${e.addedBy.displayName}`,
        { indent: 10, size: 9 },
      );
      if (e.note) w.para(`Note: ${e.note}`, { indent: 10, size: 9, colour: COLOURS.muted });
      if (e.text) w.quote(e.text, 20);
      if (e.url) w.para(e.url, { indent: 20, size: 9 });
      w.hash("SHA-256", e.sha256, 10);
      if (e.path) w.para(`In the ZIP: ${e.path}`, { indent: 10, size: 8, colour: COLOURS.muted });
      if (image) {
        drawImage(w, image.placed);
      } else if (e.kind === "file") {
        w.para("(Not shown here: the original file is in the ZIP.)", {
          indent: 10,
          size: 8,
          colour: COLOURS.muted,
        });
      }
      doc.moveDown(0.3);
    }
  }

  // Revisions, oldest first: what each amendment changed.
  if (i.revisions.length > 1) {
    w.gap(0.3);
    w.para("Changes since it was first recorded:", { bold: true });
    w.para(
      `Revision 1: recorded ${when(i.revisions[0]!.editedAt)} by ${i.revisions[0]!.editedBy.displayName}.`,
      {
        indent: 10,
        size: 9,
      },
    );
    for (let k = 1; k < i.revisions.length; k++) {
      const before = i.revisions[k - 1]!;
      const after = i.revisions[k]!;
      w.room(50);
      w.para(
        `Revision ${after.revision}: ${when(after.editedAt)} by ${after.editedBy.displayName}${after.reason ? `. Reason given: "${after.reason}"` : ""}`,
        { indent: 10, size: 9, bold: true },
      );
      const keys = Object.keys(FIELD_NAMES) as (keyof IncidentBody)[];
      const changed = keys.filter(
        (key) => JSON.stringify(before.body[key] ?? null) !== JSON.stringify(after.body[key] ?? null),
      );
      if (changed.length === 0) w.para("Nothing in the record changed.", { indent: 20, size: 9 });
      for (const key of changed) {
        w.para(`${FIELD_NAMES[key]} was:`, { indent: 20, size: 9, colour: COLOURS.muted });
        w.quote(valueOf(before.body, key, actorLabel) || "(empty)", 30);
        w.para(`and became:`, { indent: 20, size: 9, colour: COLOURS.muted });
        w.quote(valueOf(after.body, key, actorLabel) || "(empty)", 30);
      }
    }
  }

  if (i.followUps.length > 0) {
    w.gap(0.3);
    w.para("Follow-ups:", { bold: true });
    for (const f of i.followUps) {
      const extra = [
        f.policeReference ? `reference ${f.policeReference}` : "",
        f.officer ? `officer ${f.officer}` : "",
        f.contactRoute ? `by ${f.contactRoute}` : "",
      ].filter(Boolean);
      w.para(
        `${FOLLOW_UPS[f.kind] ?? f.kind}, ${when(f.createdAt)} by ${f.createdBy.displayName}${extra.length ? ` (${extra.join(", ")})` : ""}: ${f.text}`,
        { indent: 10, size: 9 },
      );
    }
  }
}

const IMAGE_MAX_HEIGHT = 330;

interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}

/** pdfkit's document internals that an image object uses. */
interface PdfRefs {
  ref(data?: Record<string, unknown>): { end(data?: Uint8Array): void };
}

/**
 * An image XObject from already-compressed samples: pdfkit draws any object with a width, a height, a
 * label and embed(), so the samples go into the PDF without pdfkit reading the PNG again.
 */
class RasterXObject implements OpenedImage {
  obj: unknown = null;
  readonly width: number;
  readonly height: number;
  readonly orientation = 1;
  constructor(
    readonly label: string,
    private image: RasterImage | undefined,
  ) {
    this.width = image!.width;
    this.height = image!.height;
  }

  embed(doc: PdfRefs) {
    const image = this.image!;
    let colourSpace: unknown = image.colours === 3 ? "DeviceRGB" : "DeviceGray";
    if (image.palette) {
      const palette = doc.ref();
      palette.end(image.palette);
      colourSpace = ["Indexed", "DeviceRGB", image.palette.length / 3 - 1, palette];
    }
    const obj = doc.ref({
      Type: "XObject",
      Subtype: "Image",
      BitsPerComponent: 8,
      Width: image.width,
      Height: image.height,
      Filter: "FlateDecode",
      ColorSpace: colourSpace,
      ...(image.predictor
        ? { DecodeParms: { Predictor: 15, Colors: image.colours, BitsPerComponent: 8, Columns: image.width } }
        : {}),
    });
    obj.end(image.data);
    this.obj = obj;
    this.image = undefined; // written: let the samples go
  }
}

/** Draws an evidence image scaled to the page, or says why it is not shown. */
interface PlacedImage {
  image: OpenedImage;
  width: number;
  height: number;
}

/** Opens an evidence image and sizes it for the page; undefined when it cannot be drawn. */
function placeImage(w: Writer, bytes: Buffer, mediaType: string): PlacedImage | undefined {
  const source = imageForPdf(bytes, mediaType);
  if (!source) return undefined;
  let image: OpenedImage;
  try {
    // A JPEG is parsed by pdfkit synchronously (a damaged one throws here, before anything is drawn).
    image =
      source.kind === "jpeg"
        ? (w.doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(source.bytes)
        : new RasterXObject(`X${++w.images}`, source.image);
  } catch {
    return undefined;
  }
  const turned = (image.orientation ?? 1) > 4;
  const naturalWidth = turned ? image.height : image.width;
  const naturalHeight = turned ? image.width : image.height;
  // Small images are drawn at least 120 points wide (pixelated, not lost); large ones fit the column.
  const scale = Math.min(
    Math.max(1, 120 / naturalWidth),
    (w.width - 20) / naturalWidth,
    IMAGE_MAX_HEIGHT / naturalHeight,
  );
  return {
    image,
    width: Math.max(1, naturalWidth * scale),
    height: Math.max(1, naturalHeight * scale),
  };
}

function drawImage(w: Writer, placed: PlacedImage | undefined) {
  const { doc } = w;
  if (!placed) {
    w.para("(This image could not be drawn here: the original file is in the ZIP.)", {
      indent: 10,
      size: 8,
      colour: COLOURS.muted,
    });
    return;
  }
  w.room(placed.height + 8);
  const y = doc.y + 4;
  doc.image(placed.image as unknown as Buffer, MARGIN + 10, y, {
    width: placed.width,
    height: placed.height,
  });
  doc
    .rect(MARGIN + 10, y, placed.width, placed.height)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y = y + placed.height + 4;
  doc.x = MARGIN;
}

function people(w: Writer, records: PackRecords, refOf: RefOf) {
  if (records.people.length === 0 && records.campaignFindings.length === 0) return;
  w.newPage();
  w.heading("People and patterns");
  w.para(
    "The people behind the incidents, as the team recorded them. Actor records are grouped as one person when they share an identifier (a handle, phone number, email address, vehicle…), or when the team said they are the same person. Incidents are named by their number in this pack; others are counted.",
    { colour: COLOURS.muted, size: 9 },
  );
  for (const person of records.people) {
    w.room(100);
    w.rule();
    const actors = records.actors.filter((a) => a.person === person.person);
    w.para(list(actors.map((a) => `'${a.body.label}'`)), { bold: true, size: 11 });
    for (const a of actors) {
      if (actors.length > 1) w.para(`'${a.body.label}'`, { bold: true, indent: 10 });
      w.field("Description", a.body.description, 10);
      if (a.body.identifiers.length > 0)
        w.field(
          "Identifiers",
          a.body.identifiers
            .map(
              (id) =>
                `${id.kind}${id.platform ? ` (${PLATFORMS[id.platform] ?? id.platform})` : ""}: ${id.value}`,
            )
            .join("; "),
          10,
        );
      w.field("Actor record", `${a.id}, created ${when(a.createdAt)}`, 10);
    }
    w.field("Incidents", `${person.incidentIds.length} in all: ${refRanges(person.incidentIds, refOf)}`);
    if (person.findings.length > 0) {
      w.para("What their incidents show, taken together:", { bold: true });
      for (const line of findingsText(person.findings, refOf)) w.para(`• ${line}`, { indent: 10, size: 9 });
    }
  }
  if (records.campaignFindings.length > 0) {
    w.rule();
    w.para("Across the whole campaign:", { bold: true });
    for (const line of findingsText(records.campaignFindings, refOf))
      w.para(`• ${line}`, { indent: 10, size: 9 });
  }
}

function offences(w: Writer, records: PackRecords) {
  const all = offencesOf(records);
  if (all.length === 0) return;
  w.newPage();
  w.heading("Possible offences");
  w.para(
    "The offences the incidents may constitute, for the law of the campaign's nation. This is guidance to help the police and the candidate, drawn from the Crown Prosecution Service's guide to offences against candidates and the statutes as published; it is not a finding that an offence was committed.",
    { colour: COLOURS.muted, size: 9 },
  );
  let disqualification = false;
  for (const { offence: o, refs: ns } of all) {
    w.room(90);
    w.rule();
    w.para(`${o.title}`, { bold: true, size: 11 });
    w.field(
      "Law",
      `${o.statute}, ${o.section} (${JURISDICTIONS[o.jurisdiction] ?? o.jurisdiction}); under the CPS heading '${o.heading}'`,
    );
    w.field("What it is", o.elements);
    w.field(
      "Maximum penalty",
      `${o.maximum}${o.verify ? " (to be checked against the statute before relying on it)" : ""}`,
    );
    w.field("Incidents", refs(ns));
    w.para(`Source: ${o.source}`, { size: 8, colour: COLOURS.muted });
  }
  for (const i of records.incidents) if (i.verdict.disqualification) disqualification = true;
  const note = records.incidents.find((i) => i.verdict.disqualification)?.verdict.disqualification;
  if (disqualification && note) {
    w.gap(0.5);
    w.para(`${note.text} (${note.statute})`, { size: 9 });
  }
}

function fileList(w: Writer, input: PdfInput) {
  w.newPage();
  w.heading("Files and their SHA-256");
  const { records } = input;
  if (input.files.length > 0) {
    w.para(
      "Every file in the ZIP bundle, with its size and SHA-256 fingerprint, as listed in its signed manifest.json (this report, report.pdf, is listed there too). Change one byte of a file and its fingerprint changes completely.",
      { colour: COLOURS.muted, size: 9 },
    );
    w.gap(0.3);
    for (const f of input.files) {
      w.room(30);
      w.para(`${f.path} (${f.bytes.toLocaleString("en-GB")} bytes)`, { size: 8.5 });
      w.hash("SHA-256", f.sha256, 10);
    }
  } else {
    w.para("The evidence files of the incidents in this pack, with their SHA-256 fingerprint:", {
      colour: COLOURS.muted,
      size: 9,
    });
    w.gap(0.3);
    for (const f of records.files) {
      w.room(30);
      w.para(`${f.path} (${f.size.toLocaleString("en-GB")} bytes)`, { size: 8.5 });
      w.hash("SHA-256", f.sha256, 10);
    }
  }
}

/** A PDF document for the pack: read its bytes as a stream, then call writePackPdf. */
export function createPackPdf(records: PackRecords): Doc {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    compress: true,
    info: {
      Title: `Evidence pack ${records.packId}`,
      Author: "Shield",
      Subject: records.scopeTitle,
      Creator: "Shield",
      CreationDate: records.generatedAt,
    },
  });
  doc.registerFont("sans", FONTS.sans);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("mono", FONTS.mono);
  return doc;
}

export async function writePackPdf(doc: Doc, input: PdfInput): Promise<void> {
  const { records } = input;
  const w = new Writer(doc, `Evidence pack ${records.packId.slice(0, 8)} · ${records.campaign.name}`);
  const refById = new Map(records.incidents.map((i) => [i.id, i.ref]));
  const refOf = (id: string) => refById.get(id);
  const labels = new Map(records.actors.map((a) => [a.id, a.body.label]));
  const actorLabel = (id: string) => labels.get(id) ?? "an actor record";
  w.newPage();
  cover(w, input);
  summary(w, records);
  timeline(w, records);
  w.newPage();
  w.heading("Incidents");
  for (const i of records.incidents) {
    await incident(w, input, i, refOf, actorLabel);
    await input.breathe();
  }
  people(w, records, refOf);
  offences(w, records);
  fileList(w, input);
  doc.end();
}
