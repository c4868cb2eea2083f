// The canvass sessions API (scratch/canvass-api.md), through the app's one API client.
import { api } from "../api.ts";
import type { AlertLookup, CanvassSessionView, Channels, LocationInput, PlanRequest } from "./types.ts";

export const sessionsPath = (campaignId: string, open = true) =>
  `/api/campaigns/${campaignId}/canvass-sessions?open=${open}`;
export const sessionPath = (id: string) => `/api/canvass-sessions/${id}`;

export const createSession = (campaignId: string, body: PlanRequest) =>
  api<CanvassSessionView>(`/api/campaigns/${campaignId}/canvass-sessions`, { body });

export const getSession = (id: string, signal?: AbortSignal) =>
  api<CanvassSessionView>(sessionPath(id), signal ? { signal } : {});

export type SessionAction =
  | { kind: "start" }
  | { kind: "check-in"; location?: LocationInput }
  | { kind: "extend"; endsAt: string }
  | { kind: "end" }
  | { kind: "unsafe"; location?: LocationInput; note?: string }
  | { kind: "danger"; location?: LocationInput }
  | { kind: "acknowledge"; episode: number };

export function act(id: string, action: SessionAction): Promise<CanvassSessionView> {
  const { kind, ...body } = action;
  return api<CanvassSessionView>(`${sessionPath(id)}/${kind}`, { method: "POST", body });
}

export const lookupAlert = (token: string, signal?: AbortSignal) =>
  api<AlertLookup>("/api/canvass/alerts/lookup", { body: { token }, ...(signal ? { signal } : {}) });

export const acknowledgeAlert = (token: string, name?: string) =>
  api<AlertLookup>("/api/canvass/alerts/acknowledge", { body: { token, ...(name ? { name } : {}) } });

export const CHANNELS_PATH = "/api/canvass/channels";
export const channelsOf = () => api<Channels>(CHANNELS_PATH);

/** The deployment's map tiles, if any (MAP_TILE_URL): `{ tileUrl: null }` means no background map. */
export const MAP_PATH = "/api/reference/map";
