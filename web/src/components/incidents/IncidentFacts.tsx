// "What happened": the current version of the incident's fields, in words.
import type { ReactNode } from "react";
import { Link } from "wouter";
import { answersInWords } from "./body.ts";
import { channelText, TARGETED_LABEL } from "../labels.ts";
import { formatDateTime, isoOf } from "./time.ts";
import type { IncidentDetail } from "./types.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function IncidentFacts({
  incident,
  actorName,
}: {
  incident: IncidentDetail;
  actorName: (id: string) => string;
}) {
  const b = incident.body;
  const where = [b.location?.text, b.location?.postcode].filter(Boolean).join(", ");
  const answers = answersInWords(b.answers);
  return (
    <section id="what-happened" aria-labelledby="what-happened-heading">
      <h2 id="what-happened-heading">What happened</h2>
      {b.description ? <p className="pre-wrap description">{b.description}</p> : null}
      <dl className="facts">
        <Fact label="When">
          <time dateTime={isoOf(b.occurredAt)}>
            {incident.occurredAtLondon || formatDateTime(b.occurredAt)}
          </time>
        </Fact>
        {where ? <Fact label="Where">{where}</Fact> : null}
        <Fact label="How">{channelText(b.channel, b.platform)}</Fact>
        {b.url ? (
          <Fact label="Web address">
            <a href={b.url} rel="noreferrer noopener" target="_blank" className="break">
              {b.url}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </Fact>
        ) : null}
        <Fact label="Aimed at">{(b.targeted ?? []).map((t) => TARGETED_LABEL[t] ?? t).join(", ")}</Fact>
        {b.actorIds && b.actorIds.length > 0 ? (
          <Fact label="People involved">
            <ul className="inline-list">
              {b.actorIds.map((id) => (
                <li key={id}>
                  <Link href={`/people#actor-${id}`}>{actorName(id)}</Link>
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        {b.unknownActorDescription ? (
          <Fact label="Who (not yet known)">
            <span className="pre-wrap">{b.unknownActorDescription}</span>
          </Fact>
        ) : null}
        <Fact label="Witnesses">
          {b.witnesses && b.witnesses.length > 0 ? (
            <ul className="inline-list">
              {b.witnesses.map((w, i) => (
                <li key={`${w.name}-${i}`}>
                  {w.name}
                  {w.contact ? ` (${w.contact})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            "None recorded"
          )}
        </Fact>
        <Fact label="How it affected people">
          {b.impact ? <span className="pre-wrap">{b.impact}</span> : "Not recorded"}
        </Fact>
        <Fact label="Action taken">
          {b.actionTaken ? <span className="pre-wrap">{b.actionTaken}</span> : "Not recorded"}
        </Fact>
        <Fact label="Recorded">
          <time dateTime={isoOf(incident.recordedAt)}>
            {incident.recordedAtLondon || formatDateTime(incident.recordedAt)}
          </time>{" "}
          by {incident.recordedBy.displayName}
        </Fact>
      </dl>
      {answers.length > 0 ? (
        <>
          <h3>Quick questions</h3>
          <dl className="facts">
            {answers.map((a) => (
              <Fact key={a.question} label={a.question}>
                {a.answer}
              </Fact>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
