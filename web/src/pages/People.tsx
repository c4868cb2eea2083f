// People and patterns: each person behind incidents (actor records Shield has linked, or the team has
// said are the same), their incidents across channels, and what their behaviour together shows, such
// as repeated contact, escalation or fixation. The team can confirm or correct the links, and record a
// new person or account. Patterns draw on the whole campaign, so "log only" members see only the
// people they recorded.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { api, errorMessage } from "../api.ts";
import { SelectField } from "../components/forms/Field.tsx";
import { FindingItem } from "../components/incidents/FindingItem.tsx";
import { IncidentRow } from "../components/incidents/IncidentRow.tsx";
import { channelText, IDENTIFIER_LABEL, PLATFORM_LABEL, plural } from "../components/labels.ts";
import { NewActorForm } from "../components/incidents/NewActorForm.tsx";
import { formatDateTime, isoOf } from "../components/incidents/time.ts";
import type {
  Actor,
  IncidentListItem,
  IncidentPage,
  Patterns,
  PersonPattern,
  SuggestedLink,
} from "../components/incidents/types.ts";
import { isForbidden, useResource } from "../components/useResource.ts";
import { LEVEL_LABEL } from "../components/levels.ts";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { PersonPolice, type CampaignPolice } from "../components/police/PersonPolice.tsx";
import type { Share } from "../components/police/types.ts";
import { useCampaign, useSession } from "../session.tsx";
import type { Campaign, VerdictLevel } from "../types.ts";
import "./incidents.css";

const LEVELS = Object.keys(LEVEL_LABEL) as VerdictLevel[];
/** Enough for any campaign's timeline; each page is one request. */
const MAX_PAGES = 10;

/** Every incident the member can see (newest first), for the titles and channels of each person's. */
function useAllIncidents(campaignId: string, enabled: boolean, version: number) {
  const [incidents, setIncidents] = useState<IncidentListItem[]>();
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    void (async () => {
      const all: IncidentListItem[] = [];
      let before: string | null = null;
      try {
        for (let page = 0; page < MAX_PAGES; page++) {
          const cursor: string = before ? `&before=${encodeURIComponent(before)}` : "";
          const result: IncidentPage = await api<IncidentPage>(
            `/api/campaigns/${campaignId}/incidents?limit=200${cursor}`,
            { signal: controller.signal },
          );
          all.push(...result.incidents);
          before = result.next;
          if (!before) break;
        }
        setIncidents(all);
      } catch (e) {
        // The people still show; incidents are then named by number only.
        if ((e as Error).name !== "AbortError") setIncidents(all);
      }
    })();
    return () => controller.abort();
  }, [campaignId, enabled, version]);
  return incidents;
}

const mostSerious = (levels: VerdictLevel[]) => LEVELS.find((l) => levels.includes(l)) ?? null;

const DECISIONS = ["same", "different"] as const;
type Decision = (typeof DECISIONS)[number];
const DECISION_LABEL: Record<Decision, string> = {
  same: "Yes, the same person",
  different: "No, different people",
};

/** A person's name: the labels of their records, each once. */
const nameOf = (actorIds: string[], label: (id: string) => string) =>
  [...new Set(actorIds.map(label))].join(" / ");

export default function People() {
  const campaign = useCampaign();
  const { session } = useSession();
  const seesAll = campaign.permission !== "log-only";
  const patterns = useResource<Patterns>(seesAll ? `/api/campaigns/${campaign.id}/patterns` : null);
  const actorsResource = useResource<{ actors: Actor[] }>(`/api/campaigns/${campaign.id}/actors`);
  const shares = useResource<{ shares: Share[] }>(seesAll ? `/api/campaigns/${campaign.id}/shares` : null);
  const details = useResource<Campaign>(seesAll ? `/api/campaigns/${campaign.id}` : null);
  const { reload: reloadShares } = shares;
  const police = useMemo<CampaignPolice>(
    () => ({
      campaignId: campaign.id,
      forceId: details.data?.forceId ?? null,
      isOwner: campaign.permission === "owner",
      shares: shares.data?.shares,
      onShared: reloadShares,
    }),
    [campaign.id, campaign.permission, details.data, shares.data, reloadShares],
  );
  const [version, setVersion] = useState(0);
  const incidents = useAllIncidents(campaign.id, seesAll && !isForbidden(patterns.error), version);
  const [status, setStatus] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const actors = useMemo(() => actorsResource.data?.actors ?? [], [actorsResource.data]);
  const actorById = useMemo(() => new Map(actors.map((a) => [a.id, a])), [actors]);
  const label = useCallback(
    (id: string) => actorById.get(id)?.body.label ?? "A recorded person",
    [actorById],
  );
  const incidentById = useMemo(() => new Map((incidents ?? []).map((i) => [i.id, i])), [incidents]);
  const people = useMemo(() => patterns.data?.people ?? [], [patterns.data]);
  const personOf = useMemo(() => {
    const map = new Map<string, PersonPattern>();
    for (const p of people) for (const a of p.actorIds) map.set(a, p);
    return map;
  }, [people]);

  // Who recorded each actor: the names the incident list carries, and "you".
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const i of incidents ?? []) map.set(i.recordedBy.id, i.recordedBy.displayName);
    if (session) map.set(session.user.id, "you");
    return map;
  }, [incidents, session]);

  const { reload: reloadPatterns } = patterns;
  const { reload: reloadActors } = actorsResource;
  const reloadAll = useCallback(() => {
    reloadPatterns();
    reloadActors();
    setVersion((v) => v + 1);
  }, [reloadPatterns, reloadActors]);

  // A link such as /people#actor-… scrolls to that record once the page has drawn it.
  const ready = !!actorsResource.data && (!seesAll || !!patterns.data || !!patterns.error);
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [ready]);

  async function decide(pairs: [string, string][], decision: Decision, done: string) {
    setBusy(true);
    setStatus(undefined);
    setActionError(undefined);
    try {
      let changed = 0;
      for (const actorIds of pairs) {
        const result = await api<{ verdictsChanged?: number }>(`/api/campaigns/${campaign.id}/actor-links`, {
          body: { actorIds, decision },
        });
        changed += result.verdictsChanged ?? 0;
      }
      setStatus(
        `${done} ${
          changed > 0
            ? `The advice for ${plural(changed, "incident")} was worked out again.`
            : "No incident’s advice changed."
        }`,
      );
      reloadAll();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const intro =
    "The people and accounts behind incidents, linked across channels, and what their behaviour together shows.";

  return (
    <Page title="People and patterns" intro={intro}>
      <div className="incidents-ui">
        {!seesAll || isForbidden(patterns.error) ? (
          <p className="notice notice-status">
            Patterns draw on every incident in the campaign, so only the candidate and members who see the
            whole campaign can see them. You can still record a person or account below, and choose them when
            you record an incident.
          </p>
        ) : null}

        <div aria-live="polite" aria-atomic="true">
          {status ? <p className="notice notice-status">{status}</p> : null}
        </div>
        <Notice kind="error">{actionError}</Notice>

        {seesAll && !isForbidden(patterns.error) ? (
          <>
            {patterns.error ? <Notice kind="error">{errorMessage(patterns.error)}</Notice> : null}
            {!patterns.data && patterns.loading ? (
              <p role="status" className="loading">
                Loading people and patterns…
              </p>
            ) : null}

            {patterns.data && patterns.data.campaignFindings.length > 0 ? (
              <section aria-labelledby="campaign-findings-heading">
                <h2 id="campaign-findings-heading">Across the whole campaign</h2>
                <ul className="plain">
                  {patterns.data.campaignFindings.map((f, i) => (
                    <FindingItem key={`${f.kind}-${i}`} finding={f} incidents={incidentById} />
                  ))}
                </ul>
              </section>
            ) : null}

            {patterns.data ? (
              <section aria-labelledby="people-heading">
                <h2 id="people-heading">People</h2>
                <p className="meta">
                  Records that share a handle, profile address, email, phone number or vehicle, or the same
                  name and a matching description, are treated as one person. If Shield has joined or kept
                  apart records wrongly, correct it: the advice for their incidents is worked out again. Open
                  each finding to read what it means and which incidents show it.
                </p>
                {people.length === 0 ? (
                  <p>
                    No people have been recorded yet. When you know who is behind an incident, record them
                    below and choose them when you record or amend the incident.
                  </p>
                ) : (
                  people.map((p) => (
                    <PersonCard
                      key={p.person}
                      person={p}
                      people={people}
                      label={label}
                      incidents={incidentById}
                      busy={busy}
                      onDecide={decide}
                      police={police}
                    />
                  ))
                )}
              </section>
            ) : null}

            {patterns.data ? (
              <SuggestedLinks
                links={patterns.data.suggestedLinks}
                label={label}
                busy={busy}
                onDecide={decide}
              />
            ) : null}

            {actors.length >= 2 ? (
              <LinkForm actors={actors} personOf={personOf} busy={busy} onDecide={decide} />
            ) : null}
          </>
        ) : null}

        <section aria-labelledby="actors-heading">
          <h2 id="actors-heading">
            {seesAll ? "Recorded people and accounts" : "People and accounts you recorded"}
          </h2>
          {actorsResource.error ? <Notice kind="error">{errorMessage(actorsResource.error)}</Notice> : null}
          {!actorsResource.data && actorsResource.loading ? <p className="loading">Loading…</p> : null}
          {actorsResource.data && actors.length === 0 ? <p>None yet.</p> : null}
          <ul className="plain">
            {actors.map((a) => (
              <ActorCard
                key={a.id}
                actor={a}
                recordedBy={names.get(a.createdBy)}
                person={personOf.get(a.id)}
                label={label}
              />
            ))}
          </ul>
        </section>

        <section aria-labelledby="new-actor-heading">
          <h2 id="new-actor-heading">Record a person or account</h2>
          <NewActorForm
            campaignId={campaign.id}
            onCreated={(saved) => {
              setActionError(undefined);
              setStatus(
                `${saved} was recorded. You can now choose them when you record or amend an incident.`,
              );
              reloadAll();
            }}
          />
        </section>
      </div>
    </Page>
  );
}

function PersonCard({
  person,
  people,
  label,
  incidents,
  busy,
  onDecide,
  police,
}: {
  person: PersonPattern;
  people: PersonPattern[];
  label: (id: string) => string;
  incidents: ReadonlyMap<string, IncidentListItem>;
  busy: boolean;
  onDecide: (pairs: [string, string][], decision: Decision, done: string) => Promise<void>;
  police: CampaignPolice;
}) {
  const name = nameOf(person.actorIds, label);
  const known = person.incidentIds
    .map((id) => incidents.get(id))
    .filter((i): i is IncidentListItem => !!i)
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const unknown = person.incidentIds.filter((id) => !incidents.has(id));
  const channels = [...new Set(known.map((i) => channelText(i.channel, i.platform)))];
  const level = mostSerious([
    ...person.findings.map((f) => f.level),
    ...known.map((i) => i.verdictLevel).filter((l): l is VerdictLevel => !!l),
  ]);
  const headingId = `person-${person.person}`;
  const others = people.filter((p) => p.person !== person.person);
  const [target, setTarget] = useState("");
  const [mergeError, setMergeError] = useState<string>();

  function merge(event: FormEvent) {
    event.preventDefault();
    const other = others.find((p) => p.person === target);
    if (!other) return setMergeError("Choose the other person or account.");
    setMergeError(undefined);
    void onDecide(
      [[person.actorIds[0]!, other.actorIds[0]!]],
      "same",
      `${name} and ${nameOf(other.actorIds, label)} are now treated as one person.`,
    );
    setTarget("");
  }

  return (
    <article className="card person" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      {level ? (
        <p>
          <LevelBadge level={level} /> <span className="meta">the most serious advice so far</span>
        </p>
      ) : null}
      <p className="meta">
        {plural(person.incidentIds.length, "incident")}
        {channels.length > 0 ? ` · ${channels.join(", ")}` : ""}
        {known.length > 0
          ? ` · from ${formatDateTime(known[known.length - 1]!.occurredAt)} to ${formatDateTime(known[0]!.occurredAt)}`
          : ""}
      </p>

      {person.findings.length > 0 ? (
        <>
          <h4>What their behaviour shows</h4>
          <ul className="plain finding-list">
            {person.findings.map((f, i) => (
              <FindingItem
                key={`${f.kind}-${f.warningBehaviour ?? ""}-${i}`}
                finding={f}
                incidents={incidents}
                collapsed
              />
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing in their incidents so far forms a pattern. Keep recording every incident.</p>
      )}

      {person.incidentIds.length > 0 ? (
        <details className="person-incidents" open={person.incidentIds.length <= 3 || undefined}>
          <summary>Their {plural(person.incidentIds.length, "incident")}, newest first</summary>
          <ol className="plain">
            {known.map((i) => (
              <IncidentRow key={i.id} incident={i} />
            ))}
            {unknown.map((id, n) => (
              <li key={id} className="card">
                <Link href={`/incidents/${id}`}>Another incident ({n + 1})</Link>
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      {person.actorIds.length > 1 ? (
        <>
          <h4>Records linked as this person</h4>
          <ul className="plain linked-records">
            {person.actorIds.map((id) => (
              <li key={id}>
                <a href={`#actor-${id}`}>{label(id)}</a>{" "}
                <button
                  type="button"
                  className="secondary small"
                  disabled={busy}
                  onClick={() =>
                    void onDecide(
                      person.actorIds.filter((x) => x !== id).map((x) => [id, x] as [string, string]),
                      "different",
                      `${label(id)} is no longer treated as the same person as the others. If it shares a handle, number or address with another record, they may still be linked through it.`,
                    )
                  }
                >
                  Not the same person: separate {label(id)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <PersonPolice name={name} actorIds={person.actorIds} police={police} />

      {others.length > 0 ? (
        <details className="merge-form">
          <summary>Same person as another record?</summary>
          <form onSubmit={merge}>
            <SelectField
              label="The other person or account"
              hint="Only if you are sure: their incidents are then read together."
              error={mergeError}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
            >
              <option value="">Choose a person</option>
              {others.map((o) => (
                <option key={o.person} value={o.person}>
                  {nameOf(o.actorIds, label)}
                </option>
              ))}
            </SelectField>
            <p>
              <button type="submit" className="secondary" disabled={busy}>
                Link as the same person
              </button>
            </p>
          </form>
        </details>
      ) : null}
    </article>
  );
}

function SuggestedLinks({
  links,
  label,
  busy,
  onDecide,
}: {
  links: SuggestedLink[];
  label: (id: string) => string;
  busy: boolean;
  onDecide: (pairs: [string, string][], decision: Decision, done: string) => Promise<void>;
}) {
  return (
    <section aria-labelledby="suggested-heading">
      <h2 id="suggested-heading">Possible matches to check</h2>
      {links.length === 0 ? (
        <p>There are no possible matches waiting for a decision.</p>
      ) : (
        <ul className="plain">
          {links.map((link) => (
            <li key={`${link.a}-${link.b}`} className="card">
              <p>
                <strong>{label(link.a)}</strong> and <strong>{label(link.b)}</strong>
              </p>
              <p>{link.reason}</p>
              <div className="actions">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void onDecide(
                      [[link.a, link.b]],
                      "same",
                      `${label(link.a)} and ${label(link.b)} are now treated as one person.`,
                    )
                  }
                >
                  Yes, the same person
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() =>
                    void onDecide(
                      [[link.a, link.b]],
                      "different",
                      `${label(link.a)} and ${label(link.b)} are kept apart.`,
                    )
                  }
                >
                  No, different people
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LinkForm({
  actors,
  personOf,
  busy,
  onDecide,
}: {
  actors: Actor[];
  personOf: ReadonlyMap<string, PersonPattern>;
  busy: boolean;
  onDecide: (pairs: [string, string][], decision: Decision, done: string) => Promise<void>;
}) {
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const [decision, setDecision] = useState<Decision>("same");
  const [error, setError] = useState<string>();
  const sorted = [...actors].sort((x, y) => x.body.label.localeCompare(y.body.label, "en-GB"));
  const labelOf = (id: string) => actors.find((x) => x.id === id)?.body.label ?? "";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!a || !b) return setError("Choose two records.");
    if (a === b) return setError("Choose two different records.");
    setError(undefined);
    const already = personOf.get(a) && personOf.get(a) === personOf.get(b);
    void onDecide(
      [[a, b]],
      decision,
      decision === "same"
        ? `${labelOf(a)} and ${labelOf(b)} are ${already ? "still" : "now"} treated as one person.`
        : `${labelOf(a)} and ${labelOf(b)} are kept apart. If either shares a handle, number or address with a third record, they may still be linked through it.`,
    );
  }

  const options = sorted.map((x) => (
    <option key={x.id} value={x.id}>
      {x.body.label}
    </option>
  ));

  return (
    <section aria-labelledby="link-heading">
      <h2 id="link-heading">Join or separate two records</h2>
      <form onSubmit={submit} noValidate className="subform">
        <div className="filter-grid">
          <SelectField label="First record" error={error} value={a} onChange={(e) => setA(e.target.value)}>
            <option value="">Choose</option>
            {options}
          </SelectField>
          <SelectField label="Second record" value={b} onChange={(e) => setB(e.target.value)}>
            <option value="">Choose</option>
            {options}
          </SelectField>
        </div>
        <fieldset>
          <legend>Are they the same person?</legend>
          {DECISIONS.map((d) => (
            <label key={d} className="choice">
              <input
                type="radio"
                name="link-decision"
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              {DECISION_LABEL[d]}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </section>
  );
}

function ActorCard({
  actor,
  recordedBy,
  person,
  label,
}: {
  actor: Actor;
  recordedBy: string | undefined;
  person: PersonPattern | undefined;
  label: (id: string) => string;
}) {
  const linkedWith = person ? person.actorIds.filter((id) => id !== actor.id) : [];
  return (
    <li className="card actor" id={`actor-${actor.id}`}>
      <h3>{actor.body.label}</h3>
      {actor.body.description ? <p className="pre-wrap">{actor.body.description}</p> : null}
      {actor.body.identifiers.length > 0 ? (
        <dl className="facts">
          {actor.body.identifiers.map((i, n) => (
            <div key={`${i.kind}-${n}`}>
              <dt>
                {IDENTIFIER_LABEL[i.kind] ?? i.kind}
                {i.platform ? ` (${PLATFORM_LABEL[i.platform] ?? i.platform})` : ""}
              </dt>
              <dd className="break">{i.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {linkedWith.length > 0 ? <p>Linked as the same person as {linkedWith.map(label).join(", ")}.</p> : null}
      <p className="meta">
        Recorded{recordedBy ? ` by ${recordedBy}` : ""} on{" "}
        <time dateTime={isoOf(actor.createdAt)}>{formatDateTime(actor.createdAt)}</time>
        {person ? ` · ${plural(person.incidentIds.length, "incident")}` : ""}
      </p>
      <p>
        <Link href={`/incidents?actor=${actor.id}`}>Show incidents involving {actor.body.label}</Link>
      </p>
    </li>
  );
}
