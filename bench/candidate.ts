// The benchmarks' candidate and campaign, set up in an empty database through the real commands.
import { eq } from "drizzle-orm";
import { completeSetup, createSetupLinkIfEmpty } from "../src/server/commands/accounts.ts";
import type { Deps } from "../src/server/deps.ts";
import * as t from "../src/store/schema.ts";
import { BENCH_EMAIL, BENCH_PASSWORD } from "./client.ts";

export async function setUpBenchCandidate(deps: Deps): Promise<{ userId: string; campaignId: string }> {
  const link = await createSetupLinkIfEmpty(deps);
  if (!link) throw new Error("the new database is not empty");
  const user = await completeSetup(deps, {
    token: new URL(link).hash.replace("#token=", ""),
    role: "candidate",
    email: BENCH_EMAIL,
    displayName: "Bench Candidate",
    password: BENCH_PASSWORD,
    campaignName: "Bench for Riverside",
  });
  const [campaign] = await deps.db
    .select({ id: t.campaigns.id })
    .from(t.campaigns)
    .where(eq(t.campaigns.createdBy, user.id));
  return { userId: user.id, campaignId: campaign!.id };
}
