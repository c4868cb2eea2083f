// Minimal, dependency-free PNG writer and a tiny raster "canvas" with a 5x7 bitmap font,
// used to draw deterministic demo evidence images (message screenshots, letter scans,
// photos). Output is an 8-bit indexed-colour PNG (IHDR, PLTE, IDAT, IEND, correct CRCs).
import { deflateSync } from "node:zlib";
import type { Rng } from "./prng.ts";

export type Rgb = readonly [number, number, number];

// ---------------------------------------------------------------- CRC-32 (ISO-HDLC, as PNG uses)

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------- PNG encoding

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Encode palette indices (one byte per pixel, row-major) as an indexed-colour PNG. */
export function encodeIndexedPng(
  width: number,
  height: number,
  pixels: Uint8Array,
  palette: readonly Rgb[],
): Uint8Array {
  if (palette.length < 1 || palette.length > 256) throw new Error("palette must have 1..256 colours");
  if (pixels.length !== width * height) throw new Error("pixel buffer size mismatch");
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: indexed
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach(([r, g, b], i) => plte.set([r, g, b], i * 3));
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter type None
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const idat = new Uint8Array(deflateSync(raw, { level: 9 }));
  const parts = [
    PNG_SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("PLTE", plte),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ---------------------------------------------------------------- 5x7 font

// Each glyph: 7 rows, 5 bits per row (bit 4 = leftmost column).
const GLYPHS: Record<string, readonly number[]> = {
  " ": [0, 0, 0, 0, 0, 0, 0],
  A: [0x0e, 0x11, 0x11, 0x11, 0x1f, 0x11, 0x11],
  B: [0x1e, 0x11, 0x11, 0x1e, 0x11, 0x11, 0x1e],
  C: [0x0e, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0e],
  D: [0x1c, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1c],
  E: [0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x1f],
  F: [0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x10],
  G: [0x0e, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0f],
  H: [0x11, 0x11, 0x11, 0x1f, 0x11, 0x11, 0x11],
  I: [0x0e, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e],
  J: [0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0c],
  K: [0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11],
  L: [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1f],
  M: [0x11, 0x1b, 0x15, 0x15, 0x11, 0x11, 0x11],
  N: [0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11],
  O: [0x0e, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e],
  P: [0x1e, 0x11, 0x11, 0x1e, 0x10, 0x10, 0x10],
  Q: [0x0e, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0d],
  R: [0x1e, 0x11, 0x11, 0x1e, 0x14, 0x12, 0x11],
  S: [0x0f, 0x10, 0x10, 0x0e, 0x01, 0x01, 0x1e],
  T: [0x1f, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
  U: [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e],
  V: [0x11, 0x11, 0x11, 0x11, 0x11, 0x0a, 0x04],
  W: [0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0a],
  X: [0x11, 0x11, 0x0a, 0x04, 0x0a, 0x11, 0x11],
  Y: [0x11, 0x11, 0x11, 0x0a, 0x04, 0x04, 0x04],
  Z: [0x1f, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1f],
  a: [0, 0, 0x0e, 0x01, 0x0f, 0x11, 0x0f],
  b: [0x10, 0x10, 0x16, 0x19, 0x11, 0x11, 0x1e],
  c: [0, 0, 0x0e, 0x10, 0x10, 0x11, 0x0e],
  d: [0x01, 0x01, 0x0d, 0x13, 0x11, 0x11, 0x0f],
  e: [0, 0, 0x0e, 0x11, 0x1f, 0x10, 0x0e],
  f: [0x06, 0x09, 0x08, 0x1c, 0x08, 0x08, 0x08],
  g: [0, 0x0f, 0x11, 0x11, 0x0f, 0x01, 0x0e],
  h: [0x10, 0x10, 0x16, 0x19, 0x11, 0x11, 0x11],
  i: [0x04, 0, 0x0c, 0x04, 0x04, 0x04, 0x0e],
  j: [0x02, 0, 0x06, 0x02, 0x02, 0x12, 0x0c],
  k: [0x10, 0x10, 0x12, 0x14, 0x18, 0x14, 0x12],
  l: [0x0c, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e],
  m: [0, 0, 0x1a, 0x15, 0x15, 0x11, 0x11],
  n: [0, 0, 0x16, 0x19, 0x11, 0x11, 0x11],
  o: [0, 0, 0x0e, 0x11, 0x11, 0x11, 0x0e],
  p: [0, 0, 0x1e, 0x11, 0x1e, 0x10, 0x10],
  q: [0, 0, 0x0d, 0x13, 0x0f, 0x01, 0x01],
  r: [0, 0, 0x16, 0x19, 0x10, 0x10, 0x10],
  s: [0, 0, 0x0e, 0x10, 0x0e, 0x01, 0x1e],
  t: [0x08, 0x08, 0x1c, 0x08, 0x08, 0x09, 0x06],
  u: [0, 0, 0x11, 0x11, 0x11, 0x13, 0x0d],
  v: [0, 0, 0x11, 0x11, 0x11, 0x0a, 0x04],
  w: [0, 0, 0x11, 0x11, 0x15, 0x15, 0x0a],
  x: [0, 0, 0x11, 0x0a, 0x04, 0x0a, 0x11],
  y: [0, 0, 0x11, 0x11, 0x0f, 0x01, 0x0e],
  z: [0, 0, 0x1f, 0x02, 0x04, 0x08, 0x1f],
  "0": [0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e],
  "1": [0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e],
  "2": [0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f],
  "3": [0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e],
  "4": [0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02],
  "5": [0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e],
  "6": [0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e],
  "7": [0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
  "8": [0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e],
  "9": [0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c],
  ".": [0, 0, 0, 0, 0, 0x0c, 0x0c],
  ",": [0, 0, 0, 0, 0x0c, 0x04, 0x08],
  "!": [0x04, 0x04, 0x04, 0x04, 0x04, 0, 0x04],
  "?": [0x0e, 0x11, 0x01, 0x02, 0x04, 0, 0x04],
  "'": [0x0c, 0x04, 0x08, 0, 0, 0, 0],
  '"': [0x0a, 0x0a, 0x0a, 0, 0, 0, 0],
  "-": [0, 0, 0, 0x1f, 0, 0, 0],
  ":": [0, 0x0c, 0x0c, 0, 0x0c, 0x0c, 0],
  ";": [0, 0x0c, 0x0c, 0, 0x0c, 0x04, 0x08],
  "/": [0, 0x01, 0x02, 0x04, 0x08, 0x10, 0],
  "@": [0x0e, 0x11, 0x01, 0x0d, 0x15, 0x15, 0x0e],
  "*": [0, 0x04, 0x15, 0x0e, 0x15, 0x04, 0],
  "#": [0x0a, 0x0a, 0x1f, 0x0a, 0x1f, 0x0a, 0x0a],
  "&": [0x0c, 0x12, 0x14, 0x08, 0x15, 0x12, 0x0d],
  "(": [0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02],
  ")": [0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08],
  _: [0, 0, 0, 0, 0, 0, 0x1f],
  "+": [0, 0x04, 0x04, 0x1f, 0x04, 0x04, 0],
  "=": [0, 0, 0x1f, 0, 0x1f, 0, 0],
  "%": [0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03],
  "£": [0x06, 0x09, 0x08, 0x1c, 0x08, 0x08, 0x1f],
};
const FALLBACK: readonly number[] = [0x1f, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1f];

/** Map characters the font lacks to close equivalents; drops anything unprintable (e.g. emoji). */
export function normaliseForFont(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch === "\u2019" || ch === "\u2018") out += "'";
    else if (ch === "\u201c" || ch === "\u201d") out += '"';
    else if (ch === "\u2013" || ch === "\u2014") out += "-";
    else if (ch === "\n") out += "\n";
    else if (GLYPHS[ch]) out += ch;
    else if (ch.codePointAt(0)! > 0xffff)
      continue; // emoji etc.
    else out += "?";
  }
  return out;
}

/** Greedy word wrap to at most `width` characters per line; honours explicit newlines. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of normaliseForFont(text).split("\n")) {
    let line = "";
    for (let word of para.split(/\s+/).filter(Boolean)) {
      while (word.length > width) {
        if (line) {
          lines.push(line);
          line = "";
        }
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += " " + word;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

// ---------------------------------------------------------------- canvas

export class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background = 0,
  ) {
    this.pixels = new Uint8Array(width * height).fill(background);
  }

  set(x: number, y: number, colour: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.pixels[y * this.width + x] = colour;
  }

  rect(x: number, y: number, w: number, h: number, colour: number): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.floor(x + w));
    const y1 = Math.min(this.height, Math.floor(y + h));
    for (let yy = y0; yy < y1; yy++) this.pixels.fill(colour, yy * this.width + x0, yy * this.width + x1);
  }

  disc(cx: number, cy: number, r: number, colour: number): void {
    for (let y = -r; y <= r; y++)
      for (let x = -r; x <= r; x++) if (x * x + y * y <= r * r) this.set(cx + x, cy + y, colour);
  }

  /** Draw one line of text; `jitter` (optional) nudges each glyph by ±1 px for a handwritten look. */
  text(x: number, y: number, text: string, colour: number, scale = 2, jitter?: Rng): void {
    let cx = x;
    for (const ch of normaliseForFont(text)) {
      const glyph = GLYPHS[ch] ?? FALLBACK;
      const dx = jitter ? jitter.int(-1, 1) : 0;
      const dy = jitter ? jitter.int(-1, 1) : 0;
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < 5; gx++)
          if (row & (0x10 >> gx)) this.rect(cx + dx + gx * scale, y + dy + gy * scale, scale, scale, colour);
      });
      cx += 6 * scale;
    }
  }

  toPng(palette: readonly Rgb[]): Uint8Array {
    return encodeIndexedPng(this.width, this.height, this.pixels, palette);
  }
}

// ---------------------------------------------------------------- demo images

export interface ScreenshotSpec {
  app: string; // e.g. "X", "Instagram", "Messages"
  accent: Rgb;
  author: string; // e.g. "@WrenfieldTruth" or "07700 900481"
  timestamp: string; // as the app would show it
  message: string;
  clock: string; // phone status-bar time, "21:14"
}

/** A phone-style screenshot of one message: status bar, app header, author, timestamp, text. */
export function renderScreenshot(rng: Rng, spec: ScreenshotSpec): Uint8Array {
  const W = 360;
  const CHARS = Math.floor((W - 32) / 12);
  const lines = wrapText(spec.message, CHARS);
  const H = 150 + lines.length * 20 + 56;
  const palette: Rgb[] = [
    [250, 250, 252], // 0 background
    [24, 26, 31], // 1 text
    spec.accent, // 2 header
    [255, 255, 255], // 3 white
    [118, 124, 132], // 4 grey
    [rng.int(60, 200), rng.int(60, 200), rng.int(60, 200)], // 5 avatar
    [225, 228, 233], // 6 rule
    [12, 12, 14], // 7 status bar
  ];
  const c = new Canvas(W, H, 0);
  c.rect(0, 0, W, 22, 7);
  c.text(10, 4, spec.clock, 3, 2);
  c.rect(W - 40, 6, 26, 11, 3); // battery
  c.rect(W - 14, 9, 3, 5, 3);
  c.rect(0, 22, W, 44, 2);
  c.text(16, 30, spec.app, 3, 3);
  c.disc(36, 98, 18, 5);
  c.text(64, 84, spec.author, 1, 2);
  c.text(64, 106, spec.timestamp, 4, 1);
  c.rect(16, 126, W - 32, 1, 6);
  lines.forEach((line, i) => c.text(16, 140 + i * 20, line, 1, 2));
  const fy = 150 + lines.length * 20 + 14;
  c.rect(16, fy - 8, W - 32, 1, 6);
  for (let i = 0; i < 4; i++) c.rect(24 + i * 84, fy + 6, 16, 14, 4);
  return c.toPng(palette);
}

/** A scanned handwritten letter: off-white paper, capitals in biro, slight shadow at the edge. */
export function renderLetterScan(rng: Rng, text: string): Uint8Array {
  const W = 400;
  const lines = wrapText(text, Math.floor((W - 60) / 12));
  const H = Math.max(300, 60 + lines.length * 26 + 40);
  const palette: Rgb[] = [
    [204, 204, 200], // 0 scanner bed
    [246, 242, 228], // 1 paper
    [28, 40, 110], // 2 biro
    [232, 227, 210], // 3 paper fold
  ];
  const c = new Canvas(W, H, 0);
  c.rect(8, 6, W - 16, H - 12, 1);
  c.rect(8, Math.floor(H / 3), W - 16, 1, 3);
  c.rect(8, Math.floor((2 * H) / 3), W - 16, 1, 3);
  lines.forEach((line, i) => c.text(30 + rng.int(-2, 2), 40 + i * 26, line, 2, 2, rng));
  return c.toPng(palette);
}

/** A photo of a campaign board sprayed with graffiti. */
export function renderDefacedBoard(rng: Rng, poster: string, graffiti: string): Uint8Array {
  const W = 400;
  const H = 260;
  const palette: Rgb[] = [
    [150, 86, 70], // 0 brick
    [120, 66, 54], // 1 mortar-dark brick
    [245, 245, 240], // 2 board
    [92, 45, 145], // 3 campaign purple
    [210, 24, 30], // 4 spray red
    [80, 80, 80], // 5 post
    [255, 210, 60], // 6 campaign yellow
    [190, 190, 185], // 7 torn paper
  ];
  const c = new Canvas(W, H, 0);
  for (let y = 0; y < H; y += 14) {
    c.rect(0, y, W, 2, 1);
    const off = (y / 14) % 2 === 0 ? 0 : 22;
    for (let x = off; x < W; x += 44) c.rect(x, y, 2, 14, 1);
  }
  c.rect(40, 30, 320, 190, 2);
  c.rect(40, 30, 320, 40, 3);
  c.text(60, 38, poster, 6, 4);
  c.rect(60, 90, 130, 100, 7); // torn-off poster remains
  for (let i = 0; i < 12; i++)
    c.rect(60 + rng.int(0, 120), 90 + rng.int(0, 90), rng.int(6, 18), rng.int(4, 10), 2);
  c.rect(200, 200, 14, 60, 5);
  c.text(70 + rng.int(-6, 6), 120 + rng.int(-6, 6), graffiti, 4, 5, rng);
  for (let i = 0; i < 60; i++) c.disc(60 + rng.int(0, 280), 110 + rng.int(0, 70), rng.int(0, 2), 4); // overspray
  return c.toPng(palette);
}

/** A night-time doorbell-camera still showing a van and its number plate. */
export function renderDoorbellStill(rng: Rng, plate: string, overlay: string): Uint8Array {
  const W = 400;
  const H = 240;
  const palette: Rgb[] = [
    [18, 22, 30], // 0 night sky
    [40, 42, 46], // 1 road
    [150, 30, 28], // 2 red van
    [230, 200, 40], // 3 plate yellow
    [10, 10, 10], // 4 black
    [240, 240, 240], // 5 overlay text
    [90, 110, 130], // 6 window glass
    [255, 230, 150], // 7 street light
  ];
  const c = new Canvas(W, H, 0);
  c.rect(0, 150, W, 90, 1);
  c.disc(340, 30, 8, 7);
  for (let i = 0; i < 40; i++) c.set(rng.int(0, W - 1), rng.int(0, 140), 6); // sensor noise
  c.rect(60, 80, 250, 100, 2); // van body
  c.rect(230, 90, 70, 40, 6); // windscreen
  c.rect(60, 70, 170, 8, 4); // ladder rack
  c.disc(100, 182, 16, 4);
  c.disc(260, 182, 16, 4);
  c.rect(125, 150, 110, 20, 3);
  c.text(131, 152, plate, 4, 2);
  c.rect(0, 0, W, 18, 4);
  c.text(6, 3, overlay, 5, 2);
  return c.toPng(palette);
}
