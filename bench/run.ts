// `npm run bench`: Shield's performance figures, each next to its target.
//   1. incident-create throughput and latency (autocannon → `shield serve`), on PGlite and PostgreSQL
//   2. listing the newest 50 of 100,000 incidents, plus filtered and paged variants
//   3. cold start of `shield serve`, empty and reopened, and its memory
//   4. `shield analyse`: messages per second and peak memory over a generated stream of messages
//   5. triage: the verdict for a new incident in a campaign with 10,000 earlier incidents, and the
//      whole record path (verdict, chain write, reconsideration), on PGlite and PostgreSQL
//   6. patterns: a full pattern recomputation over 100,000 incidents
//   7. web: the JavaScript the browser app's first page loads (gzipped), and its time to interactive
//      in Chromium on localhost, signed out and signed in (needs /usr/bin/chromium)
//   8. canvass: 10,000 active sessions with 1-minute check-ins on PostgreSQL, a simulated crowd that
//      checks in or (5%) misses: alert latency after the deadline, and the CPU share of the poller
//   9. packs: an evidence pack (ZIP with the PDF) for an actor with 500 incidents and 200 image files:
//      time and peak memory of a fresh process making it, on PGlite and PostgreSQL
//  10. stats: national statistics over 1,000,000 incidents on PostgreSQL, every dashboard view (HTTP, in
//      process) against 1 s each
// Environment: BENCH_DURATION (s, default 20), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS (20),
// BENCH_LIST_ROWS (100000), BENCH_ANALYSE_MESSAGES (1000000), BENCH_TRIAGE_EARLIER (earlier
// incidents, 10000), BENCH_TRIAGE_SAMPLES (timed verdicts, 300), BENCH_TRIAGE_RECORDS (timed
// recordIncident calls, 100), BENCH_PATTERNS_INCIDENTS (100000), BENCH_WEB_LOADS (cold loads per
// time-to-interactive figure, 5), BENCH_CANVASS_SESSIONS (10000), BENCH_CANVASS_WINDOW (s, 180),
// BENCH_CANVASS_MISS (share of deadlines missed, 0.05), BENCH_PACKS_INCIDENTS (500),
// BENCH_PACKS_IMAGES (200), BENCH_STATS_INCIDENTS (1000000), BENCH_STATS_RUNS (timed runs per view, 5),
// BENCH_ONLY (comma list of cold,create,list,analyse,triage,patterns,web,canvass,packs,stats),
// BENCH_PG_URL (server to use).
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { benchAnalyse, type AnalyseRun } from "./analyse.ts";
import { benchCanvass, type CanvassRun } from "./canvass.ts";
import { benchColdStart, type StartSample } from "./coldstart.ts";
import { describeCpu } from "./cpu.ts";
import { benchCreate, type CreateRun } from "./create.ts";
import { benchList, type ListResult, type Timing } from "./list.ts";
import { cleanupAll, installSignalHandlers } from "./cleanup.ts";
import { benchPacks, type PacksRun } from "./packs.ts";
import { benchPatterns, type PatternsRun } from "./patterns.ts";
import { benchStats, type StatsRun } from "./stats.ts";
import { PG_SERVER_URL, probePostgres } from "./postgres.ts";
import { figure, fmt, heading, ms, note, record, summary } from "./report.ts";
import { benchTriage, TRIAGE_CASES, type TriageResult } from "./triage.ts";
import { benchWeb, chromiumAvailable, type TtiResult, type WebRun } from "./web.ts";

const TARGETS = {
  pgCreatesPerSecond: 1000,
  pgP99Ms: 50,
  pgliteCreatesPerSecond: 300,
  listMs: 20,
  analyseMessagesPerSecond: 25_000,
  analysePeakMiB: 300,
  triageP99Ms: 20,
  patternsMs: 5000,
  webFirstPageGzipKB: 200,
  webTtiMs: 1000,
  canvassAlertP99Ms: 5000,
  canvassPollerCpuPercent: 20,
  packsMs: 10_000,
  packsPeakMiB: 500,
  statsViewMs: 1000,
};

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number (got '${raw}')`);
  return value;
}

const durationS = positiveNumber("BENCH_DURATION", 20);
const warmupS = Math.min(positiveNumber("BENCH_WARMUP", 3), durationS);
const connections = Math.round(positiveNumber("BENCH_CONNECTIONS", 20));
const listRows = Math.round(positiveNumber("BENCH_LIST_ROWS", 100_000));
const analyseMessages = Math.round(positiveNumber("BENCH_ANALYSE_MESSAGES", 1_000_000));
const triageEarlier = Math.round(positiveNumber("BENCH_TRIAGE_EARLIER", 10_000));
const triageSamples = Math.round(positiveNumber("BENCH_TRIAGE_SAMPLES", 300));
const triageRecords = Math.round(positiveNumber("BENCH_TRIAGE_RECORDS", 100));
const patternsIncidents = Math.round(positiveNumber("BENCH_PATTERNS_INCIDENTS", 100_000));
const webLoads = Math.round(positiveNumber("BENCH_WEB_LOADS", 5));
const canvassSessions = Math.round(positiveNumber("BENCH_CANVASS_SESSIONS", 10_000));
const canvassWindowS = Math.round(positiveNumber("BENCH_CANVASS_WINDOW", 180));
const canvassMissRate = Math.min(1, positiveNumber("BENCH_CANVASS_MISS", 0.05));
const packsIncidents = Math.round(positiveNumber("BENCH_PACKS_INCIDENTS", 500));
const packsImages = Math.round(positiveNumber("BENCH_PACKS_IMAGES", 200));
const statsIncidents = Math.round(positiveNumber("BENCH_STATS_INCIDENTS", 1_000_000));
const statsRuns = Math.round(positiveNumber("BENCH_STATS_RUNS", 5));
const only = new Set(
  (process.env.BENCH_ONLY || "cold,create,list,analyse,triage,patterns,web,canvass,packs,stats")
    .split(",")
    .map((s) => s.trim()),
);

function loadAverage(): number | undefined {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return undefined;
  }
}

const NAMES = { pglite: "PGlite", postgres: "PostgreSQL" } as const;
type Kind = keyof typeof NAMES;

function printCreate(kind: Kind, run: CreateRun, warmup: CreateRun) {
  const name = NAMES[kind];
  const rateTarget = kind === "postgres" ? TARGETS.pgCreatesPerSecond : TARGETS.pgliteCreatesPerSecond;
  figure({
    label: `${name}: creates/s (2xx only)`,
    value: run.createsPerSecond,
    unit: "/s",
    kind: "min",
    target: rateTarget,
  });
  figure({ label: `${name}: latency p50`, value: run.p50Ms, unit: "ms" });
  figure(
    kind === "postgres"
      ? { label: `${name}: latency p99`, value: run.p99Ms, unit: "ms", kind: "max", target: TARGETS.pgP99Ms }
      : { label: `${name}: latency p99`, value: run.p99Ms, unit: "ms" },
  );
  const bad = run.non2xx + run.errors + run.timeouts;
  note(
    `${name}: ${fmt(run.successes)} created in ${run.durationS} s; non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}` +
      `${bad > 0 ? "  (!) " + JSON.stringify(run.statusCodes) : ""}; p90 ${ms(run.p90Ms)} ms, max ${ms(run.maxMs)} ms;` +
      ` warm-up ${fmt(warmup.createsPerSecond)}/s; server RSS ${fmt(run.serverRssMiB)} MiB`,
  );
  if (run.cpu) {
    note(`${name}: ${describeCpu(run.cpu)}`);
    note(
      `${name}: server CPU per create ${ms(run.serverCpuMsPerCreate)} ms (one core caps it near ${fmt(1000 / (run.serverCpuMsPerCreate ?? NaN))}/s)`,
    );
    if (run.cpu.other > 0.25)
      note(
        `(!) other processes used ${run.cpu.other.toFixed(2)} cores during this run: the figures above are depressed`,
      );
  }
  if (run.waits) {
    const top = Object.entries(run.waits.average)
      .filter(([, n]) => n >= 0.05)
      .map(([state, n]) => `${n.toFixed(1)} ${state}`)
      .join(", ");
    const locked = Object.entries(run.waits.average)
      .filter(([state]) => state.includes(" Lock:"))
      .reduce((sum, [, n]) => sum + n, 0);
    note(`${name}: server connections on average (pg_stat_activity): ${top}`);
    note(`${name}: → ${locked.toFixed(1)} of ${connections} requests at a time were waiting for a row lock`);
  }
  record(`create.${kind}`, { ...run, warmupCreatesPerSecond: warmup.createsPerSecond });
}

function printList(kind: Kind, result: ListResult) {
  const name = NAMES[kind];
  note(
    `${name}: filled ${fmt(result.rows)} incidents in ${fmt(result.fillMs / 1000, 1)} s ` +
      `(${fmt(result.rows / (result.fillMs / 1000))}/s, batched inserts, hash chain skipped for this synthetic fill)`,
  );
  note(
    result.analyzeMs === undefined
      ? `${name}: not ANALYZEd after the fill (PGlite has no autovacuum, so a real deployment never is)`
      : `${name}: ANALYZE after the fill took ${fmt(result.analyzeMs)} ms (autovacuum would do it within a minute)`,
  );
  const line = (what: string, timing: Timing) => {
    figure({
      label: `${name}: ${what} median`,
      value: timing.medianMs,
      unit: "ms",
      kind: "max",
      target: TARGETS.listMs,
    });
    figure({
      label: `${name}: ${what} p95`,
      value: timing.p95Ms,
      unit: "ms",
      kind: "max",
      target: TARGETS.listMs,
    });
    note(
      `${name}: ${what}: ${timing.samples} timed requests, max ${ms(timing.maxMs)} ms, server CPU ${ms(timing.serverCpuMs)} ms/request` +
        (timing.returned !== 50 ? `  (!) returned ${timing.returned} incidents, expected 50` : ""),
    );
  };
  line("newest 50", result.newest);
  line("channel=social-media (45%)", result.channelCommon);
  line("channel=letter (3%)", result.channelRare);
  line("2nd page (before=next)", result.secondPage);
  line(`page from the ${fmt(Math.floor(result.rows / 2))}th (before=cursor)`, result.deepPage);
  note(
    `${name}: reopening the filled data took ${fmt(result.reopenMs)} ms; server RSS ${fmt(result.serverRssMiB)} MiB`,
  );
  record(`list.${kind}`, result);
}

function printStart(kind: Kind, label: string, sample: StartSample) {
  figure({ label: `${NAMES[kind]}: ${label} → /healthz 200`, value: sample.ms, unit: "ms" });
  note(
    `${NAMES[kind]}: ${label}: server's own "ready in" ${fmt(sample.reportedReadyMs)} ms; RSS after start ${fmt(sample.rssMiB)} MiB`,
  );
}

function printAnalyse(run: AnalyseRun) {
  const { results } = run;
  note(
    `input: ${fmt(run.messages)} messages, ${fmt(run.inputBytes / 1e6, 1)} MB of JSON Lines ` +
      `(benign chatter, insults, threats, phone numbers and addresses, ~2% of 1–4 KB, some non-ASCII)`,
  );
  figure({
    label: "analyse: messages/s (spawn → exit)",
    value: run.messagesPerSecond,
    unit: "/s",
    kind: "min",
    target: TARGETS.analyseMessagesPerSecond,
  });
  figure({
    label: "analyse: messages/s (first result → exit)",
    value: run.steadyMessagesPerSecond,
    unit: "/s",
    kind: "min",
    target: TARGETS.analyseMessagesPerSecond,
  });
  figure({
    label: "analyse: peak memory (VmHWM)",
    value: run.peakMiB,
    unit: "MiB",
    kind: "max",
    target: TARGETS.analysePeakMiB,
  });
  figure({ label: "analyse: input size", value: run.inputBytes / 1e6, unit: "MB" });
  const missing = run.messages - results.lines;
  figure({
    label: "analyse: results missing, out of order or errors",
    value: Math.abs(missing) + results.outOfOrder + results.errors,
    unit: "",
    kind: "max",
    target: 0,
  });
  note(
    `${fmt(results.lines)} result lines in ${fmt(run.wallMs / 1000, 1)} s, first after ${fmt(run.firstResultMs)} ms; ` +
      `exit ${run.exitCode}; CPU ${fmt(run.cpuSeconds, 1)} s (${ms(((run.cpuSeconds ?? NaN) * 1e6) / run.messages)} µs/message)`,
  );
  note(
    `analyser ${results.version ?? "(unknown version)"}; levels: ${Object.entries(results.levels)
      .map(([level, n]) => `${level} ${fmt(n)}`)
      .join(", ")}`,
  );
  if (run.exitCode !== 0 || run.stderr !== "")
    note(`(!) exit ${run.exitCode}; stderr: ${run.stderr.trim().slice(0, 2000) || "(empty)"}`);
  const { stderr: _stderr, ...figures } = run;
  record("analyse", figures);
}

const CASE_WORDS = {
  prolific: "the prolific person",
  typical: "a typical person",
  none: "no actor",
} as const;

function printTriage(kind: Kind, result: TriageResult, first: boolean) {
  const name = NAMES[kind];
  if (first) {
    note(
      `campaign: ${fmt(result.earlier)} earlier incidents over six months, ${fmt(result.actors)} actors (createActor) making ` +
        `${fmt(result.people)} people (${fmt(result.linkedActors)} actors share a person); ${fmt(result.noActorIncidents)} incidents name no actor; ` +
        `the prolific person has ${fmt(result.prolificIncidents)}, a typical one ${fmt(result.typicalIncidents)}; ` +
        `${fmt(result.recentIncidents)} in the last 35 days`,
    );
    const share = (levels: Record<string, number>) =>
      ["keep-record", "report-to-platform", "report-to-police", "call-999"]
        .map((level) => `${level} ${fmt(((levels[level] ?? 0) * 100) / result.earlier)}%`)
        .join(", ");
    note(`earlier incidents' own level (words and answers): ${share(result.ownLevels)}`);
    note(`their stored verdicts (with patterns): ${share(result.levels)}`);
  }
  note(
    `${name}: ${fmt(result.actors)} createActor calls ${fmt(result.actorsMs / 1000, 1)} s, bulk insert of the incidents ` +
      `${fmt(result.fillMs / 1000, 1)} s (stored verdicts from assess() on a few hundred template bodies, findings from ` +
      `recomputePatterns; no hash chain for the bulk rows)` +
      `; then ANALYZE (${fmt(result.analyzeMs)} ms), as the service does on PGlite and autovacuum on PostgreSQL`,
  );
  figure({
    label: `triage: verdict p99 with ${fmt(result.earlier)} earlier incidents (${name})`,
    value: result.verdict.p99Ms,
    unit: "ms",
    kind: "max",
    target: TARGETS.triageP99Ms,
  });
  note(
    `${name}: computeVerdict over ${result.verdict.samples} new incidents (after 30 warm-up): p50 ${ms(result.verdict.p50Ms)} ms, ` +
      `p95 ${ms(result.verdict.p95Ms)} ms, p99 ${ms(result.verdict.p99Ms)} ms, max ${ms(result.verdict.maxMs)} ms`,
  );
  for (const c of TRIAGE_CASES) {
    const x = result.byCase[c];
    const p = result.phases[c];
    note(
      `${name}:   naming ${CASE_WORDS[c]} (compared with ~${fmt(x.compared)}, ${fmt(x.findings, 1)} findings): p50 ${ms(x.p50Ms)} ms, ` +
        `p99 ${ms(x.p99Ms)} ms, max ${ms(x.maxMs)} ms; median steps: settings ${ms(p.settings)}, assess ${ms(p.assess)}, ` +
        `loadPeople ${ms(p.loadPeople)}, earlier records + findings ${ms(p.rest)} ms`,
    );
  }
  note(
    `${name}: recordIncident end to end (verdict, chain write and commit, reconsideration), ${result.record.samples} incidents: ` +
      `p50 ${ms(result.record.p50Ms)} ms, p99 ${ms(result.record.p99Ms)} ms, max ${ms(result.record.maxMs)} ms ` +
      `(p50 by case: ${TRIAGE_CASES.map((c) => `${CASE_WORDS[c]} ${ms(result.recordByCase[c].p50Ms)}`).join(", ")} ms)`,
  );
  record(`triage.${kind}`, result);
}

function printPatterns(run: PatternsRun) {
  figure({
    label: `patterns: full recomputation over ${fmt(run.incidents)} incidents`,
    value: run.ms,
    unit: "ms",
    kind: "max",
    target: TARGETS.patternsMs,
  });
  note(
    `recomputePatterns, median of 3 runs: ${fmt(run.people)} people, ${fmt(run.findings)} findings ` +
      `(${fmt((run.ms * 1000) / run.incidents, 1)} µs per incident)`,
  );
  record("patterns", run);
}

const kB = (bytes: number) => bytes / 1000;

function printWeb(run: WebRun) {
  const page = run.firstPage;
  figure({
    label: "web: first page's JavaScript, gzipped (signed out)",
    value: kB(page.gzipBytes),
    unit: "kB",
    kind: "max",
    target: TARGETS.webFirstPageGzipKB,
  });
  figure({ label: "web: first page's JavaScript, raw", value: kB(page.rawBytes), unit: "kB" });
  note(
    `${page.scripts.length} scripts: ${page.scripts
      .map((s) => `${s.url} ${fmt(kB(s.gzipBytes), 1)} kB gz (${fmt(kB(s.rawBytes), 1)} kB raw)`)
      .join(", ")}` +
      (page.serviceWorkerScripts.length > 0
        ? `; not counted: the service worker's own ${page.serviceWorkerScripts.map((s) => s.url).join(", ")} ` +
          `(${fmt(kB(page.serviceWorkerScripts.reduce((n, s) => n + s.gzipBytes, 0)), 1)} kB gz)`
        : ""),
  );
  figure({
    label: "web: model-weights chunk loaded by the first page",
    value: page.weightsLoaded ? 1 : 0,
    unit: "",
    kind: "max",
    target: 0,
  });
  const weights = page.weightsChunks;
  note(
    weights.length === 0
      ? "(!) no built chunk carries the model weights: check that the analyser is in the app at all"
      : `the analyser's weights are in ${weights.map((w) => `${w.file} (${fmt(kB(w.gzipBytes))} kB gz, ${fmt(kB(w.rawBytes))} kB raw)`).join(", ")}: ` +
          `${page.weightsLoaded ? "LOADED" : "not loaded"} by the first page`,
  );
  note(
    `then the service worker precaches ${run.precache.files} files in the background: ${fmt(kB(run.precache.gzipBytes))} kB gz ` +
      `(${fmt(kB(run.precache.rawBytes))} kB raw), ${run.precache.includesWeights ? "including" : "not including"} the weights`,
  );
  const tti = (who: string, result: TtiResult, slow: TtiResult) => {
    figure({
      label: `web: time to interactive, ${who} (median of ${result.samples.length})`,
      value: result.medianMs,
      unit: "ms",
      kind: "max",
      target: TARGETS.webTtiMs,
    });
    note(
      `${who}: ${result.samples.map((s) => ms(s.ttiMs)).join(", ")} ms; first contentful paint ${ms(result.fcpMedianMs)} ms, ` +
        `the app's element on screen ${ms(result.visibleMedianMs)} ms (medians); long tasks ${result.samples.map((s) => s.longTasks).join("/")}`,
    );
    note(
      `${who}, CPU slowed 4× (a mid-range phone, no target): median ${ms(slow.medianMs)} ms over ${slow.samples.length} loads ` +
        `(${slow.samples.map((s) => ms(s.ttiMs)).join(", ")} ms)`,
    );
  };
  tti("signed out", run.signedOut, run.signedOutSlowCpu);
  tti("signed in", run.signedIn, run.signedInSlowCpu);
  record("web", run);
}

function printCanvass(run: CanvassRun) {
  note(
    `${fmt(run.sessions)} sessions planned through planSession in ${fmt(run.planMs / 1000, 1)} s, started over one minute ` +
      `(ramp at worst ${ms(run.rampLateMs)} ms behind); window ${run.windowS} s; server polls every ${fmt(run.pollMs)} ms`,
  );
  figure({ label: "canvass: alert latency after the deadline, p50", value: run.latency.p50Ms, unit: "ms" });
  figure({
    label: "canvass: alert latency after the deadline, p99",
    value: run.latency.p99Ms,
    unit: "ms",
    kind: "max",
    target: TARGETS.canvassAlertP99Ms,
  });
  figure({
    label: "canvass: poller CPU (server process, % of one core)",
    value: run.serverCpuShare === undefined ? undefined : run.serverCpuShare * 100,
    unit: "%",
    kind: "max",
    target: TARGETS.canvassPollerCpuPercent,
  });
  figure({
    label: "canvass: missed deadlines with no alert",
    value: run.missesNotAlerted,
    unit: "",
    kind: "max",
    target: 0,
  });
  note(
    `stage-1 alerts (webhook) for deadlines in the window: ${fmt(run.latency.count)}, max latency ${ms(run.latency.maxMs)} ms; ` +
      `deadlines missed on purpose ${fmt(run.misses)} (${fmt(run.missRate * 100)}%), not alerted ${run.missesNotAlerted}; ` +
      `alerts for check-ins that came too late ${run.unintendedAlerts}; repeated delivery ids ${run.repeatedDeliveries}`,
  );
  note(
    `crowd: ${fmt(run.checkIns)} check-ins through the checkIn command (p50 ${ms(run.checkIn.p50Ms)} ms, p99 ${ms(run.checkIn.p99Ms)} ms, ` +
      `max ${ms(run.checkIn.maxMs)} ms), ${run.checkInFailures} failed${run.checkInFailureReasons.length ? `: ${run.checkInFailureReasons.join("; ")}` : ""}`,
  );
  note(
    `poller backlog, sampled each second: oldest due session ${ms(run.backlog.meanLagMs)} ms overdue on average, at worst ${ms(run.backlog.maxLagMs)} ms; ` +
      `sessions due and not yet taken ${fmt(run.backlog.meanDue)} on average, at worst ${fmt(run.backlog.maxDue)}; webhooks received ${fmt(run.webhooksReceived)}`,
  );
  if (run.waits) {
    const top = Object.entries(run.waits.average)
      .filter(([, n]) => n >= 0.05)
      .map(([state, n]) => `${n.toFixed(2)} ${state}`)
      .join(", ");
    note(`PostgreSQL connections of this database on average (pg_stat_activity): ${top}`);
  }
  if (run.serverErrors > 0)
    note(
      `(!) the server wrote ${run.serverErrors} lines to stderr, e.g. ${run.serverErrorSample.join(" | ")}`,
    );
  note(
    `server: ${run.cpu ? `${fmt(run.cpu.serverCpuS, 1)} CPU s in ${fmt(run.cpu.seconds)} s` : "CPU n/a"}; peak RSS (VmHWM) ${fmt(run.serverPeakRssMiB)} MiB`,
  );
  if (run.cpu) {
    note(describeCpu(run.cpu));
    if (run.cpu.other > 0.25)
      note(
        `(!) other processes used ${run.cpu.other.toFixed(2)} cores during the window: latency figures are depressed`,
      );
  }
  record("canvass", run);
}

function printPacks(run: PacksRun, first: boolean) {
  const name = NAMES[run.kind];
  if (first)
    note(
      `${fmt(run.incidents)} incidents of one actor over six months, every fifth with a message copy; ${fmt(run.images)} screenshots ` +
        `(${fmt(run.imageBytes / 1e6, 1)} MB, ${fmt(run.imageBytes / run.images / 1000)} kB each on average, ${run.rgbaImages} with an alpha channel)`,
    );
  note(
    `${name}: recorded through recordIncident / addFileEvidence / addInlineEvidence in ${fmt(run.fillS, 1)} s`,
  );
  figure({
    label: `packs: ZIP with PDF for the actor (${name})`,
    value: run.generateMs,
    unit: "ms",
    kind: "max",
    target: TARGETS.packsMs,
  });
  figure({
    label: `packs: peak memory of the process (VmHWM, ${name})`,
    value: run.peakRssMiB,
    unit: "MiB",
    kind: "max",
    target: TARGETS.packsPeakMiB,
  });
  note(
    `${name}: first byte after ${ms(run.firstByteMs)} ms (records loaded, every file checked, export recorded); ` +
      `the process held ${fmt(run.baselineRssMiB)} MiB before it started (${run.kind === "pglite" ? "the embedded database is inside the process" : "the database is another process"}), ` +
      `so making the pack took ${fmt(run.peakRssMiB - run.baselineRssMiB)} MiB more`,
  );
  note(
    `${name}: ZIP ${fmt(run.zipBytes / 1e6, 1)} MB, ${run.files} files; PDF ${fmt(run.pdfBytes / 1e6, 1)} MB, ${run.pdfPages ?? "?"} pages; ` +
      `verifyPack on it: ${ms(run.verifyMs)} ms, ${run.verifyProblems} problems`,
  );
  if (run.childStderr.trim() !== "")
    note(`(!) the child wrote to stderr: ${run.childStderr.trim().slice(0, 500)}`);
  const { childStderr: _stderr, ...figures } = run;
  record(`packs.${run.kind}`, figures);
}

function printStats(run: StatsRun) {
  note(
    `${fmt(run.incidents)} incidents in ${fmt(run.campaigns)} campaigns of ${fmt(run.forces - 1)} forces (and "not chosen"), over 52 weeks; ` +
      `filled in ${fmt(run.fillMs / 1000, 1)} s (incidents and incident_facts, bulk insert); VACUUM ANALYZE ${fmt(run.analyzeMs)} ms, ` +
      `as autovacuum does after a bulk load; incident_facts ${fmt(run.tableMiB)} MiB with its indexes`,
  );
  const worst = run.views.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
  figure({
    label: `stats: slowest dashboard view, max of ${statsRuns} (${worst.view})`,
    value: worst.maxMs,
    unit: "ms",
    kind: "max",
    target: TARGETS.statsViewMs,
  });
  const p50s = run.views.map((v) => v.p50Ms).sort((a, b) => a - b);
  figure({ label: "stats: median view, p50", value: p50s[Math.floor(p50s.length / 2)], unit: "ms" });
  for (const v of run.views)
    note(
      `${v.view.padEnd(54)} p50 ${ms(v.p50Ms).padStart(5)} ms, max ${ms(v.maxMs).padStart(5)} ms; ${fmt(v.rows)} cells, ${fmt(v.bytes / 1000, 1)} kB`,
    );
  record("stats", run);
}

async function main(): Promise<number> {
  installSignalHandlers();
  const wallStart = performance.now();
  const pg = await probePostgres();
  const kinds: Kind[] = pg.ok ? ["pglite", "postgres"] : ["pglite"];
  console.log(
    `Shield benchmarks: node ${process.version}, ${availableParallelism()} CPUs; ` +
      (pg.ok ? `PostgreSQL ${pg.version} at ${new URL(PG_SERVER_URL).host}` : "no PostgreSQL"),
  );
  if (!pg.ok)
    console.log(
      `PostgreSQL at ${new URL(PG_SERVER_URL).host} is unreachable (${pg.reason}): its figures are skipped.`,
    );
  const skipped = (kind: Kind) => kind === "postgres" && !pg.ok;
  const load = loadAverage();
  if (load !== undefined && load > 1)
    console.log(
      `(!) load average ${load.toFixed(1)} before starting on ${availableParallelism()} CPUs: other processes are busy and will depress the figures`,
    );

  if (only.has("create")) {
    heading(
      `1. Incident create: POST /api/campaigns/:id/incidents, ${connections} connections, ${durationS} s after a ${warmupS} s warm-up`,
    );
    for (const kind of kinds) {
      const { run, warmup, avgBodyBytes } = await benchCreate({ kind, connections, durationS, warmupS });
      if (kind === kinds[0])
        note(`bodies: 64 distinct realistic incidents, ${fmt(avgBodyBytes)} bytes of JSON on average`);
      printCreate(kind, run, warmup);
    }
  }

  if (only.has("list")) {
    heading(
      `2. List: GET /api/campaigns/:id/incidents?limit=50 with ${fmt(listRows)} incidents in the campaign (HTTP, sequential)`,
    );
    note(
      "per variant: 10 warm-up then 50 timed requests (fewer, at least 5, when they are slow: ~6 s budget each)",
    );
    for (const kind of kinds) {
      if (skipped(kind)) continue;
      const result = await benchList({
        kind,
        rows: listRows,
        batch: 5000,
        warmup: 10,
        warmupBudgetMs: 2000,
        samples: 50,
        minSamples: 5,
        sampleBudgetMs: 6000,
        analyze: kind === "postgres",
      });
      printList(kind, result);
    }
  }

  if (only.has("cold")) {
    heading("3. Cold start: spawn `bin/shield serve` → GET /healthz 200");
    for (const kind of kinds) {
      const result = await benchColdStart(kind, 2);
      printStart(
        kind,
        kind === "pglite" ? "empty DATA_DIR (initdb + migrations)" : "empty database (migrations)",
        result.fresh,
      );
      result.reopened.forEach((sample, i) => printStart(kind, `reopened #${i + 1}`, sample));
      record(`coldStart.${kind}`, result);
    }
  }

  if (only.has("analyse")) {
    heading(
      `4. Analyse: ${fmt(analyseMessages)} generated messages as JSON Lines → \`bin/shield analyse --profile FILE\``,
    );
    printAnalyse(await benchAnalyse({ messages: analyseMessages, seed: 2024 }));
  }

  if (only.has("triage")) {
    heading(
      `5. Triage: computeVerdict for a new incident with ${fmt(triageEarlier)} earlier incidents in the campaign (in process, no HTTP)`,
    );
    for (const kind of kinds) {
      if (skipped(kind)) continue;
      printTriage(
        kind,
        await benchTriage({ kind, earlier: triageEarlier, samples: triageSamples, records: triageRecords }),
        kind === kinds[0],
      );
    }
  }

  if (only.has("patterns")) {
    heading(`6. Patterns: recomputePatterns over ${fmt(patternsIncidents)} generated incidents`);
    printPatterns(benchPatterns({ incidents: patternsIncidents }));
  }

  if (only.has("web")) {
    heading(
      "7. Web app in Chromium on localhost: the first page's JavaScript, and time to interactive on cold loads (phone-sized window)",
    );
    if (!chromiumAvailable()) {
      note("(!) /usr/bin/chromium is not installed (apt-get install chromium): web figures skipped");
    } else {
      note(
        "time to interactive: navigation start → the app's own element on screen (signed out: the 999 link; signed in: " +
          "'Record an incident') and the main thread then free of long tasks for 500 ms; each load in a fresh context",
      );
      printWeb(await benchWeb({ loads: webLoads, slowLoads: 3 }));
    }
  }

  if (only.has("canvass")) {
    heading(
      `8. Canvass: ${fmt(canvassSessions)} active sessions checking in every minute on PostgreSQL, ${fmt(canvassMissRate * 100)}% of deadlines missed; ` +
        "alerts by webhook from `shield serve`",
    );
    if (!pg.ok) note("(!) needs PostgreSQL: skipped");
    else
      printCanvass(
        await benchCanvass({
          sessions: canvassSessions,
          windowS: canvassWindowS,
          missRate: canvassMissRate,
          pollMs: 1000,
        }),
      );
  }

  if (only.has("packs")) {
    heading(
      `9. Evidence packs: the ZIP (records, original files, PDF with every image, signed manifest) for an actor with ${fmt(packsIncidents)} incidents and ${fmt(packsImages)} image files, in a fresh process`,
    );
    for (const kind of kinds) {
      if (skipped(kind)) continue;
      printPacks(
        await benchPacks({ kind, incidents: packsIncidents, images: packsImages }),
        kind === kinds[0],
      );
    }
  }

  if (only.has("stats")) {
    heading(
      `10. National statistics: every dashboard view over ${fmt(statsIncidents)} incidents on PostgreSQL, as an analyst (GET /api/analyst/stats, in process)`,
    );
    if (!pg.ok) note("(!) needs PostgreSQL: skipped");
    else printStats(await benchStats({ incidents: statsIncidents, campaigns: 2000, runs: statsRuns }));
  }

  const wallS = (performance.now() - wallStart) / 1000;
  const { json, failed } = summary({
    node: process.version,
    cpus: availableParallelism(),
    postgres: pg.ok ? pg.version : null,
    settings: {
      durationS,
      warmupS,
      connections,
      listRows,
      analyseMessages,
      triageEarlier,
      triageSamples,
      triageRecords,
      patternsIncidents,
      webLoads,
      canvassSessions,
      canvassWindowS,
      canvassMissRate,
      packsIncidents,
      packsImages,
      statsIncidents,
      statsRuns,
    },
    wallSeconds: Math.round(wallS),
  });
  console.log(
    `\nDone in ${fmt(wallS)} s. ${failed.length === 0 ? "All targets met ✓" : `Targets missed ✗: ${failed.join("; ")}`}`,
  );
  console.log(json);
  return 0;
}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    console.error(`\nbench failed: ${(error as Error).stack ?? String(error)}`);
    await cleanupAll();
    process.exitCode = 1;
  });
