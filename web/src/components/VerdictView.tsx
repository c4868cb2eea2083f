// The verdict as a frightened person needs it: what to do now and whom to call first, then why
// (the words highlighted where they were written), what it may constitute, and the next steps.
import { Link } from "wouter";
import type { PresentedVerdict, VerdictReason } from "../types.ts";
import { LevelBadge } from "./LevelBadge.tsx";

/** The texts the reasons point into, so their words can be shown highlighted in place. */
export interface VerdictTexts {
  summary?: string;
  description?: string;
  evidence?: Record<string, string>;
}

const FIELD_NAME: Record<string, string> = {
  summary: "the title",
  description: "your description",
  evidence: "the message",
};

function textOf(reason: VerdictReason, texts: VerdictTexts | undefined): string | undefined {
  const where = reason.where;
  if (!where || !texts) return undefined;
  if (where.field === "evidence") return where.evidenceId ? texts.evidence?.[where.evidenceId] : undefined;
  return texts[where.field];
}

/** The words that fired, highlighted, with some of the text around them. */
export function HighlightedWords({
  reason,
  texts,
}: {
  reason: VerdictReason;
  texts?: VerdictTexts | undefined;
}) {
  const where = reason.where;
  if (!where) return null;
  const full = textOf(reason, texts);
  const valid = full !== undefined && full.slice(where.start, where.end) === where.text;
  if (!valid)
    return (
      <p className="quote">
        <mark>{where.text}</mark>
      </p>
    );
  const before = full.slice(Math.max(0, where.start - 80), where.start);
  const after = full.slice(where.end, where.end + 80);
  return (
    <p className="quote">
      <span className="visually-hidden">In {FIELD_NAME[where.field] ?? where.field}: </span>
      {where.start > 80 ? "…" : ""}
      {before}
      <mark>{where.text}</mark>
      {after}
      {where.end + 80 < full.length ? "…" : ""}
    </p>
  );
}

function telHref(phone: string) {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export function VerdictView({
  verdict,
  texts,
  headingLevel = 2,
  incidentHref = (id) => `/incidents/${id}`,
}: {
  verdict: PresentedVerdict;
  texts?: VerdictTexts | undefined;
  headingLevel?: 2 | 3;
  /** Where an earlier incident named by a finding opens (the police open their own view of it), or null: not a link. */
  incidentHref?: (id: string) => string | null;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const contacts = verdict.contacts ?? [];
  return (
    <section className={`verdict level-border-${verdict.level}`} aria-labelledby="verdict-headline">
      <p>
        <LevelBadge level={verdict.level} />
      </p>
      <p id="verdict-headline" className="verdict-headline">
        <strong>{verdict.headline}</strong>
      </p>
      <p>{verdict.advice}</p>

      {contacts.length > 0 ? (
        <>
          <H>Who to contact now</H>
          <ul className="plain">
            {contacts.map((c) => (
              <li key={c.id} className="card">
                <strong>{c.name}</strong>
                {c.phone ? (
                  <>
                    {" "}
                    <a className="call" href={telHref(c.phone)}>
                      Call {c.phone}
                    </a>
                  </>
                ) : null}
                {c.email ? (
                  <>
                    {" "}
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                ) : null}
                {c.url ? (
                  <>
                    {" "}
                    <a href={c.url} rel="noreferrer" target="_blank">
                      Website
                    </a>
                  </>
                ) : null}
                <br />
                <span>{c.when}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {verdict.reasons.length > 0 ? (
        <>
          <H>Why</H>
          <ul className="plain">
            {verdict.reasons.map((reason, i) => (
              <li key={`${reason.rule}-${i}`} className="card">
                <LevelBadge level={reason.level} /> {reason.explanation}
                <HighlightedWords reason={reason} texts={texts} />
                <details>
                  <summary>Source</summary>
                  <p className="source">{reason.source}</p>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing in the words or your answers matched the guidance's warning signs.</p>
      )}

      {verdict.findings && verdict.findings.length > 0 ? (
        <>
          <H>What earlier incidents show</H>
          <ul className="plain">
            {verdict.findings.map((f, i) => (
              <li key={`${f.kind}-${i}`} className="card">
                <LevelBadge level={f.level} /> {f.explanation}
                {f.incidentIds.length > 0 ? (
                  <p className="meta">
                    Based on {f.incidentIds.length} incident{f.incidentIds.length === 1 ? "" : "s"}:{" "}
                    {f.incidentIds.map((id, n) => (
                      <span key={id}>
                        {n > 0 ? ", " : ""}
                        {incidentHref(id) ? (
                          <Link href={incidentHref(id)!}>incident {n + 1}</Link>
                        ) : (
                          `incident ${n + 1}`
                        )}
                      </span>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {verdict.offences && verdict.offences.length > 0 ? (
        <>
          <H>What it may constitute</H>
          <p className="meta">
            Only the police and the courts decide whether an offence was committed. These are the offences the
            guidance and the law describe that this may fall under.
          </p>
          <ul className="plain">
            {verdict.offences.map((o) => (
              <li key={o.id} className="card">
                <strong>{o.title}</strong>
                <br />
                {o.statute}, {o.section}. {o.elements} Maximum: {o.maximum}.
              </li>
            ))}
          </ul>
          {verdict.disqualification ? <p>{verdict.disqualification.text}</p> : null}
        </>
      ) : null}

      {verdict.nextSteps && verdict.nextSteps.length > 0 ? (
        <>
          <H>Next steps</H>
          <ol>
            {verdict.nextSteps.map((step) => (
              <li key={step.id}>
                <strong>{step.title}.</strong> {step.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p className="source">
        Rules {verdict.rulesetVersion}; analyser {verdict.analyserVersion}.
      </p>
    </section>
  );
}
