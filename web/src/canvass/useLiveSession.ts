// A canvass session kept fresh: read now, every 10 seconds, when the page comes back into view or the
// device back online, and replaced by the answer to every action. An answer to an older request never
// overwrites a newer one. The server's clock comes with each answer.
import { useCallback, useEffect, useRef, useState } from "react";
import { getSession } from "./api.ts";
import { serverClockOf, type ServerClock } from "./time.ts";
import type { CanvassSessionView } from "./types.ts";

export const POLL_MS = 10_000;

export function useLiveSession(id: string) {
  const [view, setView] = useState<CanvassSessionView>();
  const [clock, setClock] = useState<ServerClock>();
  /** The last reading's error (cleared by the next good one); the last good view stays shown. */
  const [error, setError] = useState<unknown>();
  const issued = useRef(0);
  const applied = useRef(0);
  /** A closed session changes no more: the regular reading stops (a visit back still reads it). */
  const closed = useRef(false);

  /** Starts a request: its number, so that its answer can be dropped if a later one was already applied. */
  const begin = useCallback(() => ++issued.current, []);
  const apply = useCallback((ticket: number, next: CanvassSessionView) => {
    if (ticket < applied.current) return;
    applied.current = ticket;
    closed.current = next.status === "closed";
    setView(next);
    setClock(serverClockOf(next.serverTime));
    setError(undefined);
  }, []);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const ticket = begin();
      try {
        apply(ticket, await getSession(id, signal));
      } catch (e) {
        if ((e as Error).name !== "AbortError" && ticket >= applied.current) setError(e);
      }
    },
    [id, begin, apply],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => {
      if (!closed.current) void load(controller.signal);
    }, POLL_MS);
    const again = () => {
      if (document.visibilityState === "visible") void load(controller.signal);
    };
    document.addEventListener("visibilitychange", again);
    window.addEventListener("online", again);
    return () => {
      controller.abort();
      clearInterval(timer);
      document.removeEventListener("visibilitychange", again);
      window.removeEventListener("online", again);
    };
  }, [load]);

  /** A view that came back from an action (check-in, extend…): newer than any reading in flight. */
  const replace = useCallback((next: CanvassSessionView) => apply(begin(), next), [apply, begin]);

  return { view, clock, error, reload: load, replace };
}
