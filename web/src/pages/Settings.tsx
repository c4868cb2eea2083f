// The person's own account, whatever kind it is: password, two-factor sign-in, the devices signed in,
// and signing out. Nothing here depends on a campaign.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { api, ApiError, errorMessage } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import { useResource } from "../components/useResource.ts";
import { CopyButton } from "../components/forms/Copy.tsx";
import { PasswordField, TextField } from "../components/forms/Field.tsx";
import { firstProblem, ProblemArea, SubmitButton } from "../components/forms/Form.tsx";
import { errorFor, problemOf, type Problem } from "../components/forms/problems.ts";
import { PASSWORD_MIN } from "../components/forms/words.ts";
import { useSession } from "../session.tsx";
import type { Role, User } from "../types.ts";
import "./account.css";

interface DeviceSession {
  id: string;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

const ROLE_LABEL: Record<Role, string> = {
  candidate: "Candidate",
  "team-member": "Campaign team member",
  spoc: "Police single point of contact",
  analyst: "National analyst",
  admin: "Administrator",
};

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/London",
});
const when = (iso: string) => WHEN.format(new Date(iso));

/** "Chrome on Android", from the browser's user-agent string, in words a person recognises. */
function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "An unknown device";
  const ua = userAgent;
  if (/^curl\//i.test(ua) || /^shield/i.test(ua) || /node|python|wget|httpie/i.test(ua))
    return `A script or command-line tool (${ua.split(/[\s/]/)[0]})`;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /SamsungBrowser/.test(ua)
      ? "Samsung Internet"
      : /Firefox\/|FxiOS/.test(ua)
        ? "Firefox"
        : /OPR\/|Opera/.test(ua)
          ? "Opera"
          : /Chrome\/|CriOS/.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua)
              ? "Safari"
              : "A browser";
  const system = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Windows/.test(ua)
          ? "Windows"
          : /Mac OS X|Macintosh/.test(ua)
            ? "Mac"
            : /CrOS/.test(ua)
              ? "Chromebook"
              : /Linux/.test(ua)
                ? "Linux"
                : undefined;
  return system ? `${browser} on ${system}` : browser;
}

/** A TOTP secret in groups of four, as authenticator apps show and accept it. */
const grouped = (secret: string) => secret.replace(/\s/g, "").replace(/(.{4})(?=.)/g, "$1 ");

// ---------------------------------------------------------------------------------------------

const PASSWORD_LABELS = { currentPassword: "Current password", newPassword: "New password" } as const;

function ChangePassword({ user, onChanged }: { user: User; onChanged: () => void }) {
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const found = firstProblem([
      ["currentPassword", !currentPassword, "Enter your current password."],
      ["newPassword", !newPassword, "Choose a new password."],
      [
        "newPassword",
        newPassword.length < PASSWORD_MIN,
        `Your new password needs at least ${PASSWORD_MIN} characters.`,
      ],
      [
        "newPassword",
        newPassword === currentPassword,
        "Choose a new password that is different from your current one.",
      ],
    ]);
    setDone(false);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      await api("/api/account/password", { body: { currentPassword, newPassword } });
      form.reset();
      setDone(true);
      onChanged();
    } catch (e) {
      // A wrong current password comes back as "not signed in" (401), without a field.
      setProblem(
        problemOf(e, PASSWORD_LABELS, (err: ApiError) =>
          err.status === 401 ? "currentPassword" : undefined,
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <p>Changing your password signs you out on every other device. This device stays signed in.</p>
      <Notice kind="status">
        {done ? "Your password has been changed. Any other devices have been signed out." : undefined}
      </Notice>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ProblemArea problem={problem} />
        {/* For password managers: which account this password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <PasswordField
          kind="current"
          id="currentPassword"
          label={PASSWORD_LABELS.currentPassword}
          error={errorFor(problem, "currentPassword")}
        />
        <PasswordField
          kind="new"
          id="newPassword"
          label={PASSWORD_LABELS.newPassword}
          error={errorFor(problem, "newPassword")}
        />
        <div className="actions">
          <SubmitButton busy={busy} sending="Changing…">
            Change password
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------

const CODE_LABELS = { code: "The 6-digit code from the app" } as const;
const DISABLE_LABELS = { password: "Your password" } as const;

function TwoFactor({ user }: { user: User }) {
  const { refresh } = useSession();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [news, setNews] = useState<string>();
  const [busy, setBusy] = useState(false);
  const stepsHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (enrolment) stepsHeading.current?.focus();
  }, [enrolment]);

  async function start() {
    setBusy(true);
    setProblem(undefined);
    setNews(undefined);
    try {
      setEnrolment(await api<{ secret: string; uri: string }>("/api/account/totp", { method: "POST" }));
    } catch (e) {
      setProblem({ message: errorMessage(e) });
      // Already on elsewhere (another device turned it on): show the current state.
      if (e instanceof ApiError && e.code === "conflict") await refresh();
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    const found = firstProblem([
      ["code", !/^\d{6}$/.test(code), "Enter the 6 digits the app shows for Shield."],
    ]);
    setNews(undefined);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      await api("/api/account/totp/confirm", { body: { code } });
      setEnrolment(undefined);
      setNews("Two-factor sign-in is on. From now on, signing in asks for a code from your app.");
      await refresh();
    } catch (e) {
      setProblem(problemOf(e, CODE_LABELS));
    } finally {
      setBusy(false);
    }
  }

  async function disable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get("password") ?? "");
    const found = firstProblem([
      ["password", !password, "Enter your password to turn off two-factor sign-in."],
    ]);
    setNews(undefined);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      await api("/api/account/totp/disable", { body: { password } });
      form.reset();
      setNews("Two-factor sign-in is off. Signing in now needs only your password.");
      await refresh();
    } catch (e) {
      setProblem(
        problemOf(e, DISABLE_LABELS, (err: ApiError) => (err.status === 401 ? "password" : undefined)),
      );
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    setEnrolment(undefined);
    setProblem(undefined);
    setTimeout(() => startButton.current?.focus(), 0);
  }

  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">Two-factor sign-in</h2>
      <p>
        With two-factor sign-in, signing in needs your password and a 6-digit code from an authenticator app
        on your phone. Someone who learns your password still cannot get in.
      </p>
      <p>
        <strong>Two-factor sign-in is {user.totpEnabled ? "on" : "off"}</strong> for your account.
      </p>
      <Notice kind="status">{news}</Notice>

      {user.totpEnabled ? (
        <form onSubmit={(e) => void disable(e)} noValidate>
          <h3>Turn it off</h3>
          <p>
            Turn it off only if you are changing phones or have lost the app. You can set it up again straight
            away.
          </p>
          <ProblemArea problem={problem} idOf={() => "totp-password"} />
          <PasswordField
            kind="current"
            id="totp-password"
            name="password"
            label={DISABLE_LABELS.password}
            error={errorFor(problem, "password")}
          />
          <div className="actions">
            <SubmitButton busy={busy} sending="Turning off…" className="danger">
              Turn off two-factor sign-in
            </SubmitButton>
          </div>
        </form>
      ) : enrolment ? (
        <div className="card">
          <h3 ref={stepsHeading} tabIndex={-1}>
            Set up your authenticator app
          </h3>
          <ol>
            <li>
              Open an authenticator app on your phone. Any app that makes 6-digit codes will do, such as the
              ones from Google or Microsoft.
            </li>
            <li>
              Add an account, choose to enter a setup key, and type this key. The spaces do not matter, and it
              has only capital letters and the digits 2 to 7, so O is always the letter O:
              <p className="secret-key" id="totp-key">
                <span className="visually-hidden">Setup key: </span>
                {grouped(enrolment.secret)}
              </p>
              <p className="actions">
                <CopyButton value={enrolment.secret} selectId="totp-key" className="secondary">
                  Copy the key
                </CopyButton>
              </p>
              <p className="meta">
                For the account name, use Shield and your email address. If the app asks, choose
                &ldquo;time-based&rdquo;.
              </p>
            </li>
            <li>
              On the phone you are using now, you can instead{" "}
              <a href={enrolment.uri}>open the key in your authenticator app</a>.
            </li>
            <li>Enter the 6-digit code the app now shows for Shield.</li>
          </ol>
          <form onSubmit={(e) => void confirm(e)} noValidate>
            <ProblemArea problem={problem} />
            <TextField
              id="code"
              label={CODE_LABELS.code}
              hint="It changes every 30 seconds. If it is about to change, wait for the next one."
              className="code-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              required
              error={errorFor(problem, "code")}
            />
            <div className="actions">
              <SubmitButton busy={busy} sending="Checking…">
                Turn on two-factor sign-in
              </SubmitButton>
              <button type="button" className="secondary" onClick={cancel}>
                Cancel
              </button>
            </div>
          </form>
          <p className="meta">The key is a secret, like a password: do not share it or keep a photo of it.</p>
        </div>
      ) : (
        <>
          {problem ? <Notice>{problem.message}</Notice> : null}
          <div className="actions">
            <button ref={startButton} type="button" onClick={() => void start()} disabled={busy}>
              {busy ? "Starting…" : "Set up two-factor sign-in"}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------

function Devices({ version }: { version: number }) {
  const { signOut } = useSession();
  const [, navigate] = useLocation();
  const sessions = useResource<{ sessions: DeviceSession[] }>("/api/account/sessions");
  const { reload } = sessions;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [news, setNews] = useState<string>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmPanel = useRef<HTMLDivElement>(null);
  const everywhereButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmPanel.current?.focus();
  }, [confirming]);

  async function signOutDevice(session: DeviceSession) {
    setError(undefined);
    try {
      await api(`/api/account/sessions/${session.id}`, { method: "DELETE" });
      setNews(`${describeDevice(session.userAgent)} has been signed out.`);
      sessions.reload();
      heading.current?.focus();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function signOutEverywhere() {
    setBusy(true);
    setError(undefined);
    try {
      await api("/api/auth/logout-everywhere", { method: "POST" });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
      return;
    }
    // This device is signed out too: forget the session here and go to the sign-in page.
    await signOut().catch(() => undefined);
    navigate("/sign-in");
  }

  const list = sessions.data?.sessions ?? [];
  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading" ref={heading} tabIndex={-1}>
        Devices signed in
      </h2>
      <p>
        If you see a device you do not recognise, sign it out, then change your password. Each sign-in lasts
        30 days, then that device asks for your password again.
      </p>
      <Notice kind="status">{news}</Notice>
      <Notice>{error ?? (sessions.error ? errorMessage(sessions.error) : null)}</Notice>
      {sessions.loading && !sessions.data ? (
        <p role="status" className="loading">
          Loading your devices…
        </p>
      ) : null}
      <ul className="plain device-list">
        {list.map((s) => (
          <li key={s.id} className="card">
            <p className="member-name">
              {describeDevice(s.userAgent)} {s.current ? <span className="tag">This device</span> : null}
            </p>
            <p className="meta">
              Signed in {when(s.createdAt)}
              <br />
              Last used {when(s.lastSeenAt)}
            </p>
            {s.current ? null : (
              <button type="button" className="secondary" onClick={() => void signOutDevice(s)}>
                Sign out
                <span className="visually-hidden">
                  {" "}
                  {describeDevice(s.userAgent)}, last used {when(s.lastSeenAt)}
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>

      <h3>Lost a phone, or think someone knows your password?</h3>
      <p>Sign out everywhere, including this device, then sign in again and change your password.</p>
      {confirming ? (
        <div ref={confirmPanel} className="confirm" tabIndex={-1} role="group" aria-labelledby="everywhere-q">
          <p id="everywhere-q">
            <strong>Sign out on every device, including this one?</strong>
          </p>
          <p>You will need your password to sign in again on each of them.</p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void signOutEverywhere()}>
              {busy ? "Signing out…" : "Yes, sign out everywhere"}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setConfirming(false);
                setTimeout(() => everywhereButton.current?.focus(), 0);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            ref={everywhereButton}
            type="button"
            className="secondary"
            onClick={() => setConfirming(true)}
          >
            Sign out everywhere
          </button>
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------

export default function Settings() {
  const { session, signOut } = useSession();
  const [, navigate] = useLocation();
  const [devicesVersion, setDevicesVersion] = useState(0);
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string>();

  if (!session)
    return (
      <Page title="Settings">
        <p role="status" className="loading">
          Loading…
        </p>
      </Page>
    );
  const user = session.user;

  async function signOutHere() {
    setSigningOut(true);
    try {
      await signOut();
      navigate("/");
    } catch (e) {
      // The device forgets the session either way; say if Shield could not be told.
      setError(errorMessage(e));
      setSigningOut(false);
    }
  }

  return (
    <Page title="Settings" intro="Your account: your password, two-factor sign-in and the devices you use.">
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">Your account</h2>
        <dl className="definition-list">
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
          <dt>Email address</dt>
          <dd>{user.email}</dd>
          <dt>Account type</dt>
          <dd>{ROLE_LABEL[user.role]}</dd>
        </dl>
      </section>

      <ChangePassword user={user} onChanged={() => setDevicesVersion((v) => v + 1)} />
      <TwoFactor user={user} />
      <Devices version={devicesVersion} />

      <section aria-labelledby="signout-heading">
        <h2 id="signout-heading">Sign out</h2>
        <p>
          Sign out of Shield on this device, for example when you have used someone else's phone or computer.
        </p>
        <Notice>{error}</Notice>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={signingOut}
            onClick={() => void signOutHere()}
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </section>
    </Page>
  );
}
