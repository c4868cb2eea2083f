// One canvass session while it runs (/canvass/:id): the big "I'm OK" button, the countdown on the server's
// clock, extend and end, the safety buttons, what the contacts were sent and what has happened. A team
// member who is not out sees the same page and can say they are dealing with an alert.
import { useRef, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { ApiError, errorMessage, OfflineError } from "../api.ts";
import { act, type SessionAction } from "../canvass/api.ts";
import { currentLocation } from "../canvass/location.ts";
import { clockTime, inputTime, roundUpToFive, serverNow, timeToInstant, duration } from "../canvass/time.ts";
import type { CanvassSessionView } from "../canvass/types.ts";
import { useLiveSession } from "../canvass/useLiveSession.ts";
import { listOfNames } from "../canvass/words.ts";
import { Notice, Page } from "../components/Page.tsx";
import { isForbidden, isNotFound } from "../components/useResource.ts";
import { TextField } from "../components/forms/Field.tsx";
import { Alerts } from "../components/canvass/Alerts.tsx";
import { History } from "../components/canvass/History.tsx";
import { PanicButtons } from "../components/canvass/PanicButtons.tsx";
import { PlacesMap } from "../components/canvass/PlacesMap.tsx";
import { PushToggle } from "../components/canvass/PushToggle.tsx";
import { SessionStatus } from "../components/canvass/SessionStatus.tsx";
import { mapLink } from "../canvass/location.ts";
import { useSession } from "../session.tsx";
import "../components/canvass/canvass.css";

type Panel = "none" | "extend" | "end";

export default function CanvassSession({ id }: { id: string }) {
  const { session } = useSession();
  const live = useLiveSession(id);
  const { view, clock } = live;
  const [panel, setPanel] = useState<Panel>("none");
  const [busy, setBusy] = useState<string>();
  /** News of the last action, shown while the session is still in the state that action left it in. */
  const [news, setNewsFor] = useState<{ text: string; status: string }>();
  const [problem, setProblem] = useState<string>();
  const [pastEnd, setPastEnd] = useState(false);
  const [endTime, setEndTime] = useState("");
  const [extendProblem, setExtendProblem] = useState<string>();
  const status = useRef<HTMLDivElement>(null);
  const extendButton = useRef<HTMLButtonElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const problemArea = useRef<HTMLDivElement>(null);

  if (!view || !clock) {
    return (
      <Page title="Canvassing session">
        {live.error ? (
          <Notice>
            {isNotFound(live.error) || isForbidden(live.error)
              ? "There is no canvassing session here that you can see. It may belong to another campaign."
              : errorMessage(live.error)}
          </Notice>
        ) : (
          <p role="status" className="loading">
            Loading the session…
          </p>
        )}
        <p>
          <Link href="/canvass">All canvassing sessions</Link>
        </p>
      </Page>
    );
  }

  const now = serverNow(clock);
  const at = (iso: string) => clockTime(iso, now);
  const youAreOut = view.plan.people.some((p) => p.userId === session?.user.id);
  const closed = view.status === "closed";
  const names = listOfNames(
    view.plan.people.map((p) => (p.userId === session?.user.id ? `${p.name} (you)` : p.name)),
  );

  const setNews = (text: string | undefined, after?: CanvassSessionView) =>
    setNewsFor(text && after ? { text, status: after.status } : undefined);

  function focusStatus() {
    setTimeout(() => status.current?.focus(), 0);
  }

  /** Runs an action; returns the new view, or undefined after saying what went wrong. */
  async function run(action: SessionAction, label: string): Promise<CanvassSessionView | undefined> {
    setBusy(label);
    setProblem(undefined);
    setNews(undefined);
    setPastEnd(false);
    try {
      const next = await act(id, action);
      live.replace(next);
      return next;
    } catch (error) {
      if (error instanceof ApiError && (error.code === "past-end" || /planned to end/.test(error.message))) {
        setPastEnd(true);
        setProblem(
          "Your session was planned to end already, so Shield cannot take a check-in. Extend it if you are still out, or end it if you have finished.",
        );
      } else if (error instanceof OfflineError && action.kind === "check-in") {
        setProblem(
          `Your check-in did not reach Shield: you seem to be offline. Try again when you have signal${
            view?.deadline ? `, before ${at(view.deadline.at)}` : ""
          }, or phone one of your contacts to say you are OK.`,
        );
      } else setProblem(errorMessage(error));
      setTimeout(() => problemArea.current?.focus(), 0);
      void live.reload();
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }

  async function checkIn() {
    const wasAlerted = Boolean(view?.escalation && view.escalation.stage > 0);
    const location = view?.plan.shareLocation && youAreOut ? await currentLocation(5000) : undefined;
    const next = await run({ kind: "check-in", ...(location ? { location } : {}) }, "check-in");
    if (!next) return;
    const due = next.deadline
      ? next.deadline.reason === "overran"
        ? ` Your session ends at ${clockTime(next.deadline.at, Date.parse(next.serverTime))}.`
        : ` Next check-in due at ${clockTime(next.deadline.at, Date.parse(next.serverTime))}.`
      : "";
    setNews(
      `Checked in at ${clockTime(next.lastCheckInAt ?? next.serverTime, Date.parse(next.serverTime))}.${
        wasAlerted ? " Your contacts can see you are OK, and no more alerts go out." : ""
      }${due}${view?.plan.shareLocation && youAreOut && !location ? " Your location could not be read, so it was not sent." : ""}`,
      next,
    );
  }

  function openExtend() {
    const base = Math.max(Date.parse(view!.endsAt), now);
    setEndTime(inputTime(roundUpToFive(base + 3_600_000)));
    setExtendProblem(undefined);
    setPanel("extend");
    setTimeout(() => document.getElementById("extend-endsAt")?.focus(), 0);
  }

  async function extend(event: FormEvent) {
    event.preventDefault();
    const ms = timeToInstant(endTime, now);
    if (ms === undefined) return setExtendProblem("Enter a time, like 18:30.");
    if (ms <= now) return setExtendProblem("That time has passed: choose a later one.");
    setExtendProblem(undefined);
    const next = await run({ kind: "extend", endsAt: new Date(ms).toISOString() }, "extend");
    if (!next) return;
    setPanel("none");
    setNews(
      `Extended: the session now ends at ${clockTime(next.endsAt, Date.parse(next.serverTime))}. That counts as a check-in.`,
      next,
    );
    focusStatus();
  }

  async function end() {
    const next = await run({ kind: "end" }, "end");
    if (!next) return;
    setPanel("none");
    setNews("Session ended. Nobody will be alerted about it any more. Thank you for checking in.", next);
    focusStatus();
  }

  async function start() {
    const next = await run({ kind: "start" }, "start");
    if (next) {
      setNews("Started. Your first check-in is on the countdown above.", next);
      focusStatus();
    }
  }

  async function acknowledge() {
    if (!view?.escalation) return;
    const next = await run({ kind: "acknowledge", episode: view.escalation.episode }, "acknowledge");
    if (next) {
      setNews(
        "Thank you: they have been told you are dealing with it, and no more alerts go out for this.",
        next,
      );
      focusStatus();
    }
  }

  function closePanel(which: Panel) {
    setPanel("none");
    setTimeout(() => (which === "extend" ? extendButton : endButton).current?.focus(), 0);
  }

  // The safety buttons are for the people out; the candidate and full members may also check in for
  // them (after speaking to them) and say they are dealing with an alert.
  const canPanic = !closed && view.status !== "planned" && youAreOut;

  return (
    <Page title="Canvassing session" intro={`${names}: ${view.plan.area}`}>
      {live.error ? (
        <p className="canvass-warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {live.error instanceof OfflineError
            ? "You seem to be offline: this page cannot hear from Shield, and Shield cannot hear your check-ins. If it lasts, phone one of your contacts."
            : `This page could not be brought up to date: ${errorMessage(live.error)}`}
        </p>
      ) : null}

      <SessionStatus ref={status} view={view} clock={clock} />

      <Notice kind="status">{news && news.status === view.status ? news.text : null}</Notice>
      <div ref={problemArea} tabIndex={-1} className="problem-area">
        <Notice>{problem}</Notice>
      </div>
      {pastEnd && panel === "none" ? (
        <div className="actions">
          <button type="button" onClick={openExtend}>
            Extend the session
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void end()}
            disabled={busy !== undefined}
          >
            End the session
          </button>
        </div>
      ) : null}

      {view.status === "planned" && view.can.end ? (
        <div className="actions">
          <button
            type="button"
            className="canvass-checkin"
            disabled={busy !== undefined}
            onClick={() => void start()}
          >
            {busy === "start" ? "Starting…" : "Start now"}
          </button>
        </div>
      ) : null}

      {view.can.checkIn && view.status !== "planned" && youAreOut ? (
        <button
          type="button"
          className="canvass-checkin"
          disabled={busy !== undefined}
          onClick={() => void checkIn()}
        >
          {busy === "check-in" ? (
            "Checking in…"
          ) : (
            <>
              <span aria-hidden="true">✓ </span>I&rsquo;m OK — check in
            </>
          )}
        </button>
      ) : null}

      {view.can.checkIn && view.status !== "planned" && !youAreOut ? (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={busy !== undefined}
            onClick={() => void checkIn()}
          >
            {busy === "check-in" ? "Checking in…" : "Check in for them"}
          </button>
          <span className="hint">Only after you have spoken to them and they are OK.</span>
        </div>
      ) : null}

      {view.can.acknowledge && !youAreOut && view.escalation && !view.escalation.acknowledgedAt ? (
        <div className="actions">
          <button type="button" disabled={busy !== undefined} onClick={() => void acknowledge()}>
            {busy === "acknowledge" ? "Telling them…" : "I'm dealing with this"}
          </button>
        </div>
      ) : null}

      {!closed && (view.can.extend || view.can.end) && panel === "none" ? (
        <div className="actions">
          {view.can.extend ? (
            <button ref={extendButton} type="button" className="secondary" onClick={openExtend}>
              Extend
            </button>
          ) : null}
          {view.can.end ? (
            <button ref={endButton} type="button" className="secondary" onClick={() => setPanel("end")}>
              End session
            </button>
          ) : null}
        </div>
      ) : null}

      {panel === "extend" ? (
        <form className="card" onSubmit={(e) => void extend(e)} noValidate>
          <TextField
            id="extend-endsAt"
            type="time"
            label="When will you finish now?"
            hint={(() => {
              const ms = timeToInstant(endTime, now);
              return ms && ms > now
                ? `${clockTime(ms, now)}, in ${duration(ms - now)}. Extending counts as a check-in.`
                : "Extending counts as a check-in.";
            })()}
            value={endTime}
            onChange={(e) => setEndTime(e.target.value)}
            error={extendProblem}
            className="time-input"
          />
          <div className="actions">
            <button type="submit" disabled={busy !== undefined}>
              {busy === "extend" ? "Extending…" : "Extend the session"}
            </button>
            <button type="button" className="secondary" onClick={() => closePanel("extend")}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}

      {panel === "end" ? (
        <div className="confirm" role="group" aria-labelledby="end-question">
          <p id="end-question">
            <strong>End this session?</strong>
          </p>
          <p>Do this when everyone is back safely. Nobody is alerted about this session after it ends.</p>
          <div className="actions">
            <button type="button" disabled={busy !== undefined} onClick={() => void end()}>
              {busy === "end" ? "Ending…" : "Yes, end it"}
            </button>
            <button type="button" className="secondary" onClick={() => closePanel("end")}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {canPanic ? <PanicButtons view={view} onView={live.replace} /> : null}

      {view.incidentId ? (
        <p>
          An incident was recorded from this session:{" "}
          <Link href={`/incidents/${view.incidentId}`}>see the incident</Link>.
        </p>
      ) : null}

      {!closed ? <PushToggle /> : null}

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">The plan</h2>
        <dl className="canvass-plan-summary">
          <dt>Where</dt>
          <dd>{view.plan.area}</dd>
          <dt>Who is out</dt>
          <dd>
            <ul className="plain">
              {view.plan.people.map((p, i) => (
                <li key={`${p.userId ?? p.name}-${i}`}>
                  {p.userId === session?.user.id ? `${p.name} (you)` : p.name}
                  {p.phone ? (
                    <>
                      {" "}
                      <a href={`tel:${p.phone.replace(/[^\d+]/g, "")}`}>{p.phone}</a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
          <dt>Planned to end</dt>
          <dd>{at(view.endsAt)}</dd>
          <dt>Check-ins</dt>
          <dd>
            Every {duration(view.plan.checkInEveryMinutes * 60_000)}
            {view.lastCheckInAt ? `; last at ${at(view.lastCheckInAt)}` : ""}
          </dd>
          <dt>Who is told</dt>
          <dd>
            <ul className="plain">
              {view.plan.contacts.map((c, i) => (
                <li key={`${c.userId ?? c.name}-${i}`}>
                  {c.name}
                  {c.email || c.phone ? (
                    <span className="meta"> ({[c.email, c.phone].filter(Boolean).join(", ")})</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
          <dt>When alerts go out</dt>
          <dd>
            {view.plan.graceMinutes} minutes after a missed check-in, again at {view.plan.stage2AfterMinutes}{" "}
            minutes
            {view.plan.alertSpoc
              ? `, and to your police single point of contact at ${view.plan.stage3AfterMinutes} minutes`
              : ""}
            , unless someone says they are dealing with it.
          </dd>
          <dt>Location</dt>
          <dd>
            {view.plan.shareLocation ? (
              view.lastKnownLocation ? (
                <>
                  Shared at check-ins. Last known at {at(view.lastKnownLocation.at)}:{" "}
                  <a href={mapLink(view.lastKnownLocation.lat, view.lastKnownLocation.lng)} rel="noreferrer">
                    {view.lastKnownLocation.lat.toFixed(5)}, {view.lastKnownLocation.lng.toFixed(5)} on a map
                  </a>
                </>
              ) : (
                "Shared at check-ins (none yet)."
              )
            ) : (
              "Not shared."
            )}
          </dd>
        </dl>
        {view.plan.points.length || view.lastKnownLocation ? <Places view={view} at={at} /> : null}
        {view.warnings.map((w) => (
          <p key={w} className="canvass-warning">
            <span aria-hidden="true">⚠ </span>
            {w}
          </p>
        ))}
      </section>

      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts sent</h2>
        <Alerts alerts={view.alerts} nowMs={now} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">What has happened</h2>
        <History entries={view.history} nowMs={now} />
      </section>

      <p>
        <Link href="/canvass">All canvassing sessions</Link>
      </p>
    </Page>
  );
}

/** The places marked in the plan and the last location shared: on a small map, and listed in words. */
function Places({ view, at }: { view: CanvassSessionView; at: (iso: string) => string }) {
  const { points } = view.plan;
  const last = view.lastKnownLocation;
  const where = (p: { lat: number; lng: number }) => `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`;
  return (
    <div className="canvass-places">
      <h3 id="places-heading">{points.length ? "Places on the map" : "Last known location"}</h3>
      <PlacesMap
        id="session-map"
        label={points.length ? "Map of the places in the plan" : "Map of the last known location"}
        places={[
          ...points.map((p, i) => ({
            lat: p.lat,
            lng: p.lng,
            kind: "point" as const,
            text: `${i + 1}${p.label ? ` ${p.label}` : ""}`,
          })),
          ...(last
            ? [{ lat: last.lat, lng: last.lng, kind: "location" as const, text: `Last known ${at(last.at)}` }]
            : []),
        ]}
        refit
        small
        note={(hasTiles) =>
          hasTiles
            ? "The places are also listed below."
            : "No background map: this Shield does not send locations to a map service, so only the places themselves are drawn. They are also listed below."
        }
      />
      <ol className="plain canvass-points" aria-labelledby="places-heading">
        {points.map((p, i) => (
          <li key={`${p.lat},${p.lng},${i}`} className="canvass-point">
            <strong>
              {i + 1}. {p.label || "Place with no label"}
            </strong>
            : <span className="canvass-point-where">{where(p)}</span>
          </li>
        ))}
        {last ? (
          <li className="canvass-point canvass-point-location">
            <strong>Last known location, shared at {at(last.at)}</strong>:{" "}
            <span className="canvass-point-where">{where(last)}</span>
          </li>
        ) : null}
      </ol>
    </div>
  );
}
