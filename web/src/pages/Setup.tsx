// First run: the one-time set-up link Shield printed when it first started (/setup#token=…) creates
// the first account. The token is in the address's fragment, so it never reaches the server's logs.
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { api, ApiError, errorMessage } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import { useResource } from "../components/useResource.ts";
import {
  CampaignFields,
  DisplayNameField,
  NEW_ACCOUNT_LABELS,
} from "../components/forms/NewAccountFields.tsx";
import { Choice } from "../components/forms/Choice.tsx";
import { PasswordField, TextField } from "../components/forms/Field.tsx";
import { firstProblem, ProblemArea, SubmitButton } from "../components/forms/Form.tsx";
import { errorFor, problemOf, type Problem } from "../components/forms/problems.ts";
import { formValues, PASSWORD_MIN } from "../components/forms/words.ts";
import { useSession } from "../session.tsx";
import "./account.css";

const LABELS = { role: "This account is for", ...NEW_ACCOUNT_LABELS } as const;

type SetupRole = "candidate" | "admin";

const ROLE_CHOICES: readonly { role: SetupRole; label: string; hint: string }[] = [
  {
    role: "candidate",
    label: "A candidate",
    hint: "Comes with your own private campaign space, where you and your team record incidents.",
  },
  {
    role: "admin",
    label: "An administrator",
    hint: "Runs this Shield service and invites candidates and police. An administrator never sees incidents.",
  },
];

function NoLink() {
  return (
    <>
      <p>
        This page needs the set-up link that Shield printed when it first started. The link ends in{" "}
        <code>/setup#token=</code> followed by a long code.
      </p>
      <h2>Where to find the link</h2>
      <ul>
        <li>
          Look in the window or log where Shield is running, for the line that begins &ldquo;No accounts yet.
          Open this one-time link to create the first account&rdquo;.
        </li>
        <li>
          Each time Shield starts without any accounts it prints a new link, and the earlier ones stop
          working. If Shield has restarted, use the newest link.
        </li>
        <li>Open the whole link, including everything after the # sign.</li>
      </ul>
      <p>
        If someone has sent you an invitation instead, open the link in that message. If you already have an
        account, <Link href="/sign-in">sign in</Link>.
      </p>
    </>
  );
}

export default function Setup() {
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get("token"));
  const setup = useResource<{ needed: boolean }>("/api/setup");
  const { session, signIn, refresh } = useSession();
  const [, navigate] = useLocation();
  const [role, setRole] = useState<SetupRole>("candidate");
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  if (setup.loading && !setup.data)
    return (
      <Page title="Set up Shield">
        <p role="status" className="loading">
          Checking whether Shield needs setting up…
        </p>
      </Page>
    );

  if (setup.data && !setup.data.needed)
    return (
      <Page title="Shield is already set up">
        <p>Shield already has its first account, so this set-up link no longer works.</p>
        {session ? (
          <p>
            You are signed in as {session.user.displayName}. <Link href="/">Go to the home page</Link>.
          </p>
        ) : (
          <>
            <p>
              If you have an account, sign in. If you need one, ask your candidate or your administrator to
              send you an invitation link.
            </p>
            <div className="actions">
              <Link href="/sign-in" className="button">
                Sign in
              </Link>
            </div>
          </>
        )}
      </Page>
    );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const candidate = role === "candidate";
    const found = firstProblem([
      ["displayName", !values.displayName, "Enter your name."],
      [
        "email",
        !values.email || !values.email.includes("@"),
        "Enter your email address, like name@example.org.",
      ],
      ["password", !values.password, "Choose a password."],
      [
        "password",
        (values.password ?? "").length < PASSWORD_MIN,
        `Your password needs at least ${PASSWORD_MIN} characters.`,
      ],
      ["campaignName", candidate && !values.campaignName, "Enter a name for your campaign."],
    ]);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    const email = values.email!;
    const password = values.password!;
    try {
      await api("/api/setup", {
        body: {
          token,
          role,
          email,
          displayName: values.displayName,
          password,
          ...(candidate ? { campaignName: values.campaignName, jurisdiction: values.jurisdiction } : {}),
        },
      });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === "conflict" && !error.field) return setup.reload();
      const found = problemOf(error, LABELS);
      if (error instanceof ApiError && error.code === "link-expired")
        found.message +=
          " Shield prints a new set-up link each time it starts without any accounts: use the newest one.";
      setProblem(found);
      return;
    }
    // The link has done its job: take its token out of the address bar (and the browser's history).
    history.replaceState(null, "", "/setup");
    try {
      // Creating the account also signed this browser in; if that did not stick, sign in afresh.
      await api("/api/auth/session");
      await refresh();
    } catch {
      try {
        await signIn(email, password);
      } catch {
        navigate("/sign-in");
        return;
      }
    }
    navigate("/");
  }

  return (
    <Page
      title="Set up Shield"
      intro="Create the first account. You only do this once: after this, people join with an invitation link."
    >
      {setup.error ? <Notice kind="status">{errorMessage(setup.error)}</Notice> : null}
      {!token ? (
        <NoLink />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ProblemArea problem={problem} />
          <fieldset>
            <legend>{LABELS.role}</legend>
            {ROLE_CHOICES.map((choice) => (
              <Choice
                key={choice.role}
                idPrefix="role"
                name="role"
                value={choice.role}
                checked={role === choice.role}
                onChange={() => setRole(choice.role)}
                label={choice.label}
                hint={choice.hint}
              />
            ))}
          </fieldset>

          <fieldset>
            <legend>About you</legend>
            <DisplayNameField hint="As your team will see it." problem={problem} />
            <TextField
              id="email"
              type="email"
              label={LABELS.email}
              hint="You sign in with this."
              autoComplete="username"
              inputMode="email"
              required
              maxLength={320}
              error={errorFor(problem, "email")}
            />
            <PasswordField
              kind="new"
              id="password"
              label={LABELS.password}
              error={errorFor(problem, "password")}
            />
          </fieldset>

          {role === "candidate" ? <CampaignFields problem={problem} /> : null}

          <div className="actions">
            <SubmitButton busy={busy} sending="Creating your account…">
              Create account
            </SubmitButton>
          </div>
        </form>
      )}
    </Page>
  );
}
