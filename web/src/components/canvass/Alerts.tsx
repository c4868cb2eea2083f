// The alerts a session sent: each stage, who it went to, over which channel, and whether it arrived.
import { clockTime } from "../../canvass/time.ts";
import type { SessionAlert } from "../../canvass/types.ts";
import { channelWords, deliveryWords, reasonWords } from "../../canvass/words.ts";
import "./canvass.css";

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
                      {d.detail ? `. ${d.detail}` : ""}
                    </span>
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
