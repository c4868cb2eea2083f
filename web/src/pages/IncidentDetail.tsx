// One incident: what to do (its current verdict, with the words that led to it highlighted), what
// happened, the evidence with its fingerprints, follow-ups, sharing with the police and what they did,
// the evidence pack and platform report, every version and change, the advice over time, and who has
// read it. Everything added here is kept; nothing is overwritten.
import { useCallback, useMemo } from "react";
import { Link, useSearch } from "wouter";
import { errorMessage } from "../api.ts";
import { EvidenceSection } from "../components/incidents/EvidenceSection.tsx";
import { FollowUpsSection } from "../components/incidents/FollowUpsSection.tsx";
import { ReadsSection, VerdictHistorySection } from "../components/incidents/HistorySections.tsx";
import { IncidentFacts } from "../components/incidents/IncidentFacts.tsx";
import { channelText, plural } from "../components/labels.ts";
import { RevisionsSection } from "../components/incidents/RevisionsSection.tsx";
import { formatDateTime } from "../components/incidents/time.ts";
import type {
  Actor,
  IncidentDetail as Incident,
  ReadEntry,
  VerdictHistoryEntry,
} from "../components/incidents/types.ts";
import { isNotFound, useResource } from "../components/useResource.ts";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { PoliceSection } from "../components/police/PoliceSection.tsx";
import { ReportsSection } from "../components/police/ReportsSection.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { VerdictView, type VerdictTexts } from "../components/VerdictView.tsx";
import { useCampaign } from "../session.tsx";
import "./incidents.css";

const SECTIONS = [
  ["what-to-do", "What to do"],
  ["what-happened", "What happened"],
  ["evidence", "Evidence"],
  ["follow-ups", "Follow-ups"],
  ["police", "Police"],
  ["reports", "Evidence pack and reports"],
  ["changes", "Versions and changes"],
  ["verdict-history", "Advice over time"],
  ["reads", "Who has read it"],
] as const;

export default function IncidentDetail({ id }: { id: string }) {
  const justRecorded = new URLSearchParams(useSearch()).get("new") === "1";
  const campaign = useCampaign();
  const validId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const incident = useResource<Incident>(validId ? `/api/incidents/${id}` : null);
  const verdicts = useResource<{ verdicts: VerdictHistoryEntry[] }>(
    validId ? `/api/incidents/${id}/verdicts` : null,
  );
  const reads = useResource<{ reads: ReadEntry[] }>(
    validId && campaign.permission === "owner" ? `/api/incidents/${id}/reads` : null,
  );
  const data = incident.data?.id === id ? incident.data : undefined;
  const { data: actorData } = useResource<{ actors: Actor[] }>(
    data ? `/api/campaigns/${data.campaignId}/actors` : null,
  );

  const actorName = useCallback(
    (actorId: string) => actorData?.actors.find((a) => a.id === actorId)?.body.label ?? "A recorded person",
    [actorData],
  );

  const texts = useMemo<VerdictTexts | undefined>(() => {
    if (!data) return undefined;
    const evidence: Record<string, string> = {};
    for (const e of data.evidence) if (e.kind === "text" && e.text !== null) evidence[e.id] = e.text;
    return { summary: data.body.summary, description: data.body.description, evidence };
  }, [data]);

  const { reload: reloadIncident } = incident;
  const { reload: reloadVerdicts } = verdicts;
  const { reload: reloadReads } = reads;
  const reloadAll = useCallback(() => {
    reloadIncident();
    reloadVerdicts();
    reloadReads();
  }, [reloadIncident, reloadVerdicts, reloadReads]);

  const back = (
    <p className="back-link">
      <Link href="/incidents">All incidents</Link>
    </p>
  );

  if (!validId || isNotFound(incident.error))
    return (
      <Page title="Incident not found">
        <div className="incidents-ui">
          {back}
          <p>
            Shield could not find this incident. It may have been recorded by someone else: members who log
            incidents see only the ones they recorded themselves.
          </p>
        </div>
      </Page>
    );

  if (!data)
    return (
      <Page title="Incident">
        <div className="incidents-ui">
          {back}
          {incident.error ? (
            <>
              <Notice kind="error">{errorMessage(incident.error)}</Notice>
              <p>
                <button type="button" onClick={reloadAll}>
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

  const body = data.body;
  return (
    <Page title={body.summary} documentTitle="Incident">
      <div className="incidents-ui">
        {back}
        {justRecorded ? (
          <Notice kind="status">
            Saved. Your team can see it. Below is what the guidance says to do now.
          </Notice>
        ) : null}
        <div className="incident-head">
          <p>
            <LevelBadge level={data.verdictLevel} />
          </p>
          <p className="meta">
            Happened {data.occurredAtLondon || formatDateTime(body.occurredAt)}
            {" · "}
            {channelText(body.channel, body.platform)}
            {" · "}Recorded by {data.recordedBy.displayName}
            {" · "}
            {data.evidence.length === 0
              ? "No evidence added yet"
              : plural(data.evidence.length, "piece of evidence", "pieces of evidence")}
            {data.revision > 1 ? ` · Version ${data.revision}` : ""}
          </p>
        </div>
        {incident.error ? <Notice kind="error">{errorMessage(incident.error)}</Notice> : null}

        <nav aria-label="On this page" className="on-this-page">
          <ul>
            {SECTIONS.map(([anchor, label]) => (
              <li key={anchor}>
                <a href={`#${anchor}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>

        <section id="what-to-do" aria-labelledby="what-to-do-heading">
          <h2 id="what-to-do-heading">What to do</h2>
          <VerdictView verdict={data.verdict} texts={texts} headingLevel={3} />
        </section>

        <IncidentFacts incident={data} actorName={actorName} />

        <EvidenceSection incidentId={data.id} evidence={data.evidence} onChanged={reloadAll} />

        <FollowUpsSection incidentId={data.id} followUps={data.followUps} onChanged={reloadAll} />

        <PoliceSection incidentId={data.id} campaignId={data.campaignId} permission={campaign.permission} />

        <ReportsSection
          incidentId={data.id}
          campaignId={data.campaignId}
          channel={body.channel}
          platform={body.platform}
          seesWholeCampaign={campaign.permission !== "log-only"}
        />

        <RevisionsSection incident={data} actorName={actorName} onChanged={reloadAll} />

        <VerdictHistorySection
          verdicts={verdicts.data?.verdicts}
          error={verdicts.error}
          loading={verdicts.loading}
        />

        <ReadsSection
          reads={reads.data?.reads}
          error={reads.error}
          allowed={campaign.permission === "owner"}
          loading={reads.loading}
          evidence={data.evidence}
        />
      </div>
    </Page>
  );
}
