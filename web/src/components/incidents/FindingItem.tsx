// One pattern finding: its level in words, what it is, the plain-English explanation, the incidents
// that make it and the source the rule follows. Compact: the explanation opens from the title line.
import { Link } from "wouter";
import { LevelBadge } from "../LevelBadge.tsx";
import { findingTitle } from "../labels.ts";
import type { Finding, IncidentListItem } from "./types.ts";

function Body({
  finding,
  incidents,
}: {
  finding: Finding;
  incidents: ReadonlyMap<string, IncidentListItem>;
}) {
  const ids = finding.incidentIds;
  return (
    <>
      <p>{finding.explanation}</p>
      {ids.length > 0 ? (
        <>
          <p className="meta">
            Based on {ids.length} incident{ids.length === 1 ? "" : "s"}:
          </p>
          <ol className="finding-incidents">
            {ids.map((id, n) => {
              const incident = incidents.get(id);
              return (
                <li key={id}>
                  <Link href={`/incidents/${id}`}>{incident ? incident.summary : `Incident ${n + 1}`}</Link>
                  {incident ? <span className="meta"> ({incident.occurredAtLondon})</span> : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
      <p className="source">Source: {finding.source}</p>
    </>
  );
}

export function FindingItem({
  finding,
  incidents,
  collapsed = false,
}: {
  finding: Finding;
  incidents: ReadonlyMap<string, IncidentListItem>;
  /** Show only the level and title until opened (for long lists). */
  collapsed?: boolean;
}) {
  const title = (
    <>
      <LevelBadge level={finding.level} /> <strong>{findingTitle(finding)}</strong>
    </>
  );
  if (collapsed)
    return (
      <li className="finding">
        <details>
          <summary>{title}</summary>
          <Body finding={finding} incidents={incidents} />
        </details>
      </li>
    );
  return (
    <li className="card finding">
      <p>{title}</p>
      <Body finding={finding} incidents={incidents} />
    </li>
  );
}
