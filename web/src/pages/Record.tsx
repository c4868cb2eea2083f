// Record an incident: the 30-second path first (a line, the message, when, where, the quick
// questions, a photo, who), the rest folded away. The draft is saved on the device as you type; the
// incident goes through the outbox, so it is sent exactly once whether you are online or not.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { OfflineError } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import { VerdictView } from "../components/VerdictView.tsx";
import { CHANNEL_LABEL, PLATFORM_LABEL, TARGETED_LABEL } from "../components/labels.ts";
import { Field } from "../components/record/Field.tsx";
import { useApi } from "../components/useApi.ts";
import { QuickQuestions } from "../components/record/QuickQuestions.tsx";
import {
  emptyFields,
  evidenceOf,
  ONLINE_CHANNELS,
  toBody,
  type AttachedFile,
  type FieldErrors,
  type RecordFields,
} from "../components/record/fields.ts";
import { QueuedItems } from "../components/record/QueuedItems.tsx";
import { refreshContext, rememberedContext } from "../offline/campaign-cache.ts";
import { clearDraft, loadDraft, saveDraft } from "../offline/drafts.ts";
import { queueIncident, sendItem } from "../offline/sync.ts";
import { useCampaign, useSession } from "../session.tsx";
import { CHANNELS, PLATFORMS, TARGETED_GROUPS } from "../../../src/core/incident/model.ts";
import type { PresentedVerdict } from "../types.ts";

interface SavedOnDevice {
  summary: string;
  verdict: PresentedVerdict;
  texts: { summary: string; description: string; evidence: Record<string, string> };
}

export default function Record() {
  const campaign = useCampaign();
  const { session } = useSession();
  const userId = session?.user.id ?? "";
  const [, navigate] = useLocation();
  const [fields, setFields] = useState<RecordFields>(emptyFields);
  const [files, setFiles] = useState<AttachedFile[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string>();
  const [restored, setRestored] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedOnDevice>();
  const loaded = useRef(false);
  const { data: actorList } = useApi<{ actors: { id: string; body: { label: string } }[] }>(
    `/api/campaigns/${campaign.id}/actors`,
  );
  const actors = actorList?.actors;

  useEffect(() => {
    void refreshContext(campaign.id).catch(() => undefined);
    void loadDraft(userId, campaign.id)
      .then((draft) => {
        if (draft) {
          setFields({ ...emptyFields(), ...draft.fields });
          setFiles(draft.files);
          setRestored(new Date(draft.savedAt).toLocaleString("en-GB"));
        }
      })
      .finally(() => {
        loaded.current = true;
      });
  }, [campaign.id, userId]);

  useEffect(() => {
    if (!loaded.current) return;
    const timer = setTimeout(
      () => void saveDraft(userId, campaign.id, fields, files).catch(() => undefined),
      300,
    );
    return () => clearTimeout(timer);
  }, [fields, files, userId, campaign.id]);

  const set = <K extends keyof RecordFields>(key: K, value: RecordFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));

  function attach(list: FileList | null, source: AttachedFile["source"]) {
    if (!list) return;
    const added = [...list].map((file) => ({
      blob: file as Blob,
      filename: file.name || "photo.jpg",
      source,
    }));
    setFiles((f) => [...f, ...added]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const { body, errors: found } = toBody(fields);
    setErrors(found);
    if (!body) {
      setProblem("Some answers need another look: see the messages below.");
      document.getElementById(Object.keys(found)[0] ?? "summary")?.focus();
      return;
    }
    setBusy(true);
    const item = {
      key: crypto.randomUUID(),
      campaignId: campaign.id,
      userId,
      queuedAt: new Date().toISOString(),
      body,
      evidence: evidenceOf(fields, files),
    };
    try {
      await queueIncident(item);
      await clearDraft(userId, campaign.id);
      try {
        const id = await sendItem({ ...item, evidenceSent: [], attempts: 0 });
        if (id) return navigate(`/incidents/${id}?new=1`);
        setProblem("Shield could not accept this record. It is kept on this device: see below.");
      } catch (error) {
        if (!(error instanceof OfflineError)) {
          setProblem("Your record is saved on this device but Shield could not take it yet. See below.");
          return;
        }
        const { localVerdict } = await import("../offline/local-verdict.ts");
        const message = fields.message.trim();
        const texts = {
          summary: body.summary,
          description: body.description,
          evidence: (message ? { local: message } : {}) as Record<string, string>,
        };
        setSaved({
          summary: body.summary,
          verdict: localVerdict(
            { id: item.key, body, evidenceTexts: message ? [{ id: "local", text: message }] : [] },
            rememberedContext(campaign.id),
          ),
          texts,
        });
        setFields(emptyFields());
        setFiles([]);
      }
    } finally {
      setBusy(false);
    }
  }

  if (saved)
    return (
      <Page title="Saved on this device">
        <Notice kind="status">
          You are offline, so “{saved.summary}” is kept on this device. It will be sent to your team when you
          are back online, once, with its evidence.
        </Notice>
        <p>
          This advice was worked out on your device from the words and your answers. Your team's earlier
          incidents and your private details are checked when it is sent.
        </p>
        <VerdictView verdict={saved.verdict} texts={saved.texts} />
        <div className="actions">
          <button type="button" onClick={() => setSaved(undefined)}>
            Record another incident
          </button>
        </div>
      </Page>
    );

  const online = fields.channel !== "" && ONLINE_CHANNELS.includes(fields.channel);
  return (
    <Page
      title="Record an incident"
      intro="Only the first line is needed. Everything else helps the police and your team. What you type is saved on this device as you go."
    >
      <QueuedItems />
      {restored ? <Notice kind="status">Your unfinished record from {restored} is back.</Notice> : null}
      <Notice>{problem}</Notice>
      <form onSubmit={submit} noValidate>
        <Field
          id="summary"
          label="What happened, in one line"
          hint="For example: Man shouted at me on the doorstep"
          error={errors.summary}
        >
          {(describedBy, invalid) => (
            <input
              id="summary"
              value={fields.summary}
              maxLength={200}
              required
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => set("summary", e.target.value)}
            />
          )}
        </Field>
        <Field
          id="message"
          label="Paste the message, or write what was said"
          hint="Exactly as it was, spelling and all. Shield reads it to work out what to do."
        >
          {(describedBy) => (
            <textarea
              id="message"
              value={fields.message}
              aria-describedby={describedBy}
              onChange={(e) => set("message", e.target.value)}
            />
          )}
        </Field>
        <Field
          id="occurredAt"
          label="When did it happen?"
          hint="Now, unless you change it"
          error={errors.occurredAt}
        >
          {(describedBy, invalid) => (
            <input
              id="occurredAt"
              type="datetime-local"
              value={fields.occurredAt}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => set("occurredAt", e.target.value)}
            />
          )}
        </Field>
        <Field id="channel" label="Where or how did it happen?" error={errors.channel}>
          {(describedBy, invalid) => (
            <select
              id="channel"
              value={fields.channel}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => set("channel", e.target.value as RecordFields["channel"])}
            >
              <option value="">Choose one</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABEL[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {online ? (
          <Field id="platform" label="Which platform?" error={errors.platform}>
            {(describedBy) => (
              <select
                id="platform"
                value={fields.platform}
                aria-describedby={describedBy}
                onChange={(e) => set("platform", e.target.value as RecordFields["platform"])}
              >
                <option value="">Not sure or not listed</option>
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_LABEL[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}

        <h2>A few quick questions</h2>
        <p className="hint">Skip any you are not sure about.</p>
        <QuickQuestions answers={fields.answers} onChange={(answers) => set("answers", answers)} />

        <h2>Evidence and who did it</h2>
        <Field
          id="files"
          label="Add a photo or screenshot"
          hint="Photos, screenshots, recordings or PDFs. They stay exactly as they are; Shield records a fingerprint (SHA-256) of each."
        >
          {(describedBy) => (
            <input
              id="files"
              type="file"
              multiple
              accept="image/*,video/*,audio/*,application/pdf,text/plain"
              aria-describedby={describedBy}
              onChange={(e) => {
                attach(e.target.files, "screenshot");
                e.target.value = "";
              }}
            />
          )}
        </Field>
        <Field id="camera" label="Or take a photo now">
          {() => (
            <input
              id="camera"
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => {
                attach(e.target.files, "photo");
                e.target.value = "";
              }}
            />
          )}
        </Field>
        {files.length > 0 ? (
          <ul aria-label="Files added">
            {files.map((f, i) => (
              <li key={`${f.filename}-${i}`}>
                {f.filename} ({Math.ceil(f.blob.size / 1024)} KB){" "}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setFiles((all) => all.filter((_, n) => n !== i))}
                >
                  Remove {f.filename}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {actors && actors.length > 0 ? (
          <Field id="actorId" label="Is it someone already in your records?" error={errors.actorId}>
            {(describedBy) => (
              <select
                id="actorId"
                value={fields.actorId}
                aria-describedby={describedBy}
                onChange={(e) => set("actorId", e.target.value)}
              >
                <option value="">No, or not sure</option>
                {actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.body.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field
          id="actor"
          label="Who did it, if you know"
          hint="A name, an account (@name), a phone number, or what they looked like"
          error={errors.actor}
        >
          {(describedBy) => (
            <input
              id="actor"
              value={fields.actor}
              aria-describedby={describedBy}
              onChange={(e) => set("actor", e.target.value)}
            />
          )}
        </Field>

        <details className="more-details">
          <summary>More details (optional)</summary>
          <Field id="description" label="Describe it in your own words" error={errors.description}>
            {(describedBy) => (
              <textarea
                id="description"
                value={fields.description}
                aria-describedby={describedBy}
                onChange={(e) => set("description", e.target.value)}
              />
            )}
          </Field>
          <Field
            id="locationText"
            label="Where exactly?"
            hint="A street, a venue or a landmark"
            error={errors.locationText}
          >
            {(describedBy) => (
              <input
                id="locationText"
                value={fields.locationText}
                aria-describedby={describedBy}
                onChange={(e) => set("locationText", e.target.value)}
              />
            )}
          </Field>
          <Field id="postcode" label="Postcode, if you know it" error={errors.postcode}>
            {(describedBy) => (
              <input
                id="postcode"
                value={fields.postcode}
                autoComplete="off"
                aria-describedby={describedBy}
                onChange={(e) => set("postcode", e.target.value)}
              />
            )}
          </Field>
          <Field id="url" label="Link to the post or message" hint="Starts with https://" error={errors.url}>
            {(describedBy, invalid) => (
              <input
                id="url"
                type="url"
                inputMode="url"
                value={fields.url}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(e) => set("url", e.target.value)}
              />
            )}
          </Field>
          <fieldset>
            <legend>Who was it aimed at?</legend>
            <div className="choices-inline">
              {TARGETED_GROUPS.map((g) => (
                <label key={g} className="choice">
                  <input
                    type="checkbox"
                    checked={fields.targeted.includes(g)}
                    onChange={(e) =>
                      set(
                        "targeted",
                        e.target.checked ? [...fields.targeted, g] : fields.targeted.filter((x) => x !== g),
                      )
                    }
                  />
                  {TARGETED_LABEL[g]}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="witnessName" label="A witness's name" error={errors.witnessName}>
            {(describedBy) => (
              <input
                id="witnessName"
                value={fields.witnessName}
                aria-describedby={describedBy}
                onChange={(e) => set("witnessName", e.target.value)}
              />
            )}
          </Field>
          <Field id="witnessContact" label="How to contact the witness">
            {() => (
              <input
                id="witnessContact"
                value={fields.witnessContact}
                onChange={(e) => set("witnessContact", e.target.value)}
              />
            )}
          </Field>
          <Field id="impact" label="How did it affect you or others?" error={errors.impact}>
            {() => (
              <textarea id="impact" value={fields.impact} onChange={(e) => set("impact", e.target.value)} />
            )}
          </Field>
          <Field
            id="actionTaken"
            label="What have you done about it so far?"
            hint="For example: reported it on the platform, called 101"
            error={errors.actionTaken}
          >
            {(describedBy) => (
              <textarea
                id="actionTaken"
                value={fields.actionTaken}
                aria-describedby={describedBy}
                onChange={(e) => set("actionTaken", e.target.value)}
              />
            )}
          </Field>
        </details>

        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save and see what to do"}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setFields(emptyFields());
              setFiles([]);
              setErrors({});
              setRestored(undefined);
              void clearDraft(userId, campaign.id);
            }}
          >
            Clear the form
          </button>
        </div>
      </form>
    </Page>
  );
}
