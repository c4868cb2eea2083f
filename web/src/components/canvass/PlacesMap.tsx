// A small map of a session's places. Leaflet and its styles come in a chunk of their own
// (canvass/map.ts), fetched only when a map is shown. The map is never the only way to see or mark a
// place: the page lists every place as text beside it.
import { useEffect, useRef, useState } from "react";
import { MAP_PATH } from "../../canvass/api.ts";
import type { DrawnMap, MapPlace } from "../../canvass/map.ts";
import type { LatLng, MapSettings } from "../../canvass/types.ts";
import { useResource } from "../useResource.ts";
import "./canvass.css";

const NO_TILES: MapSettings = { tileUrl: null, attribution: null };

export function PlacesMap({
  id,
  places,
  label,
  note,
  onMark,
  centre,
  refit = false,
  small = false,
}: {
  id: string;
  places: MapPlace[];
  /** What the map is, for screen readers ("Map of the places you marked"). */
  label: string;
  /** Said under the map when there is no background map; gets the tile URL's state. */
  note: (hasTiles: boolean) => string;
  /** Given: a tap on the map marks a place. */
  onMark?: (place: LatLng) => void;
  /** Moves the map here whenever this object changes (e.g. after "Use my location"). */
  centre?: LatLng | undefined;
  /** Moves the map to show every place whenever they change (not only when it is first drawn). */
  refit?: boolean;
  /** A smaller map, beside other things (the session page). */
  small?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const drawn = useRef<DrawnMap | undefined>(undefined);
  const shownOnce = useRef(false);
  const marks = useRef(onMark);
  const [version, setVersion] = useState(0);
  const [failed, setFailed] = useState(false);
  const settings = useResource<MapSettings>(MAP_PATH);
  // Offline, or the server could not say: draw the map without tiles (nothing is fetched).
  const ready = settings.data ?? (settings.error ? NO_TILES : undefined);
  const editable = Boolean(onMark);

  useEffect(() => {
    marks.current = onMark;
  }, [onMark]);

  useEffect(() => {
    if (!ready || !box.current) return;
    let cancelled = false;
    let map: DrawnMap | undefined;
    import("../../canvass/map.ts")
      .then(({ drawMap }) => {
        if (cancelled || !box.current) return;
        map = drawMap(box.current, {
          settings: ready,
          ...(editable ? { onMark: (place: LatLng) => marks.current?.(place) } : {}),
        });
        drawn.current = map;
        shownOnce.current = false;
        setVersion((v) => v + 1);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      map?.destroy();
      drawn.current = undefined;
    };
  }, [ready, editable]);

  // Redraw when the places change (a new array with the same places, from a poll, changes nothing).
  const placesKey = JSON.stringify(places);
  useEffect(() => {
    const map = drawn.current;
    if (!map) return;
    // The first drawing shows every place; after that the map stays where the person put it (a tap
    // that marks a place does not move it), unless it follows the places (`refit`).
    map.show(JSON.parse(placesKey) as MapPlace[], !shownOnce.current || refit);
    shownOnce.current = true;
  }, [placesKey, version, refit]);

  useEffect(() => {
    if (centre && drawn.current) drawn.current.centreOn(centre);
  }, [centre, version]);

  if (failed)
    return (
      <p className="canvass-warning">
        <span aria-hidden="true">⚠ </span>The map could not be loaded. The places are listed below.
      </p>
    );
  const hasTiles = Boolean(ready?.tileUrl);
  return (
    <div className="canvass-map-block">
      <p className="hint canvass-map-note" id={`${id}-note`}>
        {ready ? note(hasTiles) : null}
      </p>
      <div
        className={`canvass-map${hasTiles ? "" : " canvass-map-plain"}${small ? " canvass-map-small" : ""}`}
      >
        {/* Leaflet's own box: React puts nothing in it. */}
        <div
          ref={box}
          id={id}
          className="canvass-map-box"
          role="region"
          aria-label={label}
          aria-describedby={`${id}-note`}
        />
        {version === 0 ? (
          <p className="canvass-map-loading" role="status">
            Loading the map…
          </p>
        ) : null}
      </div>
    </div>
  );
}
