// A canvass session's state as a badge: a mark, words and a colour (never the colour alone).
import type { CanvassStatus } from "../../canvass/types.ts";
import { STATUS_MARK, STATUS_TONE, STATUS_WORDS } from "../../canvass/words.ts";
import "./canvass.css";

export function StatusBadge({ status }: { status: CanvassStatus }) {
  return (
    <span className={`canvass-badge tone-${STATUS_TONE[status]}`}>
      <span aria-hidden="true">{STATUS_MARK[status]} </span>
      {STATUS_WORDS[status]}
    </span>
  );
}
