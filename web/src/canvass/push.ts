// Notifications on this device: web push (the server sends reminders and alerts through the service
// worker, web/public/push-sw.js) and local reminders while the session page is open.
import { api } from "../api.ts";

export const PUSH_KEY_PATH = "/api/push/key";

export type PushState =
  /** This browser cannot receive web push (no service worker or PushManager, e.g. some iPhones before installing). */
  | "unsupported"
  /** The person (or the browser's settings) refused notifications for Shield. */
  | "blocked"
  | "off"
  | "on";

export function pushSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

/** The service worker, or undefined if none is active within a few seconds (e.g. the dev server). */
async function registration(timeoutMs = 5000): Promise<ServiceWorkerRegistration | undefined> {
  if (!("serviceWorker" in navigator)) return undefined;
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]);
}

export async function currentPushState(): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  // The service worker may still be installing on a first visit: then it is simply not on yet.
  const reg = await registration(3000);
  const sub = await reg?.pushManager.getSubscription().catch(() => null);
  return sub ? "on" : "off";
}

/** The server's VAPID key ("base64url") as the bytes PushManager wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Why turning notifications on did not work, in words a person can act on. */
export class PushProblem extends Error {
  constructor(
    message: string,
    readonly state: PushState,
  ) {
    super(message);
    this.name = "PushProblem";
  }
}

export async function turnPushOn(publicKey: string): Promise<void> {
  if (!pushSupported())
    throw new PushProblem(
      "This browser cannot receive notifications from Shield. On an iPhone, add Shield to your home screen first (Share, then Add to Home Screen), and open it from there.",
      "unsupported",
    );
  const permission = await Notification.requestPermission();
  if (permission !== "granted")
    throw new PushProblem(
      "Notifications are turned off for Shield in this browser. To get them, allow notifications for this site in the browser's settings, then try again.",
      "blocked",
    );
  const reg = await registration(15_000);
  if (!reg)
    throw new PushProblem(
      "Shield's offline helper is not running in this browser yet, so notifications cannot be set up. Reload the page and try again.",
      "off",
    );
  let sub: PushSubscription;
  try {
    sub =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  } catch {
    throw new PushProblem(
      "This browser would not set up notifications (its push service may be unavailable). Shield will still show reminders while this page is open.",
      "off",
    );
  }
  const json = sub.toJSON();
  await api("/api/push/subscriptions", {
    body: { endpoint: sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } },
  });
}

export async function turnPushOff(): Promise<void> {
  const reg = await registration(2000);
  const sub = await reg?.pushManager.getSubscription();
  if (!sub) return;
  await api("/api/push/subscriptions", { method: "DELETE", body: { endpoint: sub.endpoint } });
  await sub.unsubscribe();
}

/**
 * A notification from the page itself (a reminder while the session page is open), through the service
 * worker where there is one (Android needs that), if the person allowed notifications. Never throws.
 */
export async function localNotification(
  title: string,
  body: string,
  tag: string,
  url: string,
): Promise<void> {
  try {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    const reg = await registration(1000);
    if (reg) await reg.showNotification(title, { body, tag, data: { url }, icon: "/icon-192.png" });
    else new Notification(title, { body, tag });
  } catch {
    /* the visible banner on the page is the reminder that counts */
  }
}
