// The few pages the service serves before the browser app exists: the landing page (999 first),
// the one-time set-up page and the invitation page. Tokens travel in the URL fragment (#token=…),
// which browsers never send to the server, so they never reach a log.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../deps.ts";

const STYLE = `
  body { font: 18px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
  main { max-width: 34rem; margin: 0 auto; padding: 1rem; }
  .danger { display: block; background: #b00020; color: #fff; padding: 1rem; border-radius: .5rem; text-decoration: none; font-weight: 700; font-size: 1.3rem; text-align: center; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input, select { font: inherit; width: 100%; box-sizing: border-box; padding: .6rem; border: 2px solid #555; border-radius: .4rem; }
  button { font: inherit; margin-top: 1.2rem; padding: .7rem 1.2rem; background: #1d4ed8; color: #fff; border: 0; border-radius: .4rem; font-weight: 600; }
  .hint { font-size: .9rem; color: #444; }
  [role=alert] { color: #b00020; font-weight: 600; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
`;

function page(title: string, body: string, script = ""): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Shield</title><style>${STYLE}</style></head>
<body><main>
<p><a class="danger" href="tel:999">In danger now? Call 999</a></p>
${body}
</main>${script ? `<script>${script}</script>` : ""}</body></html>`;
}

const DANGER_NOTE = `<p class="hint">If you are not in immediate danger but want to report something, call 101 or contact your force's single point of contact for candidates.</p>`;

const SETUP_SCRIPT = `
const token = new URLSearchParams(location.hash.slice(1)).get("token");
const form = document.getElementById("setup"); const msg = document.getElementById("msg");
const role = document.getElementById("role"); const campaignFields = document.getElementById("campaign-fields");
role.addEventListener("change", () => { campaignFields.hidden = role.value !== "candidate"; });
if (!token) { msg.textContent = "This page needs the set-up link printed by Shield when it first started."; form.hidden = true; }
form.addEventListener("submit", async (e) => {
  e.preventDefault(); msg.textContent = "";
  const data = Object.fromEntries(new FormData(form));
  if (data.role !== "candidate") { delete data.campaignName; delete data.jurisdiction; }
  const res = await fetch("/api/setup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...data, token }) });
  const body = await res.json();
  if (!res.ok) { msg.textContent = body.error.message; return; }
  history.replaceState(null, "", "/setup");
  form.hidden = true; document.getElementById("done").hidden = false;
});`;

const INVITE_SCRIPT = `
const token = new URLSearchParams(location.hash.slice(1)).get("token");
const form = document.getElementById("invite"); const msg = document.getElementById("msg");
async function describe() {
  if (!token) { msg.textContent = "This page needs the invitation link you were sent."; form.hidden = true; return; }
  const res = await fetch("/api/invitations/describe", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
  const body = await res.json();
  if (!res.ok) { msg.textContent = body.error.message; form.hidden = true; return; }
  document.getElementById("what").textContent = body.campaignName
    ? "You have been invited to join the team of " + body.campaignName + " as " + body.email + "."
    : "You have been invited to Shield as " + body.email + ".";
  if (body.kind === "candidate") document.getElementById("campaign-fields").hidden = false;
  if (body.existingAccount) { document.getElementById("name-field").hidden = true; document.getElementById("password-hint").textContent = "Enter the password of your existing Shield account."; }
}
describe();
form.addEventListener("submit", async (e) => {
  e.preventDefault(); msg.textContent = "";
  const data = Object.fromEntries(new FormData(form));
  for (const key of Object.keys(data)) if (!data[key]) delete data[key];
  if (document.getElementById("campaign-fields").hidden) { delete data.campaignName; delete data.jurisdiction; }
  const res = await fetch("/api/invitations/accept", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...data, token }) });
  const body = await res.json();
  if (!res.ok) { msg.textContent = body.error.message; return; }
  history.replaceState(null, "", "/invite");
  form.hidden = true; document.getElementById("done").hidden = false;
});`;

export function pageRoutes(app: FastifyInstance, _deps: Deps): void {
  app.get("/", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(
      page(
        "Shield",
        `<h1>Shield</h1>
<p>Shield helps election candidates and their teams record intimidation and abuse, decide what to do about it, and share evidence with the police.</p>
${DANGER_NOTE}
<p>The full app is on its way. Until then, the service is ready through its <a href="/docs">API</a>.</p>`,
      ),
    ),
  );

  app.get("/setup", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(
      page(
        "Set up Shield",
        `<h1>Set up Shield</h1>
<p>Create the first account. A candidate's account comes with their own private campaign space; an administrator runs the service and never sees incidents.</p>
<p id="msg" role="alert"></p>
<form id="setup">
  <label for="role">This account is for</label>
  <select id="role" name="role"><option value="candidate">a candidate</option><option value="admin">an administrator</option></select>
  <label for="displayName">Your name</label><input id="displayName" name="displayName" required autocomplete="name">
  <label for="email">Email address</label><input id="email" name="email" type="email" required autocomplete="email">
  <label for="password">Password</label><input id="password" name="password" type="password" minlength="12" required autocomplete="new-password">
  <p class="hint">At least 12 characters. A short sentence is easy to remember.</p>
  <div id="campaign-fields">
    <label for="campaignName">Campaign name</label><input id="campaignName" name="campaignName" placeholder="e.g. Sam Patel for Riverside ward">
    <label for="jurisdiction">Where you are standing</label>
    <select id="jurisdiction" name="jurisdiction"><option value="england-wales">England or Wales</option><option value="scotland">Scotland</option><option value="northern-ireland">Northern Ireland</option></select>
  </div>
  <button type="submit">Create account</button>
</form>
<div id="done" hidden><h2>Your account is ready</h2><p>You are signed in. This set-up link no longer works.</p></div>`,
        SETUP_SCRIPT,
      ),
    ),
  );

  app.get("/invite", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(
      page(
        "Accept your invitation",
        `<h1>Accept your invitation</h1>
<p id="what"></p>
<p id="msg" role="alert"></p>
<form id="invite">
  <div id="name-field"><label for="displayName">Your name</label><input id="displayName" name="displayName" autocomplete="name"></div>
  <label for="password">Password</label><input id="password" name="password" type="password" minlength="12" required autocomplete="new-password">
  <p class="hint" id="password-hint">Choose a password of at least 12 characters.</p>
  <div id="campaign-fields" hidden>
    <label for="campaignName">Campaign name</label><input id="campaignName" name="campaignName" placeholder="e.g. Sam Patel for Riverside ward">
    <label for="jurisdiction">Where you are standing</label>
    <select id="jurisdiction" name="jurisdiction"><option value="england-wales">England or Wales</option><option value="scotland">Scotland</option><option value="northern-ireland">Northern Ireland</option></select>
  </div>
  <button type="submit">Join</button>
</form>
<div id="done" hidden><h2>You're in</h2><p>You are signed in. This invitation link no longer works.</p></div>`,
        INVITE_SCRIPT,
      ),
    ),
  );
}
