// Shared with police: what the campaign shared with its police force (incidents, and people with all
// their incidents), where each incident has got to with the police, the security briefings the force
// recorded, stopping future updates (the candidate), and an evidence pack for a period. For the
// candidate and members who see the whole campaign.
import { useMemo, useRef, useState, type ReactNode } from "react";
import { Link } from "wouter";
import { api, errorMessage } from "../api.ts";
import { TextField } from "../components/forms/Field.tsx";
import { formatDateTime, isoOf } from "../components/incidents/time.ts";
import type { Actor } from "../components/incidents/types.ts";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { Confirm } from "../components/police/Confirm.tsx";
import {
  EvidencePackButtons,
  EvidencePackExplained,
  type PackScope,
} from "../components/police/EvidencePack.tsx";
import { StatusTag } from "../components/police/StatusTag.tsx";
import type { CampaignBriefing, Share, SharedIncidentSummary } from "../components/police/types.ts";
import { forceName } from "../components/police/words.ts";
import { isForbidden, useResource } from "../components/useResource.ts";
import { useCampaign } from "../session.tsx";
import type { Campaign } from "../types.ts";
import "./incidents.css";
import "../components/police/police.css";

/** A person's name from the labels of every record shared as them: "Man in red van (also @redvan99)". */
function personName(actorIds: readonly string[], actors: readonly Actor[] | undefined): string {
  const order = (id: string) => {
    const at = actors?.findIndex((a) => a.id === id) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const labels = [
    ...new Set(
      [...actorIds]
        .sort((a, b) => order(a) - order(b))
        .flatMap((id) => {
          const label = actors?.find((a) => a.id === id)?.body.label;
          return label ? [label] : [];
        }),
    ),
  ];
  if (labels.length === 0) return "A recorded person";
  return labels.length === 1 ? labels[0]! : `${labels[0]} (also ${labels.slice(1).join(", ")})`;
}

/** The crime reference, in a form easy to read out on the phone. */
function CrimeReference({ reference }: { reference: string | null }) {
  if (!reference) return null;
  return (
    <span>
      Crime reference <span className="reference">{reference}</span>
    </span>
  );
}

/** Where one shared incident has got to with the police: status, crime reference, who acknowledged it, outcome. */
function PoliceProgress({ incident }: { incident: SharedIncidentSummary }) {
  return (
    <>
      <p className="badge-line">
        <StatusTag status={incident.status} />
        <CrimeReference reference={incident.crimeReference} />
      </p>
      {incident.acknowledgedBy ? (
        <p className="meta">
          Acknowledged by {incident.acknowledgedBy.name} ({incident.acknowledgedBy.force}) on{" "}
          <time dateTime={isoOf(incident.acknowledgedBy.at)}>
            {formatDateTime(incident.acknowledgedBy.at)}
          </time>
          .
        </p>
      ) : incident.status === "received" ? (
        <p className="meta">The force has it. No one has acknowledged it yet.</p>
      ) : null}
      {incident.outcome ? (
        <p>
          <strong>Outcome:</strong> <span className="pre-wrap">{incident.outcome.text}</span>{" "}
          <span className="meta">
            ({incident.outcome.by},{" "}
            <time dateTime={isoOf(incident.outcome.at)}>{formatDateTime(incident.outcome.at)}</time>)
          </span>
        </p>
      ) : null}
    </>
  );
}

/** A person's shared incidents, compactly: each with when, its status and crime reference. */
function PersonIncidents({ share }: { share: Share }) {
  if (share.incidents.length === 0)
    return (
      <p>
        {share.stoppedAt
          ? "No incident was recorded with them before sharing stopped."
          : "No incident recorded with them yet. Incidents you record with them are shared too."}
      </p>
    );
  return (
    <>
      <p className="meta">
        {share.incidents.length === 1 ? "1 incident shared" : `${share.incidents.length} incidents shared`}
        {share.stoppedAt ? " (those recorded before sharing stopped)" : ", newest first"}:
      </p>
      <ul className="plain shared-incident-list">
        {share.incidents.map((i) => (
          <li key={i.id}>
            <p className="shared-incident-summary">
              <Link href={`/incidents/${i.id}`}>{i.summary}</Link>{" "}
              <span className="meta">
                <time dateTime={isoOf(i.occurredAt)}>{formatDateTime(i.occurredAt)}</time>
              </span>
            </p>
            <p className="badge-line">
              <StatusTag status={i.status} />
              <CrimeReference reference={i.crimeReference} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

function ShareCard({
  share,
  title,
  name,
  children,
  canStop,
  onStopped,
}: {
  share: Share;
  title: ReactNode;
  /** What was shared, in words, for the button's name. */
  name: string;
  /** Where it has got to with the police. */
  children: ReactNode;
  canStop: boolean;
  onStopped: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const campaign = useCampaign();
  const person = share.actorId !== null;

  async function stop() {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/campaigns/${campaign.id}/shares/${share.id}/stop`, { method: "POST" });
      setConfirming(false);
      setBusy(false);
      onStopped(
        `Sharing stopped. ${share.forceName} keeps what it was given until now; changes from now on are not shared. Stopping is recorded.`,
      );
    } catch (e) {
      setError(errorMessage(e));
      setConfirming(false);
      setBusy(false);
    }
  }

  return (
    <li className="card share-card">
      <h4>{title}</h4>
      <p className="meta">
        {person ? "With all their incidents. " : ""}Shared with {share.forceName} by {share.sharedBy} on{" "}
        <time dateTime={isoOf(share.sharedAt)}>{formatDateTime(share.sharedAt)}</time>
        {share.stoppedAt ? (
          <>
            . Stopped on <time dateTime={isoOf(share.stoppedAt)}>{formatDateTime(share.stoppedAt)}</time>: the
            police keep what they had until then.
          </>
        ) : (
          "."
        )}
      </p>
      {children}
      <Notice kind="error">{error}</Notice>
      {canStop && !share.stoppedAt && !confirming ? (
        <div className="actions">
          <button ref={button} type="button" className="secondary" onClick={() => setConfirming(true)}>
            Stop sharing updates<span className="visually-hidden"> of {name}</span>
          </button>
        </div>
      ) : null}
      {confirming ? (
        <Confirm
          question={`Stop sharing with ${share.forceName}?`}
          confirm="Yes, stop sharing"
          busy={busy}
          busyText="Stopping…"
          onConfirm={() => void stop()}
          onCancel={() => {
            setConfirming(false);
            setTimeout(() => button.current?.focus(), 0);
          }}
        >
          <p>
            What was already shared stays with the police: they keep it as it was until now. Changes, new
            evidence {person ? "and new incidents " : ""}from now on are not shared. Stopping is recorded.
          </p>
        </Confirm>
      ) : null}
    </li>
  );
}

const BRIEFING_KIND: Record<string, string> = { offered: "Offered", delivered: "Delivered" };

/** The security briefings the force recorded for this campaign, newest first. */
function SecurityBriefings({ campaignId }: { campaignId: string }) {
  const briefings = useResource<{ briefings: CampaignBriefing[] }>(`/api/campaigns/${campaignId}/briefings`);
  const list = [...(briefings.data?.briefings ?? [])].reverse();
  return (
    <section aria-labelledby="briefings-heading">
      <h2 id="briefings-heading">Security briefings from your force</h2>
      <p>
        A security briefing is advice from the police on staying safe while you campaign: at home, at events,
        when canvassing and online.
      </p>
      {isForbidden(briefings.error) ? (
        <p>Only the candidate and members who see the whole campaign can see the briefings.</p>
      ) : briefings.error ? (
        <Notice kind="error">{errorMessage(briefings.error)}</Notice>
      ) : null}
      {briefings.loading && !briefings.data ? (
        <p role="status" className="loading">
          Loading the briefings…
        </p>
      ) : null}
      {briefings.data && list.length === 0 ? (
        <p>
          No security briefing recorded yet. Your force’s single point of contact can offer one: ask them.
          Their details are under <Link href="/contacts">Police contact</Link>.
        </p>
      ) : null}
      {list.length > 0 ? (
        <ol className="plain briefing-list">
          {list.map((b) => (
            <li key={b.id}>
              <p>
                <span className="tag">{BRIEFING_KIND[b.kind] ?? b.kind}</span>{" "}
                <time dateTime={isoOf(b.happenedAt)}>{formatDateTime(b.happenedAt)}</time>, by {b.recordedBy}{" "}
                ({b.forceName})
              </p>
              {b.notes ? <p className="pre-wrap">{b.notes}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function PeriodPack({ campaignId }: { campaignId: string }) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  /** The dates as the pack asks for them, or undefined after saying what is wrong. */
  function scope(): PackScope | undefined {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const found: { from?: string; to?: string } = {};
    if (!day.test(from)) found.from = "Enter the first day.";
    if (!day.test(to)) found.to = "Enter the last day.";
    else if (day.test(from) && from > to) found.to = "The last day must be on or after the first day.";
    setErrors(found);
    if (found.from) document.getElementById("pack-from")?.focus();
    else if (found.to) document.getElementById("pack-to")?.focus();
    return found.from || found.to ? undefined : { from, to };
  }

  return (
    <div className="subform period-form">
      <div className="filter-grid">
        <TextField
          id="pack-from"
          type="date"
          label="From"
          hint="The first day, UK time."
          value={from}
          error={errors.from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          id="pack-to"
          type="date"
          label="To"
          hint="The last day, included."
          value={to}
          error={errors.to}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <EvidencePackButtons campaignId={campaignId} scope={scope} what="for these dates" />
    </div>
  );
}

export default function SharedWithPolice() {
  const campaign = useCampaign();
  const isOwner = campaign.permission === "owner";
  const shares = useResource<{ shares: Share[] }>(`/api/campaigns/${campaign.id}/shares`);
  const details = useResource<Campaign>(`/api/campaigns/${campaign.id}`);
  const actors = useResource<{ actors: Actor[] }>(`/api/campaigns/${campaign.id}/actors`);
  const [news, setNews] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  // Newest first.
  const list = useMemo(() => [...(shares.data?.shares ?? [])].reverse(), [shares.data]);
  const incidentShares = list.filter((s) => s.incidentId);
  const personShares = list.filter((s) => s.actorId);
  const force = forceName(details.data?.forceId);
  const nameOf = (share: Share) =>
    personName(share.actorIds.length > 0 ? share.actorIds : [share.actorId!], actors.data?.actors);

  function stopped(message: string) {
    setNews(message);
    shares.reload();
    heading.current?.focus();
  }

  return (
    <Page
      title="Shared with police"
      intro="What your campaign has shared with your police force’s single point of contact for candidates, and what they did with it."
    >
      <div className="incidents-ui police-ui">
        <section aria-labelledby="force-heading">
          <h2 id="force-heading">Your police force</h2>
          {details.data ? (
            details.data.forceId ? (
              <p>
                <strong>{force}</strong>. Incidents are shared with its single point of contact for
                candidates. To change it, go to <Link href="/contacts">Police contact</Link>.
              </p>
            ) : (
              <p className="notice notice-status">
                No police force chosen yet. Choose it under <Link href="/contacts">Police contact</Link>{" "}
                before sharing anything.
              </p>
            )
          ) : null}
          <p>
            {isOwner
              ? "Only you, as the candidate, can share. Share an incident from its page, or a person with all their incidents from People and patterns."
              : "Only the candidate can share incidents or people with the police, or stop sharing. You can see what was shared and what the police did."}{" "}
            In danger now? Call 999 first: sharing here is not an emergency call.
          </p>
        </section>

        <h2 id="shared-heading" ref={heading} tabIndex={-1}>
          What was shared
        </h2>
        <Notice kind="status">{news}</Notice>
        {isForbidden(shares.error) ? (
          <p>Only the candidate and members who see the whole campaign can see what was shared.</p>
        ) : shares.error ? (
          <Notice kind="error">{errorMessage(shares.error)}</Notice>
        ) : null}
        {shares.loading && !shares.data ? (
          <p role="status" className="loading">
            Loading what was shared…
          </p>
        ) : null}
        {shares.data && list.length === 0 ? <p>Nothing has been shared with the police yet.</p> : null}

        {incidentShares.length > 0 ? (
          <section aria-labelledby="shared-incidents-heading">
            <h3 id="shared-incidents-heading" className="group-heading">
              Incidents
            </h3>
            <ul className="plain">
              {incidentShares.map((s) => {
                const incident = s.incidents.find((i) => i.id === s.incidentId);
                return (
                  <ShareCard
                    key={s.id}
                    share={s}
                    canStop={isOwner}
                    onStopped={stopped}
                    name={incident?.summary ?? "this incident"}
                    title={
                      <>
                        {incident ? <LevelBadge level={incident.level} /> : null}{" "}
                        <Link href={`/incidents/${s.incidentId}`}>{incident?.summary ?? "An incident"}</Link>
                      </>
                    }
                  >
                    {incident ? <PoliceProgress incident={incident} /> : null}
                  </ShareCard>
                );
              })}
            </ul>
          </section>
        ) : null}

        {personShares.length > 0 ? (
          <section aria-labelledby="shared-people-heading">
            <h3 id="shared-people-heading" className="group-heading">
              People, with all their incidents
            </h3>
            <ul className="plain">
              {personShares.map((s) => (
                <ShareCard
                  key={s.id}
                  share={s}
                  canStop={isOwner}
                  onStopped={stopped}
                  name={`${nameOf(s)} and their incidents`}
                  title={nameOf(s)}
                >
                  <PersonIncidents share={s} />
                </ShareCard>
              ))}
            </ul>
          </section>
        ) : null}

        <SecurityBriefings campaignId={campaign.id} />

        <section aria-labelledby="period-pack-heading">
          <h2 id="period-pack-heading">Evidence pack for a period</h2>
          <p>
            For the police, a court or your own records: every incident that happened between two dates. Each
            incident’s page and each person’s card have their own pack too.
          </p>
          <EvidencePackExplained />
          <PeriodPack campaignId={campaign.id} />
        </section>
      </div>
    </Page>
  );
}
