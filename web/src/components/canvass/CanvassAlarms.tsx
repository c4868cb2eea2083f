// On the home page: canvass sessions whose check-in was missed or whose contacts were alerted, so a lead
// who opens Shield sees them first. Quiet (renders nothing) when all is well or the list cannot be read.
import { useEffect } from "react";
import { sessionsPath } from "../../canvass/api.ts";
import type { CanvassSessionView } from "../../canvass/types.ts";
import { useResource } from "../useResource.ts";
import { SessionList } from "./SessionList.tsx";

const NEEDS_ATTENTION = new Set(["overdue", "escalated"]);
const RECHECK_MS = 30_000;

export function CanvassAlarms({ campaignId, youId }: { campaignId: string; youId: string }) {
  const { data, reload } = useResource<{ sessions: CanvassSessionView[] }>(sessionsPath(campaignId));
  useEffect(() => {
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const alarms = (data?.sessions ?? []).filter((s) => NEEDS_ATTENTION.has(s.status));
  if (alarms.length === 0) return null;
  return (
    <section className="notice notice-error" aria-labelledby="canvass-alarms">
      <h2 id="canvass-alarms">Someone out canvassing needs checking on</h2>
      <p>
        Try to reach them. If you think they may be in danger, call 999 and tell the police where they planned
        to be. Open the session to say you are dealing with it.
      </p>
      <SessionList sessions={alarms} youId={youId} />
    </section>
  );
}
