// The incident page's "Police" section: whether the incident is shared with the campaign's police
// force and what the police did with it; for the candidate, sharing it (and stopping future updates).
import { useRef, useState } from "react";
import { Link } from "wouter";
import { api, ApiError, errorMessage } from "../../api.ts";
import { formatDateTime, isoOf } from "../incidents/time.ts";
import { Notice } from "../Page.tsx";
import { useResource } from "../useResource.ts";
import { Confirm } from "./Confirm.tsx";
import { PoliceStatusView } from "./PoliceStatusView.tsx";
import type { IncidentPolice, Share, ShareResult } from "./types.ts";
import { forceName } from "./words.ts";
import type { Campaign, Permission } from "../../types.ts";

/** A refusal because the campaign has no police force yet: said with the way to choose one. */
export const needsForce = (error: unknown) => error instanceof ApiError && error.status === 409;

/** The words of a refused share (for inside a Notice), or of any other error. */
export function ShareError({ error }: { error: unknown }) {
  if (!error) return null;
  if (!needsForce(error)) return <>{errorMessage(error)}</>;
  return (
    <>
      Choose your police force under <Link href="/contacts">Police contact</Link> first: incidents are shared
      with that force’s single point of contact for candidates.
    </>
  );
}

/** What sharing means, said before the candidate shares anything. */
export function WhatSharingMeans({ force }: { force: string }) {
  return (
    <p>
      {force}’s single point of contact for candidates will see what happened, every version of it, the
      evidence and Shield’s advice, and the changes you make later until you stop sharing. They can tell you
      here what they did: acknowledged it, a crime reference, actions and the outcome.
    </p>
  );
}

export function PoliceSection({
  incidentId,
  campaignId,
  permission,
}: {
  incidentId: string;
  campaignId: string;
  permission: Permission;
}) {
  const isOwner = permission === "owner";
  const police = useResource<IncidentPolice>(`/api/incidents/${incidentId}/police`);
  const shares = useResource<{ shares: Share[] }>(
    permission !== "log-only" ? `/api/campaigns/${campaignId}/shares` : null,
  );
  const campaign = useResource<Campaign>(`/api/campaigns/${campaignId}`);
  const [mode, setMode] = useState<"view" | "share" | "stop">("view");
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<string>();
  const [error, setError] = useState<unknown>();
  const heading = useRef<HTMLHeadingElement>(null);
  const shareButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);

  const forceId = campaign.data?.forceId ?? null;
  const force = forceName(forceId);
  const views = police.data?.sharedWith ?? [];
  const activeView = views.find((v) => v.updatesStoppedAt === null && (!forceId || v.forceId === forceId));
  const directShare = shares.data?.shares.find((s) => s.incidentId === incidentId && s.stoppedAt === null);

  function done(message: string) {
    setMode("view");
    setNews(message);
    police.reload();
    shares.reload();
    heading.current?.focus();
  }

  function cancel(to: "share" | "stop") {
    setMode("view");
    setTimeout(() => (to === "share" ? shareButton : stopButton).current?.focus(), 0);
  }

  async function share() {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<ShareResult>(`/api/campaigns/${campaignId}/shares`, {
        body: { incidentIds: [incidentId] },
      });
      done(
        result.shared > 0
          ? `Shared with ${forceName(result.forceId)}. Their single point of contact can see it now, and their updates will show here.`
          : `It was already shared with ${forceName(result.forceId)}. Nothing changed.`,
      );
    } catch (e) {
      setError(e);
      setMode("view");
    } finally {
      setBusy(false);
    }
  }

  async function stop() {
    if (!directShare) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/campaigns/${campaignId}/shares/${directShare.id}/stop`, { method: "POST" });
      done(
        `Sharing stopped. ${directShare.forceName} keeps what it was given until now; changes from now on are not shared. Stopping is recorded.`,
      );
    } catch (e) {
      setError(e);
      setMode("view");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="police" aria-labelledby="police-heading">
      <h2 id="police-heading" ref={heading} tabIndex={-1}>
        Police
      </h2>
      <Notice kind="status">{news}</Notice>
      <Notice kind="error">{error ? <ShareError error={error} /> : null}</Notice>
      {police.error ? <Notice kind="error">{errorMessage(police.error)}</Notice> : null}
      {police.loading && !police.data ? (
        <p role="status" className="loading">
          Loading what the police have…
        </p>
      ) : null}

      {police.data && views.length === 0 ? <p>Not shared with the police.</p> : null}

      {views.map((v) => (
        <p key={v.forceId}>
          Shared with <strong>{v.forceName}</strong> on{" "}
          <time dateTime={isoOf(v.sharedAt)}>{formatDateTime(v.sharedAt)}</time>.{" "}
          {v.updatesStoppedAt ? (
            <>
              Sharing stopped on{" "}
              <time dateTime={isoOf(v.updatesStoppedAt)}>{formatDateTime(v.updatesStoppedAt)}</time>: the
              police keep what they had until then, and later changes are not shared.
            </>
          ) : (
            "Changes you make to it are shared too."
          )}
        </p>
      ))}

      {police.data && views.length > 0 ? <PoliceStatusView police={police.data} /> : null}

      {police.data && isOwner && !activeView && mode !== "share" ? (
        forceId ? (
          <>
            {views.length === 0 ? <WhatSharingMeans force={force} /> : null}
            <div className="actions">
              <button ref={shareButton} type="button" onClick={() => setMode("share")}>
                Share with {force}
                {views.length > 0 ? " again" : ""}
              </button>
            </div>
          </>
        ) : campaign.data ? (
          <p>
            To share it, first choose your police force under <Link href="/contacts">Police contact</Link>.
          </p>
        ) : null
      ) : null}

      {mode === "share" ? (
        <Confirm
          question={`Share this incident with ${force}?`}
          confirm="Yes, share it"
          busy={busy}
          busyText="Sharing…"
          onConfirm={() => void share()}
          onCancel={() => cancel("share")}
        >
          <WhatSharingMeans force={force} />
          <p>You can stop sharing later, but what they were given stays with them.</p>
        </Confirm>
      ) : null}

      {police.data && isOwner && directShare && mode !== "stop" ? (
        <div className="actions">
          <button ref={stopButton} type="button" className="secondary" onClick={() => setMode("stop")}>
            Stop sharing updates
          </button>
        </div>
      ) : null}

      {mode === "stop" && directShare ? (
        <Confirm
          question={`Stop sharing this incident with ${directShare.forceName}?`}
          confirm="Yes, stop sharing"
          busy={busy}
          busyText="Stopping…"
          onConfirm={() => void stop()}
          onCancel={() => cancel("stop")}
        >
          <p>
            What was already shared stays with the police: they keep it as it was until now. Changes and new
            evidence from now on are not shared. Stopping is recorded in the incident’s history.
          </p>
        </Confirm>
      ) : null}

      {police.data && activeView && !directShare && shares.data ? (
        <p className="meta">
          It is shared because you shared a person involved in it, with all their incidents. To stop, go to{" "}
          <Link href="/police">Shared with police</Link>.
        </p>
      ) : null}

      {police.data && !isOwner && !activeView ? (
        <p className="meta">Only the candidate can share incidents with the police.</p>
      ) : null}
    </section>
  );
}
