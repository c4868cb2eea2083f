// Writing the pack's ZIP as a stream with fflate's container, but node's own zlib for compression and
// CRC-32 (native code: fflate's JavaScript deflate took most of a second on a large records.json).
// Entries are written one after another; each reports its SHA-256 for the manifest.
import { createHash } from "node:crypto";
import * as zlib from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";

type Crc32 = (data: Uint8Array, value?: number) => number;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as ZIP and PNG use it, continuing from `value`. zlib.crc32 where node has it (20.15 and later). */
export const crc32: Crc32 =
  (zlib as unknown as { crc32?: Crc32 }).crc32 ??
  ((data, value = 0) => {
    let c = (value ^ 0xffffffff) >>> 0;
    for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  });

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

export class ZipWriter {
  private readonly zip: Zip;

  constructor(
    write: (chunk: Uint8Array) => void,
    end: () => void,
    fail: (error: Error) => void,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) return fail(error);
      write(chunk);
      if (final) end();
    });
  }

  private entry(path: string, compression: 0 | 8): ZipInputFile {
    const file: ZipInputFile = { filename: path, size: 0, crc: 0, compression, mtime: this.mtime };
    this.zip.add(file);
    return file;
  }

  /** A whole file: deflated (text) or stored as it is (already-compressed media). */
  file(path: string, data: Uint8Array, compress: boolean): WrittenFile {
    const file = this.entry(path, compress ? 8 : 0);
    file.size = data.length;
    file.crc = crc32(data);
    const body = compress ? zlib.deflateRawSync(data, { level: 6 }) : data;
    file.ondata!(null, body as Uint8Array<ArrayBuffer>, true);
    return { path, sha256: createHash("sha256").update(data).digest("hex"), bytes: data.length };
  }

  /** A file written in pieces as it is produced (the PDF), stored, hashed on the way. */
  stream(path: string): { push(chunk: Uint8Array): void; end(): WrittenFile } {
    const file = this.entry(path, 0);
    const hash = createHash("sha256");
    return {
      push: (chunk) => {
        if (chunk.length === 0) return;
        file.size += chunk.length;
        file.crc = crc32(chunk, file.crc);
        hash.update(chunk);
        file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false);
      },
      end: () => {
        file.ondata!(null, new Uint8Array(0), true);
        return { path, sha256: hash.digest("hex"), bytes: file.size };
      },
    };
  }

  /**
   * A text file written in pieces (records.json), deflated by node's zlib as it goes, hashed on the way.
   * Waits for the compressor at every piece, so a large file never sits whole in memory.
   */
  async deflated(path: string, pieces: Iterable<string>): Promise<WrittenFile> {
    const file = this.entry(path, 8);
    const hash = createHash("sha256");
    const deflate = zlib.createDeflateRaw({ level: 6 });
    deflate.on("data", (chunk: Buffer) => file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false));
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, "utf8");
      if (bytes.length === 0) continue;
      file.size += bytes.length;
      file.crc = crc32(bytes, file.crc);
      hash.update(bytes);
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once("drain", resolve));
    }
    deflate.end();
    await ended;
    file.ondata!(null, new Uint8Array(0), true);
    return { path, sha256: hash.digest("hex"), bytes: file.size };
  }

  end(): void {
    this.zip.end();
  }
}
