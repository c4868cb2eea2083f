// Shared with police: what the campaign shared with its police force (incidents, and people with all
// their incidents), where each incident has got to with the police, stopping future updates (the
// candidate), and an evidence pack for a period. For the candidate and members who see the whole campaign.
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Link } from "wouter";
import { api, errorMessage } from "../api.ts";
import { TextField } from "../components/forms/Field.tsx";
import { formatDateTime, isoOf } from "../components/incidents/time.ts";
import type { Actor, IncidentListItem, IncidentPage } from "../components/incidents/types.ts";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { Confirm } from "../components/police/Confirm.tsx";
import {
  EvidencePackButtons,
  EvidencePackExplained,
  type PackScope,
} from "../components/police/EvidencePack.tsx";
import { StatusTag } from "../components/police/StatusTag.tsx";
import type { IncidentPolice, Share } from "../components/police/types.ts";
import { forceName } from "../components/police/words.ts";
import { isForbidden, useResource } from "../components/useResource.ts";
import { useCampaign } from "../session.tsx";
import type { Campaign } from "../types.ts";
import "./incidents.css";
import "../components/police/police.css";

/** The campaign's incidents (newest first), for the titles of shared ones: a few pages at most. */
function useIncidentTitles(campaignId: string, wanted: readonly string[]) {
  const [incidents, setIncidents] = useState<Map<string, IncidentListItem>>();
  const key = [...wanted].sort().join(",");
  useEffect(() => {
    if (!key) return setIncidents(new Map());
    const ids = new Set(key.split(","));
    const controller = new AbortController();
    void (async () => {
      const found = new Map<string, IncidentListItem>();
      let before: string | null = null;
      try {
        for (let page = 0; page < 10 && found.size < ids.size; page++) {
          const cursor: string = before ? `&before=${encodeURIComponent(before)}` : "";
          const result: IncidentPage = await api<IncidentPage>(
            `/api/campaigns/${campaignId}/incidents?limit=200${cursor}`,
            { signal: controller.signal },
          );
          for (const i of result.incidents) if (ids.has(i.id)) found.set(i.id, i);
          before = result.next;
          if (!before) break;
        }
      } catch {
        // The shares still show; incidents without a title are named by when they were shared.
      }
      if (!controller.signal.aborted) setIncidents(found);
    })();
    return () => controller.abort();
  }, [campaignId, key]);
  return incidents;
}

/** Where each shared incident has got to with the police. */
function usePoliceStatuses(ids: readonly string[], version: number) {
  const [statuses, setStatuses] = useState<Map<string, IncidentPolice>>(new Map());
  const key = [...ids].sort().join(",");
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    void Promise.all(
      key.split(",").map((id) =>
        api<IncidentPolice>(`/api/incidents/${id}/police`, { signal: controller.signal })
          .then((p) => [id, p] as const)
          .catch(() => undefined),
      ),
    ).then((rows) => {
      if (!controller.signal.aborted)
        setStatuses(new Map(rows.filter((r): r is readonly [string, IncidentPolice] => !!r)));
    });
    return () => controller.abort();
  }, [key, version]);
  return statuses;
}

function ShareCard({
  share,
  title,
  name,
  police,
  canStop,
  onStopped,
}: {
  share: Share;
  title: ReactNode;
  /** What was shared, in words, for the button's name. */
  name: string;
  police?: IncidentPolice | undefined;
  canStop: boolean;
  onStopped: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const campaign = useCampaign();

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
        Shared with {share.forceName} by {share.sharedBy} on{" "}
        <time dateTime={isoOf(share.sharedAt)}>{formatDateTime(share.sharedAt)}</time>
        {share.stoppedAt ? (
          <>
            . Stopped on <time dateTime={isoOf(share.stoppedAt)}>{formatDateTime(share.stoppedAt)}</time>: the
            police keep what they had until then.
          </>
        ) : null}
      </p>
      {police ? (
        <p className="badge-line">
          <StatusTag status={police.status} />
          {police.crimeReference ? (
            <span>
              Crime reference <span className="reference">{police.crimeReference}</span>
            </span>
          ) : null}
          {police.acknowledgedBy ? (
            <span className="meta">Acknowledged by {police.acknowledgedBy.name}</span>
          ) : null}
        </p>
      ) : null}
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
            evidence {share.actorId ? "and new incidents " : ""}from now on are not shared. Stopping is
            recorded.
          </p>
        </Confirm>
      ) : null}
    </li>
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
  const [version, setVersion] = useState(0);
  const [news, setNews] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  const list = useMemo(() => [...(shares.data?.shares ?? [])].reverse(), [shares.data]);
  const incidentShares = list.filter((s) => s.incidentId);
  const personShares = list.filter((s) => s.actorId);
  const incidentIds = useMemo(
    () => [...new Set(list.flatMap((s) => (s.incidentId ? [s.incidentId] : [])))],
    [list],
  );
  const titles = useIncidentTitles(campaign.id, incidentIds);
  const statuses = usePoliceStatuses(incidentIds, version);
  const force = forceName(details.data?.forceId);
  const actorLabel = (id: string) =>
    actors.data?.actors.find((a) => a.id === id)?.body.label ?? "A recorded person";

  function stopped(message: string) {
    setNews(message);
    shares.reload();
    setVersion((v) => v + 1);
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
                const incident = titles?.get(s.incidentId!);
                return (
                  <ShareCard
                    key={s.id}
                    share={s}
                    police={statuses.get(s.incidentId!)}
                    canStop={isOwner}
                    onStopped={stopped}
                    name={incident?.summary ?? "this incident"}
                    title={
                      <>
                        {incident ? <LevelBadge level={incident.verdictLevel} /> : null}{" "}
                        <Link href={`/incidents/${s.incidentId}`}>
                          {incident?.summary ?? (titles ? "An incident" : "Loading…")}
                        </Link>
                      </>
                    }
                  />
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
                  name={`${actorLabel(s.actorId!)} and their incidents`}
                  title={
                    <Link href={`/incidents?actor=${s.actorId}`}>
                      {actorLabel(s.actorId!)} and their incidents
                    </Link>
                  }
                />
              ))}
            </ul>
          </section>
        ) : null}

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
