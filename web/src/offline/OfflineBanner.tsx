// Says calmly when the device is offline and how many records are waiting to be sent.
import { useEffect, useState } from "react";
import { useOutbox } from "./useOutbox.ts";

export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

export function OfflineBanner({ remembered }: { remembered: boolean }) {
  const online = useOnline();
  const items = useOutbox();
  const waiting = items.filter((i) => !i.rejected).length;
  const rejected = items.length - waiting;
  if (online && !remembered && waiting === 0 && rejected === 0) return null;
  return (
    <div className="offline-banner" role="status">
      {!online || remembered
        ? "You are offline. You can still record incidents: they are kept on this device. "
        : null}
      {waiting > 0
        ? `${waiting} incident${waiting === 1 ? " is" : "s are"} waiting to be sent${online && !remembered ? "…" : " when you are back online."}`
        : null}
      {rejected > 0 ? ` ${rejected} could not be sent: open Record an incident to see why.` : null}
    </div>
  );
}
