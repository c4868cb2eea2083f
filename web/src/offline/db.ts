// The device's own store (IndexedDB): drafts that are never lost, and the outbox of incidents and
// evidence waiting to be sent. Nothing here leaves the device except through the outbox.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { IncidentBodyInput } from "../../../src/core/incident/model.ts";

export interface QueuedText {
  kind: "text";
  text: string;
  source: string;
  capturedAt?: string;
}
export interface QueuedFile {
  kind: "file";
  blob: Blob;
  filename: string;
  source: string;
  capturedAt?: string;
}
export type QueuedEvidence = QueuedText | QueuedFile;

/** One incident with its evidence, recorded on this device and not yet (fully) sent. */
export interface OutboxItem {
  /** The idempotency key of the incident; each piece of evidence uses `${key}.e${index}`. */
  key: string;
  campaignId: string;
  userId: string;
  queuedAt: string;
  body: IncidentBodyInput;
  evidence: QueuedEvidence[];
  /** Set once the server has the incident. */
  incidentId?: string;
  /** Indexes of evidence the server has. */
  evidenceSent: number[];
  attempts: number;
  lastError?: string;
  /** The server refused it (e.g. invalid): kept, shown to the person, never retried automatically. */
  rejected?: boolean;
}

export interface Draft {
  id: string;
  savedAt: string;
  fields: Record<string, unknown>;
  files: { blob: Blob; filename: string; source: string }[];
}

interface ShieldDb extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  drafts: { key: string; value: Draft };
}

let opened: Promise<IDBPDatabase<ShieldDb>> | undefined;
export function deviceDb(): Promise<IDBPDatabase<ShieldDb>> {
  opened ??= openDB<ShieldDb>("shield", 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "key" });
      db.createObjectStore("drafts", { keyPath: "id" });
    },
  });
  return opened;
}
