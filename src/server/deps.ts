// What commands need from the outside world, passed in explicitly (tests substitute the clock).
import type { Database, DatabaseKind } from "../store/db.ts";
import type { Secrets } from "../store/secrets.ts";
import type { BlobStore } from "../store/blobs.ts";
import type { ChainWriter } from "../store/chain.ts";
import type { Channels } from "./notify/types.ts";

export interface Deps {
  db: Database;
  dbKind: DatabaseKind;
  secrets: Secrets;
  blobs: BlobStore;
  /** Writes that go on a campaign's hash chain, committed in groups. */
  chain: ChainWriter;
  now: () => Date;
  /** How alerts leave the deployment (email, webhook, web push): those configured. */
  channels: Channels;
  /** Tells the canvass poller to look now (e.g. after "I'm in danger"); a no-op until it runs. */
  wakePoller: () => void;
  config: {
    publicUrl: string;
    maxEvidenceBytes: number;
    /** Canvassing map tiles (none by default) and their attribution. */
    mapTileUrl?: string | undefined;
    mapAttribution?: string | undefined;
  };
}
