// What the device remembers about the campaign so that an offline verdict names the right law and
// the right police contact: the jurisdiction, the campaign's name and the SPOC's details. Private
// details are deliberately NOT kept on the device (a lost phone must not give them away).
import { api } from "../api.ts";
import type { Campaign } from "../types.ts";
import type { SpocDetails } from "../../../src/core/triage/contacts.ts";

export interface CampaignContext {
  jurisdiction: Campaign["jurisdiction"];
  name: string;
  spoc?: SpocDetails;
}

const keyFor = (campaignId: string) => `shield.campaign-context.${campaignId}`;

export function rememberedContext(campaignId: string): CampaignContext | undefined {
  try {
    const raw = localStorage.getItem(keyFor(campaignId));
    return raw ? (JSON.parse(raw) as CampaignContext) : undefined;
  } catch {
    return undefined;
  }
}

/** Refreshes the remembered context while online; errors leave the last one in place. */
export async function refreshContext(campaignId: string): Promise<void> {
  const [campaign, police] = await Promise.all([
    api<Campaign>(`/api/campaigns/${campaignId}`),
    api<{ body: Partial<SpocDetails> }>(`/api/campaigns/${campaignId}/police-contact`).catch(() => undefined),
  ]);
  const spoc = police?.body && Object.keys(police.body).length > 0 ? (police.body as SpocDetails) : undefined;
  const context: CampaignContext = {
    jurisdiction: campaign.jurisdiction,
    name: campaign.name,
    ...(spoc ? { spoc } : {}),
  };
  localStorage.setItem(keyFor(campaignId), JSON.stringify(context));
}
