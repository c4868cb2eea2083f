// Security briefings: the candidates in the SPOC's force (campaigns that chose it) with the personal
// safety and security briefings offered and delivered to each, and a form to record one.
import { useRef, useState, type FormEvent } from "react";
import { api, errorMessage } from "../../api.ts";
import { SelectField, TextAreaField, TextField } from "../../components/forms/Field.tsx";
import { SubmitButton } from "../../components/forms/Form.tsx";
import { errorsFrom, type FieldErrors } from "../../components/incidents/forms.ts";
import { formatDateTime, fromLondonInput, isoOf, toLondonInput } from "../../components/incidents/time.ts";
import { Notice, Page } from "../../components/Page.tsx";
import type { Briefings as BriefingsData } from "../../components/police/types.ts";
import { forceName } from "../../components/police/words.ts";
import { isForbidden, useResource } from "../../components/useResource.ts";
import { useSession } from "../../session.tsx";
import "../incidents.css";
import "../../components/police/police.css";

const KIND_LABEL = { offered: "Offered", delivered: "Delivered" } as const;
type Kind = keyof typeof KIND_LABEL;

function BriefingForm({
  candidates,
  onSaved,
}: {
  candidates: BriefingsData["candidates"];
  onSaved: (data: BriefingsData, message: string) => void;
}) {
  const [campaignId, setCampaignId] = useState(candidates.length === 1 ? candidates[0]!.campaignId : "");
  const [kind, setKind] = useState<Kind>("offered");
  const [happenedAt, setHappenedAt] = useState(() => toLondonInput(new Date()));
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!campaignId) found.campaignId = "Choose the candidate.";
    const when = fromLondonInput(happenedAt);
    if (!when) found.happenedAt = "Enter the date and time, UK time.";
    setErrors(found);
    setFormError(undefined);
    const first = (["campaignId", "happenedAt"] as const).find((f) => found[f]);
    if (first) return document.getElementById(`briefing-${first}`)?.focus();
    setBusy(true);
    try {
      const data = await api<BriefingsData>("/api/police/briefings", {
        body: { campaignId, kind, happenedAt: when, ...(notes.trim() ? { notes: notes.trim() } : {}) },
      });
      const name = candidates.find((c) => c.campaignId === campaignId)?.campaign ?? "the candidate";
      setNotes("");
      onSaved(data, `Briefing ${kind} to ${name} recorded.`);
    } catch (e) {
      const { fields, form } = errorsFrom(e, ["campaignId", "kind", "happenedAt", "notes"]);
      setErrors(fields);
      setFormError(form);
      const field = Object.keys(fields)[0];
      if (field) document.getElementById(`briefing-${field}`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} noValidate>
      <Notice kind="error">{formError}</Notice>
      <SelectField
        id="briefing-campaignId"
        label="Candidate"
        error={errors.campaignId}
        value={campaignId}
        onChange={(e) => setCampaignId(e.target.value)}
      >
        <option value="">Choose the candidate</option>
        {candidates.map((c) => (
          <option key={c.campaignId} value={c.campaignId}>
            {c.campaign}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>The briefing was</legend>
        <div className="choices-inline">
          {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name="briefing-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {KIND_LABEL[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id="briefing-happenedAt"
        type="datetime-local"
        label="When"
        hint="UK time."
        error={errors.happenedAt}
        value={happenedAt}
        onChange={(e) => setHappenedAt(e.target.value)}
      />
      <TextAreaField
        id="briefing-notes"
        label="Notes"
        optional
        hint="The candidate and their campaign team see these notes, so leave out anything for the police only. For example, who attended, or what was covered."
        error={errors.notes}
        maxLength={2000}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="actions">
        <SubmitButton busy={busy} sending="Saving…">
          Record the briefing
        </SubmitButton>
      </div>
    </form>
  );
}

export default function Briefings() {
  const { session } = useSession();
  const briefings = useResource<BriefingsData>("/api/police/briefings");
  const [saved, setSaved] = useState<BriefingsData>();
  const [news, setNews] = useState<string>();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const data = saved ?? briefings.data;
  const force = forceName(data?.forceId ?? session?.user.forceId);

  return (
    <Page
      title="Security briefings"
      intro={`Personal safety and security briefings offered and delivered to candidates in ${force || "your force"}.`}
    >
      <div className="incidents-ui police-ui">
        {isForbidden(briefings.error) ? (
          <p>Only a police force’s single point of contact for candidates records briefings.</p>
        ) : briefings.error ? (
          <Notice kind="error">{errorMessage(briefings.error)}</Notice>
        ) : null}
        {briefings.loading && !data ? (
          <p role="status" className="loading">
            Loading…
          </p>
        ) : null}

        <h2 id="candidates-heading" ref={listHeading} tabIndex={-1}>
          Candidates
        </h2>
        <Notice kind="status">{news}</Notice>
        {data && data.candidates.length === 0 ? (
          <p>
            No candidate in {force || "your force"} uses Shield with your force chosen yet. They appear here
            once they choose it under Police contact.
          </p>
        ) : null}
        <ul className="plain">
          {data?.candidates.map((c) => (
            <li key={c.campaignId} className="card">
              <h3>{c.campaign}</h3>
              {c.briefings.length === 0 ? (
                <p>No briefing recorded yet.</p>
              ) : (
                <ol className="plain briefing-list">
                  {[...c.briefings].reverse().map((b) => (
                    <li key={b.id}>
                      <p>
                        <span className="tag">{KIND_LABEL[b.kind] ?? b.kind}</span>{" "}
                        <time dateTime={isoOf(b.happenedAt)}>{formatDateTime(b.happenedAt)}</time>
                      </p>
                      {b.notes ? <p className="pre-wrap">{b.notes}</p> : null}
                      <p className="meta">
                        Recorded by {b.recordedBy} on{" "}
                        <time dateTime={isoOf(b.recordedAt)}>{formatDateTime(b.recordedAt)}</time>
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ul>

        {data && data.candidates.length > 0 ? (
          <section aria-labelledby="record-briefing-heading">
            <h2 id="record-briefing-heading">Record a briefing</h2>
            <BriefingForm
              candidates={data.candidates}
              onSaved={(next, message) => {
                setSaved(next);
                setNews(message);
                listHeading.current?.focus();
              }}
            />
          </section>
        ) : null}
      </div>
    </Page>
  );
}
