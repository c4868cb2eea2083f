// The campaign's team: who can see what, inviting someone with a one-time link (and withdrawing an
// invitation not yet used), changing what a member can do, and removing them. Only the candidate (the
// campaign's owner) manages the team.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError, errorMessage } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import { useResource } from "../components/useResource.ts";
import { Choice } from "../components/forms/Choice.tsx";
import { SubmitButton } from "../components/forms/Form.tsx";
import { dateOf, InviteForm } from "../components/invitations/InviteForm.tsx";
import { PendingInvitations } from "../components/invitations/PendingInvitations.tsx";
import type { CreatedInvitation } from "../components/police/types.ts";
import { useCampaign, useSession } from "../session.tsx";
import type { Permission } from "../types.ts";
import "./account.css";

interface Member {
  userId: string;
  displayName: string;
  email: string;
  permission: Permission;
  addedAt: string;
}

type MemberPermission = Exclude<Permission, "owner">;

const PERMISSION_LABEL: Record<Permission, string> = {
  owner: "Candidate",
  full: "Full access",
  "log-only": "Log only",
};

const PERMISSION_MEANS: Record<Permission, string> = {
  owner: "Owns this campaign space: sees and records every incident, and manages the team.",
  full: "Sees and records every incident in this campaign space. Suits an election agent.",
  "log-only": "Records incidents, and sees only the ones they recorded themselves. Suits a volunteer.",
};

/** The same, said to the member themselves. */
const YOU_CAN: Record<Permission, string> = {
  owner: "You own this campaign space: you see and record every incident, and manage the team.",
  full: "You see and record every incident in this campaign space.",
  "log-only": "You record incidents, and see only the ones you recorded yourself.",
};

function PermissionChoices({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: MemberPermission;
  onChange: (value: MemberPermission) => void;
}) {
  return (
    <>
      {(["full", "log-only"] as const).map((p) => (
        <Choice
          key={p}
          idPrefix={idPrefix}
          name={`${idPrefix}-permission`}
          value={p}
          checked={value === p}
          onChange={() => onChange(p)}
          label={PERMISSION_LABEL[p]}
          hint={PERMISSION_MEANS[p]}
        />
      ))}
    </>
  );
}

function MemberCard({
  campaignId,
  member,
  you,
  canManage,
  onChanged,
}: {
  campaignId: string;
  member: Member;
  you: boolean;
  canManage: boolean;
  onChanged: (news: string) => void;
}) {
  const [mode, setMode] = useState<"view" | "change" | "remove">("view");
  const [choice, setChoice] = useState<MemberPermission>(member.permission === "full" ? "full" : "log-only");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLDivElement>(null);
  const changeForm = useRef<HTMLFormElement>(null);
  const base = `member-${member.userId}`;

  // Opening a panel moves focus into it: the chosen access, or the question to confirm.
  useEffect(() => {
    if (mode === "remove") confirm.current?.focus();
    if (mode === "change") changeForm.current?.querySelector<HTMLInputElement>("input:checked")?.focus();
  }, [mode]);

  function back(to: "change" | "remove") {
    setMode("view");
    setError(undefined);
    setChoice(member.permission === "full" ? "full" : "log-only");
    // Return focus to the button that opened the panel once it is back on the page.
    setTimeout(() => (to === "change" ? changeButton : removeButton).current?.focus(), 0);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (choice === member.permission) return back("change");
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/campaigns/${campaignId}/members/${member.userId}`, {
        method: "PATCH",
        body: { permission: choice },
      });
      onChanged(`${member.displayName} now has ${PERMISSION_LABEL[choice].toLowerCase()} access.`);
      setMode("view");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/campaigns/${campaignId}/members/${member.userId}`, { method: "DELETE" });
      onChanged(`${member.displayName} has been removed from the team.`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const manageable = canManage && member.permission !== "owner";
  return (
    <li className="card">
      <p className="member-name">
        {member.displayName}
        {you ? " (you)" : ""}
      </p>
      <p className="meta">
        {member.email}
        <br />
        In the team since {dateOf(member.addedAt)}
      </p>
      <p>
        <span className="tag">{PERMISSION_LABEL[member.permission]}</span>{" "}
        {PERMISSION_MEANS[member.permission]}
      </p>
      {error ? <Notice>{error}</Notice> : null}

      {manageable && mode === "view" ? (
        <div className="actions">
          <button ref={changeButton} type="button" className="secondary" onClick={() => setMode("change")}>
            Change access<span className="visually-hidden"> for {member.displayName}</span>
          </button>
          <button ref={removeButton} type="button" className="secondary" onClick={() => setMode("remove")}>
            Remove<span className="visually-hidden"> {member.displayName}</span> from the team
          </button>
        </div>
      ) : null}

      {manageable && mode === "change" ? (
        <form ref={changeForm} onSubmit={(e) => void save(e)}>
          <fieldset>
            <legend>What {member.displayName} can do</legend>
            <PermissionChoices idPrefix={base} value={choice} onChange={setChoice} />
          </fieldset>
          <div className="actions">
            <SubmitButton busy={busy} sending="Saving…">
              Save access
            </SubmitButton>
            <button type="button" className="secondary" onClick={() => back("change")}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}

      {manageable && mode === "remove" ? (
        <div
          ref={confirm}
          className="confirm"
          tabIndex={-1}
          role="group"
          aria-labelledby={`${base}-remove-q`}
          aria-describedby={`${base}-remove-what`}
        >
          <p id={`${base}-remove-q`}>
            <strong>Remove {member.displayName} from the team?</strong>
          </p>
          <p id={`${base}-remove-what`}>
            They lose access to this campaign space straight away. The incidents they recorded stay in the
            record. You can invite them again later.
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              {busy ? "Removing…" : `Yes, remove ${member.displayName}`}
            </button>
            <button type="button" className="secondary" onClick={() => back("remove")}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

const INVITE_LABELS = { email: "Their email address", permission: "What they can do" } as const;

function TeamInvite({ campaignId, onInvited }: { campaignId: string; onInvited: () => void }) {
  const [permission, setPermission] = useState<MemberPermission>("log-only");
  return (
    <InviteForm
      emailId="email"
      emailHint="They sign in with this. If they already use Shield for another campaign, use the same address."
      example="name@example.org"
      labels={INVITE_LABELS}
      send={async (email) => ({
        invitation: await api<CreatedInvitation>(`/api/campaigns/${campaignId}/invitations`, {
          body: { email, permission },
        }),
        details: (
          <p>
            What they can do: <strong>{PERMISSION_LABEL[permission]}</strong>. {PERMISSION_MEANS[permission]}
          </p>
        ),
      })}
      onInvited={onInvited}
      privately=", for example in an email or a text message to them alone. Do not post it in a group chat or anywhere public: whoever opens it first can join your team."
    >
      {() => (
        <fieldset>
          <legend>{INVITE_LABELS.permission}</legend>
          <PermissionChoices idPrefix="invite" value={permission} onChange={setPermission} />
        </fieldset>
      )}
    </InviteForm>
  );
}

export default function Team() {
  const campaign = useCampaign();
  const { session } = useSession();
  const isOwner = campaign.permission === "owner";
  const members = useResource<{ members: Member[] }>(`/api/campaigns/${campaign.id}/members`);
  const [news, setNews] = useState<string>();
  // Counts the invitations made here, so that the list of those not yet used is read again.
  const [invited, setInvited] = useState(0);
  const onInvited = useCallback(() => setInvited((n) => n + 1), []);
  const listHeading = useRef<HTMLHeadingElement>(null);
  // The server lets only the candidate list the team; it says so in its own words.
  const forbidden =
    !isOwner &&
    !members.data &&
    members.error instanceof ApiError &&
    members.error.message.startsWith("Only the candidate");

  function changed(message: string) {
    setNews(message);
    members.reload();
    listHeading.current?.focus();
  }

  return (
    <Page
      title="Team"
      intro={
        isOwner
          ? "The people who can use your campaign space. Invite your agent and volunteers, and choose what each can see."
          : `Who can use the campaign space of ${campaign.name}, and what you can do in it.`
      }
    >
      {!isOwner ? (
        <p>
          Your access: <span className="tag">{PERMISSION_LABEL[campaign.permission]}</span>{" "}
          {YOU_CAN[campaign.permission]}
        </p>
      ) : null}

      <section aria-labelledby="team-list">
        <h2 id="team-list" ref={listHeading} tabIndex={-1}>
          People in the team
        </h2>
        <Notice kind="status">{news}</Notice>
        {members.loading && !members.data ? (
          <p role="status" className="loading">
            Loading the team…
          </p>
        ) : null}
        {forbidden ? (
          <p>
            Only the candidate can see the whole team and manage it. If someone needs to join, change what
            they can do, or leave, ask the candidate.
          </p>
        ) : members.error ? (
          <Notice>{errorMessage(members.error)}</Notice>
        ) : null}
        {members.data ? (
          <ul className="plain member-list">
            {members.data.members.map((m) => (
              <MemberCard
                key={`${m.userId}-${m.permission}`}
                campaignId={campaign.id}
                member={m}
                you={m.userId === session?.user.id}
                canManage={isOwner}
                onChanged={changed}
              />
            ))}
          </ul>
        ) : null}
      </section>

      {isOwner ? (
        <PendingInvitations
          headingId="team-pending"
          path={`/api/campaigns/${campaign.id}/invitations`}
          revokePath={(id) => `/api/campaigns/${campaign.id}/invitations/${id}/revoke`}
          version={invited}
          what={(inv) => {
            const access = inv.permission === "full" || inv.permission === "log-only" ? inv.permission : null;
            return access ? (
              <>
                <span className="tag">{PERMISSION_LABEL[access]}</span> {PERMISSION_MEANS[access]}
              </>
            ) : (
              <span className="tag">Team member</span>
            );
          }}
        />
      ) : null}

      {isOwner ? (
        <section aria-labelledby="team-invite">
          <h2 id="team-invite">Invite someone</h2>
          <p>
            Shield makes a one-time link for them. They open it, choose a password, and join your campaign
            space.
          </p>
          <TeamInvite campaignId={campaign.id} onInvited={onInvited} />
        </section>
      ) : null}
    </Page>
  );
}
