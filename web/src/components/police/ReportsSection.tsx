// The incident page's "Evidence pack and reports" section: the incident's evidence pack to download,
// and, for an incident on an online platform, the text to paste into that platform's report form.
import type { Channel, Platform } from "../../types.ts";
import { ONLINE_CHANNELS } from "../labels.ts";
import { EvidencePackButtons, EvidencePackExplained } from "./EvidencePack.tsx";
import { PlatformReport } from "./PlatformReport.tsx";

export function ReportsSection({
  incidentId,
  campaignId,
  channel,
  platform,
  seesWholeCampaign,
}: {
  incidentId: string;
  campaignId: string;
  channel: Channel;
  platform: Platform | null | undefined;
  /** Evidence packs are for the candidate and members with full access. */
  seesWholeCampaign: boolean;
}) {
  return (
    <section id="reports" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Evidence pack and reports</h2>
      <h3>Evidence pack for this incident</h3>
      {seesWholeCampaign ? (
        <>
          <EvidencePackExplained />
          <EvidencePackButtons campaignId={campaignId} scope={{ incidentId }} what="for this incident" />
        </>
      ) : (
        <p className="notice notice-status">
          Evidence packs are made by the candidate and members who see the whole campaign. Ask them for one.
        </p>
      )}
      {ONLINE_CHANNELS.has(channel) && platform ? (
        <PlatformReport incidentId={incidentId} platform={platform} />
      ) : null}
    </section>
  );
}
