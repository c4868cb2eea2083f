// Notices on the home page: incidents whose advice went up (e.g. a new call-999 incident).
import { Link } from "wouter";
import { api } from "../api.ts";
import { LevelBadge } from "../components/LevelBadge.tsx";
import { useResource } from "../components/useResource.ts";
import type { VerdictLevel } from "../types.ts";

interface Notice {
  id: string;
  incidentId: string;
  level: VerdictLevel;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export function Notices({ campaignId }: { campaignId: string }) {
  const { data, reload } = useResource<{ notices: Notice[] }>(`/api/campaigns/${campaignId}/notices`);
  const unread = (data?.notices ?? []).filter((n) => !n.readAt).slice(0, 3);
  if (unread.length === 0) return null;
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading">Needs your attention</h2>
      <ul className="plain">
        {unread.map((n) => (
          <li key={n.id} className="card">
            <LevelBadge level={n.level} /> {n.message}{" "}
            <span className="meta">
              {new Date(n.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
            </span>
            <div className="notice-row">
              <Link href={`/incidents/${n.incidentId}`}>Open the incident</Link>
              <button
                type="button"
                className="link"
                onClick={() => void api(`/api/notices/${n.id}/read`, { method: "POST" }).then(reload)}
              >
                Mark as read
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
