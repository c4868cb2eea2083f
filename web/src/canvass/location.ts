// The device's location, only for someone who agreed to share it in their plan, and never waited on
// for long: a check-in or an alert matters more than the position that goes with it.
import type { LocationInput } from "./types.ts";

/** The position now (or from the last couple of minutes), or undefined if it is not there in time. */
export function currentLocation(timeoutMs = 5000): Promise<LocationInput | undefined> {
  if (!("geolocation" in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        const { latitude, longitude, accuracy } = position.coords;
        resolve({
          lat: latitude,
          lng: longitude,
          ...(Number.isFinite(accuracy) ? { accuracyMetres: Math.min(100_000, Math.round(accuracy)) } : {}),
        });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 120_000 },
    );
  });
}

/** A link to the place on OpenStreetMap (opens outside Shield). */
export const mapLink = (lat: number, lng: number) =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(5)}&mlon=${lng.toFixed(5)}#map=17/${lat.toFixed(5)}/${lng.toFixed(5)}`;
