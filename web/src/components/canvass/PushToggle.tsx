// Notifications on this device for reminders and alerts, when this Shield can send web push.
// Hidden when the server has no push key; every failure is explained rather than thrown.
import { useEffect, useState } from "react";
import { errorMessage } from "../../api.ts";
import {
  currentPushState,
  PUSH_KEY_PATH,
  PushProblem,
  turnPushOff,
  turnPushOn,
  type PushState,
} from "../../canvass/push.ts";
import { Notice } from "../Page.tsx";
import { useResource } from "../useResource.ts";
import "./canvass.css";

export function PushToggle() {
  const key = useResource<{ publicKey: string | null }>(PUSH_KEY_PATH);
  const [state, setState] = useState<PushState>();
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const publicKey = key.data?.publicKey ?? null;

  useEffect(() => {
    if (!publicKey) return;
    let live = true;
    void currentPushState().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [publicKey]);

  if (!publicKey || state === undefined) return null;

  async function toggle() {
    setBusy(true);
    setProblem(undefined);
    setNews(undefined);
    try {
      if (state === "on") {
        await turnPushOff();
        setState("off");
        setNews("Notifications are off on this device. Shield still reminds you while this page is open.");
      } else {
        await turnPushOn(publicKey!);
        setState("on");
        setNews(
          "Notifications are on: Shield will remind you here before each check-in, even with the page closed.",
        );
      }
    } catch (error) {
      if (error instanceof PushProblem) {
        setState(
          error.state === "unsupported" ? "unsupported" : error.state === "blocked" ? "blocked" : state,
        );
        setProblem(error.message);
      } else setProblem(`Notifications could not be changed. ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="push-heading" className="canvass-push">
      <h2 id="push-heading">Notifications on this device</h2>
      {state === "unsupported" ? (
        <p>
          This browser cannot get notifications from Shield. Keep this page open while you are out: it reminds
          you itself before each check-in.
        </p>
      ) : (
        <>
          <p>
            {state === "on"
              ? "On: Shield sends reminders and alerts to this device."
              : state === "blocked"
                ? "Blocked: notifications for Shield are turned off in this browser's settings. Allow them there to get reminders with the page closed."
                : "Get a reminder on this device before each check-in, even when Shield is closed."}
          </p>
          {state !== "blocked" ? (
            <div className="actions">
              <button type="button" className="secondary" disabled={busy} onClick={() => void toggle()}>
                {busy ? "Please wait…" : state === "on" ? "Turn notifications off" : "Turn notifications on"}
              </button>
            </div>
          ) : null}
        </>
      )}
      <Notice kind="status">{news}</Notice>
      <Notice>{problem}</Notice>
    </section>
  );
}
