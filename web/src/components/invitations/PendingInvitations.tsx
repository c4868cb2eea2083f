// Invitations not yet used: who was invited, as what, by whom and until when, and withdrawing one (after
// a question) so that its link stops working. On the administrator's Accounts page and the candidate's
// Team page.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { api, errorMessage } from "../../api.ts";
import { Notice } from "../Page.tsx";
import { Confirm } from "../police/Confirm.tsx";
import type { PendingInvitation } from "../police/types.ts";
import { isForbidden, useResource } from "../useResource.ts";
import { dateOf } from "./InviteForm.tsx";
import "../../pages/account.css";

function InvitationRow({
  invitation,
  what,
  revokePath,
  onWithdrawn,
}: {
  invitation: PendingInvitation;
  what: ReactNode;
  revokePath: string;
  onWithdrawn: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);

  async function withdraw() {
    setBusy(true);
    setError(undefined);
    try {
      await api(revokePath, { method: "POST" });
      onWithdrawn(
        `The invitation for ${invitation.email} is withdrawn: its link no longer works. You can invite them again at any time.`,
      );
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <li className="card invitation-row">
      <p className="member-name">{invitation.email}</p>
      <p>{what}</p>
      <p className="meta">
        Invited {invitation.invitedBy ? `by ${invitation.invitedBy} ` : ""}on {dateOf(invitation.createdAt)}.
        The link stops working on {dateOf(invitation.expiresAt)}.
      </p>
      <Notice kind="error">{error}</Notice>
      {!confirming ? (
        <div className="actions">
          <button ref={button} type="button" className="secondary" onClick={() => setConfirming(true)}>
            Withdraw<span className="visually-hidden"> the invitation for {invitation.email}</span>
          </button>
        </div>
      ) : (
        <Confirm
          question={`Withdraw the invitation for ${invitation.email}?`}
          confirm="Yes, withdraw it"
          busy={busy}
          busyText="Withdrawing…"
          tone="danger"
          onConfirm={() => void withdraw()}
          onCancel={() => {
            setConfirming(false);
            setTimeout(() => button.current?.focus(), 0);
          }}
        >
          <p>
            The link stops working straight away: whoever opens it is told it has expired or was already used.
            You can invite them again later with a new link.
          </p>
        </Confirm>
      )}
    </li>
  );
}

export function PendingInvitations({
  path,
  revokePath,
  what,
  version,
  headingId,
}: {
  /** Where the list is read from. */
  path: string;
  /** Where one is withdrawn. */
  revokePath: (id: string) => string;
  /** What the invitation gives them, in words. */
  what: (invitation: PendingInvitation) => ReactNode;
  /** Changes when a new invitation was made, to read the list again. */
  version: number;
  headingId: string;
}) {
  const pending = useResource<{ invitations: PendingInvitation[] }>(path);
  const { reload } = pending;
  const [news, setNews] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = pending.data?.invitations ?? [];

  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  function withdrawn(message: string) {
    setNews(message);
    reload();
    heading.current?.focus();
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Invitations not yet used
      </h2>
      <Notice kind="status">{news}</Notice>
      {isForbidden(pending.error) ? (
        <p>You cannot see these invitations.</p>
      ) : pending.error ? (
        <Notice kind="error">{errorMessage(pending.error)}</Notice>
      ) : null}
      {pending.loading && !pending.data ? (
        <p role="status" className="loading">
          Loading the invitations…
        </p>
      ) : null}
      {pending.data && list.length === 0 ? <p>No invitation is waiting to be used.</p> : null}
      {list.length > 0 ? (
        <>
          <p className="meta">
            Withdraw an invitation if the link went to the wrong person or is no longer needed.
          </p>
          <ul className="plain member-list">
            {list.map((inv) => (
              <InvitationRow
                key={inv.id}
                invitation={inv}
                what={what(inv)}
                revokePath={revokePath(inv.id)}
                onWithdrawn={withdrawn}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
