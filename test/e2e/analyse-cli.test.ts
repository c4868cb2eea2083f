// `shield analyse` as other tools and people run it: a real process, JSON Lines in and out, exit codes.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LEVELS } from "../../src/core/analysis/index.ts";
import { runShield, runShieldWithInput, SHIELD_BIN, shieldEnv } from "../support/process.ts";

const dir = mkdtempSync(join(tmpdir(), "shield-analyse-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function tempFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const jsonl = (...records: unknown[]) => records.map((record) => `${JSON.stringify(record)}\n`).join("");
const resultsOf = (stdout: string): any[] =>
  stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));

function assertAnalysed(result: any, id: unknown) {
  assert.deepEqual(result.id, id);
  assert.ok((LEVELS as readonly string[]).includes(result.level), `level ${result.level}`);
  assert.ok(Array.isArray(result.categories));
  assert.ok(Array.isArray(result.characteristics));
  assert.ok(Array.isArray(result.reasons));
  assert.equal(typeof result.scores, "object");
  assert.equal(result.error, undefined);
}

const MESSAGES = [
  { id: "m-1", text: "Will you be at the hustings in Headingley on Thursday?" },
  { id: 2, text: "Your housing policy is a disgrace and I won't be voting for you." },
  { id: "m-3", text: "Diolch am eich gwaith caled 👏🏽 — très bien" },
  { id: 4, text: "" },
];

test("reads JSON Lines from a file: one result per message, in order, ids exactly as given, stderr silent", async () => {
  const bigId = "12345678901234567890"; // a 64-bit post id: JSON.parse would round it
  const input = `${jsonl(...MESSAGES)}{"id": ${bigId}, "text": "see you at the count"}\n`;
  const result = await runShield(["analyse", tempFile("messages.jsonl", input)], {});
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, "");
  const results = resultsOf(result.stdout);
  assert.equal(results.length, MESSAGES.length + 1);
  MESSAGES.forEach((message, i) => assertAnalysed(results[i], message.id));
  assert.match(result.stdout.split("\n")[MESSAGES.length]!, new RegExp(`^\\{"id":${bigId},"level":`));
});

test("reads standard input; skips blank lines; accepts CRLF, a byte order mark and no final newline", async () => {
  const input = `\uFEFF${jsonl(MESSAGES[0])}\n   \n${jsonl(MESSAGES[1]).replace("\n", "\r\n")}\r\n${JSON.stringify(MESSAGES[2])}`;
  const result = await runShieldWithInput(["analyse"], input);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, "");
  const results = resultsOf(result.stdout);
  assert.deepEqual(
    results.map((r) => r.id),
    ["m-1", 2, "m-3"],
  );
  results.forEach((r, i) => assertAnalysed(r, MESSAGES[i]!.id));
});

test("a malformed line gets an error line with its id (or null), the others are still analysed, exit 1", async () => {
  const input = [
    JSON.stringify({ id: "before", text: "Thanks for coming to the surgery" }),
    '{"id": "truncated", "text": "cut off mid',
    "not JSON at all",
    '["an", "array"]',
    JSON.stringify({ id: 7 }),
    JSON.stringify({ id: 8, text: 42 }),
    JSON.stringify({ id: "huge", text: "x".repeat(1_100_000) }),
    JSON.stringify({ id: "after", text: "Good luck on polling day" }),
  ].join("\n");
  const result = await runShieldWithInput(["analyse"], `${input}\n`);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, "");
  const results = resultsOf(result.stdout);
  assert.equal(results.length, 8);
  assertAnalysed(results[0], "before");
  const errors = results.slice(1, 7);
  assert.deepEqual(
    errors.map((r) => r.id),
    ["truncated", null, null, 7, 8, null],
  );
  for (const error of errors) {
    assert.equal(typeof error.error, "string");
    assert.equal(error.level, undefined);
  }
  assert.match(errors[0].error, /line 2 is not valid JSON/);
  assert.match(errors[1].error, /line 3 is not valid JSON/);
  assert.match(errors[2].error, /line 4 is an array, not an object/);
  assert.match(errors[3].error, /line 5 has no "text"/);
  assert.match(errors[4].error, /line 6: "text" must be a string, not a number/);
  assert.match(errors[5].error, /line 7 is longer than/);
  assertAnalysed(results[7], "after");
});

test("usage errors exit 2 with a message and no output", async () => {
  const messages = tempFile("two.jsonl", jsonl(MESSAGES[0]));
  const badJsonProfile = tempFile("bad-json-profile.json", '{"private": {"phones": ["07911 123456"]');
  const wrongTypeProfile = tempFile(
    "wrong-type-profile.json",
    JSON.stringify({ private: { phones: "07911 123456" } }),
  );
  const cases: [string[], RegExp][] = [
    [["analyse", "--colour"], /Unknown option '--colour'/],
    [["analyse", messages, messages], /one FILE at most/],
    [["analyse", join(dir, "missing.jsonl")], /cannot read .*missing\.jsonl: no such file/],
    [["analyse", dir], /is a folder/],
    [["analyse", "--profile", join(dir, "missing.json")], /cannot read the profile .*no such file/],
    [["analyse", "--profile", badJsonProfile, messages], /profile .* is not valid JSON/],
    [["analyse", "--profile", wrongTypeProfile, messages], /profile .* is not valid.*private\.phones/],
    [["analyse", "--text", "hello", messages], /--text .* cannot be combined with a FILE/],
  ];
  const results = await Promise.all(cases.map(([args]) => runShield(args, {})));
  results.forEach((result, i) => {
    const [args, message] = cases[i]!;
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stdout, "");
  });
});

test("--help describes the command; --text explains one verdict in plain words with the number to call", async () => {
  const [help, text, json] = await Promise.all([
    runShield(["analyse", "--help"], {}),
    runShield(["analyse", "--text", "Will you be at the hustings on Thursday?"], {}),
    runShield(["analyse", "--text", "Will you be at the hustings on Thursday?", "--json"], {}),
  ]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /shield analyse \[--profile FILE\] \[FILE\]/);
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stderr, "");
  assert.match(
    text.stdout,
    /Call 999 now|Report this message to the police|Report this message to the platform|Keep a record/,
  );
  assert.match(text.stdout, /\b999\b/);
  assert.match(text.stdout, /Categories:/);
  assert.equal(json.code, 0, json.stderr);
  assert.ok((LEVELS as readonly string[]).includes(JSON.parse(json.stdout).level));
});

test("a message revealing a detail registered in the profile is call-999 with category private-info", async () => {
  const profile = tempFile(
    "profile.json",
    JSON.stringify({ name: "Alex Morgan", private: { phones: ["07911 123456"] } }),
  );
  const message = "ring him on +44 7911 123456 tonight";
  const [stream, text] = await Promise.all([
    runShieldWithInput(["analyse", "--profile", profile], jsonl({ id: "doxx", text: message })),
    runShield(["analyse", "--profile", profile, "--text", message], {}),
  ]);
  assert.equal(stream.code, 0, stream.stderr);
  const [result] = resultsOf(stream.stdout);
  assertAnalysed(result, "doxx");
  assert.equal(result.level, "call-999");
  assert.ok(result.categories.includes("private-info"), JSON.stringify(result.categories));
  const reason = result.reasons.find((r: any) => r.category === "private-info");
  assert.ok(reason, "a private-info reason");
  assert.match(reason.span.text, /7911/);
  assert.equal(message.slice(reason.span.start, reason.span.end), reason.span.text);

  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Call 999 now if you are in immediate danger/);
  assert.match(text.stdout, /“[^”]*7911[^”]*”/);
  assert.match(text.stdout, /Categories: .*private-info/);
});

test(
  "streams: the first result arrives while standard input is still open",
  { timeout: 120_000 },
  async (t) => {
    const child = spawn(SHIELD_BIN, ["analyse"], { env: shieldEnv({}), stdio: ["pipe", "pipe", "pipe"] });
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const firstLine = new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (stdout.includes("\n")) resolve(stdout.slice(0, stdout.indexOf("\n")));
      });
      child.on("close", () => reject(new Error(`exited before answering\nstderr: ${stderr}`)));
    });

    child.stdin.write(jsonl({ id: "first", text: "Good luck at the count" }));
    assertAnalysed(JSON.parse(await firstLine), "first");
    assert.equal(child.exitCode, null, "still waiting for more input");
    child.stdin.end(jsonl({ id: "second", text: "See you on the doorstep" }));
    assert.equal(await exited, 0, stderr);
    assert.deepEqual(
      resultsOf(stdout).map((r) => r.id),
      ["first", "second"],
    );
    assert.equal(stderr, "");
  },
);

test(
  "stops quietly when the reader goes away (… | head), though input keeps coming",
  { timeout: 120_000 },
  async (t) => {
    const child = spawn(SHIELD_BIN, ["analyse"], { env: shieldEnv({}), stdio: ["pipe", "pipe", "pipe"] });
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.on("error", () => {}); // it stops reading once nobody reads its output
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      child.on("close", (code) => {
        running = false;
        resolve(code);
      }),
    );
    const lines = jsonl({ id: 1, text: "Your leaflet came through the door today, thank you" }).repeat(1000);
    while (running) {
      if (!child.stdin.write(lines))
        await Promise.race([new Promise((resolve) => child.stdin.once("drain", resolve)), exited]);
    }
    assert.equal(await exited, 0);
    assert.equal(stderr, "");
  },
);
