// One item of an incident's evidence: what it is, a download link for a file (the same address for the
// campaign's members and for a police force it was shared with), where it came from, when it was
// captured and added, and its SHA-256 fingerprint in full. Used on the incident page and on the police's
// view of a shared incident.
import { EVIDENCE_KIND_LABEL, SOURCE_LABEL } from "../labels.ts";
import { formatSize } from "./forms.ts";
import { formatDateTime, isoOf } from "./time.ts";
import type { Evidence, EvidenceSource } from "./types.ts";

const sourceText = (source: string) => SOURCE_LABEL[source as EvidenceSource] ?? source;

/** Where a file of evidence downloads from, exactly as it was uploaded. */
export const evidenceFileUrl = (evidenceId: string) => `/api/evidence/${evidenceId}/file`;

export function EvidenceItem({
  item,
  n,
  audience = "team",
}: {
  item: Evidence;
  n: number;
  /**
   * "team": web addresses are links, and who added it is named. "police": web addresses are shown as
   * text to copy (not opened from a police machine by a click), and who added it is not said.
   */
  audience?: "team" | "police";
}) {
  return (
    <li className="card evidence-item">
      <h3>
        Evidence {n}: {EVIDENCE_KIND_LABEL[item.kind] ?? item.kind}
      </h3>
      {item.kind === "text" && item.text !== null ? <p className="quote">{item.text}</p> : null}
      {item.kind === "url" && item.url ? (
        audience === "team" ? (
          <p className="quote">
            <a href={item.url} rel="noreferrer noopener" target="_blank">
              {item.url}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        ) : (
          <p className="quote break">{item.url}</p>
        )
      ) : null}
      {item.kind === "file" ? (
        <p>
          <a href={evidenceFileUrl(item.id)} download={item.filename ?? true}>
            Download {item.filename ?? "the file"}
          </a>{" "}
          <span className="meta">
            ({formatSize(item.size)}, {item.mediaType})
          </span>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Source</dt>
          <dd>{sourceText(item.source)}</dd>
        </div>
        <div>
          <dt>Captured</dt>
          <dd>
            <time dateTime={isoOf(item.capturedAt)}>{formatDateTime(item.capturedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>
            <time dateTime={isoOf(item.addedAt)}>{formatDateTime(item.addedAt)}</time>
            {audience === "team" ? ` by ${item.addedBy.displayName}` : null}
          </dd>
        </div>
        {item.note ? (
          <div>
            <dt>Note</dt>
            <dd>{item.note}</dd>
          </div>
        ) : null}
        <div>
          <dt>SHA-256 fingerprint</dt>
          <dd className="hash">{item.sha256}</dd>
        </div>
      </dl>
    </li>
  );
}
