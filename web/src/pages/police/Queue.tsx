// A police SPOC's queue: incidents candidates in the force shared, highest level first, then the most
// recent; each with the candidate's campaign, when it happened, where it has got to and any crime reference.
import { Link } from "wouter";
import { errorMessage } from "../../api.ts";
import { formatDateTime, isoOf } from "../../components/incidents/time.ts";
import { channelText, plural } from "../../components/labels.ts";
import { LevelBadge } from "../../components/LevelBadge.tsx";
import { Notice, Page } from "../../components/Page.tsx";
import { StatusTag } from "../../components/police/StatusTag.tsx";
import type { Queue as QueueData } from "../../components/police/types.ts";
import { forceName } from "../../components/police/words.ts";
import { isForbidden, useResource } from "../../components/useResource.ts";
import { useSession } from "../../session.tsx";
import "../../components/police/police.css";

export default function Queue() {
  const { session } = useSession();
  const queue = useResource<QueueData>("/api/police/queue");
  const force = forceName(queue.data?.forceId ?? session?.user.forceId);
  const incidents = queue.data?.incidents ?? [];
  const open = incidents.filter((i) => i.status === "received").length;

  return (
    <Page
      title="Shared incidents"
      intro={`Incidents that candidates in ${force || "your force"} chose to share with you: the highest level first, then the most recent.`}
    >
      <div className="police-ui">
        {isForbidden(queue.error) ? (
          <p>
            Only a police force’s single point of contact for candidates has a queue. If your account should
            have one, ask your Shield administrator to attach it to your force.
          </p>
        ) : queue.error ? (
          <Notice kind="error">{errorMessage(queue.error)}</Notice>
        ) : null}
        {queue.loading && !queue.data ? (
          <p role="status" className="loading">
            Loading the queue…
          </p>
        ) : null}
        {queue.data ? (
          incidents.length === 0 ? (
            <p>Nothing has been shared with {force || "your force"} yet.</p>
          ) : (
            <p className="meta">
              {plural(incidents.length, "incident")}; {open} not yet acknowledged.
            </p>
          )
        ) : null}
        <ol className="plain queue">
          {incidents.map((i) => (
            <li key={i.id} className="card queue-item">
              <p className="badge-line">
                <LevelBadge level={i.level} />
                <StatusTag status={i.status} />
                {i.crimeReference ? (
                  <span>
                    Crime ref. <span className="reference">{i.crimeReference}</span>
                  </span>
                ) : null}
              </p>
              <p className="queue-summary">
                <Link href={`/police/incidents/${i.id}`}>{i.summary || "Untitled incident"}</Link>
              </p>
              <p className="meta">
                {i.campaign} · happened{" "}
                <time dateTime={isoOf(i.occurredAt)}>{formatDateTime(i.occurredAt)}</time> ·{" "}
                {channelText(i.channel)} · shared{" "}
                <time dateTime={isoOf(i.sharedAt)}>{formatDateTime(i.sharedAt)}</time>
                {i.updatesStoppedAt ? (
                  <>
                    {" "}
                    · candidate stopped sharing updates{" "}
                    <time dateTime={isoOf(i.updatesStoppedAt)}>{formatDateTime(i.updatesStoppedAt)}</time>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </Page>
  );
}
