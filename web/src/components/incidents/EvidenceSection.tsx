// The incident's evidence: each item with where it came from, when it was captured and added, by whom,
// and its SHA-256 fingerprint in full; and forms to add a message's text or a file.
import { useRef, useState, type FormEvent } from "react";
import { api } from "../../api.ts";
import { Notice } from "../Page.tsx";
import { Field, type FieldErrors } from "./Field.tsx";
import { errorsFrom, formatSize, keyAfter, newKey } from "./forms.ts";
import { EVIDENCE_KIND_LABEL, SOURCE_LABEL, SOURCES, type EvidenceSource } from "./labels.ts";
import { formatDateTime, fromLondonInput, isoOf } from "./time.ts";
import type { Evidence } from "./types.ts";

const sourceText = (source: string) => SOURCE_LABEL[source as EvidenceSource] ?? source;

function EvidenceItem({ item, n }: { item: Evidence; n: number }) {
  return (
    <li className="card evidence-item">
      <h3>
        Evidence {n}: {EVIDENCE_KIND_LABEL[item.kind] ?? item.kind}
      </h3>
      {item.kind === "text" && item.text !== null ? <p className="quote">{item.text}</p> : null}
      {item.kind === "url" && item.url ? (
        <p className="quote">
          <a href={item.url} rel="noreferrer noopener" target="_blank">
            {item.url}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
      {item.kind === "file" ? (
        <p>
          <a href={`/api/evidence/${item.id}/file`} download={item.filename ?? true}>
            Download {item.filename ?? "the file"}
          </a>{" "}
          <span className="meta">
            ({formatSize(item.size)}, {item.mediaType})
          </span>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Source</dt>
          <dd>{sourceText(item.source)}</dd>
        </div>
        <div>
          <dt>Captured</dt>
          <dd>
            <time dateTime={isoOf(item.capturedAt)}>{formatDateTime(item.capturedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>
            <time dateTime={isoOf(item.addedAt)}>{formatDateTime(item.addedAt)}</time> by{" "}
            {item.addedBy.displayName}
          </dd>
        </div>
        {item.note ? (
          <div>
            <dt>Note</dt>
            <dd>{item.note}</dd>
          </div>
        ) : null}
        <div>
          <dt>SHA-256 fingerprint</dt>
          <dd className="hash">{item.sha256}</dd>
        </div>
      </dl>
    </li>
  );
}

function SourceSelect({
  value,
  onChange,
  props,
}: {
  value: EvidenceSource;
  onChange: (v: EvidenceSource) => void;
  props: object;
}) {
  return (
    <select {...props} value={value} onChange={(e) => onChange(e.target.value as EvidenceSource)}>
      {SOURCES.map((s) => (
        <option key={s} value={s}>
          {SOURCE_LABEL[s]}
        </option>
      ))}
    </select>
  );
}

function AddTextEvidence({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const [text, setText] = useState("");
  const [source, setSource] = useState<EvidenceSource>("message-copy");
  const [capturedAt, setCapturedAt] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    const found: FieldErrors = {};
    if (!text.trim()) found.text = "Paste or type the message exactly as you received it.";
    const captured = capturedAt ? fromLondonInput(capturedAt) : undefined;
    if (capturedAt && !captured) found.capturedAt = "Enter a date and time, or leave it empty.";
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api(`/api/incidents/${incidentId}/evidence`, {
        body: {
          kind: "text",
          text,
          source,
          ...(captured ? { capturedAt: captured } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        idempotencyKey: key.current,
      });
      key.current = newKey();
      setText("");
      setNote("");
      setCapturedAt("");
      setStatus("The message was added as evidence. The advice has been checked again with it.");
      onAdded();
    } catch (e) {
      key.current = keyAfter(e, key.current);
      const { fields, form } = errorsFrom(e, ["text", "source", "capturedAt", "note"]);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="form-disclosure">
      <summary>Add a message’s text</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="subform">
        <Notice kind="error">{formError}</Notice>
        <Field
          label="The message, exactly as received"
          hint="Copy and paste it, including spelling mistakes. It cannot be changed later."
          error={errors.text}
        >
          {(props) => <textarea {...props} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field label="Where it came from" error={errors.source}>
          {(props) => <SourceSelect props={props} value={source} onChange={setSource} />}
        </Field>
        <Field
          label="When you captured it"
          hint="UK time. Leave empty for now."
          optional
          error={errors.capturedAt}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={capturedAt}
              onChange={(e) => setCapturedAt(e.target.value)}
            />
          )}
        </Field>
        <Field label="Note" optional error={errors.note}>
          {(props) => <input {...props} type="text" value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? "Adding…" : "Add the message"}
          </button>
        </div>
        <Notice kind="status">{status}</Notice>
      </form>
    </details>
  );
}

function AddFileEvidence({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<EvidenceSource>("screenshot");
  const [capturedAt, setCapturedAt] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const key = useRef(newKey());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    const found: FieldErrors = {};
    if (!file) found.file = "Choose the file to upload.";
    const captured = capturedAt ? fromLondonInput(capturedAt) : undefined;
    if (capturedAt && !captured) found.capturedAt = "Enter a date and time, or leave it empty.";
    setErrors(found);
    setFormError(undefined);
    if (!file || Object.keys(found).length > 0) return;
    // The server reads the fields that come before the file: send them first.
    const form = new FormData();
    form.append("source", source);
    if (captured) form.append("capturedAt", captured);
    if (note.trim()) form.append("note", note.trim());
    form.append("file", file, file.name);
    setBusy(true);
    try {
      await api(`/api/incidents/${incidentId}/evidence/file`, { body: form, idempotencyKey: key.current });
      key.current = newKey();
      setFile(null);
      if (input.current) input.current.value = "";
      setNote("");
      setCapturedAt("");
      setStatus(`${file.name} was uploaded and added as evidence.`);
      onAdded();
    } catch (e) {
      key.current = keyAfter(e, key.current);
      const { fields, form: whole } = errorsFrom(e, ["file", "source", "capturedAt", "note"]);
      setErrors(fields);
      setFormError(whole);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="form-disclosure">
      <summary>Add a file</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="subform">
        <Notice kind="error">{formError}</Notice>
        <Field
          label="File"
          hint="A screenshot, photo, recording, scan or document. It is kept exactly as uploaded."
          error={errors.file}
        >
          {(props) => (
            <input
              {...props}
              ref={input}
              type="file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                key.current = newKey();
              }}
            />
          )}
        </Field>
        <Field label="What it is" error={errors.source}>
          {(props) => <SourceSelect props={props} value={source} onChange={setSource} />}
        </Field>
        <Field
          label="When it was captured"
          hint="UK time, for example when the screenshot was taken. Leave empty for now."
          optional
          error={errors.capturedAt}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={capturedAt}
              onChange={(e) => setCapturedAt(e.target.value)}
            />
          )}
        </Field>
        <Field label="Note" optional error={errors.note}>
          {(props) => <input {...props} type="text" value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? "Uploading…" : "Upload the file"}
          </button>
        </div>
        <Notice kind="status">{status}</Notice>
      </form>
    </details>
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
