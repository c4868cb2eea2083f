// A shared incident as the force was given it: what happened, the police's work on it (with the form
// to acknowledge it, record a crime reference, an action, the outcome or a note, which the candidate's
// team sees), Shield's assessment, the evidence with its fingerprints, and every version shared.
import { useMemo, useRef, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { api, errorMessage } from "../../api.ts";
import { TextAreaField, TextField } from "../../components/forms/Field.tsx";
import { answersInWords, changesBetween } from "../../components/incidents/body.ts";
import { useFoldedForm } from "../../components/incidents/FoldedForm.tsx";
import type { FieldErrors } from "../../components/incidents/forms.ts";
import { formatDateTime, isoOf } from "../../components/incidents/time.ts";
import { EvidenceItem } from "../../components/incidents/EvidenceItem.tsx";
import { EvidencePackButtons } from "../../components/police/EvidencePack.tsx";
import { channelText, TARGETED_LABEL } from "../../components/labels.ts";
import { LevelBadge } from "../../components/LevelBadge.tsx";
import { Notice, Page } from "../../components/Page.tsx";
import { SubmitButton } from "../../components/forms/Form.tsx";
import { PoliceStatusView } from "../../components/police/PoliceStatusView.tsx";
import { StatusTag } from "../../components/police/StatusTag.tsx";
import { SharedActors } from "../../components/police/SharedActors.tsx";
import {
  POLICE_UPDATE_KINDS,
  type PoliceUpdateKind,
  type SharedIncident,
} from "../../components/police/types.ts";
import { UPDATE_LABEL } from "../../components/police/words.ts";
import { isNotFound, useResource } from "../../components/useResource.ts";
import { VerdictView, type VerdictTexts } from "../../components/VerdictView.tsx";
import "../incidents.css";
import "../../components/police/police.css";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SECTIONS = [
  ["what-happened", "What happened"],
  ["people", "Who"],
  ["police-work", "Police updates"],
  ["assessment", "Shield’s assessment"],
  ["evidence", "Evidence"],
  ["versions", "Versions"],
] as const;

const KIND_HINT: Record<PoliceUpdateKind, string> = {
  acknowledged: "you have it and are dealing with it",
  "crime-reference": "the crime or incident number",
  action: "something the police did",
  outcome: "how it ended",
  note: "anything else for the candidate",
};

const TEXT_WORDS: Record<PoliceUpdateKind, { label: string; hint: string; optional: boolean }> = {
  acknowledged: {
    label: "Message to the candidate",
    hint: "For example: “Received. I will call you today to discuss safety measures.”",
    optional: true,
  },
  "crime-reference": {
    label: "Message to the candidate",
    hint: "For example: “Recorded as malicious communications.”",
    optional: true,
  },
  action: {
    label: "What was done",
    hint: "For example: “Patrols added near the home address.”",
    optional: false,
  },
  outcome: { label: "The outcome", hint: "For example: “Suspect charged.”", optional: false },
  note: { label: "Note", hint: "The candidate’s team sees this.", optional: false },
};

const DONE: Record<PoliceUpdateKind, string> = {
  acknowledged: "Acknowledgement recorded.",
  "crime-reference": "Crime reference recorded.",
  action: "Action recorded.",
  outcome: "Outcome recorded.",
  note: "Note added.",
};

function UpdateForm({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const [kind, setKind] = useState<PoliceUpdateKind>("acknowledged");
  const [text, setText] = useState("");
  const [crimeReference, setCrimeReference] = useState("");
  const [officer, setOfficer] = useState("");
  const form = useFoldedForm(["kind", "text", "crimeReference", "officer"]);
  const words = TEXT_WORDS[kind];

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (kind === "crime-reference" && !crimeReference.trim())
      found.crimeReference = "Enter the crime reference number.";
    if (!words.optional && !text.trim()) found.text = "Say what was done or found.";
    if (!form.check(found)) {
      document.getElementById(found.crimeReference ? "update-crime-reference" : "update-text")?.focus();
      return;
    }
    void form.send(async () => {
      await api(`/api/police/incidents/${incidentId}/updates`, {
        body: {
          kind,
          text: text.trim(),
          ...(kind === "crime-reference" ? { crimeReference: crimeReference.trim() } : {}),
          ...(officer.trim() ? { officer: officer.trim() } : {}),
        },
      });
      setText("");
      setCrimeReference("");
      onAdded();
      return `${DONE[kind]} The candidate’s team can see it.`;
    });
  }

  return (
    <form onSubmit={submit} noValidate className="subform" aria-labelledby="update-form-heading">
      <h3 id="update-form-heading">Add an update</h3>
      <Notice kind="error">{form.formError}</Notice>
      <fieldset>
        <legend>What are you recording?</legend>
        {POLICE_UPDATE_KINDS.map((k) => (
          <label key={k} className="choice">
            <input
              type="radio"
              name="update-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span>
              {UPDATE_LABEL[k]} <span className="hint-inline">({KIND_HINT[k]})</span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === "crime-reference" ? (
        <TextField
          id="update-crime-reference"
          label="Crime reference number"
          error={form.errors.crimeReference}
          autoComplete="off"
          maxLength={100}
          value={crimeReference}
          onChange={(e) => setCrimeReference(e.target.value)}
        />
      ) : null}
      <TextAreaField
        id="update-text"
        label={words.label}
        hint={words.hint}
        optional={words.optional}
        error={form.errors.text}
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <TextField
        id="update-officer"
        label="Officer in charge"
        hint="Name and collar number, if not you."
        optional
        error={form.errors.officer}
        autoComplete="off"
        maxLength={200}
        value={officer}
        onChange={(e) => setOfficer(e.target.value)}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} sending="Saving…">
          Save the update
        </SubmitButton>
      </div>
      <Notice kind="status">{form.status}</Notice>
    </form>
  );
}

export default function PoliceIncident({ id }: { id: string }) {
  const valid = UUID.test(id);
  const incident = useResource<SharedIncident>(valid ? `/api/police/incidents/${id}` : null);
  const data = incident.data?.id === id ? incident.data : undefined;
  const workHeading = useRef<HTMLHeadingElement>(null);

  const texts = useMemo<VerdictTexts | undefined>(() => {
    if (!data) return undefined;
    const evidence: Record<string, string> = {};
    for (const e of data.evidence) if (e.kind === "text" && e.text !== null) evidence[e.id] = e.text;
    return { summary: data.body.summary, description: data.body.description, evidence };
  }, [data]);

  const back = (
    <p className="back-link">
      <Link href="/police/queue">Shared incidents</Link>
    </p>
  );

  if (!valid || isNotFound(incident.error))
    return (
      <Page title="Incident not found">
        <div className="incidents-ui police-ui">
          {back}
          <p>
            There is no incident here that was shared with your force. Candidates share incidents with the
            force they chose; an incident shared with another force is not shown.
          </p>
        </div>
      </Page>
    );

  if (!data)
    return (
      <Page title="Shared incident">
        <div className="incidents-ui police-ui">
          {back}
          {incident.error ? (
            <>
              <Notice kind="error">{errorMessage(incident.error)}</Notice>
              <p>
                <button type="button" onClick={incident.reload}>
                  Try again
                </button>
              </p>
            </>
          ) : (
            <p role="status" className="loading">
              Loading the incident…
            </p>
          )}
        </div>
      </Page>
    );

  const b = data.body;
  const where = [b.location?.text, b.location?.postcode].filter(Boolean).join(", ");
  const answers = answersInWords(b.answers);
  const someone = () => "a person the candidate’s team recorded";

  return (
    <Page title={b.summary} documentTitle="Shared incident">
      <div className="incidents-ui police-ui">
        {back}
        <div className="incident-head">
          <p className="badge-line">
            <LevelBadge level={data.verdict?.level ?? null} />
            <StatusTag status={data.police.status} />
            {data.police.crimeReference ? (
              <span>
                Crime ref. <span className="reference">{data.police.crimeReference}</span>
              </span>
            ) : null}
          </p>
          <p className="meta">
            {data.campaign} · shared{" "}
            <time dateTime={isoOf(data.sharedAt)}>{formatDateTime(data.sharedAt)}</time>
            {data.revisions.length > 1 ? ` · version ${data.revisions[0]!.revision}` : ""}
          </p>
        </div>
        {data.updatesStoppedAt ? (
          <p className="notice notice-status">
            The candidate stopped sharing updates on{" "}
            <time dateTime={isoOf(data.updatesStoppedAt)}>{formatDateTime(data.updatesStoppedAt)}</time>. This
            is the incident as it was then.
          </p>
        ) : null}

        <nav aria-label="On this page" className="on-this-page">
          <ul>
            {SECTIONS.filter(([anchor]) => anchor !== "people" || data.actors.length > 0).map(
              ([anchor, label]) => (
                <li key={anchor}>
                  <a href={`#${anchor}`}>{label}</a>
                </li>
              ),
            )}
          </ul>
        </nav>

        <section id="what-happened" aria-labelledby="what-happened-heading">
          <h2 id="what-happened-heading">What happened</h2>
          {b.description ? <p className="pre-wrap description">{b.description}</p> : null}
          <dl className="facts">
            <div>
              <dt>When</dt>
              <dd>
                <time dateTime={isoOf(b.occurredAt)}>{formatDateTime(b.occurredAt)}</time>
              </dd>
            </div>
            {where ? (
              <div>
                <dt>Where</dt>
                <dd>{where}</dd>
              </div>
            ) : null}
            <div>
              <dt>How</dt>
              <dd>{channelText(b.channel, b.platform)}</dd>
            </div>
            {b.url ? (
              <div>
                <dt>Web address</dt>
                <dd className="break">{b.url}</dd>
              </div>
            ) : null}
            <div>
              <dt>Aimed at</dt>
              <dd>{(b.targeted ?? []).map((t) => TARGETED_LABEL[t] ?? t).join(", ")}</dd>
            </div>
            {b.actorIds && b.actorIds.length > 0 ? (
              <div>
                <dt>People involved</dt>
                <dd>
                  {b.actorIds.length === 1
                    ? "One person the candidate’s team recorded"
                    : `${b.actorIds.length} people the candidate’s team recorded`}
                </dd>
              </div>
            ) : null}
            {b.unknownActorDescription ? (
              <div>
                <dt>Who (not yet known)</dt>
                <dd className="pre-wrap">{b.unknownActorDescription}</dd>
              </div>
            ) : null}
            {b.witnesses && b.witnesses.length > 0 ? (
              <div>
                <dt>Witnesses</dt>
                <dd>
                  {b.witnesses.map((w) => (w.contact ? `${w.name} (${w.contact})` : w.name)).join("; ")}
                </dd>
              </div>
            ) : null}
            {b.impact ? (
              <div>
                <dt>Impact</dt>
                <dd className="pre-wrap">{b.impact}</dd>
              </div>
            ) : null}
            {b.actionTaken ? (
              <div>
                <dt>Action taken</dt>
                <dd className="pre-wrap">{b.actionTaken}</dd>
              </div>
            ) : null}
            <div>
              <dt>Recorded</dt>
              <dd>
                <time dateTime={isoOf(data.recordedAt)}>{formatDateTime(data.recordedAt)}</time>
              </dd>
            </div>
            {answers.map((a) => (
              <div key={a.question}>
                <dt>{a.question}</dt>
                <dd>{a.answer}</dd>
              </div>
            ))}
          </dl>
        </section>

        {data.actors.length > 0 ? <SharedActors actors={data.actors} /> : null}

        <section id="police-work" aria-labelledby="police-work-heading">
          <h2 id="police-work-heading" ref={workHeading} tabIndex={-1}>
            Police updates
          </h2>
          <p className="meta">Everything recorded here is shown to the candidate and their team.</p>
          <PoliceStatusView police={data.police} audience="police" />
          <UpdateForm incidentId={data.id} onAdded={incident.reload} />
        </section>

        <section id="assessment" aria-labelledby="assessment-heading">
          <h2 id="assessment-heading">Shield’s assessment</h2>
          <p className="meta">
            What Shield told the candidate, from the guidance’s rules. It is not a police assessment.
          </p>
          {data.verdict ? (
            <VerdictView
              verdict={data.verdict}
              texts={texts}
              headingLevel={3}
              incidentHref={(other) => `/police/incidents/${other}`}
            />
          ) : (
            <p>Not assessed when it was shared.</p>
          )}
        </section>

        <section id="evidence" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Evidence</h2>
          <p className="meta">
            Each item’s SHA-256 fingerprint was worked out when it was added. A file downloads exactly as the
            candidate’s team uploaded it, with the same fingerprint; downloading it is recorded, and the
            candidate sees who read what.
          </p>
          {data.evidence.length === 0 ? (
            <p>No evidence was added.</p>
          ) : (
            <ol className="plain">
              {data.evidence.map((e, n) => (
                <EvidenceItem key={e.id} item={e} n={n + 1} audience="police" />
              ))}
            </ol>
          )}
          <h3 id="pack-heading">Evidence pack</h3>
          <p>
            A PDF to read, or a ZIP bundle with the PDF, the original files and a manifest signed by this
            deployment, so anyone can check nothing was changed (<code>shield verify</code>). It holds what
            was shared with your force, as shared. Making one is recorded, and the candidate’s team can see
            it.
          </p>
          <EvidencePackButtons sharedIncidentId={data.id} what="of this shared incident" />
        </section>

        <section id="versions" aria-labelledby="versions-heading">
          <h2 id="versions-heading">Versions</h2>
          <p className="meta">Nothing recorded is overwritten: a change is a new version. Newest first.</p>
          <ol className="plain">
            {data.revisions.map((r, n) => {
              const previous = data.revisions[n + 1];
              const changes = previous ? changesBetween(previous.body, r.body, someone) : [];
              return (
                <li key={r.revision} className="card">
                  <h3>
                    Version {r.revision}
                    {n === 0 ? " (latest shared)" : ""}
                  </h3>
                  <p className="meta">
                    {previous ? "Changed" : "Recorded"} on{" "}
                    <time dateTime={isoOf(r.editedAt)}>{formatDateTime(r.editedAt)}</time>
                  </p>
                  {previous ? (
                    changes.length > 0 ? (
                      <ul className="changes">
                        {changes.map((c) => (
                          <li key={c.field}>
                            <strong>{c.label}</strong> was{" "}
                            <span className="pre-wrap">“{c.before || "empty"}”</span>, now{" "}
                            <span className="pre-wrap">“{c.after || "empty"}”</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p>No field changed.</p>
                    )
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </Page>
  );
}
