// Accounts, sessions, two-factor and invitations.
import { randomUUID } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import * as t from "../../store/schema.ts";
import type { Permission, Role } from "../../store/schema.ts";
import {
  appendEvents,
  campaignStream,
  factEvent,
  rowEvent,
  SYSTEM_STREAM,
  type Tx,
} from "../../store/chain.ts";
import type { Jurisdiction } from "../../core/incident/model.ts";
import type { Deps } from "../deps.ts";
import type { Principal } from "../policies/principal.ts";
import { AppError, badRequest, conflict, notFound, unauthenticated } from "../errors.ts";
import { hashToken, newToken } from "./tokens.ts";

const SESSION_LIFETIME_MS = 30 * 24 * 3600_000;
const SESSION_TOUCH_INTERVAL_MS = 5 * 60_000;
const INVITATION_LIFETIME_MS = 14 * 24 * 3600_000;
const SETUP_LIFETIME_MS = 7 * 24 * 3600_000;
/** Verified against when the email is unknown, so that a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function hashPassword(password: string): Promise<string> {
  return argonHash(password); // argon2id with the library's recommended cost
}

type UserRow = typeof t.users.$inferSelect;

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  forceId: string | null;
  totpEnabled: boolean;
  suspended: boolean;
}

export const publicUser = (u: UserRow): PublicUser => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role as Role,
  forceId: u.forceId,
  totpEnabled: u.totpEnabled,
  suspended: u.suspendedAt !== null,
});

async function insertUser(
  tx: Tx,
  deps: Deps,
  input: { email: string; displayName: string; passwordHash: string; role: Role; forceId?: string | null },
  createdBy: string | null,
): Promise<UserRow> {
  const email = normaliseEmail(input.email);
  const [existing] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email));
  if (existing) throw conflict("An account with this email address already exists.", "email");
  const row: UserRow = {
    id: randomUUID(),
    email,
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    role: input.role,
    forceId: input.forceId ?? null,
    totpSecretEnc: null,
    totpEnabled: false,
    suspendedAt: null,
    createdAt: deps.now(),
  };
  await tx.insert(t.users).values(row);
  await appendEvents(tx, { stream: SYSTEM_STREAM, actorUserId: createdBy ?? row.id, at: row.createdAt }, [
    factEvent("account.created", "user", row.id, { role: row.role, forceId: row.forceId }),
  ]);
  return row;
}

/** Creates a campaign space owned by the candidate. */
async function insertCampaign(
  tx: Tx,
  deps: Deps,
  owner: UserRow,
  input: { name: string; jurisdiction: Jurisdiction; forceId?: string | null },
): Promise<typeof t.campaigns.$inferSelect> {
  const at = deps.now();
  const campaign = {
    id: randomUUID(),
    name: input.name,
    jurisdiction: input.jurisdiction,
    forceId: input.forceId ?? null,
    createdBy: owner.id,
    createdAt: at,
  };
  await tx.insert(t.campaigns).values(campaign);
  await tx.insert(t.campaignMembers).values({
    campaignId: campaign.id,
    userId: owner.id,
    permission: "owner",
    addedBy: owner.id,
    addedAt: at,
    revokedAt: null,
  });
  await appendEvents(tx, { stream: campaignStream(campaign.id), actorUserId: owner.id, at }, [
    rowEvent("campaign.created", "campaign", campaign),
    factEvent("member.added", "membership", `${campaign.id}/${owner.id}`, { permission: "owner" }),
  ]);
  return campaign;
}

// ---------------------------------------------------------------------------------------------
// First-run set-up

/** On an empty database, makes a fresh one-time set-up link (earlier unused ones stop working). */
export async function createSetupLinkIfEmpty(deps: Deps): Promise<string | undefined> {
  return deps.db.transaction(async (tx) => {
    const [anyUser] = await tx.select({ id: t.users.id }).from(t.users).limit(1);
    if (anyUser) return undefined;
    const now = deps.now();
    await tx
      .update(t.invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(t.invitations.kind, "setup"),
          isNull(t.invitations.acceptedAt),
          isNull(t.invitations.revokedAt),
        ),
      );
    const { token, hash } = newToken();
    await tx.insert(t.invitations).values({
      id: randomUUID(),
      tokenHash: hash,
      kind: "setup",
      createdAt: now,
      expiresAt: new Date(now.getTime() + SETUP_LIFETIME_MS),
    });
    return `${deps.config.publicUrl}/setup#token=${token}`;
  });
}

export interface FirstAccountInput {
  token: string;
  role: "candidate" | "admin";
  email: string;
  displayName: string;
  password: string;
  campaignName?: string | undefined;
  jurisdiction?: Jurisdiction | undefined;
}

export async function completeSetup(deps: Deps, input: FirstAccountInput): Promise<UserRow> {
  if (input.role === "candidate" && !input.campaignName) {
    throw badRequest("campaignName is required when the first account is a candidate.", "campaignName");
  }
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const invitation = await takeInvitation(tx, deps, input.token, "setup");
    const [anyUser] = await tx.select({ id: t.users.id }).from(t.users).limit(1).for("update");
    if (anyUser) throw conflict("Shield has already been set up. Sign in instead.");
    const user = await insertUser(tx, deps, { ...input, passwordHash }, null);
    if (input.role === "candidate") {
      await insertCampaign(tx, deps, user, {
        name: input.campaignName!,
        jurisdiction: input.jurisdiction ?? "england-wales",
      });
    }
    await tx
      .update(t.invitations)
      .set({ acceptedAt: deps.now(), acceptedBy: user.id })
      .where(eq(t.invitations.id, invitation.id));
    return user;
  });
}

/** Creates a candidate with their campaign directly (the demo and administrators' tooling). */
export async function createCandidate(
  deps: Deps,
  input: {
    email: string;
    displayName: string;
    password: string;
    campaignName: string;
    jurisdiction: Jurisdiction;
    forceId?: string;
  },
): Promise<{ user: UserRow; campaignId: string }> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const user = await insertUser(tx, deps, { ...input, role: "candidate", passwordHash }, null);
    const campaign = await insertCampaign(tx, deps, user, {
      name: input.campaignName,
      jurisdiction: input.jurisdiction,
      forceId: input.forceId ?? null,
    });
    return { user, campaignId: campaign.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Invitations (team members; police and analyst accounts)

type InvitationRow = typeof t.invitations.$inferSelect;

async function takeInvitation(
  tx: Tx,
  deps: Deps,
  token: string,
  kind?: InvitationRow["kind"],
): Promise<InvitationRow> {
  const [invitation] = await tx
    .select()
    .from(t.invitations)
    .where(eq(t.invitations.tokenHash, hashToken(token)))
    .for("update");
  const usable =
    invitation &&
    (!kind || invitation.kind === kind) &&
    !invitation.acceptedAt &&
    !invitation.revokedAt &&
    invitation.expiresAt > deps.now();
  if (!usable) {
    throw new AppError(
      410,
      "link-expired",
      "This link has expired or has already been used. Ask for a new one.",
    );
  }
  return invitation;
}

interface InvitationSpec {
  kind: "team" | "staff" | "candidate";
  email: string;
  role: Role;
  permission?: Exclude<Permission, "owner">;
  campaignId?: string;
  forceId?: string | null;
  by: Principal | null;
  /** The chain the invitation is recorded on, and the non-secret facts recorded. */
  stream: string;
  eventType: string;
  facts: Record<string, string | null>;
}

export interface CreatedInvitation {
  id: string;
  link: string;
  expiresAt: Date;
}

/** A one-time link, valid for 14 days. Only the hash of its token is stored. */
async function createInvitation(deps: Deps, spec: InvitationSpec): Promise<CreatedInvitation> {
  const now = deps.now();
  const { token, hash } = newToken();
  const invitation = {
    id: randomUUID(),
    tokenHash: hash,
    kind: spec.kind,
    email: normaliseEmail(spec.email),
    role: spec.role,
    permission: spec.permission ?? null,
    campaignId: spec.campaignId ?? null,
    forceId: spec.forceId ?? null,
    createdBy: spec.by?.id ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
  };
  await deps.db.transaction(async (tx) => {
    if (invitation.forceId) {
      const [force] = await tx
        .select({ id: t.forces.id })
        .from(t.forces)
        .where(eq(t.forces.id, invitation.forceId));
      if (!force) throw badRequest(`Unknown police force '${invitation.forceId}'.`, "forceId");
    }
    if (spec.kind !== "team") {
      // Team members may already have an account (an agent for two candidates); others may not.
      const [existing] = await tx
        .select({ id: t.users.id })
        .from(t.users)
        .where(eq(t.users.email, invitation.email));
      if (existing) throw conflict("An account with this email address already exists.", "email");
    }
    await tx.insert(t.invitations).values(invitation);
    await appendEvents(tx, { stream: spec.stream, actorUserId: spec.by?.id ?? null, at: now }, [
      factEvent(spec.eventType, "invitation", invitation.id, spec.facts),
    ]);
  });
  return {
    id: invitation.id,
    link: `${deps.config.publicUrl}/invite#token=${token}`,
    expiresAt: invitation.expiresAt,
  };
}

export async function inviteTeamMember(
  deps: Deps,
  by: Principal,
  campaignId: string,
  input: { email: string; permission: Exclude<Permission, "owner"> },
): Promise<CreatedInvitation> {
  return createInvitation(deps, {
    kind: "team",
    email: input.email,
    role: "team-member",
    permission: input.permission,
    campaignId,
    by,
    stream: campaignStream(campaignId),
    eventType: "member.invited",
    facts: { permission: input.permission },
  });
}

export async function inviteStaff(
  deps: Deps,
  by: Principal | null,
  input: { email: string; role: "spoc" | "analyst" | "admin"; forceId?: string | undefined },
): Promise<CreatedInvitation> {
  // A SPOC works for one force; a national analyst (e.g. at the NPCC) may belong to none.
  if (input.role === "spoc" && !input.forceId) {
    throw badRequest("A police SPOC account must be attached to a police force.", "forceId");
  }
  const forceId = input.role === "admin" ? null : (input.forceId ?? null);
  return createInvitation(deps, {
    kind: "staff",
    email: input.email,
    role: input.role,
    forceId,
    by,
    stream: SYSTEM_STREAM,
    eventType: "staff.invited",
    facts: { role: input.role, forceId },
  });
}

/** An administrator invites another candidate to their own campaign space on this deployment. */
export async function inviteCandidate(
  deps: Deps,
  by: Principal | null,
  input: { email: string },
): Promise<CreatedInvitation> {
  return createInvitation(deps, {
    kind: "candidate",
    email: input.email,
    role: "candidate",
    by,
    stream: SYSTEM_STREAM,
    eventType: "candidate.invited",
    facts: { role: "candidate" },
  });
}

export async function describeInvitation(
  deps: Deps,
  token: string,
): Promise<{
  kind: string;
  email: string | null;
  role: string | null;
  campaignName: string | null;
  existingAccount: boolean;
}> {
  const [row] = await deps.db
    .select({ inv: t.invitations, campaignName: t.campaigns.name })
    .from(t.invitations)
    .leftJoin(t.campaigns, eq(t.campaigns.id, t.invitations.campaignId))
    .where(
      and(
        eq(t.invitations.tokenHash, hashToken(token)),
        isNull(t.invitations.acceptedAt),
        isNull(t.invitations.revokedAt),
        gt(t.invitations.expiresAt, deps.now()),
      ),
    );
  if (!row)
    throw new AppError(
      410,
      "link-expired",
      "This link has expired or has already been used. Ask for a new one.",
    );
  const existing = row.inv.email
    ? await deps.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, row.inv.email))
    : [];
  return {
    kind: row.inv.kind,
    email: row.inv.email,
    role: row.inv.role,
    campaignName: row.campaignName,
    existingAccount: existing.length > 0,
  };
}

/**
 * Accepts a team or staff invitation. A new person chooses a name and password; someone who
 * already has an account (e.g. an agent for two candidates) proves it with their password.
 */
export async function acceptInvitation(
  deps: Deps,
  input: {
    token: string;
    displayName?: string | undefined;
    password: string;
    campaignName?: string | undefined;
    jurisdiction?: Jurisdiction | undefined;
  },
): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.transaction(async (tx) => {
    const invitation = await takeInvitation(tx, deps, input.token);
    if (invitation.kind === "setup") throw badRequest("Use the set-up page for this link.", "token");
    const email = invitation.email!;
    const [existing] = await tx.select().from(t.users).where(eq(t.users.email, email));
    let user: UserRow;
    if (existing) {
      if (invitation.kind !== "team" || existing.role !== "team-member") {
        throw conflict("An account with this email address already exists.", "email");
      }
      if (!(await argonVerify(existing.passwordHash, input.password))) {
        throw unauthenticated("That password does not match the existing account for this email address.");
      }
      user = existing;
    } else {
      if (!input.displayName) throw badRequest("displayName is required for a new account.", "displayName");
      user = await insertUser(
        tx,
        deps,
        {
          email,
          displayName: input.displayName,
          passwordHash,
          role: invitation.role as Role,
          forceId: invitation.forceId,
        },
        invitation.createdBy,
      );
    }
    const now = deps.now();
    if (invitation.kind === "candidate") {
      if (!input.campaignName)
        throw badRequest("campaignName is required to set up a candidate's campaign.", "campaignName");
      await insertCampaign(tx, deps, user, {
        name: input.campaignName,
        jurisdiction: input.jurisdiction ?? "england-wales",
      });
    }
    if (invitation.kind === "team") {
      const campaignId = invitation.campaignId!;
      await tx
        .insert(t.campaignMembers)
        .values({
          campaignId,
          userId: user.id,
          permission: invitation.permission!,
          addedBy: invitation.createdBy,
          addedAt: now,
          revokedAt: null,
        })
        .onConflictDoUpdate({
          target: [t.campaignMembers.campaignId, t.campaignMembers.userId],
          set: { permission: invitation.permission!, addedAt: now, revokedAt: null },
        });
      await appendEvents(tx, { stream: campaignStream(campaignId), actorUserId: user.id, at: now }, [
        factEvent("member.added", "membership", `${campaignId}/${user.id}`, {
          permission: invitation.permission,
        }),
      ]);
    }
    await tx
      .update(t.invitations)
      .set({ acceptedAt: now, acceptedBy: user.id })
      .where(eq(t.invitations.id, invitation.id));
    return user;
  });
  forgetResolvedSessions(deps); // a new membership for an existing account
  return user;
}

// ---------------------------------------------------------------------------------------------
// Team

export async function listMembers(deps: Deps, campaignId: string) {
  const rows = await deps.db
    .select({ m: t.campaignMembers, u: t.users })
    .from(t.campaignMembers)
    .innerJoin(t.users, eq(t.users.id, t.campaignMembers.userId))
    .where(and(eq(t.campaignMembers.campaignId, campaignId), isNull(t.campaignMembers.revokedAt)))
    .orderBy(t.campaignMembers.addedAt);
  return rows.map(({ m, u }) => ({
    userId: u.id,
    displayName: u.displayName,
    email: u.email,
    permission: m.permission as Permission,
    addedAt: m.addedAt,
  }));
}

export async function setMemberPermission(
  deps: Deps,
  by: Principal,
  campaignId: string,
  userId: string,
  permission: "full" | "log-only" | "revoked",
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(t.campaignMembers)
      .where(
        and(
          eq(t.campaignMembers.campaignId, campaignId),
          eq(t.campaignMembers.userId, userId),
          isNull(t.campaignMembers.revokedAt),
        ),
      )
      .for("update");
    if (!member) throw notFound("team member");
    if (member.permission === "owner")
      throw badRequest("The candidate's own access cannot be changed.", "userId");
    await tx
      .update(t.campaignMembers)
      .set(permission === "revoked" ? { revokedAt: now } : { permission })
      .where(and(eq(t.campaignMembers.campaignId, campaignId), eq(t.campaignMembers.userId, userId)));
    await appendEvents(tx, { stream: campaignStream(campaignId), actorUserId: by.id, at: now }, [
      factEvent(
        permission === "revoked" ? "member.revoked" : "member.permission-changed",
        "membership",
        `${campaignId}/${userId}`,
        {
          permission,
        },
      ),
    ]);
  });
  forgetResolvedSessions(deps);
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface NewSession {
  token: string;
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
  user: UserRow;
}

export async function startSession(
  deps: Deps,
  user: UserRow,
  userAgent: string | undefined,
): Promise<NewSession> {
  const now = deps.now();
  const { token, hash } = newToken();
  const csrfToken = newToken().token;
  const session = {
    id: randomUUID(),
    tokenHash: hash,
    userId: user.id,
    csrfToken,
    userAgent: userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    revokedAt: null,
  };
  await deps.db.insert(t.sessions).values(session);
  return { token, csrfToken, sessionId: session.id, expiresAt: session.expiresAt, user };
}

export class SecondFactorRequired extends AppError {
  constructor() {
    super(401, "second-factor-required", "Enter the 6-digit code from your authenticator app.", "code");
  }
}

/** Checks a password (and a TOTP code when two-factor is on). Throws a 401 on any failure. */
export async function checkCredentials(
  deps: Deps,
  input: { email: string; password: string; code?: string | undefined },
): Promise<UserRow> {
  const [user] = await deps.db
    .select()
    .from(t.users)
    .where(eq(t.users.email, normaliseEmail(input.email)));
  dummyHash ??= hashPassword("not a real password, only for timing");
  const passwordOk = await argonVerify(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !passwordOk) throw unauthenticated("That email address and password do not match.");
  if (user.suspendedAt)
    throw new AppError(403, "suspended", "This account has been suspended. Contact your administrator.");
  if (user.totpEnabled) {
    if (!input.code) throw new SecondFactorRequired();
    if (!totpMatches(deps, user, input.code)) {
      throw new AppError(
        401,
        "second-factor-wrong",
        "That code is not right. Codes change every 30 seconds.",
        "code",
      );
    }
  }
  return user;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: UserRow;
  principal: Principal;
}

/**
 * One round trip, prepared once per database: the session, its user and their memberships.
 * This runs on every request, so it skips rebuilding the query each time.
 */
const sessionLookups = new WeakMap<object, ReturnType<typeof prepareSessionLookup>>();
const prepareSessionLookup = (db: Deps["db"]) =>
  db
    .select({
      s: t.sessions,
      u: t.users,
      memberships: sql<
        string[] | null
      >`(select array_agg(${t.campaignMembers.campaignId}::text || ':' || ${t.campaignMembers.permission})
        from ${t.campaignMembers} where ${t.campaignMembers.userId} = ${t.users.id} and ${t.campaignMembers.revokedAt} is null)`,
    })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(
      and(
        eq(t.sessions.tokenHash, sql.placeholder("tokenHash")),
        isNull(t.sessions.revokedAt),
        gt(t.sessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare("shield_session_lookup");
function sessionLookup(db: Deps["db"]) {
  let prepared = sessionLookups.get(db);
  if (!prepared) sessionLookups.set(db, (prepared = prepareSessionLookup(db)));
  return prepared;
}

/**
 * Resolved sessions are kept for a few seconds, so that a burst of requests (an offline queue being
 * sent, a page loading) costs one lookup. Every change to accounts, sessions or teams made by this
 * process clears the cache at once; another server process sharing PostgreSQL sees such a change
 * within SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;
const sessionCaches = new WeakMap<
  object,
  Map<string, { session: ResolvedSession; until: number; expiresAt: number }>
>();
const sessionCache = (deps: Deps) => {
  let cache = sessionCaches.get(deps.db);
  if (!cache) sessionCaches.set(deps.db, (cache = new Map()));
  return cache;
};
/** Call after any write to users, sessions or memberships. */
export const forgetResolvedSessions = (deps: Deps) => sessionCache(deps).clear();

export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession | undefined> {
  const now = deps.now();
  const tokenHash = hashToken(token);
  const cache = sessionCache(deps);
  const cached = cache.get(tokenHash);
  if (cached && now.getTime() < cached.until && now.getTime() < cached.expiresAt) return cached.session;
  if (cached) cache.delete(tokenHash);
  const resolved = await lookUpSession(deps, tokenHash, now);
  if (resolved) {
    if (cache.size >= 10_000) cache.clear();
    cache.set(tokenHash, { ...resolved, until: now.getTime() + SESSION_CACHE_MS });
  }
  return resolved?.session;
}

async function lookUpSession(
  deps: Deps,
  tokenHash: string,
  now: Date,
): Promise<{ session: ResolvedSession; expiresAt: number } | undefined> {
  const [row] = await sessionLookup(deps.db).execute({ tokenHash, now });
  if (!row || row.u.suspendedAt) return undefined;
  const memberships = (row.memberships ?? []).map((m) => {
    const [campaignId, permission] = m.split(":");
    return { campaignId: campaignId!, permission: permission! };
  });
  if (now.getTime() - row.s.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await deps.db.update(t.sessions).set({ lastSeenAt: now }).where(eq(t.sessions.id, row.s.id));
  }
  return {
    expiresAt: row.s.expiresAt.getTime(),
    session: {
      sessionId: row.s.id,
      csrfToken: row.s.csrfToken,
      user: row.u,
      principal: {
        id: row.u.id,
        role: row.u.role as Role,
        forceId: row.u.forceId,
        memberships: new Map(memberships.map((m) => [m.campaignId, m.permission as Permission])),
      },
    },
  };
}

export async function listSessions(deps: Deps, userId: string) {
  return deps.db
    .select({
      id: t.sessions.id,
      userAgent: t.sessions.userAgent,
      createdAt: t.sessions.createdAt,
      lastSeenAt: t.sessions.lastSeenAt,
      expiresAt: t.sessions.expiresAt,
    })
    .from(t.sessions)
    .where(
      and(eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt), gt(t.sessions.expiresAt, deps.now())),
    )
    .orderBy(sql`${t.sessions.lastSeenAt} desc`);
}

export async function revokeSession(deps: Deps, userId: string, sessionId: string): Promise<boolean> {
  const revoked = await deps.db
    .update(t.sessions)
    .set({ revokedAt: deps.now() })
    .where(and(eq(t.sessions.id, sessionId), eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt)))
    .returning({ id: t.sessions.id });
  forgetResolvedSessions(deps);
  return revoked.length > 0;
}

/** Signs a user out everywhere (e.g. a lost phone), optionally keeping the session making the request. */
export async function revokeAllSessions(deps: Deps, userId: string, except?: string): Promise<number> {
  const revoked = await deps.db
    .update(t.sessions)
    .set({ revokedAt: deps.now() })
    .where(
      and(
        eq(t.sessions.userId, userId),
        isNull(t.sessions.revokedAt),
        except ? sql`${t.sessions.id} <> ${except}` : undefined,
      ),
    )
    .returning({ id: t.sessions.id });
  forgetResolvedSessions(deps);
  return revoked.length;
}

export async function changePassword(
  deps: Deps,
  user: UserRow,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!(await argonVerify(user.passwordHash, input.currentPassword))) {
    throw unauthenticated("Your current password is not right.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.update(t.users).set({ passwordHash }).where(eq(t.users.id, user.id));
  await revokeAllSessions(deps, user.id, currentSessionId);
}

// ---------------------------------------------------------------------------------------------
// Two-factor (TOTP)

const totpFor = (secretBase32: string, email: string) =>
  new OTPAuth.TOTP({
    issuer: "Shield",
    label: email,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
    digits: 6,
    period: 30,
  });

function totpMatches(deps: Deps, user: UserRow, code: string): boolean {
  if (!user.totpSecretEnc) return false;
  const secret = deps.secrets.decrypt(user.totpSecretEnc, `users.totp:${user.id}`);
  return (
    totpFor(secret, user.email).validate({
      token: code.replace(/\s/g, ""),
      timestamp: deps.now().getTime(),
      window: 1,
    }) !== null
  );
}

/** Starts enrolment: a new secret that becomes active once a code from it is confirmed. */
export async function beginTotp(deps: Deps, user: UserRow): Promise<{ secret: string; uri: string }> {
  if (user.totpEnabled) throw conflict("Two-factor sign-in is already on. Turn it off first to change it.");
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await deps.db
    .update(t.users)
    .set({ totpSecretEnc: deps.secrets.encrypt(secret, `users.totp:${user.id}`) })
    .where(eq(t.users.id, user.id));
  forgetResolvedSessions(deps);
  return { secret, uri: totpFor(secret, user.email).toString() };
}

export async function confirmTotp(deps: Deps, user: UserRow, code: string): Promise<void> {
  if (!user.totpSecretEnc) throw badRequest("Start two-factor set-up first.", "code");
  if (!totpMatches(deps, user, code))
    throw badRequest("That code is not right. Codes change every 30 seconds.", "code");
  await deps.db.update(t.users).set({ totpEnabled: true }).where(eq(t.users.id, user.id));
  forgetResolvedSessions(deps);
}

export async function disableTotp(deps: Deps, user: UserRow, password: string): Promise<void> {
  if (!(await argonVerify(user.passwordHash, password))) throw unauthenticated("Your password is not right.");
  await deps.db
    .update(t.users)
    .set({ totpEnabled: false, totpSecretEnc: null })
    .where(eq(t.users.id, user.id));
  forgetResolvedSessions(deps);
}

// ---------------------------------------------------------------------------------------------
// Administration

export async function listStaff(deps: Deps) {
  const rows = await deps.db
    .select()
    .from(t.users)
    .where(sql`${t.users.role} in ('spoc', 'analyst', 'admin')`);
  return rows.map(publicUser);
}

export async function setSuspended(
  deps: Deps,
  by: Principal,
  userId: string,
  suspended: boolean,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [target] = await tx.select().from(t.users).where(eq(t.users.id, userId)).for("update");
    if (!target || target.role === "candidate" || target.role === "team-member")
      throw notFound("staff account");
    if (target.id === by.id) throw badRequest("You cannot suspend your own account.", "userId");
    await tx
      .update(t.users)
      .set({ suspendedAt: suspended ? now : null })
      .where(eq(t.users.id, userId));
    if (suspended)
      await tx
        .update(t.sessions)
        .set({ revokedAt: now })
        .where(and(eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt)));
    await appendEvents(tx, { stream: SYSTEM_STREAM, actorUserId: by.id, at: now }, [
      factEvent(suspended ? "account.suspended" : "account.reinstated", "user", userId, {
        role: target.role,
      }),
    ]);
  });
  forgetResolvedSessions(deps);
}

export async function loadUser(deps: Deps, userId: string): Promise<UserRow> {
  const [user] = await deps.db.select().from(t.users).where(eq(t.users.id, userId));
  if (!user) throw notFound("account");
  return user;
}
