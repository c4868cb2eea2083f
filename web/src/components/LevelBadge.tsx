import type { VerdictLevel } from "../types.ts";
import { LEVEL_LABEL, LEVEL_MARK } from "./levels.ts";

export function LevelBadge({ level }: { level: VerdictLevel | null }) {
  if (!level) return <span className="level level-keep-record">Not assessed yet</span>;
  return (
    <span className={`level level-${level}`}>
      <span aria-hidden="true">{LEVEL_MARK[level]} </span>
      {LEVEL_LABEL[level]}
    </span>
  );
}
