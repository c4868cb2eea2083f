// Evaluation of the message analyser against the labelled data: `npm run eval [-- --errors]`.
//
// Runs `analyse` on the dev split of each data set (all of jigsaw-bias; the UK candidate set's dev split,
// all of it, its handwritten part and, alone, the written and blind files), prints every figure with its
// target and PASS/FAIL, and writes them all to reports/eval.json for the model card. It is a report: exit 0
// whether or not targets are met; exit 1 only when data is missing or cannot be read.
//
// Options:
//   --errors            also print the 15 worst misses of each headline figure (texts shortened)
//   --quick             evaluate a fixed 10% sample of jigsaw's 72,000 name_adj sentences (the bulk of the
//                       run time with a slow analyser); every other row is still evaluated
//   --out FILE          write the JSON somewhere else (default reports/eval.json)
//   --stub NAME         replace the analyser, to check this script's arithmetic: "flag-all" (call-999 with
//                       every category), "flag-none" (keep-record, nothing), "oracle" (the expected answer).
//                       Writes reports/eval-stub-NAME.json unless --out is given.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import {
  analyse,
  CATEGORIES,
  compileProfile,
  LEVEL_RANK,
  LEVELS,
  type Analysis,
  type Category,
  type CompiledProfile,
  type Level,
} from "../../src/core/analysis/index.ts";
import {
  DataMissingError,
  dataDir,
  loadDavidson,
  loadJigsaw,
  loadKaggle,
  loadOlid,
  loadPresidio,
  loadUkProfile,
  loadUkRecords,
  repoRoot,
  UK_FILES,
  ukDataDir,
  ukFilesPresent,
  type LabelledText,
  type UkRecord,
} from "./datasets.ts";
import {
  binaryScores,
  confusionMatrix,
  fmt,
  fmtRate,
  pct,
  perLabelScores,
  printTable,
  rate,
  twoClassScores,
  type BinaryScores,
  type Rate,
} from "./metrics.ts";
import { splitHash } from "./split.ts";

// ---------------------------------------------------------------------------------------------------------
// Options

interface Options {
  errors: boolean;
  quick: boolean;
  out: string;
  stub?: "flag-all" | "flag-none" | "oracle";
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { errors: false, quick: false, out: "" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v) usage(`${a} needs a value`);
      return v!;
    };
    if (a === "--errors") opts.errors = true;
    else if (a === "--quick") opts.quick = true;
    else if (a === "--out" || a.startsWith("--out=")) opts.out = resolve(value());
    else if (a === "--stub" || a.startsWith("--stub=")) {
      const v = value();
      if (v !== "flag-all" && v !== "flag-none" && v !== "oracle") usage(`unknown stub "${v}"`);
      opts.stub = v as Options["stub"];
    } else if (a === "--help" || a === "-h") usage();
    else usage(`unknown option ${a}`);
  }
  if (!opts.out) {
    opts.out = join(repoRoot(), "reports", opts.stub ? `eval-stub-${opts.stub}.json` : "eval.json");
  }
  return opts;
}

function usage(problem?: string): never {
  if (problem) console.error(`eval: ${problem}`);
  console.error(
    "usage: npm run eval [-- --errors] [--quick] [--out FILE] [--stub flag-all|flag-none|oracle]",
  );
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------------------------------------------------
// Running the analyser

/** A row to evaluate: the common shape plus, for the UK set, its typed record. */
interface Row extends LabelledText {
  uk?: UkRecord;
}

interface Result {
  row: Row;
  a: Analysis;
}

const FLAGGED_DEFINITION =
  '"flagged" means analysis.categories.length > 0: the analyser found something offensive, even ' +
  "profanity that does not raise the level.";

const flagged = (a: Analysis): boolean => a.categories.length > 0;
const atLeast = (a: Analysis, level: Level): boolean => LEVEL_RANK[a.level] >= LEVEL_RANK[level];

let analysedRows = 0;
let analysedMs = 0;
let analyserVersion = "";

function stubAnalysis(stub: NonNullable<Options["stub"]>, row: Row): Analysis {
  const make = (level: Level, categories: Category[]): Analysis => ({
    level,
    categories,
    characteristics: row.uk?.characteristic ? [row.uk.characteristic] : [],
    reasons: [],
    scores: { abuse: categories.length > 0 ? 1 : 0, threat: 0 },
    version: `stub-${stub}`,
  });
  if (stub === "flag-all") return make("call-999", [...CATEGORIES]);
  if (stub === "flag-none") return make("keep-record", []);
  if (row.uk) return make(row.uk.expectedLevel, [...row.uk.categories]);
  if (!row.abusive) return make("keep-record", []);
  return make("report-to-platform", row.labels.hate === true ? ["discriminatory"] : ["abuse"]);
}

function run(rows: readonly Row[], opts: Options, profile?: CompiledProfile): Result[] {
  const out: Result[] = [];
  const t0 = performance.now();
  for (const row of rows) {
    const a = opts.stub
      ? stubAnalysis(opts.stub, row)
      : analyse(row.text, row.uk?.usesProfile ? profile : undefined);
    out.push({ row, a });
  }
  analysedMs += performance.now() - t0;
  analysedRows += rows.length;
  if (!analyserVersion && out[0]) analyserVersion = out[0].a.version;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Targets and printing helpers

interface Target {
  id: string;
  label: string;
  value: number;
  /** The value as printed, e.g. "12/230 (5.2%)". */
  shown: string;
  op: ">=" | "<=" | "=";
  goal: number;
  /** Whether value and goal are shares shown as percentages. */
  asPct: boolean;
  status: "PASS" | "FAIL" | "N/A";
  /** A false-alarm target met only because the analyser raised nothing in that set at all. */
  trivial: boolean;
}

const targets: Target[] = [];

/** Records a headline figure against its target and returns the printable line. */
function headline(
  id: string,
  label: string,
  value: number,
  op: ">=" | "<=" | "=",
  goal: number,
  shown: string,
  options: { asPct?: boolean; nothingRaised?: boolean } = {},
): string {
  const status: Target["status"] = Number.isNaN(value)
    ? "N/A"
    : (op === ">=" ? value >= goal : op === "<=" ? value <= goal : value === goal)
      ? "PASS"
      : "FAIL";
  const trivial = status === "PASS" && op !== ">=" && options.nothingRaised === true;
  const target: Target = {
    id,
    label,
    value,
    shown,
    op,
    goal,
    asPct: options.asPct === true,
    status,
    trivial,
  };
  targets.push(target);
  return `  ${label.padEnd(LABEL_WIDTH)} ${shown.padEnd(22)} target ${targetText(target).padEnd(8)} ${statusText(target)}`;
}

const LABEL_WIDTH = 52;

function targetText(t: Target): string {
  return `${t.op === ">=" ? "≥" : t.op === "<=" ? "≤" : "="} ${t.asPct ? pct(t.goal, 0) : String(t.goal)}`;
}

function statusText(t: Target): string {
  return t.trivial ? `${t.status} (trivially: nothing was raised)` : t.status;
}

function section(title: string): void {
  console.log(`\n${"=".repeat(100)}\n${title}\n${"=".repeat(100)}`);
}

function prfRow(name: string, s: BinaryScores): (string | number)[] {
  return [name, s.support, s.predicted, s.tp, s.fp, s.fn, fmt(s.precision), fmt(s.recall), fmt(s.f1)];
}
const PRF_HEADER = ["", "actual+", "predicted+", "TP", "FP", "FN", "precision", "recall", "F1"];

/** Figures without NaN-hostile numbers for JSON: NaN becomes null through JSON.stringify already. */
function scoresJson(s: BinaryScores): Record<string, number> {
  return { ...s };
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
}

function printMisses(
  title: string,
  results: readonly Result[],
  order: (a: Result, b: Result) => number,
  maxText: number,
): void {
  const worst = [...results]
    .sort((x, y) => order(x, y) || x.row.id.localeCompare(y.row.id, "en", { numeric: true }))
    .slice(0, 15);
  console.log(`\n  Worst misses: ${title} (${worst.length} of ${results.length})`);
  if (worst.length === 0) return;
  printTable(
    ["id", "level", "categories", "abuse", "threat", "text"],
    worst.map(({ row, a }) => [
      row.uk ? `${row.id} (${row.split}${row.uk.file === "messages" ? "" : `, ${row.uk.file}`})` : row.id,
      a.level,
      oneLine(a.categories.join(",") || "-", 40),
      fmt(a.scores.abuse, 2),
      fmt(a.scores.threat, 2),
      // the blind set stays unread by whoever changes the rules: its misses are counted, never shown
      row.uk?.file === "blind" ? "(blind set: not shown)" : oneLine(row.text, maxText),
    ]),
    { align: ["left", "left", "left", "right", "right", "left"], indent: 4 },
  );
}

const byAbuseAsc = (x: Result, y: Result): number => x.a.scores.abuse - y.a.scores.abuse;
const bySeverityDesc = (x: Result, y: Result): number =>
  LEVEL_RANK[y.a.level] - LEVEL_RANK[x.a.level] ||
  y.a.categories.length - x.a.categories.length ||
  y.a.scores.abuse - x.a.scores.abuse;

function countBy<T>(rows: readonly T[], key: (r: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = key(r);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const SHORT = 72; // public tweet/comment sets: keep quoted texts short
const LONG = 120;

// ---------------------------------------------------------------------------------------------------------
// Data counts

interface DataCheck {
  source: string;
  rows: number;
  train: number;
  dev: number;
  labels: Record<string, number>;
  expected: Record<string, number>;
  ok: boolean;
}

function checkCounts(
  source: string,
  rows: readonly { split: string }[],
  labels: Record<string, number>,
  expected: Record<string, number>,
): DataCheck {
  const all: Record<string, number> = { rows: rows.length, ...labels };
  const ok = Object.entries(expected).every(([k, v]) => all[k] === v);
  const split = countBy(rows, (r) => r.split);
  return { source, rows: rows.length, train: split.train ?? 0, dev: split.dev ?? 0, labels, expected, ok };
}

function printCounts(checks: readonly DataCheck[]): void {
  printTable(
    ["source", "rows", "train", "dev", "labels", "check"],
    checks.map((c) => [
      c.source,
      c.rows,
      c.train,
      c.dev,
      Object.entries(c.labels)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
      c.ok
        ? "OK"
        : `MISMATCH: expected ${Object.entries(c.expected)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
    ]),
    { align: ["left", "right", "right", "right", "left", "left"] },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Sections

function evalOlid(rows: readonly Row[], opts: Options): Record<string, unknown> {
  section(`OLID (OffensEval 2019) dev split: ${rows.length} tweets`);
  const res = run(rows, opts);
  const two = twoClassScores(
    res.map((r) => r.row.abusive),
    res.map((r) => flagged(r.a)),
  );
  console.log(
    headline("olid.flaggedMacroF1", "OLID flagged-vs-not macro-F1", two.macroF1, ">=", 0.8, fmt(two.macroF1)),
  );
  printTable(PRF_HEADER, [prfRow("OFF (flagged)", two.positive), prfRow("NOT (not flagged)", two.negative)]);
  const levelAtLeast = (b: string): Rate =>
    rate(
      res.filter((r) => r.row.labels.b === b),
      (r) => atLeast(r.a, "report-to-platform"),
    );
  const tin = levelAtLeast("TIN");
  const unt = levelAtLeast("UNT");
  const not = levelAtLeast("NULL");
  console.log("\n  Share with level ≥ report-to-platform:");
  printTable(
    ["subtask_b", "share"],
    [
      ["TIN (targeted insult or threat)", fmtRate(tin)],
      ["UNT (untargeted)", fmtRate(unt)],
      ["NOT (not offensive)", fmtRate(not)],
    ],
  );
  if (opts.errors) {
    printMisses(
      "OFF not flagged (lowest abuse score first)",
      res.filter((r) => r.row.abusive && !flagged(r.a)),
      byAbuseAsc,
      SHORT,
    );
    printMisses(
      "NOT flagged (most severe first)",
      res.filter((r) => !r.row.abusive && flagged(r.a)),
      bySeverityDesc,
      SHORT,
    );
  }
  return {
    rows: rows.length,
    flaggedMacroF1: two.macroF1,
    off: scoresJson(two.positive),
    not: scoresJson(two.negative),
    levelAtLeastReportToPlatform: { TIN: tin, UNT: unt, NOT: not },
  };
}

function evalKaggle(rows: readonly Row[], opts: Options): Record<string, unknown> {
  section(`Kaggle insults dev split: ${rows.length} comments`);
  console.log("  Predicted insult ⇔ level is not keep-record (aimed at the reader).");
  const res = run(rows, opts);
  const actual = res.map((r) => r.row.abusive);
  const insult = binaryScores(
    actual,
    res.map((r) => r.a.level !== "keep-record"),
  );
  const flaggedScores = binaryScores(
    actual,
    res.map((r) => flagged(r.a)),
  );
  console.log(headline("kaggle.insultF1", "Kaggle insult F1", insult.f1, ">=", 0.72, fmt(insult.f1)));
  printTable(PRF_HEADER, [
    prfRow("insult (level ≠ keep-record)", insult),
    prfRow("insult (flagged; information)", flaggedScores),
  ]);
  if (opts.errors) {
    printMisses(
      "insults left at keep-record (lowest abuse score first)",
      res.filter((r) => r.row.abusive && r.a.level === "keep-record"),
      byAbuseAsc,
      SHORT,
    );
    printMisses(
      "non-insults raised above keep-record (most severe first)",
      res.filter((r) => !r.row.abusive && r.a.level !== "keep-record"),
      bySeverityDesc,
      SHORT,
    );
  }
  return { rows: rows.length, insult: scoresJson(insult), flagged: scoresJson(flaggedScores) };
}

function evalDavidson(rows: readonly Row[], opts: Options): Record<string, unknown> {
  section(`Davidson et al. dev split: ${rows.length} tweets`);
  const res = run(rows, opts);
  const s = binaryScores(
    res.map((r) => r.row.abusive),
    res.map((r) => flagged(r.a)),
  );
  console.log("  Flagged vs class 0/1 (hate or offensive); no target (US tweets, known dialect bias):");
  printTable(PRF_HEADER, [prfRow("hate or offensive (flagged)", s)]);
  const ofClass = (c: number): Result[] => res.filter((r) => r.row.labels.class === c);
  const hateDiscriminatory = rate(ofClass(0), (r) => r.a.categories.includes("discriminatory"));
  const perClass = [0, 1, 2].map((c) => ({
    class: c,
    flagged: rate(ofClass(c), (r) => flagged(r.a)),
    aboveKeepRecord: rate(ofClass(c), (r) => r.a.level !== "keep-record"),
  }));
  console.log("");
  printTable(
    ["class", "flagged", "level ≠ keep-record"],
    perClass.map((p) => [
      ["0 hate", "1 offensive", "2 neither"][p.class]!,
      fmtRate(p.flagged),
      fmtRate(p.aboveKeepRecord),
    ]),
  );
  console.log(`\n  Class 0 (hate) with category discriminatory: ${fmtRate(hateDiscriminatory)}`);
  if (opts.errors) {
    printMisses(
      "hate/offensive not flagged (lowest abuse score first)",
      res.filter((r) => r.row.abusive && !flagged(r.a)),
      byAbuseAsc,
      SHORT,
    );
    printMisses(
      "neither, flagged (most severe first)",
      res.filter((r) => !r.row.abusive && flagged(r.a)),
      bySeverityDesc,
      SHORT,
    );
    printMisses(
      "hate without discriminatory (lowest abuse score first)",
      ofClass(0).filter((r) => !r.a.categories.includes("discriminatory")),
      byAbuseAsc,
      SHORT,
    );
  }
  return { rows: rows.length, flagged: scoresJson(s), perClass, hateDiscriminatory };
}

function evalJigsaw(rows: readonly Row[], opts: Options): Record<string, unknown> {
  section(
    `Jigsaw unintended-bias templates: ${rows.length} sentences` +
      (opts.quick ? " (--quick: 10% of name_adj, all of the rest)" : " (all evaluated)"),
  );
  const res = run(rows, opts);
  const nontoxic = res.filter((r) => !r.row.abusive);
  const toxic = res.filter((r) => r.row.abusive);
  const ffr = rate(nontoxic, (r) => flagged(r.a));
  const recall = rate(toxic, (r) => flagged(r.a));
  console.log(
    headline(
      "jigsaw.nontoxicFalseFlagRate",
      "Jigsaw false-flag rate (nontoxic)",
      ffr.rate,
      "<=",
      0.05,
      fmtRate(ffr),
      {
        asPct: true,
        nothingRaised: !res.some((r) => flagged(r.a)),
      },
    ),
  );
  console.log(`  Jigsaw recall on toxic templates (information): ${fmtRate(recall)}`);

  const templates = [...new Set(res.map((r) => String(r.row.labels.template)))].sort();
  const byTemplate = templates.map((t) => ({
    template: t,
    nontoxicFlagged: rate(
      nontoxic.filter((r) => r.row.labels.template === t),
      (r) => flagged(r.a),
    ),
    toxicFlagged: rate(
      toxic.filter((r) => r.row.labels.template === t),
      (r) => flagged(r.a),
    ),
  }));
  console.log("");
  printTable(
    ["template", "nontoxic flagged (false flags)", "toxic flagged (recall)"],
    byTemplate.map((t) => [t.template, fmtRate(t.nontoxicFlagged), fmtRate(t.toxicFlagged)]),
  );

  const identities = [...new Set(nontoxic.map((r) => r.row.labels.identity).filter((x) => x !== undefined))];
  const byIdentity = identities
    .map((id) => ({
      identity: String(id),
      nontoxicFlagged: rate(
        nontoxic.filter((r) => r.row.labels.identity === id),
        (r) => flagged(r.a),
      ),
      toxicFlagged: rate(
        toxic.filter((r) => r.row.labels.identity === id),
        (r) => flagged(r.a),
      ),
    }))
    .sort((x, y) => y.nontoxicFlagged.rate - x.nontoxicFlagged.rate || x.identity.localeCompare(y.identity));
  const over = byIdentity.filter((b) => b.nontoxicFlagged.rate > 0.05).length;
  console.log(
    `\n  Worst 10 identity terms by false-flag rate (${over} of ${byIdentity.length} terms above 5%):`,
  );
  printTable(
    ["identity", "nontoxic flagged", "toxic flagged"],
    byIdentity.slice(0, 10).map((b) => [b.identity, fmtRate(b.nontoxicFlagged), fmtRate(b.toxicFlagged)]),
  );
  if (opts.errors) {
    printMisses(
      "nontoxic sentences flagged (most severe first)",
      nontoxic.filter((r) => flagged(r.a)),
      bySeverityDesc,
      LONG,
    );
  }
  return {
    rows: rows.length,
    nontoxicFalseFlag: ffr,
    toxicRecall: recall,
    byTemplate,
    byIdentity,
    identitiesAboveTarget: over,
  };
}

function evalUkScope(
  scope: "dev" | "all" | "handwritten" | "written" | "blind",
  title: string,
  res: readonly Result[],
  opts: Options,
): Record<string, unknown> {
  console.log(`\n--- UK set, ${title}: ${res.length} messages ---`);
  if (res.length === 0) {
    console.log("  (no rows)");
    return { rows: 0 };
  }
  const uk = (r: Result): UkRecord => r.row.uk!;
  const red = res.filter((r) => uk(r).expectedLevel === "call-999");
  const benign = res.filter((r) => uk(r).expectedLevel === "keep-record");
  const redRecall = rate(red, (r) => r.a.level === "call-999");
  const benignFlagged = rate(benign, (r) => r.a.level !== "keep-record");
  const benign999 = benign.filter((r) => r.a.level === "call-999").length;
  const accuracy = rate(res, (r) => r.a.level === uk(r).expectedLevel);
  const label = `UK ${scope}`;
  const nothingRaised = !res.some((r) => r.a.level !== "keep-record");
  console.log(
    headline(
      `uk.${scope}.redFlagRecall`,
      `${label} red-flag recall (call-999)`,
      redRecall.rate,
      ">=",
      0.97,
      fmtRate(redRecall),
      {
        asPct: true,
      },
    ),
  );
  console.log(
    headline(
      `uk.${scope}.benignFlagged`,
      `${label} benign flagged (level ≠ keep-record)`,
      benignFlagged.rate,
      "<=",
      0.03,
      fmtRate(benignFlagged),
      { asPct: true, nothingRaised },
    ),
  );
  console.log(
    headline(
      `uk.${scope}.benignCall999`,
      `${label} benign call-999`,
      benign999,
      "=",
      0,
      `${benign999}/${benign.length}`,
      {
        nothingRaised,
      },
    ),
  );
  console.log(`  Level accuracy: ${fmtRate(accuracy)}`);

  const matrix = confusionMatrix(
    LEVELS,
    res.map((r) => ({ actual: uk(r).expectedLevel, predicted: r.a.level })),
  );
  console.log("\n  Level confusion (rows: expected, columns: predicted):");
  printTable(
    ["expected \\ predicted", ...LEVELS, "total"],
    LEVELS.map((a) => [a, ...LEVELS.map((p) => matrix[a][p]), LEVELS.reduce((n, p) => n + matrix[a][p], 0)]),
  );

  const perCategory = perLabelScores(
    CATEGORIES,
    res.map((r) => ({ actual: uk(r).categories, predicted: r.a.categories })),
  );
  console.log("\n  Per category (expected categories vs analysis.categories):");
  printTable(
    PRF_HEADER.map((h, i) => (i === 0 ? "category" : h)),
    CATEGORIES.filter((c) => perCategory[c].support > 0 || perCategory[c].predicted > 0).map((c) =>
      prfRow(c, perCategory[c]),
    ),
  );

  const kinds = [...new Set(res.map((r) => uk(r).kind))].sort();
  const perKind = Object.fromEntries(
    kinds.map((k) => {
      const rows = res.filter((r) => uk(r).kind === k);
      return [
        k,
        {
          accuracy: rate(rows, (r) => r.a.level === uk(r).expectedLevel),
          expected: countBy(rows, (r) => uk(r).expectedLevel),
        },
      ];
    }),
  );
  console.log("\n  Per kind:");
  printTable(
    ["kind", "level accuracy", "expected levels"],
    kinds.map((k) => [
      k,
      fmtRate(perKind[k]!.accuracy),
      Object.entries(perKind[k]!.expected)
        .map(([l, n]) => `${l} ${n}`)
        .join(", "),
    ]),
  );

  const withCharacteristic = res.filter((r) => uk(r).characteristic !== undefined);
  const characteristic = rate(withCharacteristic, (r) => r.a.characteristics.includes(uk(r).characteristic!));
  if (withCharacteristic.length > 0) {
    console.log(`\n  Expected characteristic among analysis.characteristics: ${fmtRate(characteristic)}`);
  }

  if (opts.errors && scope === "all") {
    printMisses(
      "call-999 messages not at call-999 (least severe first)",
      red.filter((r) => r.a.level !== "call-999"),
      (x, y) => -bySeverityDesc(x, y),
      LONG,
    );
    printMisses(
      "keep-record messages raised (most severe first)",
      benign.filter((r) => r.a.level !== "keep-record"),
      bySeverityDesc,
      LONG,
    );
    printMisses(
      "wrong level, any (most severe expected first)",
      res.filter((r) => r.a.level !== uk(r).expectedLevel),
      (x, y) =>
        LEVEL_RANK[uk(y).expectedLevel] - LEVEL_RANK[uk(x).expectedLevel] ||
        Math.abs(LEVEL_RANK[uk(y).expectedLevel] - LEVEL_RANK[y.a.level]) -
          Math.abs(LEVEL_RANK[uk(x).expectedLevel] - LEVEL_RANK[x.a.level]),
      LONG,
    );
  }
  return {
    rows: res.length,
    redFlagRecall: redRecall,
    benignFlagged,
    benignCall999: benign999,
    levelAccuracy: accuracy,
    levelConfusion: matrix,
    perCategory,
    perKind,
    characteristic,
  };
}

function evalUk(records: readonly UkRecord[], opts: Options): { json: Record<string, unknown>; ok: boolean } {
  const files = ukFilesPresent();
  section(`UK candidate set: ${records.length} messages from ${files.join(", ")}`);
  let profile: CompiledProfile | undefined;
  let skipped = 0;
  let ok = true;
  const needProfile = records.filter((r) => r.usesProfile).length;
  if (needProfile > 0) {
    try {
      profile = compileProfile(loadUkProfile());
      console.log(
        `  ${needProfile} messages use the profile in profile.json (compileProfile); the others none.`,
      );
    } catch (e) {
      ok = false;
      skipped = needProfile;
      console.log(`  WARNING: ${(e as Error).message}`);
      console.log(
        `  WARNING: the ${needProfile} messages that use the profile are left out of every figure below.`,
      );
    }
  }
  const usable = records.filter((r) => profile || !r.usesProfile);
  const rows: Row[] = usable.map((r) => ({
    id: `uk:${r.id}`,
    source: "uk",
    split: r.split,
    text: r.text,
    abusive: r.expectedLevel !== "keep-record",
    labels: {},
    uk: r,
  }));
  const res = run(rows, opts, profile);
  // dev and all are the templates and handwritten.jsonl, comparable with figures from before the written
  // and blind files existed; those two are reported on their own
  const seen = res.filter((r) => r.row.uk!.file === "messages" || r.row.uk!.file === "handwritten");
  return {
    ok,
    json: {
      available: true,
      files,
      skippedNoProfile: skipped,
      dev: evalUkScope(
        "dev",
        "dev split",
        seen.filter((r) => r.row.split === "dev"),
        opts,
      ),
      all: evalUkScope("all", "all (train + dev; the analyser may have been tuned on train)", seen, opts),
      handwritten: evalUkScope(
        "handwritten",
        "handwritten.jsonl only (all splits)",
        res.filter((r) => r.row.uk!.file === "handwritten"),
        opts,
      ),
      written: evalUkScope(
        "written",
        "written-*.jsonl only (three writers' styles; development data since 2026-11-22)",
        res.filter((r) => r.row.uk!.file === "written"),
        opts,
      ),
      blind: evalUkScope(
        "blind",
        "blind.jsonl only (written blind to the rules, and not read by their authors)",
        res.filter((r) => r.row.uk!.file === "blind"),
        opts,
      ),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Main

function main(): number {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  console.log("Shield message analyser evaluation");
  if (opts.stub)
    console.log(`STUB ANALYSER "${opts.stub}": checking the evaluation itself, not the analyser.`);
  console.log(`Definition: ${FLAGGED_DEFINITION}`);

  // Public data: missing data is the one failure that exits 1.
  let davidson: LabelledText[], olid: LabelledText[], kaggle: LabelledText[], jigsaw: LabelledText[];
  let presidioRows: { split: string }[];
  let dir: string;
  try {
    dir = dataDir();
    davidson = loadDavidson();
    olid = loadOlid();
    kaggle = loadKaggle();
    jigsaw = loadJigsaw();
    presidioRows = loadPresidio();
  } catch (e) {
    if (e instanceof DataMissingError) {
      console.error(`\nERROR: ${e.message}`);
      console.error("The labelled data sets are needed: see the data README (shared/data/README.md).");
      return 1;
    }
    throw e;
  }
  console.log(`Data: ${dir}`);

  let ukRecords: UkRecord[] | undefined;
  let ukProblem: string | undefined;
  let exitCode = 0;
  if (ukFilesPresent().length === 0) {
    ukProblem = `not there yet: no ${UK_FILES.join(" or ")} in ${ukDataDir()}`;
  } else {
    try {
      ukRecords = loadUkRecords();
    } catch (e) {
      ukProblem = `could not be read: ${(e as Error).message}`;
      exitCode = 1;
    }
  }

  section("Data (rows, splits and label counts; checked against shared/data/README.md)");
  const counts = (rows: readonly LabelledText[], key: string, prefix = ""): Record<string, number> =>
    Object.fromEntries(
      Object.entries(countBy(rows, (r) => prefix + String(r.labels[key]))).sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    );
  const checks = [
    checkCounts("davidson", davidson, counts(davidson, "class", "class"), {
      rows: 24783,
      class0: 1430,
      class1: 19190,
      class2: 4163,
    }),
    // README gives the row count; the label counts are those of the OLID paper (Zampieri et al. 2019).
    checkCounts(
      "olid",
      olid,
      { ...counts(olid, "a", "a:"), ...counts(olid, "b", "b:"), ...counts(olid, "c", "c:") },
      {
        rows: 13240,
        "a:OFF": 4400,
        "a:NOT": 8840,
        "b:TIN": 3876,
        "b:UNT": 524,
        "c:IND": 2407,
        "c:GRP": 1074,
        "c:OTH": 395,
      },
    ),
    checkCounts("kaggle", kaggle, counts(kaggle, "insult", "insult"), {
      rows: 3947,
      insult1: 1049,
      insult0: 2898,
    }),
    checkCounts("jigsaw", jigsaw, counts(jigsaw, "toxicity"), { rows: 76564, toxic: 38282, nontoxic: 38282 }),
    checkCounts("presidio (not evaluated)", presidioRows, {}, { rows: 1500 }),
  ];
  if (ukRecords) {
    checks.push(
      checkCounts(
        "uk",
        ukRecords,
        {
          ...countBy(ukRecords, (r) => r.file),
          ...countBy(ukRecords, (r) => r.expectedLevel),
          usesProfile: ukRecords.filter((r) => r.usesProfile).length,
        },
        {},
      ),
    );
  }
  printCounts(checks);
  for (const c of checks.filter((c) => !c.ok)) {
    console.log(`  WARNING: ${c.source} counts differ from the README: the loader or the file has changed.`);
  }
  if (!ukRecords) console.log(`\n  UK candidate set ${ukProblem}. Its section is skipped.`);

  const dev = (rows: readonly LabelledText[]): Row[] => rows.filter((r) => r.split === "dev");
  const report: Record<string, unknown> = {
    generatedAt: new Date().toISOString(),
    stub: opts.stub ?? null,
    flaggedDefinition: FLAGGED_DEFINITION,
    dataDir: dir,
    data: checks,
  };
  report.olid = evalOlid(dev(olid), opts);
  report.kaggle = evalKaggle(dev(kaggle), opts);
  report.davidson = evalDavidson(dev(davidson), opts);
  const jigsawRows = opts.quick
    ? jigsaw.filter((r) => r.labels.template !== "name_adj" || splitHash("jigsaw-quick", r.id) < 0.1)
    : jigsaw;
  report.quick = opts.quick;
  report.jigsaw = evalJigsaw(jigsawRows, opts);
  if (ukRecords) {
    const uk = evalUk(ukRecords, opts);
    report.uk = uk.json;
    if (!uk.ok) exitCode = 1;
  } else {
    section("UK candidate set");
    console.log(`  SKIPPED: the UK candidate set ${ukProblem}.`);
    report.uk = { available: false, problem: ukProblem };
  }

  section("Summary");
  printTable(
    ["headline", "value", "target", "status"],
    targets.map((t) => [t.label, t.shown, targetText(t), statusText(t)]),
    { align: ["left", "right", "left", "left"] },
  );
  const passed = targets.filter((t) => t.status === "PASS").length;
  const trivial = targets.filter((t) => t.trivial).length;
  console.log(
    `\n  ${passed} of ${targets.length} targets met` +
      (trivial > 0 ? ` (${trivial} of them only because nothing was raised in that set).` : "."),
  );
  const perSecond = analysedRows / (analysedMs / 1000);
  console.log(
    `  Throughput (side figure): ${analysedRows} messages analysed in ${(analysedMs / 1000).toFixed(1)} s = ` +
      `${Math.round(perSecond)} messages/s (one thread, analyse() calls only).`,
  );
  const totalSeconds = (performance.now() - started) / 1000;
  console.log(`  Analyser version: ${analyserVersion || "n/a"}. Whole run: ${totalSeconds.toFixed(1)} s.`);

  report.analyserVersion = analyserVersion;
  report.targets = targets;
  report.throughput = { messages: analysedRows, seconds: analysedMs / 1000, perSecond };
  report.runSeconds = totalSeconds;
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  const shownOut = relative(process.cwd(), opts.out);
  console.log(`  Figures written to ${shownOut.startsWith("..") ? opts.out : shownOut} (no message texts).`);
  if (exitCode !== 0)
    console.log(`\n  Exit 1: the UK candidate set ${ukProblem ?? "profile is missing or invalid"}.`);
  return exitCode;
}

process.exitCode = main();
