// What the police did with a shared incident: its status, who acknowledged it, the crime reference,
// the outcome, and every update in order. The same for the candidate's team and for the officers.
import { formatDateTime, isoOf } from "../incidents/time.ts";
import { StatusTag } from "./StatusTag.tsx";
import type { PoliceStatus } from "./types.ts";
import { STATUS_MEANS, updateText } from "./words.ts";
import "./police.css";

export function PoliceStatusView({
  police,
  headingLevel = 3,
  audience = "candidate",
}: {
  police: PoliceStatus;
  headingLevel?: 3 | 4;
  /** The candidate's team reads what the police did; officers read what their colleagues did. */
  audience?: "candidate" | "police";
}) {
  const H = headingLevel === 3 ? "h3" : "h4";
  const updates = [...police.updates].reverse();
  return (
    <div className="police-status-view">
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusTag status={police.status} />{" "}
            {audience === "candidate" ? (STATUS_MEANS[police.status] ?? "") : null}
          </dd>
        </div>
        <div>
          <dt>Acknowledged</dt>
          <dd>
            {police.acknowledgedBy ? (
              <>
                By {police.acknowledgedBy.name} ({police.acknowledgedBy.force}) on{" "}
                <time dateTime={isoOf(police.acknowledgedBy.at)}>
                  {formatDateTime(police.acknowledgedBy.at)}
                </time>
              </>
            ) : (
              "Not yet"
            )}
          </dd>
        </div>
        <div>
          <dt>Crime reference</dt>
          <dd>
            {police.crimeReference ? (
              <span className="reference">{police.crimeReference}</span>
            ) : (
              "None recorded yet"
            )}
          </dd>
        </div>
        {police.actions.length > 0 ? (
          <div>
            <dt>Actions</dt>
            <dd>
              <ul className="inline-list">
                {police.actions.map((a, i) => (
                  <li key={`${a.at}-${i}`}>
                    <span className="pre-wrap">{a.text}</span>{" "}
                    <span className="meta">
                      ({a.by}, <time dateTime={isoOf(a.at)}>{formatDateTime(a.at)}</time>)
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Outcome</dt>
          <dd>
            {police.outcome ? (
              <>
                <span className="pre-wrap">{police.outcome.text}</span>{" "}
                <span className="meta">
                  ({police.outcome.by},{" "}
                  <time dateTime={isoOf(police.outcome.at)}>{formatDateTime(police.outcome.at)}</time>)
                </span>
              </>
            ) : (
              "None recorded yet"
            )}
          </dd>
        </div>
      </dl>
      {updates.length > 0 ? (
        <>
          <H>Updates from the police, newest first</H>
          <ol className="plain police-updates">
            {updates.map((u) => (
              <li key={u.id} className="card">
                <p>
                  <strong>{updateText(u.kind)}</strong>
                  {u.crimeReference ? (
                    <>
                      : <span className="reference">{u.crimeReference}</span>
                    </>
                  ) : null}
                </p>
                {u.text ? <p className="pre-wrap">{u.text}</p> : null}
                {u.officer ? <p>Officer: {u.officer}</p> : null}
                <p className="meta">
                  Added by {u.by}, {u.forceName}, on{" "}
                  <time dateTime={isoOf(u.at)}>{formatDateTime(u.at)}</time>
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
