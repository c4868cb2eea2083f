// The incident's evidence: each item with where it came from, when it was captured and added, by whom,
// and its SHA-256 fingerprint in full; and forms to add a message's text or a file.
import { useRef, useState, type FormEvent } from "react";
import { api } from "../../api.ts";
import { CodeSelect } from "../forms/CodeSelect.tsx";
import { TextAreaField, TextField } from "../forms/Field.tsx";
import { SOURCE_LABEL, SOURCES } from "../labels.ts";
import { EvidenceItem } from "./EvidenceItem.tsx";
import { FoldedForm, useFoldedForm } from "./FoldedForm.tsx";
import { keyAfter, newKey, type FieldErrors } from "./forms.ts";
import { fromLondonInput } from "./time.ts";
import type { Evidence, EvidenceSource } from "./types.ts";

interface EvidenceDetails {
  source: EvidenceSource;
  /** UK time as typed, or "" for now. */
  capturedAt: string;
  note: string;
}

/** Where the evidence came from, when it was captured and a note: asked by both forms, in their words. */
function EvidenceDetailsFields({
  words,
  details,
  onChange,
  errors,
}: {
  words: { source: string; capturedAt: string; capturedAtHint: string };
  details: EvidenceDetails;
  onChange: (changes: Partial<EvidenceDetails>) => void;
  errors: FieldErrors;
}) {
  return (
    <>
      <CodeSelect
        label={words.source}
        codes={SOURCES}
        labels={SOURCE_LABEL}
        error={errors.source}
        value={details.source}
        onChange={(source) => onChange({ source })}
      />
      <TextField
        type="datetime-local"
        label={words.capturedAt}
        hint={words.capturedAtHint}
        optional
        error={errors.capturedAt}
        value={details.capturedAt}
        onChange={(e) => onChange({ capturedAt: e.target.value })}
      />
      <TextField
        label="Note"
        optional
        error={errors.note}
        value={details.note}
        onChange={(e) => onChange({ note: e.target.value })}
      />
    </>
  );
}

/** The details as the API takes them; an unreadable time is put in `found`. */
function checkDetails(details: EvidenceDetails, found: FieldErrors) {
  const capturedAt = details.capturedAt ? fromLondonInput(details.capturedAt) : undefined;
  if (details.capturedAt && !capturedAt) found.capturedAt = "Enter a date and time, or leave it empty.";
  const note = details.note.trim();
  return { source: details.source, ...(capturedAt ? { capturedAt } : {}), ...(note ? { note } : {}) };
}

const DETAIL_FIELDS = ["source", "capturedAt", "note"] as const;

/** The details of one form, kept between attempts, with the time and note cleared once it is added. */
function useEvidenceDetails(source: EvidenceSource) {
  const [details, setDetails] = useState<EvidenceDetails>({ source, capturedAt: "", note: "" });
  const change = (changes: Partial<EvidenceDetails>) => setDetails((d) => ({ ...d, ...changes }));
  const clear = () => change({ capturedAt: "", note: "" });
  return { details, change, clear };
}

function AddTextEvidence({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const [text, setText] = useState("");
  const { details, change, clear } = useEvidenceDetails("message-copy");
  const form = useFoldedForm(["text", ...DETAIL_FIELDS]);
  const key = useRef(newKey());

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!text.trim()) found.text = "Paste or type the message exactly as you received it.";
    const about = checkDetails(details, found);
    if (!form.check(found)) return;
    void form.send(
      async () => {
        await api(`/api/incidents/${incidentId}/evidence`, {
          body: { kind: "text", text, ...about },
          idempotencyKey: key.current,
        });
        key.current = newKey();
        setText("");
        clear();
        onAdded();
        return "The message was added as evidence. The advice has been checked again with it.";
      },
      (e) => (key.current = keyAfter(e, key.current)),
    );
  }

  return (
    <FoldedForm
      summary="Add a message’s text"
      state={form}
      submit="Add the message"
      submitting="Adding…"
      onSubmit={submit}
    >
      <TextAreaField
        label="The message, exactly as received"
        hint="Copy and paste it, including spelling mistakes. It cannot be changed later."
        error={form.errors.text}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <EvidenceDetailsFields
        words={{
          source: "Where it came from",
          capturedAt: "When you captured it",
          capturedAtHint: "UK time. Leave empty for now.",
        }}
        details={details}
        onChange={change}
        errors={form.errors}
      />
    </FoldedForm>
  );
}

function AddFileEvidence({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const { details, change, clear } = useEvidenceDetails("screenshot");
  const form = useFoldedForm(["file", ...DETAIL_FIELDS]);
  const input = useRef<HTMLInputElement>(null);
  const key = useRef(newKey());

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!file) found.file = "Choose the file to upload.";
    const about = checkDetails(details, found);
    if (!form.check(found) || !file) return;
    // The server reads the fields that come before the file: send them first.
    const body = new FormData();
    for (const [name, value] of Object.entries(about)) body.append(name, value);
    body.append("file", file, file.name);
    void form.send(
      async () => {
        await api(`/api/incidents/${incidentId}/evidence/file`, { body, idempotencyKey: key.current });
        key.current = newKey();
        setFile(null);
        if (input.current) input.current.value = "";
        clear();
        onAdded();
        return `${file.name} was uploaded and added as evidence.`;
      },
      (e) => (key.current = keyAfter(e, key.current)),
    );
  }

  return (
    <FoldedForm
      summary="Add a file"
      state={form}
      submit="Upload the file"
      submitting="Uploading…"
      onSubmit={submit}
    >
      <TextField
        ref={input}
        type="file"
        label="File"
        hint="A screenshot, photo, recording, scan or document. It is kept exactly as uploaded."
        error={form.errors.file}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          key.current = newKey();
        }}
      />
      <EvidenceDetailsFields
        words={{
          source: "What it is",
          capturedAt: "When it was captured",
          capturedAtHint: "UK time, for example when the screenshot was taken. Leave empty for now.",
        }}
        details={details}
        onChange={change}
        errors={form.errors}
      />
    </FoldedForm>
  );
}

export function EvidenceSection({
  incidentId,
  evidence,
  onChanged,
}: {
  incidentId: string;
  evidence: Evidence[];
  onChanged: () => void;
}) {
  return (
    <section id="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      <p className="meta">
        Each item has a SHA-256 fingerprint worked out when it was added. If the same file or text gives the
        same fingerprint later, it has not been changed.
      </p>
      {evidence.length === 0 ? (
        <p>No evidence has been added yet. Screenshots, copies of messages and photos all help the police.</p>
      ) : (
        <ol className="plain">
          {evidence.map((item, i) => (
            <EvidenceItem key={item.id} item={item} n={i + 1} />
          ))}
        </ol>
      )}
      <AddTextEvidence incidentId={incidentId} onAdded={onChanged} />
      <AddFileEvidence incidentId={incidentId} onAdded={onChanged} />
    </section>
  );
}
