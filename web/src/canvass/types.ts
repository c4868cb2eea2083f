// The canvass sessions API as the app reads it (scratch/canvass-api.md; the plan's own shape and
// rules come from src/core/canvass, which the app imports directly).
import type { AlertReason, CanvassStatus, Stage } from "../../../src/core/canvass/machine.ts";
import type { CanvassPlanInput } from "../../../src/core/canvass/plan.ts";

export type { AlertReason, CanvassStatus, Stage, CanvassPlanInput };

export interface LatLng {
  lat: number;
  lng: number;
}

/** A place marked on the plan's map. */
export interface PlanPoint extends LatLng {
  label?: string;
}

/** The deployment's map tiles (MAP_TILE_URL); null: no background map, only the places are drawn. */
export interface MapSettings {
  tileUrl: string | null;
  attribution: string | null;
}

export interface LocationInput extends LatLng {
  accuracyMetres?: number;
}

export interface SessionPerson {
  userId?: string;
  name: string;
  phone?: string;
}

export interface SessionContact {
  userId?: string;
  name: string;
  email?: string;
  phone?: string;
}

export type DeliveryChannel = "email" | "webhook" | "push" | "in-app" | "sms";
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed";

/** One try at sending a delivery, as the channel answered it ("250 2.0.0 OK", "HTTP 200", …). */
export interface DeliveryAttempt {
  at: string;
  ok: boolean;
  detail: string | null;
}

export interface Delivery {
  id: string;
  channel: DeliveryChannel;
  to: string;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  detail: string | null;
  /** Every attempt, oldest first. */
  attemptLog: DeliveryAttempt[];
}

export interface SessionAlert {
  id: string;
  episode: number;
  stage: Stage;
  reason: AlertReason | string;
  createdAt: string;
  deliveries: Delivery[];
}

export interface HistoryEntry {
  at: string;
  type: string;
  text: string;
  by: string | null;
}

export interface Escalation {
  episode: number;
  reason: AlertReason;
  since: string;
  stage: 0 | Stage;
  nextStageAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface CanvassSessionView {
  id: string;
  campaignId: string;
  status: CanvassStatus;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  plan: {
    area: string;
    points: PlanPoint[];
    people: SessionPerson[];
    contacts: SessionContact[];
    checkInEveryMinutes: number;
    graceMinutes: number;
    stage2AfterMinutes: number;
    alertSpoc: boolean;
    stage3AfterMinutes: number;
    shareLocation: boolean;
    notes?: string;
  };
  alone: boolean;
  warnings: string[];
  endsAt: string;
  startedAt: string | null;
  closedAt: string | null;
  lastCheckInAt: string | null;
  nextCheckInAt: string | null;
  deadline: { at: string; reason: "missed-check-in" | "overran" } | null;
  escalation: Escalation | null;
  acknowledgedLine: string | null;
  lastKnownLocation: (LatLng & { at: string }) | null;
  incidentId: string | null;
  history: HistoryEntry[];
  alerts: SessionAlert[];
  can: { checkIn: boolean; extend: boolean; end: boolean; acknowledge: boolean };
  /** The server's clock when it answered: countdowns are based on it, not on the device's clock. */
  serverTime: string;
}

export interface AlertLookup {
  personNames: string;
  campaignName: string | null;
  area: string;
  endsAt: string;
  reason: AlertReason | string;
  since: string;
  stage: number;
  lastCheckInAt: string | null;
  lastKnownLocation: (LatLng & { at: string }) | null;
  status: "needs-acknowledging" | "acknowledged" | "resolved";
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedByYou?: boolean;
  phones: { name: string; phone: string }[];
}

export interface Channels {
  email: boolean;
  sms: boolean;
  push: boolean;
}

/** What the plan form sends: the plan, and whether to start it now. */
export type PlanRequest = CanvassPlanInput & { start?: boolean };

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  permission: "owner" | "full" | "log-only";
}
