// The verdict computed on the device when Shield cannot be reached: the same rules and analyser as
// the server (src/core is pure), without earlier incidents or the private-details register, which
// stay on the server. Loaded on demand: it brings the analyser's model weights.
import { assess, conclude } from "../../../src/core/triage/index.ts";
import type { IncidentBody } from "../../../src/core/incident/model.ts";
import type { PresentedVerdict } from "../types.ts";
import type { CampaignContext } from "./campaign-cache.ts";

export function localVerdict(
  incident: { id: string; body: IncidentBody; evidenceTexts: { id: string; text: string }[] },
  context: CampaignContext | undefined,
): PresentedVerdict {
  const assessment = assess({
    incident: { ...incident, recordedAt: new Date() },
    campaignWords: context ? [context.name] : [],
  });
  const { assessment: _internal, ...shown } = conclude(assessment, [], {
    jurisdiction: context?.jurisdiction ?? "england-wales",
    ...(context?.spoc ? { spoc: context.spoc } : {}),
  });
  return shown;
}
