// What has happened in a session, oldest first, in the server's own plain words.
import { clockTime } from "../../canvass/time.ts";
import type { HistoryEntry } from "../../canvass/types.ts";
import "./canvass.css";

export function History({ entries, nowMs }: { entries: HistoryEntry[]; nowMs: number }) {
  if (entries.length === 0) return <p className="meta">Nothing has happened yet.</p>;
  return (
    <ol className="plain canvass-history">
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <time dateTime={e.at} className="canvass-history-time">
            {clockTime(e.at, nowMs)}
          </time>
          <span>
            {e.text}
            {e.by && !e.text.includes(e.by) ? <span className="meta"> ({e.by})</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
