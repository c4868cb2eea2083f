// The online health check: a guided checklist of where a candidate's personal details leak, with the
// team's shared progress. If Shield cannot load or save progress, ticks are kept on this page (and sent
// when Shield can be reached again), so the check can always be worked through.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link } from "wouter";
import { api, ApiError, OfflineError } from "../api.ts";
import { Page } from "../components/Page.tsx";
import { useCampaign } from "../session.tsx";
import {
  HEALTH_CHECK,
  HEALTH_CHECK_GUIDANCE,
  healthCheckProgress,
  type HealthCheckItem,
} from "../../../src/core/safety/health-check.ts";
import "./private.css";

/** One item's saved state, as GET /api/campaigns/:id/health-check returns it. */
interface SavedItem {
  done: boolean;
  updatedAt: string;
  updatedBy: { id: string; displayName: string };
}

interface HealthCheckState {
  items: Record<string, SavedItem>;
}

type Load = "loading" | "ready" | "failed";

const ON_DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});

function loadProblem(error: unknown): string {
  if (error instanceof OfflineError) return error.message;
  if (error instanceof ApiError && error.status === 403) return error.message;
  return "Shield could not load your team's saved progress just now.";
}

function saveProblem(error: unknown): string {
  if (error instanceof OfflineError) return error.message;
  if (error instanceof ApiError && error.status === 403) return error.message;
  return "Shield could not save this just now.";
}

export default function HealthCheck() {
  const campaign = useCampaign();
  const base = `/api/campaigns/${campaign.id}/health-check`;
  const [saved, setSaved] = useState<Record<string, SavedItem>>({});
  /** Ticks made on this page that the server has not confirmed yet (being saved, or not saved). */
  const [local, setLocal] = useState<Record<string, boolean>>({});
  /** Items whose last save failed, with what went wrong. */
  const [failed, setFailed] = useState<Record<string, string>>({});
  const [load, setLoad] = useState<Load>("loading");
  const [loadError, setLoadError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const localRef = useRef(local);
  useEffect(() => {
    localRef.current = local;
  }, [local]);
  /** The latest request for each item: an older answer never overwrites a newer tick. */
  const latest = useRef(new Map<string, number>());
  const sequence = useRef(0);
  /** "Try loading again" was pressed: its button goes away on success, so move focus to the progress. */
  const retried = useRef(false);

  const save = useCallback(
    (id: string, done: boolean) => {
      const seq = ++sequence.current;
      latest.current.set(id, seq);
      setFailed(({ [id]: _, ...rest }) => rest);
      api<HealthCheckState>(`${base}/${encodeURIComponent(id)}`, { method: "PUT", body: { done } })
        .then((result) => {
          if (latest.current.get(id) !== seq) return;
          const items = result?.items ?? {};
          setSaved((prev) => ({ ...prev, ...items }));
          setFailed(({ [id]: _, ...rest }) => rest);
          if (items[id]?.done === done) setLocal(({ [id]: _, ...rest }) => rest);
        })
        .catch((error: unknown) => {
          if (latest.current.get(id) !== seq) return;
          setFailed((prev) => ({ ...prev, [id]: saveProblem(error) }));
        });
    },
    [base],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoad("loading");
    api<HealthCheckState>(base, { signal: controller.signal })
      .then((result) => {
        const items = result?.items ?? {};
        setSaved(items);
        setLoad("ready");
        setLoadError(undefined);
        if (retried.current) document.getElementById("hc-progress-heading")?.focus();
        retried.current = false;
        // Ticks made while Shield could not be reached: send the ones that differ, forget the rest.
        for (const [id, done] of Object.entries(localRef.current)) {
          if ((items[id]?.done ?? false) === done) setLocal(({ [id]: _, ...rest }) => rest);
          else save(id, done);
        }
      })
      .catch((error: unknown) => {
        if ((error as Error).name === "AbortError") return;
        setLoad("failed");
        setLoadError(loadProblem(error));
      });
    return () => controller.abort();
  }, [base, attempt, save]);

  // Coming back online: try loading (and so saving) again.
  useEffect(() => {
    if (load !== "failed") return;
    const online = () => setAttempt((a) => a + 1);
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [load]);

  const toggle = (id: string, done: boolean) => {
    setLocal((prev) => ({ ...prev, [id]: done }));
    if (load === "ready") save(id, done);
  };

  const retry = (id: string) => {
    const done = local[id];
    // The button goes away while saving: keep the person's place on the item's checkbox.
    document.getElementById(`hc-item-${id}`)?.focus();
    if (done !== undefined) save(id, done);
  };

  const doneMap = useMemo(() => {
    const map: Record<string, boolean> = {};
    for (const [id, item] of Object.entries(saved)) map[id] = item.done;
    return { ...map, ...local };
  }, [saved, local]);
  const progress = healthCheckProgress(doneMap);
  const sectionProgress = new Map(progress.sections.map((s) => [s.id, s]));
  const canSeeRegister = campaign.permission !== "log-only";

  const note = (item: HealthCheckItem): string | undefined => {
    const mine = local[item.id];
    if (mine !== undefined && load === "failed" && mine !== (saved[item.id]?.done ?? false))
      return "Not saved yet";
    const entry = saved[item.id];
    if (item.id in local || !entry?.done) return undefined;
    const at = new Date(entry.updatedAt);
    const when = Number.isNaN(at.getTime()) ? "" : ` on ${ON_DATE.format(at)}`;
    const who = entry.updatedBy?.displayName;
    return who ? `Ticked by ${who}${when}` : `Ticked${when}`;
  };

  return (
    <Page
      title="Online health check"
      intro="Where your personal details might be found online, and how to take them down. Work through it at your own pace; tick each step when it is done."
    >
      <p>
        The police guidance for candidates asks you to{" "}
        <q>review online information and minimise availability of personal information</q>. This checklist
        goes through the places where candidates' details are most often found.
      </p>
      <p>
        {canSeeRegister ? (
          <>
            <Link href="/private-details">Add what you find to your private details</Link> so Shield can warn
            you if it is posted.
          </>
        ) : (
          <>
            Tell the candidate what you find, so they can add it to their private details and Shield can warn
            them if it is posted.
          </>
        )}
      </p>

      {load === "loading" ? (
        <p role="status" className="loading">
          Loading your progress…
        </p>
      ) : null}
      {loadError ? (
        <div className="notice notice-error hc-problem" role="alert">
          <p>
            {loadError} You can still tick items. They are kept on this page until you leave it, and saved
            once Shield can load your progress.
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              retried.current = true;
              setAttempt((a) => a + 1);
            }}
          >
            Try loading again
          </button>
        </div>
      ) : null}

      <section aria-labelledby="hc-progress-heading" className="hc-progress">
        <h2 id="hc-progress-heading" tabIndex={-1}>
          Your progress
        </h2>
        <p role="status" className="hc-count">
          {progress.done} of {progress.total} done
        </p>
        <progress aria-labelledby="hc-progress-heading" max={progress.total} value={progress.done}>
          {progress.done} of {progress.total} done
        </progress>
        <ul className="hc-jump">
          {progress.sections.map((s) => (
            <li key={s.id}>
              <a href={`#hc-${s.id}`}>{s.title}</a>{" "}
              <span className="meta">
                {s.done} of {s.total}
              </span>
            </li>
          ))}
        </ul>
      </section>

      {HEALTH_CHECK.map((section) => {
        const p = sectionProgress.get(section.id);
        return (
          <fieldset key={section.id} id={`hc-${section.id}`} className="hc-section">
            <legend>
              <h2>{section.title}</h2>
              <span className="meta">
                {p?.done ?? 0} of {p?.total ?? section.items.length} done
              </span>
            </legend>
            <p className="meta hc-intro">{section.intro}</p>
            <ul className="plain">
              {section.items.map((item) => {
                const checkboxId = `hc-item-${item.id}`;
                const noteText = note(item);
                const problem = item.id in local ? failed[item.id] : undefined;
                const describedBy = problem
                  ? `${checkboxId}-problem`
                  : noteText
                    ? `${checkboxId}-note`
                    : undefined;
                return (
                  <li key={item.id} className="hc-item">
                    <label className="choice hc-choice" htmlFor={checkboxId}>
                      <input
                        id={checkboxId}
                        type="checkbox"
                        checked={doneMap[item.id] === true}
                        onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                        aria-describedby={describedBy}
                      />
                      <span>{item.title}</span>
                    </label>
                    {problem ? (
                      <div className="hc-note hc-failed" role="alert">
                        <p id={`${checkboxId}-problem`} className="field-error">
                          Not saved. {problem}
                        </p>
                        <button type="button" className="secondary" onClick={() => retry(item.id)}>
                          Try saving again<span className="visually-hidden">: {item.title}</span>
                        </button>
                      </div>
                    ) : noteText ? (
                      <p id={`${checkboxId}-note`} className="meta hc-note">
                        {noteText}
                      </p>
                    ) : null}
                    <details className="hc-details">
                      <summary>
                        Why and how<span className="visually-hidden">: {item.title}</span>
                      </summary>
                      <p>{item.why}</p>
                      <ol>
                        {item.how.map((step) => (
                          <li key={step}>{step}</li>
                        ))}
                      </ol>
                      {item.source.length > 1 ? (
                        <p className="source">Also see: {item.source.slice(1).join("; ")}</p>
                      ) : null}
                    </details>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}

      {progress.total > 0 && progress.done === progress.total ? (
        <p className="notice notice-status">
          You have worked through the whole check. Do it again after nominations are published and every few
          weeks during the campaign.
        </p>
      ) : null}
      <p className="source">Source: {HEALTH_CHECK_GUIDANCE}</p>
    </Page>
  );
}
