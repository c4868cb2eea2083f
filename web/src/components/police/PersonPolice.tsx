// On a person's card (People and patterns): sharing the person, with all their incidents, with the
// campaign's police force (the candidate only), and their evidence pack.
import { useRef, useState } from "react";
import { Link } from "wouter";
import { api } from "../../api.ts";
import { formatDateTime, isoOf } from "../incidents/time.ts";
import { Notice } from "../Page.tsx";
import { Confirm } from "./Confirm.tsx";
import { EvidencePackButtons } from "./EvidencePack.tsx";
import { ShareError, WhatSharingMeans } from "./PoliceSection.tsx";
import type { Share, ShareResult } from "./types.ts";
import { forceName } from "./words.ts";

export interface CampaignPolice {
  campaignId: string;
  forceId: string | null;
  isOwner: boolean;
  /** The campaign's shares (undefined while loading, or for members who may not see them). */
  shares: Share[] | undefined;
  onShared: () => void;
}

export function PersonPolice({
  name,
  actorIds,
  police,
}: {
  name: string;
  actorIds: string[];
  police: CampaignPolice;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<string>();
  const [error, setError] = useState<unknown>();
  const button = useRef<HTMLButtonElement>(null);
  const region = useRef<HTMLDivElement>(null);
  const force = forceName(police.forceId);
  // Shared when a share still running covers any of their records: the server shares a person with
  // every record the team linked as them, as one share.
  const active = (police.shares ?? []).filter(
    (s) => s.stoppedAt === null && s.actorIds.some((id) => actorIds.includes(id)),
  );
  // Records linked as them after they were shared: not sent to the police until the candidate says so.
  const unshared = actorIds.filter((id) => !active.some((s) => s.actorIds.includes(id)));
  const extending = active.length > 0 && unshared.length > 0;
  const records = (n: number) => (n === 1 ? "1 record" : `${n} records`);

  async function share() {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<ShareResult>(`/api/campaigns/${police.campaignId}/shares`, {
        body: { actorId: actorIds[0] },
      });
      setNews(
        result.shared === 0
          ? `${name} was already shared with ${force}. Nothing changed.`
          : extending
            ? `The records linked as ${name} since, and their incidents, are now shared with ${force} too.`
            : `${name} and all their incidents are now shared with ${force}.`,
      );
      setConfirming(false);
      police.onShared();
      region.current?.focus();
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="person-police" ref={region} tabIndex={-1}>
      <h4>Police and evidence pack</h4>
      <Notice kind="status">{news}</Notice>
      <Notice kind="error">{error ? <ShareError error={error} /> : null}</Notice>
      {active.length > 0 ? (
        <p>
          Shared with <strong>{active[0]!.forceName}</strong>, with all their incidents, since{" "}
          <time dateTime={isoOf(active[0]!.sharedAt)}>{formatDateTime(active[0]!.sharedAt)}</time>. See{" "}
          <Link href="/police">Shared with police</Link>.
          {extending
            ? ` ${records(unshared.length)} linked as them since then ${unshared.length === 1 ? "is" : "are"} not shared: the police do not see ${unshared.length === 1 ? "its" : "their"} incidents.`
            : null}
        </p>
      ) : police.shares ? (
        <p>Not shared with the police as a person. Incidents can still be shared one by one.</p>
      ) : null}
      {police.isOwner && police.shares && (active.length === 0 || extending) && !confirming ? (
        police.forceId ? (
          <div className="actions">
            <button ref={button} type="button" className="secondary" onClick={() => setConfirming(true)}>
              {extending
                ? `Share the ${unshared.length === 1 ? "newly linked record" : "newly linked records"} too`
                : "Share this person and all their incidents"}
              <span className="visually-hidden"> ({name})</span>
            </button>
          </div>
        ) : (
          <p>
            To share them with the police, first choose your police force under{" "}
            <Link href="/contacts">Police contact</Link>.
          </p>
        )
      ) : null}
      {confirming ? (
        <Confirm
          question={
            extending
              ? `Share the ${records(unshared.length)} linked as ${name} since, with their incidents, with ${force}?`
              : `Share ${name} and all their incidents with ${force}?`
          }
          confirm="Yes, share them"
          busy={busy}
          busyText="Sharing…"
          onConfirm={() => void share()}
          onCancel={() => {
            setConfirming(false);
            setTimeout(() => button.current?.focus(), 0);
          }}
        >
          <WhatSharingMeans force={force} />
          <p>
            This covers every incident involving {name}, including ones you record later, until you stop
            sharing on the Shared with police page.
          </p>
        </Confirm>
      ) : null}
      <p className="meta">
        Their evidence pack has every incident involving them (and the records linked as them): a PDF to read,
        or a ZIP bundle with the original files.
      </p>
      <EvidencePackButtons
        campaignId={police.campaignId}
        scope={{ actorId: actorIds[0]! }}
        what={`for ${name}`}
      />
    </div>
  );
}
