// Administration: police, analyst and administrator accounts (invite, suspend, reinstate), inviting
// candidates, and the invitations not yet used (withdrawing one). Administrators run the deployment and never see incident content.
import { useCallback, useRef, useState } from "react";
import { api, errorMessage } from "../api.ts";
import { SelectField } from "../components/forms/Field.tsx";
import { InviteForm } from "../components/invitations/InviteForm.tsx";
import { PendingInvitations } from "../components/invitations/PendingInvitations.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { Confirm } from "../components/police/Confirm.tsx";
import type { CreatedInvitation, StaffAccount, StaffRole } from "../components/police/types.ts";
import { forceName, roleText } from "../components/police/words.ts";
import { isForbidden, useResource } from "../components/useResource.ts";
import { useSession } from "../session.tsx";
import { POLICE_FORCES } from "../../../src/core/forces.ts";
import "./account.css";
import "../components/police/police.css";

const ROLE_MEANS: Record<StaffRole, string> = {
  spoc: "Works the queue of incidents candidates in their force share, and records security briefings.",
  analyst: "Sees national statistics (small numbers hidden) and repeat-actor alerts; never a record.",
  admin: "Manages these accounts and invites candidates; never sees incident content.",
};

const STAFF_LABELS = {
  email: "Their email address",
  role: "Their role",
  forceId: "Their police force",
} as const;

/** How to send the link, after "Send this link to them privately". */
const PRIVATELY = ", for example in an email to them alone. Whoever opens it first gets the account.";

function RoleChoices({ role, onChange }: { role: StaffRole; onChange: (role: StaffRole) => void }) {
  return (
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
              onChange={() => onChange(r)}
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
  );
}

function CandidateInvite({ onInvited }: { onInvited: () => void }) {
  return (
    <InviteForm
      emailId="candidate-email"
      example="name@example.org"
      labels={{ email: "Their email address" }}
      send={async (email) => ({
        invitation: await api<CreatedInvitation>("/api/admin/candidates", { body: { email } }),
        details: (
          <p>They name their campaign when they open it, and get a private campaign space of their own.</p>
        ),
      })}
      onInvited={onInvited}
      privately={PRIVATELY}
    />
  );
}

function StaffInvite({ onInvited }: { onInvited: () => void }) {
  const [role, setRole] = useState<StaffRole>("spoc");
  const [forceId, setForceId] = useState("");

  return (
    <InviteForm
      emailId="email"
      emailHint="Their work address. They sign in with it."
      example="name@police.example"
      labels={STAFF_LABELS}
      checks={() => [["forceId", role !== "admin" && !forceId, "Choose the police force they work for."]]}
      send={async (email) => ({
        invitation: await api<CreatedInvitation>("/api/admin/staff", {
          body: { email, role, ...(role !== "admin" ? { forceId } : {}) },
        }),
        details: (
          <p>
            Role: <strong>{roleText(role)}</strong>
            {role !== "admin" ? `, ${forceName(forceId)}` : ""}.
          </p>
        ),
      })}
      onInvited={onInvited}
      privately={PRIVATELY}
    >
      {(errorOf) => (
        <>
          <RoleChoices role={role} onChange={setRole} />
          {role !== "admin" ? (
            <SelectField
              id="forceId"
              label={STAFF_LABELS.forceId}
              hint={role === "spoc" ? "They see only what candidates in this force share." : undefined}
              value={forceId}
              onChange={(e) => setForceId(e.target.value)}
              error={errorOf("forceId")}
            >
              <option value="">Choose the force</option>
              {POLICE_FORCES.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </SelectField>
          ) : null}
        </>
      )}
    </InviteForm>
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
  // Counts the invitations made here, so that the list of those not yet used is read again.
  const [invited, setInvited] = useState(0);
  const onInvited = useCallback(() => setInvited((n) => n + 1), []);
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
      intro="Police, analyst and administrator accounts, invitations for them and for candidates, and the invitations not yet used."
    >
      <p className="protected-note">
        Administrators run this Shield service. They never see incident content: no incidents, evidence,
        people or private details recorded by any campaign.
      </p>

      <section aria-labelledby="staff-invite-heading">
        <h2 id="staff-invite-heading">Invite a police officer, analyst or administrator</h2>
        <StaffInvite onInvited={onInvited} />
      </section>

      <section aria-labelledby="candidate-invite-heading">
        <h2 id="candidate-invite-heading">Invite a candidate</h2>
        <p>They get their own private campaign space, which only they and the people they invite can see.</p>
        <CandidateInvite onInvited={onInvited} />
      </section>

      <PendingInvitations
        headingId="pending-heading"
        path="/api/admin/invitations"
        revokePath={(id) => `/api/admin/invitations/${id}/revoke`}
        version={invited}
        what={(inv) => (
          <>
            <span className="tag">{roleText(inv.role)}</span>
            {inv.forceName ? ` ${inv.forceName}` : ""}
          </>
        )}
      />

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
          Candidates’ accounts are not listed. Invitations not yet used are listed above, not here.
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
