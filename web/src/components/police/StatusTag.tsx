// Where a shared incident has got to with the police, in a word and a mark (never colour alone).
import { statusText } from "./words.ts";
import "./police.css";

const MARK: Record<string, string> = {
  received: "○",
  acknowledged: "◐",
  "outcome recorded": "●",
};

export function StatusTag({ status }: { status: string }) {
  return (
    <span className={`police-status police-status-${status.replace(/\s+/g, "-")}`}>
      <span aria-hidden="true">{MARK[status] ?? "○"} </span>
      <span>{statusText(status)}</span>
    </span>
  );
}
