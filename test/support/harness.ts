// An in-process Shield for tests: real database (PGlite or PostgreSQL), real HTTP handling via
// Fastify's inject(), a clock the test controls, and helpers to act as each kind of user.
import { buildApp, type App } from "../../src/server/app.ts";
import { createSetupLinkIfEmpty } from "../../src/server/commands/accounts.ts";
import { openRuntime, type Runtime } from "../../src/server/runtime.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import type { Channels } from "../../src/server/notify/types.ts";

export class TestClock {
  constructor(public current = new Date("2026-11-21T10:00:00Z")) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  app: App;
  runtime: Runtime;
  database: TestDatabase;
  clock: TestClock;
  close(): Promise<void>;
}

export async function startHarness(
  options: { clock?: TestClock; channels?: Channels; publicUrl?: string } = {},
): Promise<Harness> {
  const database = await createTestDatabase();
  const clock = options.clock ?? new TestClock();
  const runtime = await openRuntime(
    {
      dataDir: database.dataDir,
      databaseUrl: database.databaseUrl,
      publicUrl: options.publicUrl ?? "http://localhost:8080",
      maxEvidenceBytes: 2 * 1024 * 1024,
    },
    {
      now: clock.now,
      // No alert channels unless a test brings its own (pointing at its own mail or webhook server).
      channels: options.channels ?? {},
      ...(database.pgliteTemplate ? { pgliteTemplate: database.pgliteTemplate } : {}),
    },
  );
  const app = await buildApp(runtime.deps, { logger: false });
  await app.ready();
  return {
    app,
    runtime,
    database,
    clock,
    close: async () => {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}

export interface Session {
  token: string;
  userId: string;
  /** Bearer-authenticated request: no cookie, so no CSRF token needed. */
  request(
    method: string,
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

export async function call(
  app: App,
  method: string,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await app.inject({
    method: method as "GET",
    url,
    headers: payload === undefined ? headers : { "content-type": "application/json", ...headers },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  let body: any = response.body;
  try {
    body = JSON.parse(response.body);
  } catch {
    /* not JSON */
  }
  return {
    status: response.statusCode,
    body,
    headers: response.headers as Record<string, unknown>,
    raw: response,
  };
}

export function sessionFrom(app: App, token: string, userId: string): Session {
  return {
    token,
    userId,
    request: (method, url, payload) => call(app, method, url, payload, { authorization: `Bearer ${token}` }),
  };
}

export async function login(app: App, email: string, password: string): Promise<Session> {
  const res = await call(app, "POST", "/api/auth/login", { email, password, tokenInBody: true });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return sessionFrom(app, res.body.token, res.body.user.id);
}

export const PASSWORD = "correct horse battery staple";

/** Runs first-time set-up as a candidate and returns their session and campaign id. */
export async function setUpCandidate(
  h: Harness,
  email = "candidate@example.org",
): Promise<{ session: Session; campaignId: string }> {
  const link = await createSetupLinkIfEmpty(h.runtime.deps);
  if (!link) throw new Error("database is not empty");
  const token = new URL(link).hash.replace("#token=", "");
  const res = await call(h.app, "POST", "/api/setup", {
    token,
    role: "candidate",
    email,
    displayName: "Sam Candidate",
    password: PASSWORD,
    campaignName: "Sam for Riverside",
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const session = await login(h.app, email, PASSWORD);
  const campaigns = await session.request("GET", "/api/campaigns");
  return { session, campaignId: campaigns.body.campaigns[0].id };
}

/** Invites and signs in a team member with the given permission. */
export async function addTeamMember(
  h: Harness,
  owner: Session,
  campaignId: string,
  email: string,
  permission: "full" | "log-only",
): Promise<Session> {
  const invite = await owner.request("POST", `/api/campaigns/${campaignId}/invitations`, {
    email,
    permission,
  });
  if (invite.status !== 201)
    throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  return acceptInvitationLink(h, invite.body.link, email);
}

/** Opens a one-time invitation link as its invitee would, then signs them in. */
export async function acceptInvitationLink(h: Harness, link: string, email: string): Promise<Session> {
  const token = new URL(link).hash.replace("#token=", "");
  const accepted = await call(h.app, "POST", "/api/invitations/accept", {
    token,
    displayName: email.split("@")[0],
    password: PASSWORD,
  });
  if (accepted.status !== 201)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return login(h.app, email, PASSWORD);
}

export const sampleIncident = (overrides: Record<string, unknown> = {}) => ({
  summary: "Man shouted at me on the doorstep",
  description: "He said I would regret standing and followed me to the gate.",
  occurredAt: "2026-11-20T18:30:00Z",
  channel: "doorstep",
  location: { text: "Cobden Terrace", postcode: "LS6 2QT" },
  targeted: ["candidate"],
  ...overrides,
});
