// Evidence images for the PDF: plain PNGs go in without decoding; any other PNG (alpha, 16-bit,
// interlaced, grey, palette transparency) is decoded to the same pixels laid on white; a damaged file
// is refused rather than crashing anything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateSync, inflateSync } from "node:zlib";
import { crc32 } from "../../../src/core/demo/png.ts";
import { decodePng, imageForPdf } from "../../../src/server/packs/png.ts";

type Pixel = [number, number, number, number]; // RGBA, 0–255

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "latin1");
  out.set(body, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + body.length), 8 + body.length);
  return out;
}

/** Applies PNG filter `type` to one row (the inverse of what a decoder undoes). */
function filterRow(row: Uint8Array, previous: Uint8Array, bpp: number, type: number): Uint8Array {
  const out = new Uint8Array(row.length);
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = previous[i]!;
    const c = i >= bpp ? previous[i - bpp]! : 0;
    const p = a + b - c;
    const paeth =
      Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
        ? a
        : Math.abs(p - b) <= Math.abs(p - c)
          ? b
          : c;
    const predictor = [0, a, b, (a + b) >> 1, paeth][type]!;
    out[i] = (row[i]! - predictor) & 0xff;
  }
  return out;
}

interface Spec {
  colourType: 0 | 2 | 3 | 4 | 6;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  interlace?: boolean;
  palette?: [number, number, number][];
  trns?: Uint8Array;
}

/** Encodes a pixel function as a PNG of the given kind, cycling through all five row filters. */
function encode(
  width: number,
  height: number,
  spec: Spec,
  sample: (x: number, y: number) => number[],
): Buffer {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[spec.colourType];
  const bits = channels * spec.bitDepth;
  const bpp = Math.max(1, bits >> 3);
  const image = (xs: number[], ys: number[]) => {
    const rowBytes = Math.ceil((xs.length * bits) / 8);
    const out: number[] = [];
    let previous = new Uint8Array(rowBytes);
    ys.forEach((y, r) => {
      const row = new Uint8Array(rowBytes);
      let bit = 0;
      for (const x of xs)
        for (const v of sample(x, y)) {
          if (spec.bitDepth === 16) {
            row[bit >> 3] = v >> 8;
            row[(bit >> 3) + 1] = v & 0xff;
          } else row[bit >> 3]! |= v << (8 - spec.bitDepth - (bit % 8));
          bit += spec.bitDepth;
        }
      const type = r % 5;
      out.push(type, ...filterRow(row, previous, bpp, type));
      previous = row;
    });
    return out;
  };
  const range = (from: number, to: number, step: number) => {
    const list: number[] = [];
    for (let i = from; i < to; i += step) list.push(i);
    return list;
  };
  const raw: number[] = [];
  if (!spec.interlace) raw.push(...image(range(0, width, 1), range(0, height, 1)));
  else
    for (const [x0, y0, dx, dy] of [
      [0, 0, 8, 8],
      [4, 0, 8, 8],
      [0, 4, 4, 8],
      [2, 0, 4, 4],
      [0, 2, 2, 4],
      [1, 0, 2, 2],
      [0, 1, 1, 2],
    ] as const) {
      const xs = range(x0, width, dx);
      const ys = range(y0, height, dy);
      if (xs.length > 0 && ys.length > 0) raw.push(...image(xs, ys));
    }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = spec.bitDepth;
  ihdr[9] = spec.colourType;
  ihdr[12] = spec.interlace ? 1 : 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    ...(spec.palette ? [chunk("PLTE", Uint8Array.from(spec.palette.flat()))] : []),
    ...(spec.trns ? [chunk("tRNS", spec.trns)] : []),
    chunk("IDAT", deflateSync(Uint8Array.from(raw))),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** The colour each pixel should have once laid on white. */
const onWhite = ([r, g, b, a]: Pixel) =>
  [r, g, b].map((c) => Math.floor((c * a + 255 * (255 - a) + 127) / 255));

const W = 13;
const H = 11;
const pixel = (x: number, y: number): Pixel => [
  (x * 19) % 256,
  (y * 23) % 256,
  ((x + y) * 31) % 256,
  ((x * y * 7) % 255) + 1,
];

function assertPixels(png: Buffer, expected: (x: number, y: number) => number[], label: string) {
  const decoded = decodePng(png);
  assert.ok(decoded, label);
  assert.equal(decoded.width, W);
  assert.equal(decoded.height, H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      const got = [decoded.rgb[o]!, decoded.rgb[o + 1]!, decoded.rgb[o + 2]!];
      const want = expected(x, y);
      assert.ok(
        got.every((v, k) => Math.abs(v - want[k]!) <= 1),
        `${label}: pixel ${x},${y} is ${got}, expected ${want}`,
      );
    }
}

test("every kind of PNG decodes to the right pixels on white, through all five row filters", () => {
  for (const interlace of [false, true]) {
    const tag = interlace ? " (interlaced)" : "";
    assertPixels(
      encode(W, H, { colourType: 6, bitDepth: 8, interlace }, (x, y) => pixel(x, y)),
      (x, y) => onWhite(pixel(x, y)),
      `RGBA 8${tag}`,
    );
    assertPixels(
      encode(W, H, { colourType: 6, bitDepth: 16, interlace }, (x, y) => pixel(x, y).map((v) => v * 257)),
      (x, y) => onWhite(pixel(x, y)),
      `RGBA 16${tag}`,
    );
    assertPixels(
      encode(W, H, { colourType: 2, bitDepth: 8, interlace }, (x, y) => pixel(x, y).slice(0, 3)),
      (x, y) => pixel(x, y).slice(0, 3),
      `RGB 8${tag}`,
    );
    assertPixels(
      encode(W, H, { colourType: 4, bitDepth: 8, interlace }, (x, y) => [pixel(x, y)[0], pixel(x, y)[3]]),
      (x, y) => onWhite([pixel(x, y)[0], pixel(x, y)[0], pixel(x, y)[0], pixel(x, y)[3]]),
      `grey+alpha${tag}`,
    );
    assertPixels(
      encode(W, H, { colourType: 0, bitDepth: 1, interlace }, (x, y) => [(x + y) % 2]),
      (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0]),
      `1-bit grey${tag}`,
    );
    const palette: [number, number, number][] = [
      [200, 0, 0],
      [0, 200, 0],
      [0, 0, 200],
    ];
    assertPixels(
      encode(
        W,
        H,
        { colourType: 3, bitDepth: 2, interlace, palette, trns: Uint8Array.of(255, 0) },
        (x, y) => [(x + 2 * y) % 3],
      ),
      (x, y) => {
        const i = (x + 2 * y) % 3;
        return i === 1 ? [255, 255, 255] : palette[i]!;
      },
      `palette with transparency${tag}`,
    );
  }
});

test("a plain 8-bit PNG goes into the PDF without decoding; others are decoded, on white", () => {
  const plain = encode(W, H, { colourType: 2, bitDepth: 8 }, (x, y) => pixel(x, y).slice(0, 3));
  const direct = imageForPdf(plain, "image/png");
  assert.ok(direct?.kind === "raster");
  assert.equal(direct.image.predictor, true, "its own compressed rows, with the PNG predictor");
  assert.equal(direct.image.colours, 3);

  const rgba = encode(W, H, { colourType: 6, bitDepth: 8 }, (x, y) => pixel(x, y));
  const decoded = imageForPdf(rgba, "image/png");
  assert.ok(decoded?.kind === "raster");
  assert.equal(decoded.image.predictor, false);
  const samples = inflateSync(decoded.image.data);
  assert.equal(samples.length, W * H * 3);
  assert.deepEqual([...samples.subarray(0, 3)], onWhite(pixel(0, 0)));

  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
  assert.equal(imageForPdf(jpeg, "image/jpeg")?.kind, "jpeg");
  assert.equal(imageForPdf(Buffer.from("GIF89a"), "image/gif"), undefined, "only PNG and JPEG are drawn");
});

test("damaged or hostile PNGs are refused, never thrown", () => {
  const good = encode(W, H, { colourType: 6, bitDepth: 8 }, (x, y) => pixel(x, y));
  const cases: [string, Buffer][] = [
    ["empty", Buffer.alloc(0)],
    ["not a PNG", Buffer.from("hello world, this is not an image at all")],
    ["cut short", good.subarray(0, good.length - 30)],
    ["garbled data", Buffer.concat([good.subarray(0, 41), Buffer.alloc(good.length - 41, 0x55)])],
  ];
  // A header claiming 100,000 × 100,000 pixels (a decompression bomb).
  const huge = Buffer.from(good);
  huge.writeUInt32BE(100_000, 16);
  huge.writeUInt32BE(100_000, 20);
  cases.push(["huge", huge]);
  for (const [label, bytes] of cases) {
    assert.doesNotThrow(() => imageForPdf(bytes, "image/png"), label);
    assert.equal(imageForPdf(bytes, "image/png"), undefined, label);
  }
});
