// What happened next: police reference numbers, actions taken, outcomes and notes, and a form to add one.
import { useState, type FormEvent } from "react";
import { api } from "../../api.ts";
import type { FollowUpKind } from "../../../../src/core/incident/model.ts";
import { CodeSelect } from "../forms/CodeSelect.tsx";
import { TextAreaField, TextField } from "../forms/Field.tsx";
import { CONTACT_ROUTE_LABEL, CONTACT_ROUTES, FOLLOW_UP_KINDS, FOLLOW_UP_LABEL } from "../labels.ts";
import { FoldedForm, useFoldedForm } from "./FoldedForm.tsx";
import type { FieldErrors } from "./forms.ts";
import { formatDateTime, isoOf } from "./time.ts";
import type { FollowUp, FollowUpRoute } from "./types.ts";

const TEXT_LABEL: Record<FollowUpKind, { label: string; hint: string }> = {
  "police-reference": {
    label: "What the police said",
    hint: "For example: “Reported on 101. They will call back within 48 hours.”",
  },
  action: { label: "What was done", hint: "For example: “Blocked the account after taking screenshots.”" },
  outcome: { label: "What the outcome was", hint: "For example: “The platform removed the post.”" },
  note: { label: "Note", hint: "Anything else worth keeping with this incident." },
};

const KIND_HINT: Record<FollowUpKind, string> = {
  "police-reference": "a crime or incident number from the police",
  action: "something you or the team did",
  outcome: "what came of it",
  note: "anything else",
};

function FollowUpItem({ item }: { item: FollowUp }) {
  return (
    <li className="card">
      <p>
        <strong>{FOLLOW_UP_LABEL[item.kind] ?? item.kind}</strong>
        {item.policeReference ? (
          <>
            : <span className="reference">{item.policeReference}</span>
          </>
        ) : null}
      </p>
      <p className="pre-wrap">{item.text}</p>
      {item.officer || item.contactRoute ? (
        <dl className="facts">
          {item.officer ? (
            <div>
              <dt>Officer</dt>
              <dd>{item.officer}</dd>
            </div>
          ) : null}
          {item.contactRoute ? (
            <div>
              <dt>How the police were contacted</dt>
              <dd>{CONTACT_ROUTE_LABEL[item.contactRoute] ?? item.contactRoute}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <p className="meta">
        Added by {item.createdBy.displayName} on{" "}
        <time dateTime={isoOf(item.createdAt)}>{formatDateTime(item.createdAt)}</time>
      </p>
    </li>
  );
}

function AddFollowUp({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const [kind, setKind] = useState<FollowUpKind>("police-reference");
  const [text, setText] = useState("");
  const [policeReference, setPoliceReference] = useState("");
  const [officer, setOfficer] = useState("");
  const [contactRoute, setContactRoute] = useState<FollowUpRoute | "">("");
  const form = useFoldedForm(["kind", "text", "policeReference", "officer", "contactRoute"]);
  const showPolice = kind !== "note";

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!text.trim()) found.text = "Write a few words about it.";
    if (kind === "police-reference" && !policeReference.trim())
      found.policeReference = "Enter the reference number the police gave you.";
    if (!form.check(found)) return;
    void form.send(async () => {
      await api(`/api/incidents/${incidentId}/follow-ups`, {
        body: {
          kind,
          text: text.trim(),
          ...(kind === "police-reference" ? { policeReference: policeReference.trim() } : {}),
          ...(showPolice && officer.trim() ? { officer: officer.trim() } : {}),
          ...(showPolice && contactRoute ? { contactRoute } : {}),
        },
      });
      setText("");
      setPoliceReference("");
      setOfficer("");
      setContactRoute("");
      onAdded();
      return `${FOLLOW_UP_LABEL[kind]} added.`;
    });
  }

  return (
    <FoldedForm
      summary="Add a follow-up"
      state={form}
      submit="Add the follow-up"
      submitting="Adding…"
      onSubmit={submit}
    >
      <fieldset>
        <legend>What are you adding?</legend>
        {FOLLOW_UP_KINDS.map((k) => (
          <label key={k} className="choice">
            <input
              type="radio"
              name="follow-up-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span>
              {FOLLOW_UP_LABEL[k]} <span className="hint-inline">({KIND_HINT[k]})</span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === "police-reference" ? (
        <TextField
          label="Police reference number"
          hint="The crime reference or incident number, exactly as given."
          error={form.errors.policeReference}
          autoComplete="off"
          value={policeReference}
          onChange={(e) => setPoliceReference(e.target.value)}
        />
      ) : null}
      <TextAreaField
        label={TEXT_LABEL[kind].label}
        hint={TEXT_LABEL[kind].hint}
        error={form.errors.text}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {showPolice ? (
        <>
          <TextField
            label="Officer’s name or number"
            optional
            error={form.errors.officer}
            autoComplete="off"
            value={officer}
            onChange={(e) => setOfficer(e.target.value)}
          />
          <CodeSelect
            label="How the police were contacted"
            optional
            codes={CONTACT_ROUTES}
            labels={CONTACT_ROUTE_LABEL}
            empty="Not stated"
            error={form.errors.contactRoute}
            value={contactRoute}
            onChange={setContactRoute}
          />
        </>
      ) : null}
    </FoldedForm>
  );
}

export function FollowUpsSection({
  incidentId,
  followUps,
  onChanged,
}: {
  incidentId: string;
  followUps: FollowUp[];
  onChanged: () => void;
}) {
  return (
    <section id="follow-ups" aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-ups</h2>
      {followUps.length === 0 ? (
        <p>Nothing has been added yet. When you report it, add the police reference number here.</p>
      ) : (
        <ol className="plain">
          {followUps.map((f) => (
            <FollowUpItem key={f.id} item={f} />
          ))}
        </ol>
      )}
      <AddFollowUp incidentId={incidentId} onAdded={onChanged} />
    </section>
  );
}
