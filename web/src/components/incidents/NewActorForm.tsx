// Record a person or account behind incidents: a label, a description, and the handles, numbers,
// addresses or vehicles that identify them (which is how Shield links records across channels).
import { useId, useRef, useState, type FormEvent } from "react";
import { api } from "../../api.ts";
import type { Platform } from "../../types.ts";
import type { ActorIdentifierKind as Kind } from "../../../../src/core/incident/model.ts";
import { Notice } from "../Page.tsx";
import { CodeSelect, PlatformSelect } from "../forms/CodeSelect.tsx";
import { TextAreaField, TextField } from "../forms/Field.tsx";
import { SubmitButton } from "../forms/Form.tsx";
import { IDENTIFIER_KINDS, IDENTIFIER_LABEL } from "../labels.ts";
import { errorsFrom, type FieldErrors } from "./forms.ts";

interface IdentifierDraft {
  key: number;
  kind: Kind;
  value: string;
  platform: Platform | "";
}

const VALUE_HINT: Partial<Record<Kind, string>> = {
  handle: "For example @WrenfieldTruth",
  "profile-url": "The full web address of their profile",
  phone: "As it appears on your phone",
  vehicle: "The registration plate",
};

const ONLINE_KINDS: ReadonlySet<Kind> = new Set<Kind>(["handle", "profile-url"]);

export function NewActorForm({
  campaignId,
  onCreated,
}: {
  campaignId: string;
  onCreated: (label: string) => void;
}) {
  const [label, setLabel] = useState("");
  const [description, setDescription] = useState("");
  const [identifiers, setIdentifiers] = useState<IdentifierDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const counter = useRef(0);
  const addButton = useRef<HTMLButtonElement>(null);
  const idBase = useId();

  const update = (key: number, changes: Partial<IdentifierDraft>) =>
    setIdentifiers((list) => list.map((i) => (i.key === key ? { ...i, ...changes } : i)));

  function addIdentifier() {
    counter.current += 1;
    const key = counter.current;
    setIdentifiers((list) => [...list, { key, kind: "handle", value: "", platform: "" }]);
    // Move to the new row's first control once it is drawn.
    requestAnimationFrame(() => document.getElementById(`${idBase}-kind-${key}`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!label.trim()) found.label = "Give them a name you will recognise, for example “Man in the red van”.";
    for (const i of identifiers)
      if (!i.value.trim()) found[`value-${i.key}`] = "Fill this in, or remove this identifier.";
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api(`/api/campaigns/${campaignId}/actors`, {
        body: {
          label: label.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
          identifiers: identifiers.map((i) => ({
            kind: i.kind,
            value: i.value.trim(),
            ...(i.platform ? { platform: i.platform } : {}),
          })),
        },
      });
      const saved = label.trim();
      setLabel("");
      setDescription("");
      setIdentifiers([]);
      onCreated(saved);
    } catch (e) {
      const { fields, form } = errorsFrom(e, ["label", "description"]);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="subform">
      <Notice kind="error">{formError}</Notice>
      <TextField
        label="What you call them"
        hint="For example “Man in the red van” or “@WrenfieldTruth”."
        error={errors.label}
        maxLength={200}
        autoComplete="off"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <TextAreaField
        label="Description"
        hint="Appearance, clothing, manner, vehicle."
        optional
        error={errors.description}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <fieldset>
        <legend>How to recognise them</legend>
        <p className="hint">
          Handles, profile addresses, email addresses, phone numbers and vehicles. Shield uses them to link
          records of the same person made on different days or channels.
        </p>
        {identifiers.length === 0 ? <p>None added yet.</p> : null}
        {identifiers.map((i, n) => (
          <div key={i.key} className="identifier-row" role="group" aria-label={`Identifier ${n + 1}`}>
            <CodeSelect
              id={`${idBase}-kind-${i.key}`}
              label={`Identifier ${n + 1}: kind`}
              codes={IDENTIFIER_KINDS}
              labels={IDENTIFIER_LABEL}
              value={i.kind}
              onChange={(kind) =>
                update(i.key, { kind, ...(ONLINE_KINDS.has(kind) ? {} : { platform: "" }) })
              }
            />
            <TextField
              label={`Identifier ${n + 1}: ${IDENTIFIER_LABEL[i.kind].toLowerCase()}`}
              hint={VALUE_HINT[i.kind]}
              error={errors[`value-${i.key}`]}
              autoComplete="off"
              value={i.value}
              onChange={(e) => update(i.key, { value: e.target.value })}
            />
            {ONLINE_KINDS.has(i.kind) ? (
              <PlatformSelect
                label={`Identifier ${n + 1}: platform`}
                optional
                empty="Not stated"
                value={i.platform}
                onChange={(platform) => update(i.key, { platform })}
              />
            ) : null}
            <p>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setIdentifiers((list) => list.filter((x) => x.key !== i.key));
                  addButton.current?.focus();
                }}
              >
                Remove identifier {n + 1}
              </button>
            </p>
          </div>
        ))}
        <p>
          <button
            ref={addButton}
            type="button"
            className="secondary"
            onClick={addIdentifier}
            disabled={identifiers.length >= 50}
          >
            Add {identifiers.length === 0 ? "an" : "another"} identifier
          </button>
        </p>
      </fieldset>
      <div className="actions">
        <SubmitButton busy={busy} sending="Saving…">
          Save this person
        </SubmitButton>
      </div>
    </form>
  );
}
