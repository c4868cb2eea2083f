// Every analysis of a fixed corpus, to check that a change to the analyser's engine changes no result:
//   npm run analyse:snapshot                      writes reports/analyses.jsonl and prints its SHA-256
//   npm run analyse:snapshot -- --compare FILE    also says how many analyses differ from FILE, and which
// The corpus: the benchmark's message mixture (60,000), the UK candidate set, OLID, Kaggle, 8,000 Davidson
// tweets and a tenth of jigsaw-bias, each with no profile, the benchmark's profile and the UK set's profile
// (about 280,000 analyses, half a minute). Rule or model changes are meant to change results: use eval.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BENCH_PROFILE, messageGenerator } from "../../bench/analyse-messages.ts";
import { analyse, compileProfile, type CompiledProfile } from "../../src/core/analysis/index.ts";
import {
  loadDavidson,
  loadJigsaw,
  loadKaggle,
  loadOlid,
  loadUkProfile,
  loadUkSet,
  repoRoot,
} from "./datasets.ts";

const { values } = parseArgs({ options: { compare: { type: "string" }, out: { type: "string" } } });
const out = values.out ?? join(repoRoot(), "reports", "analyses.jsonl");

const corpus: Array<{ id: string; text: string }> = [];
for (const seed of [2024, 7]) {
  const next = messageGenerator(seed);
  for (let i = 0; i < 30_000; i++) corpus.push({ id: `bench-${seed}:${i}`, text: next() });
}
const sets = [
  // not the blind set: this file and the ids it prints are read by whoever changes the rules
  loadUkSet().filter((row) => row.labels.file !== "blind"),
  loadOlid(),
  loadKaggle(),
  loadDavidson().slice(0, 8_000),
  loadJigsaw().filter((_, i) => i % 10 === 0),
];
for (const set of sets) for (const row of set) corpus.push({ id: row.id, text: row.text });

const profiles: Array<[string, CompiledProfile | undefined]> = [
  ["none", undefined],
  ["bench", compileProfile(BENCH_PROFILE)],
  ["uk", compileProfile(loadUkProfile())],
];

const lines: string[] = [];
const started = process.cpuUsage();
for (const { id, text } of corpus)
  for (const [name, profile] of profiles)
    lines.push(JSON.stringify({ id, profile: name, analysis: analyse(text, profile) }));
const cpu = process.cpuUsage(started);
const body = `${lines.join("\n")}\n`;
mkdirSync(join(out, ".."), { recursive: true });
writeFileSync(out, body);
const micros = (cpu.user + cpu.system) / lines.length;
console.log(`${lines.length.toLocaleString("en-GB")} analyses (${micros.toFixed(1)} µs each) → ${out}`);
console.log(`sha256 ${createHash("sha256").update(body).digest("hex")}`);

if (values.compare) {
  const before = readFileSync(values.compare, "utf8").split("\n");
  let differing = 0;
  const shown: string[] = [];
  for (let i = 0; i < Math.max(before.length - 1, lines.length); i++) {
    if (before[i] === lines[i]) continue;
    differing++;
    if (shown.length < 5) {
      const { id, profile } = JSON.parse(lines[i] ?? before[i]!) as { id: string; profile: string };
      shown.push(`${id} (profile ${profile})`);
    }
  }
  console.log(
    differing === 0
      ? `identical to ${values.compare}`
      : `${differing.toLocaleString("en-GB")} analyses differ from ${values.compare}, e.g. ${shown.join(", ")}`,
  );
  process.exitCode = differing === 0 ? 0 : 1;
}
