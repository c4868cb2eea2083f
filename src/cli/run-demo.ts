import { openRuntime } from "../server/runtime.ts";
import type { Config } from "../server/config.ts";
import { loadDemo } from "./demo.ts";

export async function runDemo(config: Config, seed: number | undefined): Promise<number> {
  const runtime = await openRuntime(config);
  try {
    const summary = await loadDemo(runtime.deps, seed === undefined ? {} : { seed });
    console.log(
      `Demo campaign "${summary.campaignName}" created: ${summary.incidents} incidents, ${summary.actors} actors, ${summary.evidence} pieces of evidence.`,
    );
    console.log("Sign in with:");
    for (const p of summary.people) console.log(`  ${p.role.padEnd(24)} ${p.email.padEnd(36)} ${p.password}`);
    console.log(`Then start Shield with 'npm start' and open ${config.publicUrl}`);
    return 0;
  } finally {
    await runtime.close();
  }
}
