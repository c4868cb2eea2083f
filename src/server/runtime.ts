// Opens everything a command needs (database, key, blob store) and closes it again.
import { join } from "node:path";
import { openDatabase, type OpenDatabase } from "../store/db.ts";
import { FileBlobStore } from "../store/blobs.ts";
import { loadMasterKey, Secrets } from "../store/secrets.ts";
import { seedForces } from "../store/seed.ts";
import { ChainWriter } from "../store/chain.ts";
import type { Config } from "./config.ts";
import type { Deps } from "./deps.ts";
import { channelsFromConfig } from "./notify/channels.ts";
import type { Channels } from "./notify/types.ts";

export interface Runtime {
  deps: Deps;
  database: OpenDatabase;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Pick<Config, "dataDir" | "databaseUrl" | "publicUrl" | "maxEvidenceBytes"> &
    Partial<
      Pick<Config, "smtpUrl" | "mailFrom" | "webhookUrl" | "webhookSecret" | "mapTileUrl" | "mapAttribution">
    >,
  options: { now?: () => Date; pgliteTemplate?: Blob; channels?: Channels } = {},
): Promise<Runtime> {
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
  });
  try {
    await seedForces(database.db);
    const masterKey = loadMasterKey(config.dataDir);
    const deps: Deps = {
      db: database.db,
      dbKind: database.kind,
      secrets: new Secrets(masterKey),
      blobs: new FileBlobStore(join(config.dataDir, "blobs")),
      chain: new ChainWriter(database.db),
      now: options.now ?? (() => new Date()),
      channels:
        options.channels ??
        channelsFromConfig({
          smtpUrl: config.smtpUrl,
          mailFrom: config.mailFrom,
          webhookUrl: config.webhookUrl,
          webhookSecret: config.webhookSecret,
          publicUrl: config.publicUrl,
          masterKey,
        }),
      wakePoller: () => {},
      config: {
        publicUrl: config.publicUrl,
        maxEvidenceBytes: config.maxEvidenceBytes,
        mapTileUrl: config.mapTileUrl,
        mapAttribution: config.mapAttribution,
      },
    };
    return { deps, database, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
