// Configuration from the environment, with defaults that work on a fresh clone.
import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  maxEvidenceBytes: number;
  logLevel: string;
  /** Where alerts are emailed from: an SMTP URL as nodemailer reads it (smtp://user:pass@host:587). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** A webhook (SMS gateway, chat tool) that receives alerts as signed JSON. */
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  /** How often the canvass poller looks for sessions whose time has come. */
  canvassPollMs: number;
  /**
   * Map tiles for canvassing maps, e.g. https://tile.example.org/{z}/{x}/{y}.png. Unset by default: tiles
   * would tell a tile server where a candidate is looking, so maps show only the points themselves.
   */
  mapTileUrl: string | undefined;
  mapAttribution: string | undefined;
  /** Tests only: a file holding milliseconds to add to the real clock (see server/clock.ts). */
  testClockFile: string | undefined;
}

function intFrom(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number (got '${raw}')`);
  return value;
}

function mapTileUrlFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(raw))
    throw new Error(`MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y} (got '${raw}')`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom("PORT", 8080, env);
  return {
    port,
    host: env.HOST || "127.0.0.1",
    dataDir: resolve(env.DATA_DIR || "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ""),
    maxEvidenceBytes: intFrom("MAX_EVIDENCE_MB", 25, env) * 1024 * 1024,
    logLevel: env.LOG_LEVEL || "info",
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || "Shield <shield@localhost>",
    webhookUrl: env.ALERT_WEBHOOK_URL || undefined,
    webhookSecret: env.ALERT_WEBHOOK_SECRET || undefined,
    canvassPollMs: intFrom("CANVASS_POLL_MS", 1000, env),
    testClockFile: env.SHIELD_TEST_CLOCK_FILE || undefined,
    mapTileUrl: mapTileUrlFrom(env.MAP_TILE_URL),
    mapAttribution: env.MAP_ATTRIBUTION || undefined,
  };
}
