// A few JSON calls against a running server: first-time set-up, sign-in, campaigns.
export const BENCH_EMAIL = "bench.candidate@example.org";
export const BENCH_PASSWORD = "bench password for shield";

export async function callJson(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}

export async function signIn(baseUrl: string): Promise<string> {
  const login = await callJson(baseUrl, "POST", "/api/auth/login", {
    email: BENCH_EMAIL,
    password: BENCH_PASSWORD,
    tokenInBody: true,
  });
  if (login.status !== 200 || typeof login.body?.token !== "string") {
    throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  }
  return login.body.token;
}

export async function firstCampaignId(baseUrl: string, token: string): Promise<string> {
  const campaigns = await callJson(baseUrl, "GET", "/api/campaigns", undefined, token);
  const id = campaigns.body?.campaigns?.[0]?.id;
  if (campaigns.status !== 200 || typeof id !== "string") {
    throw new Error(`GET /api/campaigns failed: ${campaigns.status} ${JSON.stringify(campaigns.body)}`);
  }
  return id;
}

/** First-time set-up through the API, as a candidate with a campaign; returns a bearer token and the campaign. */
export async function setUpCandidate(
  baseUrl: string,
  setupToken: string,
): Promise<{ token: string; campaignId: string }> {
  const setup = await callJson(baseUrl, "POST", "/api/setup", {
    token: setupToken,
    role: "candidate",
    email: BENCH_EMAIL,
    displayName: "Bench Candidate",
    password: BENCH_PASSWORD,
    campaignName: "Bench for Riverside",
  });
  if (setup.status !== 201) throw new Error(`set-up failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const token = await signIn(baseUrl);
  return { token, campaignId: await firstCampaignId(baseUrl, token) };
}
