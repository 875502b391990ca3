import type { FileHandle } from "node:fs/promises";
import { promisify } from "node:util";
import { crc32, inflateRaw as inflateRawCallback, inflateRawSync } from "node:zlib";
import { readStoredBlocks } from "./stored-gzip-member";

const inflateRaw = promisify(inflateRawCallback) as unknown as (
  buffer: Uint8Array,
  options: { info: true; chunkSize: number },
) => Promise<{ buffer: Buffer; engine: { bytesWritten: number } }>;

/** The reason of a member the file ends inside (a writer stopped mid-record). */
export const TRUNCATED = "truncated record (the file ends inside it)";

/** Compressed bytes read at a time; a longer member makes the window grow. */
const WINDOW_BYTES = 1024 * 1024;
/**
 * zlib's output buffer when the inflated size is not known: each buffer filled is a round trip between the event
 * loop and the thread pool: 16 for a 1 MB page at 64 KB, 64 at zlib's default 16 KB (~5× slower, B11). A member
 * read from an index is inflated into one buffer of the size its trailer gives.
 */
const INFLATE_CHUNK_BYTES = 64 * 1024;
/** A member read from an index that inflates to less than this is inflated on the event loop (cheaper than a hand-off). */
const SYNC_INFLATE_BYTES = 64 * 1024;
/** The largest output buffer sized from a member's trailer (a corrupt trailer must not allocate gigabytes). */
const MAX_CHUNK_BYTES = 64 * 1024 * 1024;

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
 * Reads a `.warc.gz` file member by member with node:zlib (inflated in libuv's thread pool; a member of stored blocks
 * is copied out of them here, see readStoredBlocks), through a window of the file: a member's length is known only
 * once it is inflated (deflate data does not say where it ends), so the window holds the bytes from its start and
 * grows until the member ends in it, or the file does. Each member's CRC and size are checked against its trailer.
 */
export class GzipMembers {
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly file: FileHandle,
    /** Where the file ends (or where reading stops); moved back when a read finds the file shorter. */
    private size: number,
  ) {}

  /**
   * The bytes from `offset` to the end of the window, at least `want` of them (fewer only at the end of the file):
   * from the window when it holds them, else read into a new window starting at `offset`.
   */
  private async bytes(offset: number, want: number): Promise<Buffer> {
    const windowEnd = this.windowStart + this.window.length;
    if (offset >= this.windowStart && Math.min(this.size, offset + want) <= windowEnd) {
      return this.window.subarray(offset - this.windowStart);
    }
    const length = Math.min(this.size - offset, Math.max(want, WINDOW_BYTES));
    const window = Buffer.allocUnsafe(length);
    const { bytesRead } = await this.file.read(window, 0, length, offset);
    if (bytesRead < length) this.size = offset + bytesRead;
    this.window = window.subarray(0, bytesRead);
    this.windowStart = offset;
    return this.window;
  }

  /**
   * The member starting at `offset` (which must be before the end of the file). With its `length` (from an index),
   * exactly those bytes are read and inflated at once into a buffer of the size its trailer gives.
   */
  async at(offset: number, length?: number): Promise<GzipMember> {
    let want = length ?? 64;
    let chunkSize = INFLATE_CHUNK_BYTES;
    let sync = false;
    if (length !== undefined && length >= 18) {
      const known = await this.bytes(offset, length);
      if (known.length >= length) {
        const isize = known.readUInt32LE(length - 4);
        chunkSize = Math.max(64, Math.min(MAX_CHUNK_BYTES, isize + 64));
        sync = isize < SYNC_INFLATE_BYTES;
      }
    }
    for (;;) {
      const bytes = await this.bytes(offset, want);
      const reachesEnd = offset + bytes.length >= this.size;
      if (bytes[0] !== 0x1f || (bytes.length > 1 && bytes[1] !== 0x8b) || (bytes.length > 2 && bytes[2] !== 8)) {
        return { offset, damage: "not a gzip member (corrupt data)" };
      }
      const head = headerLength(bytes);
      if (head === null) {
        if (reachesEnd) return { offset, damage: TRUNCATED };
        want = bytes.length * 2;
        continue;
      }
      let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
      try {
        const options = { info: true, chunkSize } as const;
        const stored = readStoredBlocks(bytes, head);
        inflated = stored
          ? { buffer: stored.data, engine: { bytesWritten: stored.end - head } }
          : sync
            ? (inflateRawSync(bytes.subarray(head), options) as unknown as typeof inflated)
            : await inflateRaw(bytes.subarray(head), options);
      } catch (error) {
        const message = (error as Error).message;
        if (/unexpected end/i.test(message)) {
          if (reachesEnd) return { offset, damage: TRUNCATED };
          want = bytes.length * 2;
          continue;
        }
        return { offset, damage: `corrupt gzip data: ${message}` };
      }
      const trailer = head + inflated.engine.bytesWritten;
      if (trailer + 8 > bytes.length) {
        if (reachesEnd) return { offset, damage: TRUNCATED };
        want = Math.max(bytes.length * 2, trailer + 8);
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
