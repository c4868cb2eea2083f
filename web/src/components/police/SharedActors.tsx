// On the SPOC's incident page: the people behind the incident that the candidate chose to share with the
// force (a name, handles, a vehicle…), so the police can identify them. Records the candidate did not
// share are not sent to the police at all.
import { IDENTIFIER_LABEL, PLATFORM_LABEL } from "../labels.ts";
import { formatDateTime, isoOf } from "../incidents/time.ts";
import type { SharedActor } from "./types.ts";

export function SharedActors({ actors }: { actors: SharedActor[] }) {
  return (
    <section id="people" aria-labelledby="people-heading">
      <h2 id="people-heading">{actors.length === 1 ? "The person behind it" : "The people behind it"}</h2>
      <p className="hint">
        The candidate shared {actors.length === 1 ? "this person" : "these people"} with your force, with
        every incident recorded against them.
      </p>
      <ul className="shared-actors">
        {actors.map((a) => (
          <li key={a.id}>
            <h3>{a.label}</h3>
            {a.description ? <p className="pre-wrap">{a.description}</p> : null}
            {a.identifiers.length > 0 ? (
              <dl className="facts">
                {a.identifiers.map((i, n) => (
                  <div key={n}>
                    <dt>
                      {IDENTIFIER_LABEL[i.kind]}
                      {i.platform ? ` (${PLATFORM_LABEL[i.platform]})` : ""}
                    </dt>
                    <dd className="break">{i.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <p className="hint">
              Shared on <time dateTime={isoOf(a.sharedAt)}>{formatDateTime(a.sharedAt)}</time>
              {a.updatesStoppedAt ? (
                <>
                  ; the candidate stopped sharing updates on{" "}
                  <time dateTime={isoOf(a.updatesStoppedAt)}>{formatDateTime(a.updatesStoppedAt)}</time>, so
                  this is the record as it was then
                </>
              ) : null}
              .
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
