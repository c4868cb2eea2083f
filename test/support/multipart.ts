// multipart/form-data bodies for evidence uploads, and small valid images to upload.
import { randomUUID } from "node:crypto";
import { encodeIndexedPng, type Rgb } from "../../src/core/demo/png.ts";

export interface MultipartFile {
  field?: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A multipart body: the fields first (the server reads them with the file), then the file. */
export function multipartBody(
  fields: Record<string, string>,
  file: MultipartFile,
): { body: Buffer; contentType: string } {
  const boundary = `----shield-test-${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        "utf8",
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.filename}"\r\n` +
        `Content-Type: ${file.contentType}\r\n\r\n`,
      "utf8",
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`, "utf8"),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small, valid PNG: a two-colour checkerboard whose colours (and so bytes) depend on `shade`. */
export function tinyPng(shade: number, size = 8): Uint8Array {
  const palette: Rgb[] = [
    [shade & 0xff, 40, 40],
    [255, 255 - (shade & 0xff), 200],
  ];
  const pixels = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) pixels[y * size + x] = (x + y) % 2;
  return encodeIndexedPng(size, size, pixels, palette);
}
