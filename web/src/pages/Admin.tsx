// Administration: police, analyst and administrator accounts (invite, suspend, reinstate) and inviting
// candidates. Administrators run the deployment and never see incident content.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { api, errorMessage } from "../api.ts";
import { CopyField } from "../components/forms/Copy.tsx";
import { SelectField, TextField } from "../components/forms/Field.tsx";
import { firstProblem, ProblemArea, SubmitButton } from "../components/forms/Form.tsx";
import { errorFor, problemOf, type Problem } from "../components/forms/problems.ts";
import { Notice, Page } from "../components/Page.tsx";
import { Confirm } from "../components/police/Confirm.tsx";
import type { CreatedInvitation, StaffAccount, StaffRole } from "../components/police/types.ts";
import { forceName, roleText } from "../components/police/words.ts";
import { isForbidden, useResource } from "../components/useResource.ts";
import { useSession } from "../session.tsx";
import { POLICE_FORCES } from "../../../src/core/forces.ts";
import "./account.css";
import "../components/police/police.css";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

const ROLE_MEANS: Record<StaffRole, string> = {
  spoc: "Works the queue of incidents candidates in their force share, and records security briefings.",
  analyst: "Sees national statistics (small numbers hidden) and repeat-actor alerts; never a record.",
  admin: "Manages these accounts and invites candidates; never sees incident content.",
};

function InvitationResult({
  heading,
  invitation,
  children,
  onAgain,
}: {
  heading: string;
  invitation: CreatedInvitation;
  children?: ReactNode;
  onAgain: () => void;
}) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <div className="card invite-result">
      <h3 ref={title} tabIndex={-1}>
        {heading}
      </h3>
      {children}
      <CopyField id={`link-${invitation.id}`} label="One-time link" value={invitation.link} />
      <p>
        <strong>Send this link to them privately</strong>, for example in an email to them alone. Whoever
        opens it first gets the account. It works once, and stops working on{" "}
        {DATE.format(new Date(invitation.expiresAt))}. Shield shows it only now.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onAgain}>
          Invite someone else
        </button>
      </div>
    </div>
  );
}

const STAFF_LABELS = {
  email: "Their email address",
  role: "Their role",
  forceId: "Their police force",
} as const;

function StaffInvite({ onInvited }: { onInvited: () => void }) {
  const [role, setRole] = useState<StaffRole>("spoc");
  const [forceId, setForceId] = useState("");
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ invitation: CreatedInvitation; email: string; role: StaffRole }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const found = firstProblem([
      ["email", !email.includes("@"), "Enter their email address, like name@police.example."],
      ["forceId", role !== "admin" && !forceId, "Choose the police force they work for."],
    ]);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      const invitation = await api<CreatedInvitation>("/api/admin/staff", {
        body: { email, role, ...(role !== "admin" ? { forceId } : {}) },
      });
      setCreated({ invitation, email, role });
      onInvited();
    } catch (e) {
      setProblem(problemOf(e, STAFF_LABELS));
    } finally {
      setBusy(false);
    }
  }

  if (created)
    return (
      <InvitationResult
        heading={`Invitation link for ${created.email}`}
        invitation={created.invitation}
        onAgain={() => setCreated(undefined)}
      >
        <p>
          Role: <strong>{roleText(created.role)}</strong>
          {created.role !== "admin" ? `, ${forceName(forceId)}` : ""}.
        </p>
      </InvitationResult>
    );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemArea problem={problem} />
      <TextField
        id="email"
        type="email"
        label={STAFF_LABELS.email}
        hint="Their work address. They sign in with it."
        autoComplete="off"
        inputMode="email"
        maxLength={320}
        error={errorFor(problem, "email")}
      />
      <fieldset>
        <legend>{STAFF_LABELS.role}</legend>
        {(["spoc", "analyst", "admin"] as const).map((r) => (
          <div key={r} className="choice-with-hint">
            <label className="choice" htmlFor={`role-${r}`}>
              <input
                type="radio"
                id={`role-${r}`}
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
                aria-describedby={`role-${r}-hint`}
              />
              {roleText(r)}
            </label>
            <span className="hint choice-hint" id={`role-${r}-hint`}>
              {ROLE_MEANS[r]}
            </span>
          </div>
        ))}
      </fieldset>
      {role !== "admin" ? (
        <SelectField
          id="forceId"
          label={STAFF_LABELS.forceId}
          hint={role === "spoc" ? "They see only what candidates in this force share." : undefined}
          value={forceId}
          onChange={(e) => setForceId(e.target.value)}
          error={errorFor(problem, "forceId")}
        >
          <option value="">Choose the force</option>
          {POLICE_FORCES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="actions">
        <SubmitButton busy={busy} sending="Creating the link…">
          Create an invitation link
        </SubmitButton>
      </div>
    </form>
  );
}

function CandidateInvite() {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ invitation: CreatedInvitation; email: string }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("candidate-email") ?? "").trim();
    const found = firstProblem([
      ["candidate-email", !email.includes("@"), "Enter their email address, like name@example.org."],
    ]);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      const invitation = await api<CreatedInvitation>("/api/admin/candidates", { body: { email } });
      setCreated({ invitation, email });
    } catch (e) {
      const p = problemOf(e, { email: "Their email address" });
      setProblem(p.field === "email" ? { ...p, field: "candidate-email" } : p);
    } finally {
      setBusy(false);
    }
  }

  if (created)
    return (
      <InvitationResult
        heading={`Invitation link for ${created.email}`}
        invitation={created.invitation}
        onAgain={() => setCreated(undefined)}
      >
        <p>They name their campaign when they open it, and get a private campaign space of their own.</p>
      </InvitationResult>
    );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemArea problem={problem} />
      <TextField
        id="candidate-email"
        type="email"
        label="Their email address"
        autoComplete="off"
        inputMode="email"
        maxLength={320}
        error={errorFor(problem, "candidate-email")}
      />
      <div className="actions">
        <SubmitButton busy={busy} sending="Creating the link…">
          Create an invitation link
        </SubmitButton>
      </div>
    </form>
  );
}

function AccountRow({
  account,
  you,
  onChanged,
}: {
  account: StaffAccount;
  you: boolean;
  onChanged: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const suspend = !account.suspended;

  async function change() {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/admin/staff/${account.id}/suspension`, { body: { suspended: suspend } });
      onChanged(
        suspend
          ? `${account.displayName}’s account is suspended and signed out everywhere.`
          : `${account.displayName}’s account is reinstated. They can sign in again.`,
      );
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <li className="card account-row">
      <p className="member-name">
        {account.displayName}
        {you ? " (you)" : ""}
      </p>
      <p className="meta">{account.email}</p>
      <p>
        <span className="tag">{roleText(account.role)}</span>{" "}
        {account.forceId ? `${forceName(account.forceId)} · ` : ""}
        {account.suspended ? <strong>Suspended</strong> : "Active"}
        {" · "}
        {account.totpEnabled ? "Two-factor sign-in on" : "Two-factor sign-in off"}
      </p>
      <Notice kind="error">{error}</Notice>
      {!you && !confirming ? (
        <div className="actions">
          <button ref={button} type="button" className="secondary" onClick={() => setConfirming(true)}>
            {suspend ? "Suspend" : "Reinstate"}
            <span className="visually-hidden"> {account.displayName}</span>
          </button>
        </div>
      ) : null}
      {confirming ? (
        <Confirm
          question={suspend ? `Suspend ${account.displayName}?` : `Reinstate ${account.displayName}?`}
          confirm={suspend ? "Yes, suspend" : "Yes, reinstate"}
          busy={busy}
          busyText="Saving…"
          tone={suspend ? "danger" : "primary"}
          onConfirm={() => void change()}
          onCancel={() => {
            setConfirming(false);
            setTimeout(() => button.current?.focus(), 0);
          }}
        >
          <p>
            {suspend
              ? "They are signed out on every device straight away and cannot sign in until reinstated. What they recorded stays."
              : "They can sign in again with their own password."}
          </p>
        </Confirm>
      ) : null}
    </li>
  );
}

export default function Admin() {
  const { session } = useSession();
  const staff = useResource<{ staff: StaffAccount[] }>("/api/admin/staff");
  const [news, setNews] = useState<string>();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const accounts = [...(staff.data?.staff ?? [])].sort(
    (a, b) => a.role.localeCompare(b.role) || a.displayName.localeCompare(b.displayName, "en-GB"),
  );

  function changed(message: string) {
    setNews(message);
    staff.reload();
    listHeading.current?.focus();
  }

  return (
    <Page
      title="Accounts"
      intro="Police, analyst and administrator accounts, and invitations for candidates."
    >
      <p className="protected-note">
        Administrators run this Shield service. They never see incident content: no incidents, evidence,
        people or private details recorded by any campaign.
      </p>

      <section aria-labelledby="staff-invite-heading">
        <h2 id="staff-invite-heading">Invite a police officer, analyst or administrator</h2>
        <StaffInvite onInvited={staff.reload} />
      </section>

      <section aria-labelledby="candidate-invite-heading">
        <h2 id="candidate-invite-heading">Invite a candidate</h2>
        <p>They get their own private campaign space, which only they and the people they invite can see.</p>
        <CandidateInvite />
      </section>

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading" ref={listHeading} tabIndex={-1}>
          Police, analyst and administrator accounts
        </h2>
        <Notice kind="status">{news}</Notice>
        {isForbidden(staff.error) ? (
          <p>Only administrators manage these accounts.</p>
        ) : staff.error ? (
          <Notice kind="error">{errorMessage(staff.error)}</Notice>
        ) : null}
        {staff.loading && !staff.data ? (
          <p role="status" className="loading">
            Loading the accounts…
          </p>
        ) : null}
        <p className="meta">
          Invitations not yet accepted are not listed. Candidates’ accounts are not listed.
        </p>
        <ul className="plain member-list">
          {accounts.map((a) => (
            <AccountRow
              key={`${a.id}-${a.suspended}`}
              account={a}
              you={a.id === session?.user.id}
              onChanged={changed}
            />
          ))}
        </ul>
      </section>
    </Page>
  );
}
