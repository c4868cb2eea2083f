// One incident in a list: its advice in words, its title (the link), when, how and who recorded it.
import { Link } from "wouter";
import { LevelBadge } from "../LevelBadge.tsx";
import { channelText } from "../labels.ts";
import { formatDateTime, formatTime, isoOf } from "./time.ts";
import type { IncidentListItem } from "./types.ts";

export function IncidentRow({
  incident,
  timeOnly = false,
  actorNames = [],
}: {
  incident: IncidentListItem;
  /** In a timeline grouped by day, the day is in the heading: show only the time. */
  timeOnly?: boolean;
  actorNames?: string[];
}) {
  return (
    <li className="card incident-row">
      <p className="incident-row-when">
        <LevelBadge level={incident.verdictLevel} />{" "}
        <time dateTime={isoOf(incident.occurredAt)}>
          {timeOnly
            ? formatTime(incident.occurredAt)
            : incident.occurredAtLondon || formatDateTime(incident.occurredAt)}
        </time>
      </p>
      <p className="incident-row-summary">
        <Link href={`/incidents/${incident.id}`}>{incident.summary}</Link>
      </p>
      <p className="meta">
        {channelText(incident.channel, incident.platform)}
        {" · "}Recorded by {incident.recordedBy.displayName}
        {actorNames.length > 0 ? <> · Involving {actorNames.join(", ")}</> : null}
        {incident.revision > 1 ? <> · Amended ({incident.revision} versions)</> : null}
      </p>
    </li>
  );
}
