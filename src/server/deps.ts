// What commands need from the outside world, passed in explicitly (tests substitute the clock).
import type { Database, DatabaseKind } from "../store/db.ts";
import type { Secrets } from "../store/secrets.ts";
import type { BlobStore } from "../store/blobs.ts";

export interface Deps {
  db: Database;
  dbKind: DatabaseKind;
  secrets: Secrets;
  blobs: BlobStore;
  now: () => Date;
  config: {
    publicUrl: string;
    maxEvidenceBytes: number;
  };
}
