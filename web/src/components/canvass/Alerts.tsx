// The alerts a session sent: each stage, who it went to, over which channel, whether it arrived, and
// every attempt at sending it (what the mail server or service answered, in words).
import { clockTime } from "../../canvass/time.ts";
import type { Delivery, SessionAlert } from "../../canvass/types.ts";
import { attemptWords } from "../../canvass/attempt-words.ts";
import { channelWords, deliveryWords, reasonWords } from "../../canvass/words.ts";
import "./canvass.css";

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function Alerts({ alerts, nowMs }: { alerts: SessionAlert[]; nowMs: number }) {
  if (alerts.length === 0) return <p className="meta">No alerts have been sent in this session.</p>;
  return (
    <ul className="plain canvass-alerts">
      {alerts.map((a) => (
        <li key={a.id} className="card">
          <h3>
            Stage {a.stage} alert at {clockTime(a.createdAt, nowMs)}
          </h3>
          <p className="meta">Why: {reasonWords(a.reason)}.</p>
          {a.deliveries.length === 0 ? (
            <p className="meta">Nobody could be reached for this stage.</p>
          ) : (
            <ul className="plain canvass-deliveries">
              {a.deliveries.map((d) => {
                const status = deliveryWords(d.status);
                return (
                  <li key={d.id} className={`delivery delivery-${d.status}`}>
                    <span className="delivery-status">
                      <span aria-hidden="true">{status.mark} </span>
                      {status.words}
                    </span>{" "}
                    <span className="delivery-to">
                      {channelWords(d.channel)} to {d.to}
                    </span>
                    <span className="meta delivery-meta">
                      {d.attempts === 0
                        ? "Not tried yet"
                        : `${d.attempts} attempt${d.attempts === 1 ? "" : "s"}${d.lastAttemptAt ? `, last at ${clockTime(d.lastAttemptAt, nowMs)}` : ""}`}
                      {d.detail ? `. ${capital(attemptWords(d.channel, d.status === "sent", d.detail))}` : ""}
                      .
                    </span>
                    <Attempts delivery={d} nowMs={nowMs} />
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Each attempt at sending one delivery, oldest first, folded away under the delivery. */
function Attempts({ delivery, nowMs }: { delivery: Delivery; nowMs: number }) {
  const log = delivery.attemptLog ?? [];
  if (log.length === 0) return null;
  return (
    <details className="delivery-attempts">
      <summary>Attempts ({log.length})</summary>
      <ol className="plain">
        {log.map((attempt, i) => (
          <li key={`${attempt.at}-${i}`} className={attempt.ok ? "attempt-ok" : "attempt-failed"}>
            <time dateTime={attempt.at} className="attempt-time">
              {clockTime(attempt.at, nowMs)}
            </time>{" "}
            <span className="attempt-outcome">
              <span aria-hidden="true">{attempt.ok ? "✓" : "✗"} </span>
              {attempt.ok ? "Succeeded" : "Failed"}
            </span>
            : {attemptWords(delivery.channel, attempt.ok, attempt.detail)}
          </li>
        ))}
      </ol>
    </details>
  );
}
