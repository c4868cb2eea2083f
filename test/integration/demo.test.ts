import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { login, startHarness } from "../support/harness.ts";
import { loadDemo } from "../../src/cli/demo.ts";
import { verifyIntegrity } from "../../src/store/verify.ts";
import { queryRows } from "../../src/store/db.ts";
import { CHANNELS } from "../../src/core/incident/model.ts";

test("the demo fills a fresh database with a living, verifiable campaign", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const summary = await loadDemo(h.runtime.deps, { now: h.clock.now() });
  assert.ok(summary.incidents >= 40, `${summary.incidents} incidents`);
  assert.ok(summary.actors >= 4);
  assert.ok(summary.evidence >= 30);

  const candidate = await login(h.app, summary.people[0]!.email, summary.people[0]!.password);
  const campaigns = await candidate.request("GET", "/api/campaigns");
  const campaignId = campaigns.body.campaigns[0].id;
  const page = await candidate.request("GET", `/api/campaigns/${campaignId}/incidents?limit=200`);
  assert.equal(page.body.incidents.length, summary.incidents);
  assert.deepEqual(
    new Set(page.body.incidents.map((i: { channel: string }) => i.channel)),
    new Set(CHANNELS),
    "every channel",
  );
  const oldest = Date.parse(page.body.incidents.at(-1).occurredAt);
  assert.ok(h.clock.now().getTime() - oldest > 35 * 24 * 3600_000, "about six weeks of incidents");

  const volunteer = summary.people.find((p) => p.role.includes("log-only"))!;
  const volunteerSession = await login(h.app, volunteer.email, volunteer.password);
  const own = await volunteerSession.request("GET", `/api/campaigns/${campaignId}/incidents?limit=200`);
  assert.ok(
    own.body.incidents.length > 0 && own.body.incidents.length < summary.incidents,
    "the log-only volunteer sees only their own",
  );

  const [files] = await queryRows<{ count: number }>(
    h.runtime.deps.db,
    sql`select count(*)::int as count from evidence where kind = 'file'`,
  );
  assert.ok(files!.count >= 3, "evidence files");
  const report = await verifyIntegrity(h.runtime.deps.db, h.runtime.deps.blobs, h.runtime.deps.secrets);
  assert.deepEqual(report.problems, []);

  await assert.rejects(loadDemo(h.runtime.deps), /only fills a fresh database/);
});
