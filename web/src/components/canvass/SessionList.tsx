// The campaign's open canvass sessions: who is out, where, how it is going, and what is next.
import { Link } from "wouter";
import { clockTime } from "../../canvass/time.ts";
import type { CanvassSessionView } from "../../canvass/types.ts";
import { listOfNames } from "../../canvass/words.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import "./canvass.css";

function nextStep(s: CanvassSessionView): string {
  const now = Date.parse(s.serverTime);
  if (s.status === "planned") return `Not started. Planned to end at ${clockTime(s.endsAt, now)}.`;
  if (s.status === "acknowledged" && s.acknowledgedLine) return s.acknowledgedLine;
  if (s.escalation && s.escalation.stage > 0)
    return `Contacts alerted (stage ${s.escalation.stage}) since ${clockTime(s.escalation.since, now)}.`;
  if (s.status === "overdue" && s.deadline) return `Check-in was due at ${clockTime(s.deadline.at, now)}.`;
  if (!s.deadline) return `Ends at ${clockTime(s.endsAt, now)}.`;
  return s.deadline.reason === "overran"
    ? `Ends at ${clockTime(s.deadline.at, now)}.`
    : `Next check-in due at ${clockTime(s.deadline.at, now)}. Ends at ${clockTime(s.endsAt, now)}.`;
}

export function SessionList({ sessions, youId }: { sessions: CanvassSessionView[]; youId: string }) {
  return (
    <ul className="plain canvass-sessions">
      {sessions.map((s) => {
        const names = s.plan.people.map((p) => (p.userId === youId ? `${p.name} (you)` : p.name));
        const alarm = s.status === "overdue" || s.status === "escalated";
        return (
          <li key={s.id} className={`card canvass-session-card${alarm ? " alarm" : ""}`}>
            <p className="canvass-session-who">
              <Link href={`/canvass/${s.id}`}>
                {listOfNames(names)}
                <span className="visually-hidden">: open this session</span>
              </Link>
            </p>
            <p className="canvass-area">{s.plan.area}</p>
            <p>
              <StatusBadge status={s.status} />
            </p>
            <p className="meta">{nextStep(s)}</p>
          </li>
        );
      })}
    </ul>
  );
}
