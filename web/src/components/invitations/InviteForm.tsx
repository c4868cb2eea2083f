// Inviting someone with a one-time link, shared by the administrator's forms (staff, candidates) and the
// candidate's team form: their email address (and the form's own fields), checked before sending, the
// server's problems shown at their field, and the link shown once, to send privately.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { CopyField } from "../forms/Copy.tsx";
import { TextField } from "../forms/Field.tsx";
import { firstProblem, ProblemArea, SubmitButton } from "../forms/Form.tsx";
import { errorFor, problemOf, type FieldLabels, type Problem } from "../forms/problems.ts";
import type { CreatedInvitation } from "../police/types.ts";
import "../../pages/account.css";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });
export const dateOf = (iso: string) => DATE.format(new Date(iso));

/** The link, once: copy it, send it privately, and until when it works. */
export function InvitationResult({
  email,
  invitation,
  children,
  privately,
  onAgain,
}: {
  email: string;
  invitation: CreatedInvitation;
  /** What the invitation gives them. */
  children?: ReactNode;
  /** How to send it, after "Send this link to them privately", e.g. ", for example in an email to them alone." */
  privately: ReactNode;
  onAgain: () => void;
}) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <div className="card invite-result">
      <h3 ref={title} tabIndex={-1}>
        Invitation link for {email}
      </h3>
      {children}
      <CopyField id={`link-${invitation.id}`} label="One-time link" value={invitation.link} />
      <p>
        <strong>Send this link to them privately</strong>
        {privately}
      </p>
      <p>
        It works once, and stops working on {dateOf(invitation.expiresAt)}. Shield shows it only now, so copy
        it before you leave this page. If it went to the wrong person, withdraw it under “Invitations not yet
        used”.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onAgain}>
          Invite someone else
        </button>
      </div>
    </div>
  );
}

export interface SentInvitation {
  invitation: CreatedInvitation;
  /** What the invitation gives them, said on the result. */
  details?: ReactNode;
}

export function InviteForm({
  emailId,
  emailHint,
  example,
  labels,
  checks,
  send,
  onInvited,
  privately,
  children,
}: {
  /** The email field's id (unique on the page); the API calls it "email". */
  emailId: string;
  emailHint?: string;
  /** An example address, for the message when it is missing. */
  example: string;
  /** The labels of the fields by API name (including "email"), for the server's problems. */
  labels: FieldLabels;
  /** The form's own checks before sending: [field id, failed, message]. */
  checks?: () => readonly (readonly [string, boolean, string])[];
  send: (email: string) => Promise<SentInvitation>;
  onInvited?: () => void;
  privately: ReactNode;
  /** The form's own fields, after the email address, with the message for a field that has a problem. */
  children?: (errorOf: (field: string) => string | undefined) => ReactNode;
}) {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<SentInvitation & { email: string }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get(emailId) ?? "").trim();
    const found = firstProblem([
      [emailId, !email.includes("@"), `Enter their email address, like ${example}.`],
      ...(checks?.() ?? []),
    ]);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    try {
      const sent = await send(email);
      setCreated({ ...sent, email });
      onInvited?.();
    } catch (e) {
      const p = problemOf(e, labels);
      setProblem(p.field === "email" ? { ...p, field: emailId } : p);
    } finally {
      setBusy(false);
    }
  }

  if (created)
    return (
      <InvitationResult
        email={created.email}
        invitation={created.invitation}
        privately={privately}
        onAgain={() => setCreated(undefined)}
      >
        {created.details}
      </InvitationResult>
    );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemArea problem={problem} />
      <TextField
        id={emailId}
        name={emailId}
        type="email"
        label={labels.email ?? "Their email address"}
        hint={emailHint}
        autoComplete="off"
        inputMode="email"
        maxLength={320}
        error={errorFor(problem, emailId)}
      />
      {children?.((field) => errorFor(problem, field))}
      <div className="actions">
        <SubmitButton busy={busy} sending="Creating the link…">
          Create an invitation link
        </SubmitButton>
      </div>
    </form>
  );
}
