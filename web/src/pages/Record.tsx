// Record an incident: the 30-second path first (a line, the message, when, where, the quick
// questions, a photo, who), the rest folded away. The draft is saved on the device as you type; the
// incident goes through the outbox, so it is sent exactly once whether you are online or not.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { useLocation } from "wouter";
import { OfflineError } from "../api.ts";
import { Notice, Page } from "../components/Page.tsx";
import { VerdictView } from "../components/VerdictView.tsx";
import { ChannelSelect, PlatformSelect } from "../components/forms/CodeSelect.tsx";
import { SelectField, TextAreaField, TextField } from "../components/forms/Field.tsx";
import { SubmitButton } from "../components/forms/Form.tsx";
import {
  CHANNEL_CHOICE_LABEL,
  ONLINE_CHANNELS,
  PLATFORM_CHOICE_LABEL,
  TARGETED_CHOICE_LABEL,
} from "../components/labels.ts";
import { useResource } from "../components/useResource.ts";
import { QuickQuestions } from "../components/record/QuickQuestions.tsx";
import {
  emptyFields,
  evidenceOf,
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
import { TARGETED_GROUPS } from "../../../src/core/incident/model.ts";
import type { PresentedVerdict } from "../types.ts";

/** The fields that hold words as typed (not the choices, answers or who was targeted). */
type WordsField = {
  [K in keyof RecordFields]: RecordFields[K] extends string ? K : never;
}[keyof RecordFields];

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
  const { data: actorList } = useResource<{ actors: { id: string; body: { label: string } }[] }>(
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
  /** Ties a control to one of the form's words: its id, value, error and changes. */
  const bind = (key: WordsField) => ({
    id: key,
    value: fields[key],
    error: errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(key, e.target.value),
  });

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

  const online = fields.channel !== "" && ONLINE_CHANNELS.has(fields.channel);
  return (
    <Page
      title="Record an incident"
      intro="Only the first line is needed. Everything else helps the police and your team. What you type is saved on this device as you go."
    >
      <QueuedItems />
      {restored ? <Notice kind="status">Your unfinished record from {restored} is back.</Notice> : null}
      <Notice>{problem}</Notice>
      <form onSubmit={submit} noValidate>
        <TextField
          {...bind("summary")}
          label="What happened, in one line"
          hint="For example: Man shouted at me on the doorstep"
          maxLength={200}
          required
        />
        <TextAreaField
          {...bind("message")}
          label="Paste the message, or write what was said"
          hint="Exactly as it was, spelling and all. Shield reads it to work out what to do."
        />
        <TextField
          {...bind("occurredAt")}
          type="datetime-local"
          label="When did it happen?"
          hint="Now, unless you change it"
        />
        <ChannelSelect
          id="channel"
          label="Where or how did it happen?"
          labels={CHANNEL_CHOICE_LABEL}
          empty="Choose one"
          error={errors.channel}
          value={fields.channel}
          onChange={(channel) => set("channel", channel)}
        />
        {online ? (
          <PlatformSelect
            id="platform"
            label="Which platform?"
            labels={PLATFORM_CHOICE_LABEL}
            empty="Not sure or not listed"
            error={errors.platform}
            value={fields.platform}
            onChange={(platform) => set("platform", platform)}
          />
        ) : null}

        <h2>A few quick questions</h2>
        <p className="hint">Skip any you are not sure about.</p>
        <QuickQuestions answers={fields.answers} onChange={(answers) => set("answers", answers)} />

        <h2>Evidence and who did it</h2>
        <TextField
          id="files"
          type="file"
          label="Add a photo or screenshot"
          hint="Photos, screenshots, recordings or PDFs. They stay exactly as they are; Shield records a fingerprint (SHA-256) of each."
          multiple
          accept="image/*,video/*,audio/*,application/pdf,text/plain"
          onChange={(e) => {
            attach(e.target.files, "screenshot");
            e.target.value = "";
          }}
        />
        <TextField
          id="camera"
          type="file"
          label="Or take a photo now"
          accept="image/*"
          capture="environment"
          onChange={(e) => {
            attach(e.target.files, "photo");
            e.target.value = "";
          }}
        />
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
          <SelectField {...bind("actorId")} label="Is it someone already in your records?">
            <option value="">No, or not sure</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.body.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          {...bind("actor")}
          label="Who did it, if you know"
          hint="A name, an account (@name), a phone number, or what they looked like"
        />

        <details className="more-details">
          <summary>More details (optional)</summary>
          <TextAreaField {...bind("description")} label="Describe it in your own words" />
          <TextField
            {...bind("locationText")}
            label="Where exactly?"
            hint="A street, a venue or a landmark"
          />
          <TextField {...bind("postcode")} label="Postcode, if you know it" autoComplete="off" />
          <TextField
            {...bind("url")}
            type="url"
            inputMode="url"
            label="Link to the post or message"
            hint="Starts with https://"
          />
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
                  {TARGETED_CHOICE_LABEL[g]}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField {...bind("witnessName")} label="A witness's name" />
          <TextField {...bind("witnessContact")} label="How to contact the witness" />
          <TextAreaField {...bind("impact")} label="How did it affect you or others?" />
          <TextAreaField
            {...bind("actionTaken")}
            label="What have you done about it so far?"
            hint="For example: reported it on the platform, called 101"
          />
        </details>

        <div className="actions">
          <SubmitButton busy={busy} sending="Saving…">
            Save and see what to do
          </SubmitButton>
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
