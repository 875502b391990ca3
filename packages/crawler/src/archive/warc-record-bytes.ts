import { createHash, hash } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback, gzipSync } from "node:zlib";
import { type WARCRecord, WARCSerializer } from "warcio";
import { storedGzipMember } from "./stored-gzip-member";

const gzip = promisify(gzipCallback);

/**
 * zlib level of each record's gzip member. Level 3 compressed a 1 MB listing page ~2.4× faster than the default 6
 * (B11) for a member ~1.5× larger; level 1 took the archive's extra CPU in a B11 sync from ~400 to ~180 ms (8 rounds
 * each, 2026-12-06) for the same 1.1 MB archive of 289 pages: HTML still shrinks ~10× or more.
 */
export const WARC_GZIP_LEVEL = 1;
/**
 * Records below this many bytes (a request record, a 404 kept without a body) are stored in their member as they are,
 * and so is a response whose payload the site compressed (Content-Encoding kept): deflate finds nothing to take out of
 * brotli or gzip bytes, and its set-up costs more than the few hundred bytes it saves on a small record.
 */
export const STORED_RECORD_BYTES = 1024;

/**
 * Records smaller than this are compressed on the event loop: a 6 KB detail page takes ~30 µs there, less than the
 * hand-off to the thread pool and back costs the event loop (~100 µs, B11).
 */
export const SYNC_GZIP_BYTES = 64 * 1024;

const sha256 = (...parts: Array<Uint8Array | string>) => {
  if (parts.length === 1) return `sha256:${hash("sha256", parts[0] as Uint8Array | string, "hex")}`; // no Hash object
  const digest = createHash("sha256");
  for (const part of parts) digest.update(part); // a string is hashed as its UTF-8 bytes
  return `sha256:${digest.digest("hex")}`;
};

/**
 * One record as its own gzip member. warcio builds the record and writes its bytes; the two SHA-256 digests
 * (WARC-Block-Digest over HTTP headers + payload, WARC-Payload-Digest over the payload) are computed here with
 * node:crypto and set before warcio serialises (warcio then skips its own WebAssembly hashing, ~40× slower on a
 * 1 MB page), and the member is compressed by node:zlib, a large one in libuv's thread pool (warcio's
 * CompressionStream spent ~3 ms of the event loop on a 5 KB page). `payload` is the bytes the record was created with; null
 * for a warcinfo record, which carries no digest; `payloadCompressed`: the payload is stored with the site's
 * Content-Encoding (it is not compressed again).
 */
export async function serializeRecord(
  record: WARCRecord,
  payload: Uint8Array | null,
  options: { payloadCompressed?: boolean } = {},
): Promise<Uint8Array> {
  if (payload !== null) {
    // the very bytes warcio writes before the payload (WARCSerializer.digestRecord)
    const httpHead = record.httpHeaders ? `${record.httpHeaders.toString()}\r\n` : "";
    record.warcHeaders.headers.set("WARC-Payload-Digest", sha256(payload));
    record.warcHeaders.headers.set("WARC-Block-Digest", sha256(httpHead, payload));
  }
  const plain = await WARCSerializer.serialize(record, { gzip: false });
  if (options.payloadCompressed || plain.byteLength < STORED_RECORD_BYTES) return storedGzipMember(plain);
  const zlib = { level: WARC_GZIP_LEVEL };
  return plain.byteLength < SYNC_GZIP_BYTES ? gzipSync(plain, zlib) : gzip(plain, zlib);
}
