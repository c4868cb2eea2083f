// The canvassing map, drawn with Leaflet: loaded only when a map is opened (a chunk of its own, with
// Leaflet's styles), so that the first page and the 30-second plan stay small. Places are circles (no
// image markers). Without a tile server (the default) there is no background map at all: nothing is
// fetched from anywhere, so no map service learns where a candidate is looking.
import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { LatLng, MapSettings } from "./types.ts";

/** Great Britain, for the first view when there is nothing else to show. */
const GREAT_BRITAIN: L.LatLngBoundsExpression = [
  [49.9, -8.2],
  [58.7, 1.8],
];
/** How close the map comes to one place (streets), and how far in it can go. */
const PLACE_ZOOM = 16;
const MAX_ZOOM = 19;

export interface MapPlace extends LatLng {
  /** Shown beside the circle: "1", "1 Mill Lane corner", "Last known 15:09". */
  text: string;
  kind: "point" | "location";
}

export interface DrawnMap {
  /** Draws these places instead of the ones before; `fit` moves the view to show them all. */
  show(places: MapPlace[], fit: boolean): void;
  centreOn(place: LatLng, zoom?: number): void;
  destroy(): void;
}

export interface MapOptions {
  settings: MapSettings;
  /** A tap or click on the map (or Enter on the focused map, for its centre) marks a place. */
  onMark?: (place: LatLng) => void;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function drawMap(container: HTMLElement, { settings, onMark }: MapOptions): DrawnMap {
  const map = L.map(container, {
    attributionControl: Boolean(settings.tileUrl),
    zoomControl: true,
    maxZoom: MAX_ZOOM,
    minZoom: 3,
    // Fitting the places can use half steps, so that a few close places fill a small map.
    zoomSnap: 0.5,
    worldCopyJump: true,
  });
  if (settings.tileUrl) {
    map.attributionControl?.setPrefix(false);
    L.tileLayer(settings.tileUrl, {
      maxZoom: MAX_ZOOM,
      ...(settings.attribution ? { attribution: settings.attribution } : {}),
    }).addTo(map);
  }
  L.control.scale({ imperial: true, metric: true, position: "bottomleft" }).addTo(map);
  map.fitBounds(GREAT_BRITAIN);

  if (onMark) {
    const mark = (at: L.LatLng) => {
      const place = at.wrap();
      onMark({ lat: round(Math.max(-90, Math.min(90, place.lat))), lng: round(place.lng) });
    };
    map.on("click", (event: L.LeafletMouseEvent) => mark(event.latlng));
    // With a keyboard: the arrow keys move the map (Leaflet's own), Enter marks its centre.
    L.DomEvent.on(container, "keydown", (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === "Enter" && event.target === container) {
        event.preventDefault();
        mark(map.getCenter());
      }
    });
  }

  const layer = L.layerGroup().addTo(map);

  // The map's box changes with the page (a phone turned, a details opened): Leaflet must be told.
  const resized = new ResizeObserver(() => map.invalidateSize());
  resized.observe(container);

  return {
    show(places, fit) {
      layer.clearLayers();
      for (const place of places) {
        const location = place.kind === "location";
        const circle = L.circleMarker([place.lat, place.lng], {
          radius: location ? 9 : 8,
          color: location ? "#a4001d" : "#12355b",
          weight: 3,
          fillColor: location ? "#ffffff" : "#1d4ed8",
          fillOpacity: location ? 1 : 0.85,
          // A tap on a place is not a tap on the map (which would mark another place there).
          bubblingMouseEvents: false,
        });
        // The words are text, never HTML: a label is whatever someone typed.
        const words = document.createElement("span");
        words.textContent = place.text;
        circle.bindTooltip(words, {
          permanent: true,
          direction: "top",
          offset: [0, -10],
          className: `canvass-map-label${location ? " canvass-map-label-location" : ""}`,
        });
        circle.addTo(layer);
      }
      if (!fit || places.length === 0) return;
      if (places.length === 1) map.setView([places[0]!.lat, places[0]!.lng], PLACE_ZOOM);
      else
        map.fitBounds(L.latLngBounds(places.map((p) => [p.lat, p.lng] as L.LatLngTuple)), {
          // Room for the labels above the places, the zoom buttons and the scale.
          paddingTopLeft: [45, 50],
          paddingBottomRight: [30, 60],
          maxZoom: PLACE_ZOOM + 1,
        });
    },
    centreOn(place, zoom = PLACE_ZOOM) {
      map.setView([place.lat, place.lng], zoom);
    },
    destroy() {
      resized.disconnect();
      map.remove();
    },
  };
}
