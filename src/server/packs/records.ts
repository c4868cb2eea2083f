// records.json: the pack's records as data, for software and for anyone who wants every field. The
// verdicts are as the app shows them, less the advice aimed at the candidate (next steps, contacts).
import { PACK_FORMAT } from "../../core/evidence-pack/index.ts";
import type { Finding } from "../../core/patterns/types.ts";
import type { PackRecords } from "./load.ts";

/**
 * records.json, one incident per line, as pieces of text to write one after another (a pack of 500
 * incidents makes tens of megabytes, which are never held whole). Findings name the incidents that make them by their number in
 * the pack (incidentRefs) and, for incidents outside it, by id (otherIncidentIds): a person's findings
 * at each of 500 incidents would otherwise repeat up to 500 ids each. Reasons that restate a finding
 * are left out for the same reason (the findings hold them).
 */
export function* recordsJson(records: PackRecords, keyFingerprint: string): Generator<string> {
  const refOf = new Map(records.incidents.map((i) => [i.id, i.ref]));
  const compact = (f: Finding) => {
    const { incidentIds, ...rest } = f;
    return {
      ...rest,
      incidentRefs: incidentIds.map((id) => refOf.get(id)).filter((n): n is number => n !== undefined),
      otherIncidentIds: incidentIds.filter((id) => !refOf.has(id)),
    };
  };
  const head = {
    format: PACK_FORMAT,
    packId: records.packId,
    generatedAt: records.generatedAt.toISOString(),
    generatedBy: records.generatedBy.displayName,
    keyFingerprint,
    campaign: records.campaign,
    scope: records.scope,
    scopeTitle: records.scopeTitle,
    timesAre: "UTC (ISO 8601); the PDF shows them in UK time",
  };
  const line = (key: string, value: unknown) => `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  yield "{\n";
  for (const [k, v] of Object.entries(head)) yield `${line(k, v)},\n`;
  yield '"incidents":[\n';
  let first = true;
  for (const i of records.incidents) {
    yield (
      (first ? "" : ",\n") +
      JSON.stringify({
        ref: i.ref,
        id: i.id,
        recordedAt: i.recordedAt,
        recordedBy: i.recordedBy,
        revision: i.revision,
        current: i.body,
        revisions: i.revisions,
        evidence: i.evidence,
        followUps: i.followUps,
        verdict: {
          level: i.verdict.level,
          headline: i.verdict.headline,
          advice: i.verdict.advice,
          rulesetVersion: i.verdict.rulesetVersion,
          analyserVersion: i.verdict.analyserVersion,
          reasons: i.verdict.reasons.filter((r) => r.kind !== "pattern"),
          offences: i.verdict.offences,
          disqualification: i.verdict.disqualification,
          findings: i.verdict.findings.map(compact),
        },
      })
    );
    first = false;
  }
  yield "\n],\n";
  yield `${line("actors", records.actors)},\n`;
  yield `${line(
    "people",
    records.people.map((p) => ({ ...p, findings: p.findings.map(compact) })),
  )},\n`;
  yield `${line("campaignFindings", records.campaignFindings.map(compact))}\n}\n`;
}

export function readmeText(records: PackRecords, keyFingerprint: string, publicUrl: string): Uint8Array {
  const text = `Shield evidence pack ${records.packId}
${records.scopeTitle}
Campaign: ${records.campaign.name}
Made on ${records.generatedAt.toISOString()} by ${records.generatedBy.displayName}

What is in it
  report.pdf                 the pack for people to read: summary, timeline, every incident with its
                             changes, evidence and assessment, the people and patterns, possible
                             offences, and the SHA-256 of every file
  records.json               the same records as data
  evidence/                  the original evidence files, named by their SHA-256 (message copies as .txt)
  platform-reports/          for online incidents: text ready to paste into each platform's report form
  manifest.json              every file above with its size and SHA-256
  signature.json             an Ed25519 signature over manifest.json by the deployment's key

Checking it
  With Shield installed:  shield verify THIS-FILE.zip --expect-key "${keyFingerprint}"
  It names any file that was changed, added or removed, and exits 0 only when all is intact.

  By hand: compute the SHA-256 of each file (sha256sum on Linux, shasum -a 256 on macOS,
  certutil -hashfile FILE SHA256 on Windows) and compare it with manifest.json; then check the
  Ed25519 signature in signature.json over the exact bytes of manifest.json.

The deployment's signing key fingerprint is
  ${keyFingerprint}
Compare it with the one the deployment publishes at ${publicUrl}/api/reference/signing-key.

Where the pack says an incident may constitute an offence, that is guidance from published sources,
not a legal finding. If anyone is in immediate danger, call 999.
`;
  return Buffer.from(text, "utf8");
}
