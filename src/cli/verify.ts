import { openRuntime } from "../server/runtime.ts";
import { verifyIntegrity } from "../store/verify.ts";
import type { Config } from "../server/config.ts";

export async function runVerify(config: Config, json: boolean): Promise<number> {
  const runtime = await openRuntime(config);
  try {
    const report = await verifyIntegrity(runtime.deps.db, runtime.deps.blobs, runtime.deps.secrets);
    if (json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      const { streams, events, rows, evidenceFiles } = report.counts;
      console.log(
        `Checked ${events} events in ${streams} chains, ${rows} records and ${evidenceFiles} evidence files.`,
      );
      for (const notice of report.notices) console.log(`note: ${notice}`);
      if (report.ok) console.log("All intact: nothing was altered, removed or reordered.");
      else {
        console.log(`${report.problems.length} problem(s) found:`);
        for (const p of report.problems) console.log(`  ✗ ${p.where}: ${p.message}`);
      }
    }
    return report.ok ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
