// Who is signed in, which campaign space they are working in, and signing in and out.
// The last known session is kept on the device so the app still opens (and records) offline.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, ApiError, OfflineError, setCsrfToken } from "./api.ts";
import type { CampaignSummary, SessionInfo } from "./types.ts";

const SESSION_KEY = "shield.session";
const CAMPAIGN_KEY = "shield.campaign";

interface SessionState {
  /** undefined while loading; null when signed out. */
  session: SessionInfo | null | undefined;
  /** True when the session shown is the one remembered on this device (Shield could not be reached). */
  remembered: boolean;
  campaign: CampaignSummary | undefined;
  chooseCampaign(id: string): void;
  signIn(email: string, password: string, code?: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

function remembered(): SessionInfo | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as SessionInfo) : null;
  } catch {
    return null;
  }
}

function remember(session: SessionInfo | null) {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify({ ...session, csrfToken: "" }));
  else localStorage.removeItem(SESSION_KEY);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [isRemembered, setRemembered] = useState(false);
  const [campaignId, setCampaignId] = useState<string | null>(() => localStorage.getItem(CAMPAIGN_KEY));

  const apply = useCallback((next: SessionInfo | null, fromDevice = false) => {
    setCsrfToken(next?.csrfToken || undefined);
    setSession(next);
    setRemembered(fromDevice);
    if (!fromDevice) remember(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await api<SessionInfo>("/api/auth/session"));
    } catch (error) {
      if (error instanceof OfflineError || (error instanceof ApiError && error.status >= 500)) {
        apply(remembered(), true);
      } else apply(null);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
    const online = () => void refresh();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [refresh]);

  const signIn = useCallback(
    async (email: string, password: string, code?: string) => {
      await api("/api/auth/login", { body: { email, password, ...(code ? { code } : {}) } });
      await refresh();
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    try {
      await api("/api/auth/logout", { method: "POST" });
    } finally {
      localStorage.removeItem(CAMPAIGN_KEY);
      apply(null);
    }
  }, [apply]);

  const chooseCampaign = useCallback((id: string) => {
    localStorage.setItem(CAMPAIGN_KEY, id);
    setCampaignId(id);
  }, []);

  const value = useMemo<SessionState>(() => {
    const campaigns = session?.campaigns ?? [];
    const campaign = campaigns.find((c) => c.id === campaignId) ?? campaigns[0];
    return { session, remembered: isRemembered, campaign, chooseCampaign, signIn, signOut, refresh };
  }, [session, isRemembered, campaignId, chooseCampaign, signIn, signOut, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/** The current campaign space; pages that need one are only routed when it exists. */
export function useCampaign(): CampaignSummary {
  const { campaign } = useSession();
  if (!campaign) throw new Error("No campaign space");
  return campaign;
}
