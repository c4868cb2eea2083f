// Cross-force repeat-actor alerts: the same identifier behind incidents shared with two or more forces.
// Only an opaque key, the kind of identifier, the forces and dates: never the identifier or any text.
import { formatDateTime, isoOf } from "../incidents/time.ts";
import { plural } from "../labels.ts";
import type { RepeatActorForce } from "./types.ts";
import { identifierKindText } from "./words.ts";

export interface RepeatActorRow {
  key: string;
  kind: string;
  forces: (RepeatActorForce & { spocs?: { name: string; email: string }[] })[];
}

export function RepeatActorList({
  alerts,
  ownForceId,
}: {
  alerts: RepeatActorRow[];
  /** The SPOC's own force: marked, and shown without contacts. */
  ownForceId?: string | undefined;
}) {
  return (
    <ol className="plain repeat-actors">
      {alerts.map((a) => {
        const total = a.forces.reduce((n, f) => n + f.incidents, 0);
        return (
          <li key={a.key} className="card">
            <h2 className="alert-title">
              {identifierKindText(a.kind)} in {a.forces.length} forces
            </h2>
            <p className="meta">
              Alert <span className="hash">{a.key}</span> · {plural(total, "shared incident")}
            </p>
            <ul className="plain force-list">
              {a.forces.map((f) => (
                <li key={f.forceId}>
                  <h3>
                    {f.forceName}
                    {f.forceId === ownForceId ? " (your force)" : ""}
                  </h3>
                  <dl className="facts">
                    <div>
                      <dt>Shared incidents</dt>
                      <dd>{f.incidents}</dd>
                    </div>
                    <div>
                      <dt>{f.firstSharedAt === f.lastSharedAt ? "Shared" : "First and last shared"}</dt>
                      <dd>
                        <time dateTime={isoOf(f.firstSharedAt)}>{formatDateTime(f.firstSharedAt)}</time>
                        {f.firstSharedAt !== f.lastSharedAt ? (
                          <>
                            {" "}
                            and <time dateTime={isoOf(f.lastSharedAt)}>{formatDateTime(f.lastSharedAt)}</time>
                          </>
                        ) : null}
                      </dd>
                    </div>
                    {ownForceId !== undefined && f.forceId !== ownForceId ? (
                      <div>
                        <dt>Single point of contact</dt>
                        <dd>
                          {f.spocs && f.spocs.length > 0 ? (
                            <ul className="inline-list">
                              {f.spocs.map((s) => (
                                <li key={s.email}>
                                  {s.name}, <a href={`mailto:${s.email}`}>{s.email}</a>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            "No account in Shield yet: contact the force through its usual channels."
                          )}
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
