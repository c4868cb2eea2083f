// The link in a canvassing alert (/canvass/acknowledge#token=…), for whoever was told: no account or
// sign-in needed. Who, where, when they were last heard from, numbers to try, 999 first; then "I'm dealing
// with this", which the first person to press stops further alerts with and tells the person out.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, errorMessage } from "../api.ts";
import { acknowledgeAlert, lookupAlert } from "../canvass/api.ts";
import { mapLink } from "../canvass/location.ts";
import { clockTime } from "../canvass/time.ts";
import type { AlertLookup } from "../canvass/types.ts";
import { DangerLink } from "../components/DangerLink.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { TextField } from "../components/forms/Field.tsx";
import { SubmitButton } from "../components/forms/Form.tsx";
import { useSession } from "../session.tsx";
import "../components/canvass/canvass.css";

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/** What happened, as one sentence about the person (the alert's reason). */
function whatHappened(a: AlertLookup): string {
  const plural = /,| and /.test(a.personNames);
  const since = clockTime(a.since);
  switch (a.reason) {
    case "missed-check-in":
      return `${a.personNames} ${plural ? "have" : "has"} not checked in while canvassing. The check-in was due at ${since}.`;
    case "overran":
      return `${a.personNames} planned to finish canvassing at ${since} and ${plural ? "have" : "has"} not ended the session or checked in.`;
    case "unsafe":
      return `${a.personNames} pressed "I feel unsafe" while canvassing at ${since}.`;
    case "danger":
      return `${a.personNames} pressed "I'm in danger" while canvassing at ${since}.`;
    default:
      return `Shield alerted you about ${a.personNames} at ${since}.`;
  }
}

function NoToken() {
  return (
    <>
      <p>
        This page needs the link from the alert you were sent. The link ends in #token= followed by a long
        code. Open the whole link from the email or text message, including everything after the # sign.
      </p>
      <p>If you think someone is in immediate danger, do not wait: call 999.</p>
    </>
  );
}

export default function CanvassAcknowledge() {
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get("token"));
  // A signed-in browser sends its session cookie, and then its writes need the session's security token:
  // wait until the session is known before asking.
  const { session } = useSession();
  const ready = session !== undefined;
  const [alert, setAlert] = useState<AlertLookup>();
  const [linkError, setLinkError] = useState<string>();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [answered, setAnswered] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!token || !ready) return;
    const controller = new AbortController();
    lookupAlert(token, controller.signal)
      .then(setAlert)
      .catch((e: unknown) => {
        if ((e as Error).name === "AbortError") return;
        setLinkError(
          e instanceof ApiError && (e.status === 404 || e.status === 410 || e.status === 400)
            ? "This alert link is not valid, or it has expired."
            : errorMessage(e),
        );
      });
    return () => controller.abort();
  }, [token, ready]);

  useEffect(() => {
    if (answered) result.current?.focus();
  }, [answered]);

  const title = "Canvassing alert";

  if (!token)
    return (
      <Page title={title}>
        <NoToken />
      </Page>
    );

  if (linkError)
    return (
      <Page title={title}>
        <DangerLink big />
        <Notice>{linkError}</Notice>
        <p>
          If you were alerted about someone out canvassing and cannot reach them, and you think they may be in
          danger, call 999 and tell the police where they planned to be.
        </p>
      </Page>
    );

  if (!alert)
    return (
      <Page title={title}>
        <p role="status" className="loading">
          Checking the alert…
        </p>
      </Page>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      setAlert(await acknowledgeAlert(token!, name.trim() || undefined));
      setAnswered(true);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const a = alert;
  return (
    <Page title={title} intro={whatHappened(a)}>
      <div className="canvass-999">
        <p>
          <strong>If you believe they are in immediate danger, call 999.</strong> Tell the police where they
          planned to be.
        </p>
        <a className="danger-link danger-link-big" href="tel:999">
          <span aria-hidden="true">☎ </span>Call 999
        </a>
      </div>

      <div ref={result} tabIndex={-1} className="problem-area">
        {a.status === "resolved" ? (
          <p className="canvass-outcome tone-handled" role="status">
            <span aria-hidden="true">✓ </span>
            They have checked in since; no action needed.
          </p>
        ) : a.status === "acknowledged" ? (
          <p className="canvass-outcome tone-handled" role="status">
            <span aria-hidden="true">✓ </span>
            {a.acknowledgedByYou
              ? "Thank you — they have been told you are dealing with it. No more alerts go out for this."
              : `${a.acknowledgedBy ?? "Someone"} already acknowledged${a.acknowledgedAt ? ` at ${clockTime(a.acknowledgedAt)}` : ""} and is dealing with it.`}
          </p>
        ) : null}
      </div>

      <h2>What we know</h2>
      <dl className="canvass-plan-summary">
        <dt>Who</dt>
        <dd>{a.personNames}</dd>
        <dt>Where they planned to be</dt>
        <dd>{a.area}</dd>
        <dt>Planned to finish</dt>
        <dd>{clockTime(a.endsAt)}</dd>
        {a.campaignName ? (
          <>
            <dt>Campaign</dt>
            <dd>{a.campaignName}</dd>
          </>
        ) : null}
        <dt>Last heard from</dt>
        <dd>
          {a.lastCheckInAt ? `${clockTime(a.lastCheckInAt)} (their last check-in)` : "When they set off."}
        </dd>
        {a.lastKnownLocation ? (
          <>
            <dt>Last known location</dt>
            <dd>
              {clockTime(a.lastKnownLocation.at)}:{" "}
              <a href={mapLink(a.lastKnownLocation.lat, a.lastKnownLocation.lng)} rel="noreferrer">
                {a.lastKnownLocation.lat.toFixed(5)}, {a.lastKnownLocation.lng.toFixed(5)} on a map
              </a>
            </dd>
          </>
        ) : null}
        <dt>Alert</dt>
        <dd>Stage {a.stage}</dd>
      </dl>

      <h2>What to do now</h2>
      <ol>
        <li>
          Try to reach them.
          {a.phones.length ? (
            <ul className="plain canvass-phones">
              {a.phones.map((p) => (
                <li key={`${p.name}-${p.phone}`}>
                  {p.name}:{" "}
                  <a className="call-link" href={telHref(p.phone)}>
                    {p.phone}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            " Shield has no phone number for them: use the one you have."
          )}
        </li>
        <li>If you cannot reach them and you think they may be in danger, call 999.</li>
        {a.status === "needs-acknowledging" ? (
          <li>Say below that you are dealing with it, so that they and the others know.</li>
        ) : null}
      </ol>

      {a.status === "needs-acknowledging" ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="card">
          <TextField
            id="ack-name"
            label="Your name"
            optional
            hint="As they will see it. Leave it empty to use the name the alert was sent to."
            autoComplete="name"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Notice>{problem}</Notice>
          <div className="actions">
            <SubmitButton busy={busy} sending="Telling them…">
              I&rsquo;m dealing with this
            </SubmitButton>
          </div>
          <p className="hint">
            The first person to press this stops further alerts and lets them know you have it in hand.
          </p>
        </form>
      ) : null}
    </Page>
  );
}
