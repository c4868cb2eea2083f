// Downloading an evidence pack: a PDF a person reads (for the police, a court or the candidate's own
// records) and a ZIP bundle of the records and original files with a signed list of their fingerprints.
import { useState } from "react";
import { apiFile, errorMessage, saveFile } from "../../api.ts";
import { Notice } from "../Page.tsx";
import "./police.css";

/** One incident, a person (with the records linked as them), or the days from and to (YYYY-MM-DD, UK time, both included). */
export type PackScope = { incidentId: string } | { actorId: string } | { from: string; to: string };
type Format = "pdf" | "zip";

const FORMAT_WORDS: Record<Format, { button: string; fallback: string }> = {
  pdf: { button: "Download the PDF", fallback: "evidence-pack.pdf" },
  zip: { button: "Download the ZIP bundle", fallback: "evidence-pack.zip" },
};

/**
 * The two downloads for one scope; `what` names it for screen readers ("for this incident"). The scope
 * may be worked out when a button is pressed (from a form): undefined then means the form said what is
 * wrong, and nothing is asked for.
 */
/** What the pack is of: the team's scope in their campaign, or (for police) one incident shared with them. */
type PackSource =
  | { campaignId: string; scope: PackScope | (() => PackScope | undefined); sharedIncidentId?: undefined }
  | { sharedIncidentId: string; campaignId?: undefined; scope?: undefined };

export function EvidencePackButtons({
  what,
  disabled = false,
  ...source
}: PackSource & {
  what: string;
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState<Format>();
  const [news, setNews] = useState<string>();
  const [error, setError] = useState<string>();

  async function download(format: Format) {
    let url: string;
    let body: object;
    if (source.sharedIncidentId !== undefined) {
      url = `/api/police/incidents/${source.sharedIncidentId}/evidence-pack`;
      body = { format };
    } else {
      const chosen = typeof source.scope === "function" ? source.scope() : source.scope;
      if (!chosen) return;
      url = `/api/campaigns/${source.campaignId}/evidence-packs`;
      body = { scope: chosen, format };
    }
    setBusy(format);
    setError(undefined);
    setNews(`Making the ${format === "pdf" ? "PDF" : "ZIP bundle"}… This can take a little while.`);
    try {
      const { blob, filename } = await apiFile(url, FORMAT_WORDS[format].fallback, { body });
      saveFile(blob, filename);
      setNews(`${filename} is ready and has been handed to your browser to save.`);
    } catch (e) {
      setNews(undefined);
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="evidence-pack">
      <div className="actions">
        {(["pdf", "zip"] as const).map((format) => (
          <button
            key={format}
            type="button"
            className={format === "zip" ? "secondary" : undefined}
            disabled={disabled || busy !== undefined}
            onClick={() => void download(format)}
          >
            {busy === format ? "Making it…" : FORMAT_WORDS[format].button}
            <span className="visually-hidden"> {what}</span>
          </button>
        ))}
      </div>
      <Notice kind="status">{news}</Notice>
      <Notice kind="error">{error}</Notice>
    </div>
  );
}

/** What is in a pack, said once where the buttons are. */
export function EvidencePackExplained() {
  return (
    <p className="meta">
      The PDF is for people to read: a timeline, each incident with every version, the evidence (images
      included), the people involved, what it may constitute and the fingerprint of every file. The ZIP bundle
      has the same PDF with the records, the original evidence files and a signed list of their fingerprints,
      so anyone can check that nothing was changed (<code>shield verify</code>).
    </p>
  );
}
