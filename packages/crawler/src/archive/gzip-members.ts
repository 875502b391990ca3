import type { FileHandle } from "node:fs/promises";
import { promisify } from "node:util";
import { crc32, inflateRaw as inflateRawCallback } from "node:zlib";

const inflateRaw = promisify(inflateRawCallback) as unknown as (
  buffer: Uint8Array,
  options: { info: true },
) => Promise<{ buffer: Buffer; engine: { bytesWritten: number } }>;

/** The reason of a member the file ends inside (a writer stopped mid-record). */
export const TRUNCATED = "truncated record (the file ends inside it)";

/** Compressed bytes read at a time; a longer member makes the window grow. */
const WINDOW_BYTES = 1024 * 1024;

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;

/** One gzip member of a file: where it is, how long, and what it inflates to; or why it cannot be read. */
export type GzipMember = { offset: number; length: number; inflated: Buffer } | { offset: number; damage: string };

/** Length of the gzip header at the start of `bytes` (RFC 1952 §2.3), null if it does not fit in them. */
function headerLength(bytes: Uint8Array): number | null {
  if (bytes.length < 10) return null;
  const flags = bytes[3]!;
  let at = 10;
  if (flags & FEXTRA) {
    if (bytes.length < at + 2) return null;
    at += 2 + (bytes[at]! | (bytes[at + 1]! << 8));
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = bytes.indexOf(0, at);
    if (end < 0) return null;
    at = end + 1;
  }
  if (flags & FHCRC) at += 2;
  return at <= bytes.length ? at : null;
}

/**
 * Reads a `.warc.gz` file member by member with node:zlib (inflated in libuv's thread pool), through a window of
 * the file: a member's length is known only once it is inflated (deflate data does not say where it ends), so the
 * window holds the bytes from its start and grows until the member ends in it, or the file does. Each member's CRC
 * and size are checked against its trailer.
 */
export class GzipMembers {
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  /** `want` bytes from `offset` (fewer at the end of the file), from the window or read into a new one. */
  private async bytes(offset: number, want: number): Promise<Buffer> {
    const end = Math.min(this.size, offset + want);
    const windowEnd = this.windowStart + this.window.length;
    if (offset >= this.windowStart && end <= windowEnd) {
      return this.window.subarray(offset - this.windowStart, end - this.windowStart);
    }
    const length = Math.min(this.size - offset, Math.max(want, WINDOW_BYTES));
    const window = Buffer.alloc(length);
    const { bytesRead } = await this.file.read(window, 0, length, offset);
    this.window = window.subarray(0, bytesRead);
    this.windowStart = offset;
    return this.window.subarray(0, Math.min(bytesRead, end - offset));
  }

  /** The member starting at `offset` (which must be before the end of the file). */
  async at(offset: number, hint = WINDOW_BYTES): Promise<GzipMember> {
    let want = hint;
    for (;;) {
      const bytes = await this.bytes(offset, want);
      const reachesEnd = offset + bytes.length >= this.size;
      if (bytes[0] !== 0x1f || (bytes.length > 1 && bytes[1] !== 0x8b) || (bytes.length > 2 && bytes[2] !== 8)) {
        return { offset, damage: "not a gzip member (corrupt data)" };
      }
      const head = headerLength(bytes);
      if (head === null) {
        if (reachesEnd) return { offset, damage: TRUNCATED };
        want *= 2;
        continue;
      }
      let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
      try {
        inflated = await inflateRaw(bytes.subarray(head), { info: true });
      } catch (error) {
        const message = (error as Error).message;
        if (/unexpected end/i.test(message)) {
          if (reachesEnd) return { offset, damage: TRUNCATED };
          want *= 2;
          continue;
        }
        return { offset, damage: `corrupt gzip data: ${message}` };
      }
      const trailer = head + inflated.engine.bytesWritten;
      if (trailer + 8 > bytes.length) {
        if (reachesEnd) return { offset, damage: TRUNCATED };
        want = Math.max(want * 2, trailer + 8);
        continue;
      }
      const crc = bytes.readUInt32LE(trailer);
      const isize = bytes.readUInt32LE(trailer + 4);
      if (crc !== crc32(inflated.buffer) || isize !== inflated.buffer.length % 2 ** 32) {
        return { offset, damage: "corrupt gzip data: incorrect data check" };
      }
      return { offset, length: trailer + 8, inflated: inflated.buffer };
    }
  }
}
