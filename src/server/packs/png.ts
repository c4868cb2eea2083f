// Evidence images for the PDF, safely and quickly. A JPEG goes to pdfkit as it is. A PNG never does:
// pdfkit's PNG reader copies the compressed data a byte at a time (a second for 40 MB of screenshots), and
// for an alpha channel (as many phone screenshots have), 16 bits, interlacing or a palette with
// transparency it decodes asynchronously, where a damaged file throws outside any handler and brings the
// process down. Instead, an 8-bit PNG without transparency or interlacing gives its compressed data
// straight to the PDF (which reads PNG row filters itself), and any other PNG is decoded here, laid on
// white and scaled down if huge. The original file is always what goes in the ZIP: this only changes
// the picture drawn in the PDF.
import { deflateSync, inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A decoded image is scaled down so its longer side is at most this (plenty for a page). */
const MAX_SIDE = 1600;
/** Refuse to decode anything larger than this many pixels (a "decompression bomb"). */
const MAX_PIXELS = 40_000_000;

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  palette?: Buffer;
  transparency?: Buffer;
  data: Buffer[];
}

function readPng(bytes: Buffer): Png | undefined {
  if (bytes.length < 8 + 25 || !bytes.subarray(0, 8).equals(SIGNATURE)) return undefined;
  let offset = 8;
  let png: Png | undefined;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) return undefined;
    if (type === "IHDR") {
      if (length < 13) return undefined;
      png = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8]!,
        colourType: body[9]!,
        interlace: body[12]!,
        data: [],
      };
    } else if (!png) return undefined;
    else if (type === "PLTE") png.palette = body;
    else if (type === "tRNS") png.transparency = body;
    else if (type === "IDAT") png.data.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (!png || png.width === 0 || png.height === 0 || png.data.length === 0) return undefined;
  const validDepths: Record<number, number[]> = {
    0: [1, 2, 4, 8, 16],
    2: [8, 16],
    3: [1, 2, 4, 8],
    4: [8, 16],
    6: [8, 16],
  };
  if (!validDepths[png.colourType]?.includes(png.bitDepth)) return undefined;
  if (png.colourType === 3 && !png.palette) return undefined;
  return png;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Reverses the PNG row filters of one (sub-)image in place; returns its rows. */
function unfilter(data: Buffer, offset: number, width: number, height: number, bitsPerPixel: number) {
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const rows: Buffer[] = [];
  let previous: Buffer = Buffer.alloc(rowBytes);
  for (let y = 0; y < height; y++) {
    const start = offset + y * (rowBytes + 1);
    if (start + rowBytes + 1 > data.length) throw new Error("truncated image data");
    const filter = data[start]!;
    const row = data.subarray(start + 1, start + 1 + rowBytes);
    switch (filter) {
      case 0:
        break;
      case 1:
        for (let i = bpp; i < rowBytes; i++) row[i] = (row[i]! + row[i - bpp]!) & 0xff;
        break;
      case 2:
        for (let i = 0; i < rowBytes; i++) row[i] = (row[i]! + previous[i]!) & 0xff;
        break;
      case 3:
        for (let i = 0; i < rowBytes; i++)
          row[i] = (row[i]! + (((i >= bpp ? row[i - bpp]! : 0) + previous[i]!) >> 1)) & 0xff;
        break;
      case 4:
        for (let i = 0; i < rowBytes; i++) {
          const a = i >= bpp ? row[i - bpp]! : 0;
          const b = previous[i]!;
          const c = i >= bpp ? previous[i - bpp]! : 0;
          const p = a + b - c;
          const pa = p > a ? p - a : a - p;
          const pb = p > b ? p - b : b - p;
          const pc = p > c ? p - c : c - p;
          row[i] = (row[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
        }
        break;
      default:
        throw new Error("unknown PNG filter");
    }
    rows.push(row);
    previous = row;
  }
  return { rows, used: height * (rowBytes + 1) };
}

/** One row's samples widened to 8 bits (16-bit samples keep their high byte), and 16-bit values for tRNS. */
function samplesOf(
  row: Buffer,
  count: number,
  bitDepth: number,
  out: Uint8Array,
  wide: Uint16Array | undefined,
) {
  if (bitDepth === 8) {
    out.set(row.subarray(0, count));
    return;
  }
  if (bitDepth === 16) {
    for (let i = 0; i < count; i++) {
      out[i] = row[i * 2]!;
      if (wide) wide[i] = (row[i * 2]! << 8) | row[i * 2 + 1]!;
    }
    return;
  }
  const perByte = 8 / bitDepth;
  const mask = (1 << bitDepth) - 1;
  for (let i = 0; i < count; i++) {
    const byte = row[(i / perByte) | 0]!;
    out[i] = (byte >> (8 - bitDepth * ((i % perByte) + 1))) & mask;
    if (wide) wide[i] = out[i]!;
  }
}

/** Writes one row of pixels (from 8-bit samples) into the RGB image, laid on white where transparent. */
function putRow(
  png: Png,
  samples: Uint8Array,
  wide: Uint16Array | undefined,
  count: number,
  out: Uint8Array,
  y: number,
  x0: number,
  dx: number,
) {
  const { colourType, bitDepth, width } = png;
  const trns = png.transparency;
  const greyScale = colourType === 0 && bitDepth < 8 ? 255 / ((1 << bitDepth) - 1) : 1;
  const palette = png.palette;
  for (let k = 0; k < count; k++) {
    let r: number, g: number, b: number;
    let alpha = 255;
    if (colourType === 6) {
      r = samples[k * 4]!;
      g = samples[k * 4 + 1]!;
      b = samples[k * 4 + 2]!;
      alpha = samples[k * 4 + 3]!;
    } else if (colourType === 2) {
      r = samples[k * 3]!;
      g = samples[k * 3 + 1]!;
      b = samples[k * 3 + 2]!;
      if (trns && trns.length >= 6) {
        const same = wide
          ? wide[k * 3] === trns.readUInt16BE(0) &&
            wide[k * 3 + 1] === trns.readUInt16BE(2) &&
            wide[k * 3 + 2] === trns.readUInt16BE(4)
          : r === trns.readUInt16BE(0) && g === trns.readUInt16BE(2) && b === trns.readUInt16BE(4);
        if (same) alpha = 0;
      }
    } else if (colourType === 3) {
      const index = samples[k]!;
      r = palette![index * 3] ?? 0;
      g = palette![index * 3 + 1] ?? 0;
      b = palette![index * 3 + 2] ?? 0;
      if (trns && index < trns.length) alpha = trns[index]!;
    } else if (colourType === 4) {
      r = g = b = samples[k * 2]!;
      alpha = samples[k * 2 + 1]!;
    } else {
      r = g = b = Math.round(samples[k]! * greyScale);
      if (trns && trns.length >= 2 && (wide ? wide[k] : samples[k]) === trns.readUInt16BE(0)) alpha = 0;
    }
    const o = (y * width + x0 + k * dx) * 3;
    if (alpha === 255) {
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
    } else {
      // On white: c·α + 255·(1 − α).
      const inv = 255 * (255 - alpha) + 127;
      out[o] = (r * alpha + inv) / 255;
      out[o + 1] = (g * alpha + inv) / 255;
      out[o + 2] = (b * alpha + inv) / 255;
    }
  }
}

/** Decodes any valid PNG into 8-bit RGB on a white background. */
function decodeToRgb(png: Png): Uint8Array {
  const { width, height, bitDepth, colourType } = png;
  const channels = CHANNELS[colourType]!;
  const bitsPerPixel = channels * bitDepth;
  const raw = inflateSync(Buffer.concat(png.data));
  const out = new Uint8Array(width * height * 3);
  const samples = new Uint8Array(width * channels);
  const wide =
    bitDepth === 16 || (png.transparency && colourType !== 3) ? new Uint16Array(width * channels) : undefined;
  if (png.interlace === 0) {
    const { rows } = unfilter(raw, 0, width, height, bitsPerPixel);
    for (let y = 0; y < height; y++) {
      samplesOf(rows[y]!, width * channels, bitDepth, samples, wide);
      putRow(png, samples, wide, width, out, y, 0, 1);
    }
    return out;
  }
  // Adam7: seven passes, each a smaller image of every nth pixel.
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const { rows, used } = unfilter(raw, offset, w, h, bitsPerPixel);
    offset += used;
    for (let y = 0; y < h; y++) {
      samplesOf(rows[y]!, w * channels, bitDepth, samples, wide);
      putRow(png, samples, wide, w, out, y0 + y * dy, x0, dx);
    }
  }
  return out;
}

/** Box-filters an RGB image down by a whole factor. */
function shrink(rgb: Uint8Array, width: number, height: number, factor: number) {
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0,
        g = 0,
        b = 0,
        n = 0;
      for (let yy = y * factor; yy < Math.min(height, (y + 1) * factor); yy++) {
        for (let xx = x * factor; xx < Math.min(width, (x + 1) * factor); xx++) {
          const o = (yy * width + xx) * 3;
          r += rgb[o]!;
          g += rgb[o + 1]!;
          b += rgb[o + 2]!;
          n++;
        }
      }
      const o = (y * w + x) * 3;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return { rgb: out, width: w, height: h };
}

/** Pixels ready for a PDF image XObject: zlib-compressed samples, with the PNG predictor where they still have it. */
export interface RasterImage {
  width: number;
  height: number;
  /** 1 (grey or palette indices) or 3 (RGB). */
  colours: 1 | 3;
  /** RGB triplets, for palette images. */
  palette?: Buffer;
  /** The data still carries PNG row filters (PDF's /Predictor 15). */
  predictor: boolean;
  data: Buffer;
}

export type PdfImageSource = { kind: "jpeg"; bytes: Buffer } | { kind: "raster"; image: RasterImage };

/**
 * How to draw an evidence image in the PDF: a JPEG as it is (pdfkit copies it); a plain 8-bit PNG's own
 * compressed data, without decoding it; any other PNG decoded here, laid on white, scaled down if huge.
 * Undefined when the bytes are not a usable image.
 */
export function imageForPdf(bytes: Buffer, mediaType: string): PdfImageSource | undefined {
  if (mediaType === "image/jpeg")
    return bytes[0] === 0xff && bytes[1] === 0xd8 ? { kind: "jpeg", bytes } : undefined;
  if (mediaType !== "image/png") return undefined;
  const png = readPng(bytes);
  if (!png) return undefined;
  const plain =
    png.bitDepth === 8 &&
    png.interlace === 0 &&
    (png.colourType === 2 || png.colourType === 0 || png.colourType === 3) &&
    !png.transparency;
  if (plain) {
    return {
      kind: "raster",
      image: {
        width: png.width,
        height: png.height,
        colours: png.colourType === 2 ? 3 : 1,
        ...(png.colourType === 3 ? { palette: png.palette! } : {}),
        predictor: true,
        data: Buffer.concat(png.data),
      },
    };
  }
  if (png.width * png.height > MAX_PIXELS) return undefined;
  try {
    let rgb = decodeToRgb(png);
    let { width, height } = png;
    const factor = Math.ceil(Math.max(width, height) / MAX_SIDE);
    if (factor > 1) ({ rgb, width, height } = shrink(rgb, width, height, factor));
    return {
      kind: "raster",
      image: { width, height, colours: 3, predictor: false, data: deflateSync(rgb, { level: 1 }) },
    };
  } catch {
    return undefined;
  }
}

/** Any valid PNG as 8-bit RGB on white (tests read rendered pages with it). */
export function decodePng(bytes: Buffer): { width: number; height: number; rgb: Uint8Array } | undefined {
  const png = readPng(bytes);
  if (!png) return undefined;
  try {
    return { width: png.width, height: png.height, rgb: decodeToRgb(png) };
  } catch {
    return undefined;
  }
}
