// The incident's verdict history (every level it has had, when and why) and who has read it.
import { useState } from "react";
import { errorMessage } from "../../api.ts";
import { LevelBadge } from "../LevelBadge.tsx";
import { LEVEL_LABEL } from "../levels.ts";
import { Notice } from "../Page.tsx";
import type { VerdictLevel } from "../../types.ts";
import { CAUSE_LABEL } from "../labels.ts";
import { formatDateTime, isoOf } from "./time.ts";
import { isForbidden } from "../useResource.ts";
import type { Evidence, ReadEntry, VerdictHistoryEntry } from "./types.ts";

const READS_SHOWN = 20;
const RANK = Object.keys(LEVEL_LABEL) as VerdictLevel[];
/** Higher is more serious. */
const rank = (level: VerdictLevel) => RANK.length - RANK.indexOf(level);

function movement(previous: VerdictHistoryEntry | undefined, entry: VerdictHistoryEntry): string {
  if (!previous) return "First advice";
  if (rank(entry.level) > rank(previous.level)) return "Advice went up";
  if (rank(entry.level) < rank(previous.level)) return "Advice went down";
  return "Advice unchanged";
}

export function VerdictHistorySection({
  verdicts,
  error,
  loading,
}: {
  verdicts: VerdictHistoryEntry[] | undefined;
  error: unknown;
  loading: boolean;
}) {
  const list = verdicts ?? [];
  return (
    <section id="verdict-history" aria-labelledby="verdict-history-heading">
      <h2 id="verdict-history-heading">Advice over time</h2>
      <p className="meta">
        Shield works the advice out again when the incident is amended, evidence is added, other incidents
        show a pattern, or its rules are updated. Every result is kept.
      </p>
      {error ? <Notice kind="error">{errorMessage(error)}</Notice> : null}
      {loading && !verdicts ? <p className="loading">Loading…</p> : null}
      {list.length > 0 ? (
        <ol className="plain history">
          {[...list].reverse().map((entry, i, newestFirst) => (
            <li key={entry.id} className="card">
              <p className="badge-line">
                <LevelBadge level={entry.level} />{" "}
                <strong>
                  {movement(newestFirst[i + 1], entry)}
                  {i === 0 ? " (current)" : ""}
                </strong>
              </p>
              <p className="meta">
                <time dateTime={isoOf(entry.computedAt)}>{formatDateTime(entry.computedAt)}</time>
                {" · "}
                {CAUSE_LABEL[entry.cause] ?? entry.cause}
                {" · "}Version {entry.revision} of the incident{" · "}Rules {entry.rulesetVersion}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** Opening the same thing several times in the same minute is one row, with how many times. */
function groupReads(reads: ReadEntry[]): { read: ReadEntry; times: number }[] {
  const rows: { read: ReadEntry; times: number }[] = [];
  for (const read of reads) {
    const last = rows[rows.length - 1];
    if (
      last &&
      last.read.user.id === read.user.id &&
      last.read.what === read.what &&
      last.read.evidenceId === read.evidenceId &&
      formatDateTime(last.read.readAt) === formatDateTime(read.readAt)
    )
      last.times += 1;
    else rows.push({ read, times: 1 });
  }
  return rows;
}

export function ReadsSection({
  reads,
  error,
  loading,
  evidence,
  allowed,
}: {
  allowed: boolean;
  reads: ReadEntry[] | undefined;
  error: unknown;
  loading: boolean;
  evidence: Evidence[];
}) {
  const [showAll, setShowAll] = useState(false);
  const grouped = groupReads(reads ?? []);
  const shown = showAll ? grouped : grouped.slice(0, READS_SHOWN);
  const evidenceNumber = (id: string | null) => {
    const n = evidence.findIndex((e) => e.id === id);
    return n >= 0 ? `Evidence ${n + 1}` : "Evidence";
  };
  return (
    <section id="reads" aria-labelledby="reads-heading">
      <h2 id="reads-heading">Who has read it</h2>
      {!allowed || isForbidden(error) ? (
        <p className="notice notice-status">
          Only the candidate can see who has read an incident. Everyone who opens it is still noted, so the
          candidate can check.
        </p>
      ) : error ? (
        <Notice kind="error">{errorMessage(error)}</Notice>
      ) : loading && !reads ? (
        <p className="loading">Loading…</p>
      ) : reads && reads.length > 0 ? (
        <>
          <div className="table-wrap" role="region" aria-labelledby="reads-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">
                Each time someone opened this incident or its evidence, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ read: r, times }, i) => (
                  <tr key={`${r.readAt}-${r.user.id}-${i}`}>
                    <th scope="row">
                      <time dateTime={isoOf(r.readAt)}>{formatDateTime(r.readAt)}</time>
                    </th>
                    <td>{r.user.displayName}</td>
                    <td>
                      {r.what === "incident" ? "The incident" : evidenceNumber(r.evidenceId)}
                      {times > 1 ? ` (${times} times)` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {grouped.length > shown.length ? (
            <p>
              <button type="button" className="secondary" onClick={() => setShowAll(true)}>
                Show all {grouped.length} rows
              </button>
            </p>
          ) : null}
        </>
      ) : (
        <p>No one has opened it yet.</p>
      )}
    </section>
  );
}
