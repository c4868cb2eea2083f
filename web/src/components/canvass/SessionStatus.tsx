// Where a session stands, in one panel: the countdown to the next check-in (or the end) on the server's
// clock, a reminder shortly before it is due, and, once contacts are alerted or someone acknowledged,
// that in plain words. The ticking numbers are a timer (not announced every second); what changes
// state is announced.
import { useEffect, useRef, useState, type ReactNode, type Ref } from "react";
import { reminderLeadMs, timingsFrom } from "../../../../src/core/canvass/machine.ts";
import { localNotification } from "../../canvass/push.ts";
import { clockTime, countdown, countdownWords, serverNow, type ServerClock } from "../../canvass/time.ts";
import type { CanvassSessionView } from "../../canvass/types.ts";
import { becauseOf } from "../../canvass/words.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import "./canvass.css";

/** Re-renders every `ms` while mounted. */
function useTick(ms: number) {
  const [, setN] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setN((n) => n + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
}

function Timer({ ms, label }: { ms: number; label: string }) {
  return (
    <p className="canvass-timer" role="timer" aria-label={`${label}: ${countdownWords(ms)}`}>
      <span aria-hidden="true">{countdown(ms)}</span>
    </p>
  );
}

export function SessionStatus({
  view,
  clock,
  ref,
}: {
  view: CanvassSessionView;
  clock: ServerClock;
  ref?: Ref<HTMLDivElement>;
}) {
  useTick(1000);
  const now = serverNow(clock);
  const at = (iso: string) => clockTime(iso, now);
  const e = view.escalation;
  const lead = reminderLeadMs(timingsFrom(view.plan));
  const remaining = view.deadline ? Date.parse(view.deadline.at) - now : null;
  const open = view.status !== "closed" && view.status !== "planned";
  const remindNow =
    open &&
    !e &&
    view.deadline !== null &&
    remaining !== null &&
    (view.status === "due" || remaining <= lead);

  // One device notification per deadline, if the person allowed notifications.
  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (!remindNow || !view.deadline || notified.current === view.deadline.at) return;
    notified.current = view.deadline.at;
    const end = view.deadline.reason === "overran";
    void localNotification(
      end ? "Shield: your session is ending" : "Shield: check in soon",
      end
        ? `Your session is planned to end at ${clockTime(view.deadline.at)}. End it or extend it, or your contacts will be alerted.`
        : `Your next check-in is due at ${clockTime(view.deadline.at)}. Tap to check in.`,
      `canvass-${view.id}-reminder`,
      `/canvass/${view.id}`,
    );
  }, [remindNow, view.deadline, view.id]);

  let tone = "calm";
  let body: ReactNode;
  if (view.status === "closed") {
    tone = "done";
    body = (
      <>
        <p className="canvass-headline">
          {view.closedAt ? `This session ended at ${clockTime(view.closedAt)}.` : "This session has ended."}
        </p>
        {view.acknowledgedLine ? <p>{view.acknowledgedLine}</p> : null}
      </>
    );
  } else if (view.status === "planned") {
    tone = "done";
    body = (
      <p className="canvass-headline">
        Not started yet. It is planned to end at {at(view.endsAt)}; start it when you set off.
      </p>
    );
  } else if (e && e.acknowledgedAt) {
    tone = "handled";
    body = (
      <>
        <p className="canvass-headline">
          <span aria-hidden="true">✓ </span>
          {view.acknowledgedLine ??
            `${e.acknowledgedBy ?? "Someone"} acknowledged the alert at ${at(e.acknowledgedAt)} and is dealing with it.`}
        </p>
        <p>
          Your contacts were alerted (stage {e.stage}). {becauseOf(e.reason, at(e.since))} No more alerts go
          out for this. Check in when you are safe: it tells everyone you are OK.
        </p>
      </>
    );
  } else if (e && e.stage > 0) {
    tone = "alarm";
    body = (
      <>
        <p className="canvass-headline">
          <span aria-hidden="true">⚠ </span>Your contacts have been alerted (stage {e.stage})
        </p>
        <p>
          {becauseOf(e.reason, at(e.since))}{" "}
          {e.nextStageAt
            ? `If nobody says they are dealing with it, the next people are alerted at ${at(e.nextStageAt)}.`
            : "Everyone on the plan has been alerted."}
        </p>
        <p>
          {e.reason === "danger"
            ? "If you are in danger, call 999."
            : "If you are OK, check in now: it tells them and stops further alerts."}
        </p>
      </>
    );
  } else if (e) {
    // Missed, within the grace before the first alert.
    tone = "alarm";
    const until = e.nextStageAt ? Date.parse(e.nextStageAt) - now : null;
    body = (
      <>
        <p className="canvass-headline">
          <span aria-hidden="true">⚠ </span>
          {e.reason === "overran"
            ? `Your session was planned to end at ${at(e.since)}.`
            : `Your check-in was due at ${at(e.since)}.`}
        </p>
        {until !== null && until > 0 ? (
          <>
            <p>Your contacts will be alerted at {at(e.nextStageAt!)} unless you check in now:</p>
            <Timer ms={until} label="Time until your contacts are alerted" />
          </>
        ) : (
          <p>Your contacts are being alerted. Check in now if you are OK.</p>
        )}
      </>
    );
  } else if (view.deadline && remaining !== null) {
    const end = view.deadline.reason === "overran";
    tone = remindNow ? "soon" : "calm";
    body = (
      <>
        <p className="canvass-headline">
          {remaining > 0
            ? end
              ? `Your session ends at ${at(view.deadline.at)}`
              : `Next check-in due at ${at(view.deadline.at)}`
            : end
              ? `Your session was planned to end at ${at(view.deadline.at)}: end it or extend it now`
              : `Your check-in is due now (${at(view.deadline.at)})`}
        </p>
        {remaining > 0 ? (
          <Timer
            ms={remaining}
            label={end ? "Time until your session ends" : "Time until your next check-in"}
          />
        ) : null}
        {!end ? <p className="meta">The session ends at {at(view.endsAt)}.</p> : null}
      </>
    );
  }

  return (
    <div ref={ref} tabIndex={-1} className={`canvass-status tone-${tone}`}>
      <h2 className="canvass-status-title">
        <span className="visually-hidden">Status: </span>
        <StatusBadge status={view.status} />
      </h2>
      {body}
      <div role="alert" className="notice-region">
        {remindNow && remaining !== null && remaining > 0 ? (
          <p className="canvass-reminder">
            <span aria-hidden="true">⏰ </span>
            {view.deadline!.reason === "overran"
              ? `Your session ends soon: end it or extend it before ${at(view.deadline!.at)}.`
              : `Check in soon: your check-in is due at ${at(view.deadline!.at)}.`}
          </p>
        ) : null}
      </div>
    </div>
  );
}
