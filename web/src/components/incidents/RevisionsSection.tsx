// Every version of the incident, newest first: who changed it, when, why and what changed; and the
// form to amend it (a new version: nothing recorded is ever overwritten).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api.ts";
import type { Channel } from "../../types.ts";
import { LEVEL_LABEL } from "../levels.ts";
import { Notice } from "../Page.tsx";
import { changesBetween, FIELD_LABEL, fieldText } from "./body.ts";
import { ChannelSelect } from "../forms/CodeSelect.tsx";
import { TextAreaField, TextField } from "../forms/Field.tsx";
import { SubmitButton } from "../forms/Form.tsx";
import { ONLINE_CHANNELS, PLATFORM_LABEL } from "../labels.ts";
import { errorsFrom, type FieldErrors } from "./forms.ts";
import { formatDateTime, fromLondonInput, isoOf, toLondonInput } from "./time.ts";
import type { IncidentBody, IncidentDetail, Revision } from "./types.ts";
import type { PresentedVerdict } from "../../types.ts";

const LONG = 120;

function ChangedValue({ label, value }: { label: string; value: string }) {
  const text = value || "(empty)";
  return (
    <div>
      <dt>{label}</dt>
      <dd className={value.length > LONG ? "pre-wrap long-value" : "pre-wrap"}>{text}</dd>
    </div>
  );
}

function RevisionItem({
  revision,
  previous,
  actorName,
  current,
}: {
  revision: Revision;
  previous: Revision | undefined;
  actorName: (id: string) => string;
  current: boolean;
}) {
  const changes = previous ? changesBetween(previous.body, revision.body, actorName) : [];
  const fields = (Object.keys(FIELD_LABEL) as (keyof IncidentBody)[])
    .map((f) => ({ f, text: fieldText(revision.body, f, actorName) }))
    .filter((x) => x.text !== "");
  return (
    <li className="card">
      <h3>
        Version {revision.revision}
        {current ? " (current)" : ""}
      </h3>
      <p className="meta">
        {previous ? "Changed" : "Recorded"} by {revision.editedBy.displayName} on{" "}
        <time dateTime={isoOf(revision.editedAt)}>{formatDateTime(revision.editedAt)}</time>
      </p>
      {revision.reason ? (
        <p>
          <strong>Why:</strong> <span className="pre-wrap">{revision.reason}</span>
        </p>
      ) : null}
      {previous ? (
        changes.length === 0 ? (
          <p>No field was changed.</p>
        ) : (
          <>
            <p>What changed:</p>
            <ul className="changes">
              {changes.map((c) => (
                <li key={c.field}>
                  <strong>{c.label}</strong>
                  <dl className="facts">
                    <ChangedValue label="Before" value={c.before} />
                    <ChangedValue label="After" value={c.after} />
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )
      ) : (
        <p>The first version, as it was recorded.</p>
      )}
      <details>
        <summary>Show version {revision.revision} in full</summary>
        <dl className="facts">
          {fields.map(({ f, text }) => (
            <div key={f}>
              <dt>{FIELD_LABEL[f]}</dt>
              <dd className="pre-wrap">{text}</dd>
            </div>
          ))}
        </dl>
      </details>
    </li>
  );
}

interface AmendDraft {
  summary: string;
  description: string;
  occurredAt: string;
  channel: Channel;
  impact: string;
  actionTaken: string;
  reason: string;
}

function AmendForm({
  incident,
  onSaved,
  onCancel,
  onReload,
}: {
  incident: IncidentDetail;
  onSaved: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const body = incident.body;
  const [draft, setDraft] = useState<AmendDraft>(() => ({
    summary: body.summary,
    description: body.description ?? "",
    occurredAt: toLondonInput(body.occurredAt),
    channel: body.channel,
    impact: body.impact ?? "",
    actionTaken: body.actionTaken ?? "",
    reason: "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (changes: Partial<AmendDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const losesPlatform = !!body.platform && !ONLINE_CHANNELS.has(draft.channel);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!draft.summary.trim()) found.summary = "Give it a short title.";
    else if (draft.summary.trim().length > 200) found.summary = "Keep the title to 200 characters or fewer.";
    const occurredAt = fromLondonInput(draft.occurredAt);
    if (!occurredAt) found.occurredAt = "Enter the date and time it happened.";
    if (!draft.reason.trim())
      found.reason = "Say briefly why you are changing it. This is kept with the record.";
    setErrors(found);
    setFormError(undefined);
    setConflict(false);
    if (Object.keys(found).length > 0 || !occurredAt) return;

    // The whole new body: the fields edited here, and every other field as it was.
    const { impact: _impact, actionTaken: _actionTaken, platform, ...rest } = body;
    const next: IncidentBody = {
      ...rest,
      summary: draft.summary.trim(),
      description: draft.description.trim(),
      // Keep the exact instant unless the time shown was changed.
      occurredAt: draft.occurredAt === toLondonInput(body.occurredAt) ? body.occurredAt : occurredAt,
      channel: draft.channel,
      ...(platform && ONLINE_CHANNELS.has(draft.channel) ? { platform } : {}),
      ...(draft.impact.trim() ? { impact: draft.impact.trim() } : {}),
      ...(draft.actionTaken.trim() ? { actionTaken: draft.actionTaken.trim() } : {}),
    };
    if (changesBetween(body, next).length === 0) {
      setFormError("You have not changed anything yet. Change a field, or cancel.");
      return;
    }
    setBusy(true);
    try {
      const saved = await api<{ revision: number; verdict: PresentedVerdict }>(
        `/api/incidents/${incident.id}/revisions`,
        { body: { body: next, reason: draft.reason.trim(), expectedRevision: incident.revision } },
      );
      onSaved(
        `Saved as version ${saved.revision}. The advice is now: ${LEVEL_LABEL[saved.verdict.level] ?? saved.verdict.level}.`,
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        setFormError(e.message);
      } else {
        const { fields, form } = errorsFrom(e, [
          "summary",
          "description",
          "occurredAt",
          "channel",
          "impact",
          "actionTaken",
          "reason",
        ]);
        setErrors(fields);
        setFormError(form);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="subform" id="amend-form">
      <h3 ref={heading} tabIndex={-1}>
        Amend this incident
      </h3>
      <p className="meta">
        Your change is saved as version {incident.revision + 1}. Version {incident.revision} and every earlier
        one stay readable, with who changed what and why.
      </p>
      <Notice kind="error">{formError}</Notice>
      {conflict ? (
        <p>
          <button type="button" className="secondary" onClick={onReload}>
            Close and reload the incident
          </button>
        </p>
      ) : null}
      <TextField
        label="Title"
        hint="One line, for example “Man shouted at me on the doorstep”."
        error={errors.summary}
        maxLength={200}
        value={draft.summary}
        onChange={(e) => set({ summary: e.target.value })}
      />
      <TextAreaField
        label="What happened"
        hint="In your own words."
        error={errors.description}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <TextField
        type="datetime-local"
        label="When it happened"
        hint="UK time."
        error={errors.occurredAt}
        value={draft.occurredAt}
        onChange={(e) => set({ occurredAt: e.target.value })}
      />
      <ChannelSelect
        label="How it happened"
        hint={
          losesPlatform && body.platform
            ? `The platform (${PLATFORM_LABEL[body.platform]}) will be removed: it only applies to social media and other online incidents.`
            : undefined
        }
        error={errors.channel}
        value={draft.channel}
        onChange={(channel) => set({ channel })}
      />
      <TextAreaField
        label="How it affected you or others"
        optional
        error={errors.impact}
        value={draft.impact}
        onChange={(e) => set({ impact: e.target.value })}
      />
      <TextAreaField
        label="Action taken"
        optional
        error={errors.actionTaken}
        value={draft.actionTaken}
        onChange={(e) => set({ actionTaken: e.target.value })}
      />
      <TextAreaField
        label="Why are you changing it?"
        hint="For example: “Corrected the time from my phone’s call log.”"
        error={errors.reason}
        value={draft.reason}
        onChange={(e) => set({ reason: e.target.value })}
      />
      <div className="actions">
        <SubmitButton busy={busy} sending="Saving…">
          Save the change
        </SubmitButton>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function RevisionsSection({
  incident,
  actorName,
  onChanged,
}: {
  incident: IncidentDetail;
  actorName: (id: string) => string;
  onChanged: () => void;
}) {
  const [amending, setAmending] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState<string>();
  const revisions = [...incident.revisions].sort((a, b) => b.revision - a.revision);
  return (
    <section id="changes" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Versions and changes</h2>
      <p className="meta">
        Nothing recorded is overwritten. Each change is kept as a new version, with who made it, when and why.
      </p>
      <Notice kind="status">{status}</Notice>
      <p>
        <button
          ref={toggle}
          type="button"
          className="secondary"
          aria-expanded={amending}
          aria-controls={amending ? "amend-form" : undefined}
          onClick={() => {
            setStatus(undefined);
            setAmending((a) => !a);
          }}
        >
          Amend this incident
        </button>
      </p>
      {amending ? (
        <AmendForm
          key={incident.revision}
          incident={incident}
          onSaved={(message) => {
            setAmending(false);
            setStatus(message);
            toggle.current?.focus();
            onChanged();
          }}
          onCancel={() => {
            setAmending(false);
            toggle.current?.focus();
          }}
          onReload={() => {
            setAmending(false);
            toggle.current?.focus();
            onChanged();
          }}
        />
      ) : null}
      <ol className="plain">
        {revisions.map((r, i) => (
          <RevisionItem
            key={r.revision}
            revision={r}
            previous={revisions[i + 1]}
            actorName={actorName}
            current={r.revision === incident.revision}
          />
        ))}
      </ol>
    </section>
  );
}
