// Idempotency keys: the browser app's offline outbox sends each incident and each piece of evidence
// with an `Idempotency-Key` header, and may send it again when an answer was lost on a bad
// connection. The key is stored in the same transaction as what it created, so a repeat (even one
// racing the first) gets the resource that exists instead of making a second copy.
import { and, eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { canonicalJson, sha256Hex, type Canonicalisable } from "../core/evidence/canonical.ts";
import * as t from "../store/schema.ts";
import type { DeferredInsert } from "../store/chain.ts";
import type { Deps } from "./deps.ts";
import { AppError, badRequest } from "./errors.ts";

export type ResourceKind = "incident" | "evidence";

/** A key presented with a write: what the command stores alongside the resource it makes. */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  scope: string;
  requestHash: string;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** The request's key, if it sent one (a malformed key is refused: nothing is written). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers["idempotency-key"];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY_PATTERN.test(key)) {
    throw badRequest(
      "Idempotency-Key: use 8 to 200 letters, digits, dots, colons, hyphens or underscores (e.g. a UUID).",
      "Idempotency-Key",
    );
  }
  return key;
}

export function claimFor(
  request: FastifyRequest,
  userId: string,
  scope: string,
  content: Canonicalisable,
): IdempotencyClaim | undefined {
  const key = idempotencyKeyOf(request);
  if (!key) return undefined;
  return { userId, key, scope, requestHash: sha256Hex(Buffer.from(canonicalJson(content), "utf8")) };
}

/** The resource an earlier request with this key made, or undefined if the key is new. */
export async function earlierResource(
  deps: Deps,
  claim: IdempotencyClaim,
): Promise<{ kind: ResourceKind; id: string } | undefined> {
  const [row] = await deps.db
    .select()
    .from(t.idempotencyKeys)
    .where(and(eq(t.idempotencyKeys.userId, claim.userId), eq(t.idempotencyKeys.key, claim.key)));
  if (!row) return undefined;
  if (row.scope !== claim.scope || row.requestHash !== claim.requestHash) {
    throw new AppError(
      422,
      "idempotency-key-reused",
      "This Idempotency-Key was already used for a different request. Nothing was changed; send a new key for a new request.",
      "Idempotency-Key",
    );
  }
  return { kind: row.resourceKind as ResourceKind, id: row.resourceId };
}

/** The row to insert with the resource, in the same transaction. */
export function claimInsert(
  claim: IdempotencyClaim,
  resource: { kind: ResourceKind; id: string },
  at: Date,
): DeferredInsert {
  return {
    table: t.idempotencyKeys,
    row: { ...claim, resourceKind: resource.kind, resourceId: resource.id, createdAt: at },
  };
}

/** True when a write failed only because a concurrent request with the same key got there first. */
export function isDuplicateClaim(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint;
  return code === "23505" && (constraint ?? "").startsWith("idempotency_keys");
}

/**
 * Runs a write once per key: replays the earlier resource if the key was seen, otherwise runs the
 * write (which stores the claim), and if a concurrent twin won the race, replays what it made.
 */
export async function once<T>(
  deps: Deps,
  claim: IdempotencyClaim | undefined,
  write: (claim: IdempotencyClaim | undefined) => Promise<T>,
  replay: (resource: { kind: ResourceKind; id: string }) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!claim) return { result: await write(undefined), replayed: false };
  const earlier = await earlierResource(deps, claim);
  if (earlier) return { result: await replay(earlier), replayed: true };
  try {
    return { result: await write(claim), replayed: false };
  } catch (error) {
    if (!isDuplicateClaim(error)) throw error;
    const winner = await earlierResource(deps, claim);
    if (!winner) throw error;
    return { result: await replay(winner), replayed: true };
  }
}

/** Answers a create: 201 with the resource, marked when it is the one an earlier request made. */
export function sendCreated<T>(reply: FastifyReply, outcome: { result: T; replayed: boolean }) {
  if (outcome.replayed) reply.header("idempotent-replayed", "true");
  return reply.code(201).send(outcome.result);
}
