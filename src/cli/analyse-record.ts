// One line of `shield analyse` input → its one line of output: the analysis, or why the line was not read.
import type { Analysis } from "../core/analysis/index.ts";
import { rawMemberText } from "./json-member.ts";

export type AnalyseText = (text: string) => Analysis;

export type RecordResult = { kind: "blank" } | { kind: "analysed" | "malformed"; json: string };

const BLANK: RecordResult = { kind: "blank" };

export function analyseRecord(line: string, lineNumber: number, analyseText: AnalyseText): RecordResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    if (line.trim() === "") return BLANK; // checked only on failure: the common case pays nothing for it
    return malformed(
      idFromBrokenLine(line),
      `line ${lineNumber} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return malformed(
      "null",
      `line ${lineNumber} is ${describe(parsed)}, not an object like {"id": 1, "text": "…"}`,
    );
  const record = parsed as { id?: unknown; text?: unknown };
  const id = idText(record.id, line);
  if (typeof record.text !== "string")
    return malformed(
      id,
      record.text === undefined
        ? `line ${lineNumber} has no "text"`
        : `line ${lineNumber}: "text" must be a string, not ${describe(record.text)}`,
    );
  let analysis: Analysis;
  try {
    analysis = analyseText(record.text);
  } catch (error) {
    return malformed(id, `line ${lineNumber} could not be analysed: ${(error as Error).message}`);
  }
  const { level, categories, characteristics, reasons, scores, version } = analysis;
  const body = JSON.stringify({ level, categories, characteristics, reasons, scores, version });
  return { kind: "analysed", json: `{"id":${id},${body.slice(1)}` };
}

function malformed(id: string, error: string): RecordResult {
  return { kind: "malformed", json: `{"id":${id},"error":${JSON.stringify(error)}}` };
}

/** The id as JSON text: as written in the input when parsing would change it (large or fractional numbers). */
function idText(id: unknown, line: string): string {
  if (id === undefined) return "null";
  if (typeof id === "number" ? Number.isSafeInteger(id) : typeof id !== "object" || id === null)
    return JSON.stringify(id);
  const raw = rawMemberText(line, "id");
  // With a duplicated "id" key JSON.parse keeps the last one; use the raw text only if it is that value.
  return raw !== undefined && sameValue(raw, id) ? raw : JSON.stringify(id);
}

function sameValue(raw: string, parsed: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(raw)) === JSON.stringify(parsed);
  } catch {
    return false;
  }
}

/** The id of a line that is not valid JSON, when it comes before the break; "null" otherwise. */
function idFromBrokenLine(line: string): string {
  const raw = rawMemberText(line, "id");
  if (raw === undefined) return "null";
  try {
    JSON.parse(raw);
    return raw;
  } catch {
    return "null";
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}
