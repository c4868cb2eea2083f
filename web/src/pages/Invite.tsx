// Accepting an invitation link (/invite#token=…): to a campaign's team, as a candidate with their own
// campaign space, or as a police or administrator account. Accepting signs the person in.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { api, ApiError, errorMessage } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import {
  CampaignFields,
  DisplayNameField,
  NEW_ACCOUNT_LABELS,
} from "../components/forms/NewAccountFields.tsx";
import { PasswordField, TextField } from "../components/forms/Field.tsx";
import { firstProblem, ProblemArea, SubmitButton } from "../components/forms/Form.tsx";
import { errorFor, problemOf, type Problem } from "../components/forms/problems.ts";
import { formValues, PASSWORD_MIN } from "../components/forms/words.ts";
import { useSession } from "../session.tsx";
import "./account.css";

interface Invitation {
  kind: "team" | "candidate" | "staff" | string;
  email: string | null;
  role: string | null;
  campaignName: string | null;
  existingAccount: boolean;
}

const STAFF_ROLE: Record<string, string> = {
  spoc: "a police single point of contact for candidates",
  analyst: "a police analyst",
  admin: "an administrator of this Shield service",
};

function whatItIsFor(invitation: Invitation): string {
  const as = invitation.email ? ` Your account will use ${invitation.email}.` : "";
  if (invitation.kind === "team" && invitation.campaignName)
    return `You have been invited to join the team of ${invitation.campaignName}.${as}`;
  if (invitation.kind === "candidate")
    return `You have been invited to Shield as a candidate. You will get your own private campaign space, which only you and the people you invite can see.${as}`;
  const role = invitation.role ? STAFF_ROLE[invitation.role] : undefined;
  return `You have been invited to Shield${role ? ` as ${role}` : ""}.${as}`;
}

function NoToken() {
  return (
    <>
      <p>
        This page needs the invitation link you were sent. The link ends in #token= followed by a long code.
      </p>
      <p>
        Open the whole link from the message you received, including everything after the # sign. If you
        cannot find it, ask the person who invited you to send a new one.
      </p>
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </>
  );
}

export default function Invite() {
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get("token"));
  const { session, refresh } = useSession();
  const [, navigate] = useLocation();
  const [invitation, setInvitation] = useState<Invitation>();
  const [linkError, setLinkError] = useState<string>();
  const [linkExpired, setLinkExpired] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    api<Invitation>("/api/invitations/describe", { body: { token }, signal: controller.signal })
      .then(setInvitation)
      .catch((e: unknown) => {
        if ((e as Error).name === "AbortError") return;
        setLinkError(errorMessage(e));
        setLinkExpired(e instanceof ApiError && e.code === "link-expired");
      });
    return () => controller.abort();
  }, [token]);

  if (!token)
    return (
      <Page title="Accept your invitation">
        <NoToken />
      </Page>
    );

  if (linkError)
    return (
      <Page title="Accept your invitation">
        <Notice>{linkError}</Notice>
        {linkExpired ? (
          <p>
            Invitation links work once and for 14 days, and stop working if the person who made them withdraws
            them. Ask the person who invited you (for a campaign team, the candidate) to send you a new link.
          </p>
        ) : (
          <p>Shield could not check your invitation. Try opening the link again in a moment.</p>
        )}
        {session ? (
          <p>
            You are signed in as {session.user.displayName}. <Link href="/">Go to the home page</Link>.
          </p>
        ) : (
          <p>
            If you have already accepted it, <Link href="/sign-in">sign in</Link>.
          </p>
        )}
      </Page>
    );

  if (!invitation)
    return (
      <Page title="Accept your invitation">
        <p role="status" className="loading">
          Checking your invitation…
        </p>
      </Page>
    );

  const existing = invitation.existingAccount;
  const candidate = invitation.kind === "candidate";
  const otherAccount = session && invitation.email && session.user.email !== invitation.email;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const found = firstProblem([
      ["displayName", !existing && !values.displayName, "Enter your name."],
      ["password", !values.password, existing ? "Enter your password." : "Choose a password."],
      [
        "password",
        !existing && (values.password ?? "").length < PASSWORD_MIN,
        `Your password needs at least ${PASSWORD_MIN} characters.`,
      ],
      ["campaignName", candidate && !values.campaignName, "Enter a name for your campaign."],
    ]);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      await api("/api/invitations/accept", {
        body: {
          token,
          password: values.password,
          ...(existing ? {} : { displayName: values.displayName }),
          ...(candidate ? { campaignName: values.campaignName, jurisdiction: values.jurisdiction } : {}),
        },
      });
    } catch (error) {
      setBusy(false);
      // A wrong password for an existing account comes back as "not signed in", without a field.
      setProblem(
        problemOf(error, NEW_ACCOUNT_LABELS, (e: ApiError) => (e.status === 401 ? "password" : undefined)),
      );
      return;
    }
    // Accepting signed this browser in. The link has done its job: take its token out of the address.
    history.replaceState(null, "", "/invite");
    await refresh();
    navigate("/");
  }

  return (
    <Page title="Accept your invitation" intro={whatItIsFor(invitation)}>
      {otherAccount ? (
        <Notice kind="status">
          You are signed in on this device as {session.user.displayName} ({session.user.email}). Accepting
          this invitation signs you in as {invitation.email} instead.
        </Notice>
      ) : null}
      {existing ? (
        <p>
          You already have a Shield account with this email address. Enter its password to add this campaign
          to it.
        </p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ProblemArea problem={problem} />
        <fieldset>
          <legend>{existing ? "Your account" : "Your new account"}</legend>
          {invitation.email ? (
            <TextField
              id="email"
              name="username"
              type="email"
              label={NEW_ACCOUNT_LABELS.email}
              hint="From your invitation. You sign in with this."
              value={invitation.email}
              readOnly
              autoComplete="username"
              error={errorFor(problem, "email")}
            />
          ) : null}
          {existing ? null : (
            <DisplayNameField hint="As the rest of the team will see it." problem={problem} />
          )}
          <PasswordField
            kind={existing ? "current" : "new"}
            id="password"
            label={existing ? "Your Shield password" : NEW_ACCOUNT_LABELS.password}
            hint={existing ? "The password of your existing Shield account." : undefined}
            error={errorFor(problem, "password")}
          />
        </fieldset>
        {candidate ? <CampaignFields problem={problem} /> : null}
        <div className="actions">
          <SubmitButton busy={busy} sending="Joining…">
            {invitation.kind === "team" ? "Join the team" : "Create account"}
          </SubmitButton>
        </div>
      </form>
    </Page>
  );
}
