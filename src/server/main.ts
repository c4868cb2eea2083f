// `shield serve`: start the service.
import { buildApp } from "./app.ts";
import { createSetupLinkIfEmpty } from "./commands/accounts.ts";
import type { Config } from "./config.ts";
import { openRuntime } from "./runtime.ts";
import { clockFrom } from "./clock.ts";
import { startPoller } from "./canvass/poller.ts";
import { describeChannels } from "./notify/channels.ts";
import { backfillIncidentFacts } from "./stats/backfill.ts";

export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const runtime = await openRuntime(config, { now: clockFrom(config.testClockFile) });
  const app = await buildApp(runtime.deps, { logger: { level: config.logLevel } });
  const poller = startPoller(runtime.deps, { intervalMs: config.canvassPollMs });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await poller.stop();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const where =
    runtime.deps.dbKind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL server";
  console.log(
    `Shield is running at ${config.publicUrl} (${where}), ready in ${Math.round(performance.now() - started)} ms`,
  );
  console.log(`Canvassing alerts: ${describeChannels(runtime.deps.channels)}`);
  // Incidents recorded before national statistics existed get their facts row, in the background.
  void backfillIncidentFacts(runtime.deps).catch((error: unknown) =>
    app.log.error({ err: { name: (error as Error).name } }, "filling in incident facts failed"),
  );
  const setupLink = await createSetupLinkIfEmpty(runtime.deps);
  if (setupLink) {
    console.log(
      `\nNo accounts yet. Open this one-time link to create the first account:\n\n  ${setupLink}\n`,
    );
  }
}
