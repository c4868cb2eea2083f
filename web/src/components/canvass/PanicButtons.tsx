// The two safety buttons of a running session. "I feel unsafe" asks first, then alerts the contacts and
// records an incident. "I'm in danger" shows 999 to tap full screen FIRST, and only then alerts everyone
// on every stage: the call matters more than the app.
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Link } from "wouter";
import { errorMessage } from "../../api.ts";
import { act } from "../../canvass/api.ts";
import { currentLocation } from "../../canvass/location.ts";
import type { CanvassSessionView, LocationInput } from "../../canvass/types.ts";
import { listOfNames } from "../../canvass/words.ts";
import { Notice } from "../Page.tsx";
import { TextAreaField } from "../forms/Field.tsx";
import { Checkbox } from "./Checkbox.tsx";
import "./canvass.css";

const contactNames = (view: CanvassSessionView) => listOfNames(view.plan.contacts.map((c) => c.name));

export function PanicButtons({
  view,
  onView,
}: {
  view: CanvassSessionView;
  /** A newer view of the session, from an action here. */
  onView: (view: CanvassSessionView) => void;
}) {
  const [mode, setMode] = useState<"buttons" | "unsafe" | "unsafe-done" | "danger">("buttons");
  const [note, setNote] = useState("");
  const [withLocation, setWithLocation] = useState(view.plan.shareLocation);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const unsafeButton = useRef<HTMLButtonElement>(null);
  const dangerButton = useRef<HTMLButtonElement>(null);
  const confirmPanel = useRef<HTMLDivElement>(null);
  const donePanel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (mode === "unsafe") confirmPanel.current?.focus();
    if (mode === "unsafe-done") donePanel.current?.focus();
  }, [mode]);

  async function sendUnsafe() {
    setBusy(true);
    setProblem(undefined);
    let location: LocationInput | undefined;
    if (view.plan.shareLocation && withLocation) location = await currentLocation(4000);
    try {
      const next = await act(view.id, {
        kind: "unsafe",
        ...(location ? { location } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onView(next);
      setIncidentId(next.incidentId);
      setMode("unsafe-done");
      setNote("");
    } catch (error) {
      setProblem(
        `${errorMessage(error)} Your contacts have not been alerted by Shield: phone them, and if you are in danger call 999.`,
      );
    } finally {
      setBusy(false);
    }
  }

  function back(to: "unsafe" | "danger") {
    setMode("buttons");
    setProblem(undefined);
    setTimeout(() => (to === "unsafe" ? unsafeButton : dangerButton).current?.focus(), 0);
  }

  return (
    <section aria-labelledby="panic-heading" className="canvass-panic">
      <h2 id="panic-heading">If something is wrong</h2>
      {mode === "buttons" ? (
        <>
          <p className="hint">
            If you feel unsafe, end the conversation and leave. These buttons tell your contacts at once.
          </p>
          <div className="panic-buttons">
            <button
              ref={unsafeButton}
              type="button"
              className="panic-unsafe"
              onClick={() => setMode("unsafe")}
            >
              I feel unsafe
              <small>Alert my contacts and record it</small>
            </button>
            <button
              ref={dangerButton}
              type="button"
              className="danger panic-danger"
              onClick={() => setMode("danger")}
            >
              I&rsquo;m in danger
              <small>Call 999, and alert everyone</small>
            </button>
          </div>
        </>
      ) : null}

      {mode === "unsafe" ? (
        <div
          ref={confirmPanel}
          className="confirm"
          tabIndex={-1}
          role="group"
          aria-labelledby="unsafe-question"
        >
          <p id="unsafe-question">
            <strong>Alert your contacts that you feel unsafe?</strong>
          </p>
          <p>
            Shield tells {contactNames(view)} straight away, and records an incident for you. If nobody says
            they are dealing with it, the next people are alerted as planned.
          </p>
          <TextAreaField
            id="unsafe-note"
            label="What is happening?"
            optional
            hint="A few words for the people alerted and for the record, e.g. 'Man followed me from Mill Lane'."
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {view.plan.shareLocation ? (
            <Checkbox
              id="unsafe-location"
              checked={withLocation}
              onChange={setWithLocation}
              label="Send my location with it"
              hint="Only the people alerted see it."
            />
          ) : null}
          <Notice>{problem}</Notice>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void sendUnsafe()}>
              {busy ? "Alerting…" : "Yes, alert them now"}
            </button>
            <button type="button" className="secondary" onClick={() => back("unsafe")}>
              Cancel
            </button>
          </div>
          <p className="hint">If you are in danger now, call 999 first.</p>
        </div>
      ) : null}

      {mode === "unsafe-done" ? (
        <div
          ref={donePanel}
          className="canvass-result"
          tabIndex={-1}
          role="group"
          aria-labelledby="unsafe-done"
        >
          <p id="unsafe-done">
            <strong>Your contacts have been alerted that you feel unsafe.</strong>
          </p>
          <p>
            If you can, leave now and go somewhere with other people. If you are in danger, call 999. Check in
            when you are safe: it tells everyone you are OK.
          </p>
          {incidentId ? (
            <p>
              An incident has been recorded. <Link href={`/incidents/${incidentId}`}>See the incident</Link>{" "}
              (you can add to it later).
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => back("unsafe")}>
              Done
            </button>
          </div>
        </div>
      ) : null}

      {mode === "danger" ? <DangerScreen view={view} onView={onView} onClose={() => back("danger")} /> : null}
    </section>
  );
}

/**
 * Full screen, over everything: 999 to tap, then the alert to everyone. The alert is sent as the screen
 * opens (with the location if they agreed to share it, waited on for a few seconds at most).
 */
function DangerScreen({
  view,
  onView,
  onClose,
}: {
  view: CanvassSessionView;
  onView: (view: CanvassSessionView) => void;
  onClose: () => void;
}) {
  const [state, setState] = useState<"sending" | "sent" | "failed">("sending");
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const sentFor = useRef(-1);
  const callLink = useRef<HTMLDivElement>(null);
  const viewRef = useRef(view);
  const closeRef = useRef(onClose);
  useEffect(() => {
    viewRef.current = view;
    closeRef.current = onClose;
  });

  // Everything else on the page is out of reach while this is open; 999 has the focus.
  useEffect(() => {
    const root = document.getElementById("root");
    if (root) root.inert = true;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    callLink.current?.querySelector("a")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") closeRef.current();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      if (root) root.inert = false;
      document.body.style.overflow = overflow;
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  useEffect(() => {
    // Once per attempt, also under React's development double effects.
    if (sentFor.current === attempt) return;
    sentFor.current = attempt;
    const current = viewRef.current;
    setState("sending");
    void (async () => {
      const location = current.plan.shareLocation ? await currentLocation(4000) : undefined;
      try {
        onView(await act(current.id, { kind: "danger", ...(location ? { location } : {}) }));
        setState("sent");
      } catch (error) {
        setProblem(errorMessage(error));
        setState("failed");
      }
    })();
  }, [attempt, onView]);

  const everyone = listOfNames(view.plan.contacts.map((c) => c.name));
  return createPortal(
    <div className="danger-screen" role="dialog" aria-modal="true" aria-labelledby="danger-title">
      <div className="danger-screen-inner">
        <h2 id="danger-title">Call 999 now</h2>
        <div ref={callLink}>
          <a className="danger-link danger-link-big" href="tel:999">
            <span aria-hidden="true">☎ </span>Tap to call 999
          </a>
        </div>
        <p>
          Tell them you are out canvassing for an election, where you are, and what is happening. If you
          cannot speak, stay on the line and cough or tap the phone; on a mobile, press 55 when asked.
        </p>
        <div role="status" className="danger-screen-status">
          {state === "sending" ? <p>Alerting everyone on your list…</p> : null}
          {state === "sent" ? (
            <p>
              <strong>
                <span aria-hidden="true">✓ </span>Everyone on your list has been alerted
              </strong>{" "}
              ({everyone}
              {view.plan.alertSpoc ? ", and your police single point of contact" : ""}).
            </p>
          ) : null}
        </div>
        {state === "failed" ? (
          <div role="alert">
            <p>
              <strong>Shield could not send the alert.</strong> {problem} Call 999, then phone someone you
              trust.
            </p>
            <div className="actions">
              <button type="button" onClick={() => setAttempt((a) => a + 1)}>
                Try the alert again
              </button>
            </div>
          </div>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            Back to my session
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
