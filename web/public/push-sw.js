// Web push for Shield, loaded into the generated service worker (workbox importScripts in
// web/vite.config.ts). The server sends JSON { title, body, url, tag }: a canvassing reminder or alert.
// A tap on the notification focuses Shield at that address, or opens it.
/* global self */

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof data.title === "string" && data.title ? data.title : "Shield";
  const options = {
    body: typeof data.body === "string" ? data.body : "",
    data: { url: typeof data.url === "string" ? data.url : "/" },
    icon: "/icon-192.png",
    badge: "/icon-192.png",
    lang: "en-GB",
  };
  if (typeof data.tag === "string" && data.tag) {
    options.tag = data.tag;
    // A newer reminder or alert with the same tag replaces the old one, and still alerts the person.
    options.renotify = true;
  }
  event.waitUntil(self.registration.showNotification(title, options));
});

/** Only addresses of this Shield are opened from a notification; anything else opens the home page. */
function sameOriginUrl(raw) {
  try {
    const url = new URL(raw || "/", self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + "/";
  } catch {
    return self.location.origin + "/";
  }
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const exact = windows.find((w) => w.url === target);
      if (exact) return exact.focus();
      const ours = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (ours && "navigate" in ours) {
        const focused = await ours.focus();
        return (focused || ours).navigate(target);
      }
      return self.clients.openWindow(target);
    })(),
  );
});
