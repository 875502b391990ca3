import type { Readable, Transform } from "node:stream";
import { promisify } from "node:util";
import {
  brotliDecompress,
  brotliDecompressSync,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  gunzip,
  gunzipSync,
  inflate,
  inflateSync,
} from "node:zlib";
import { NetworkError, ResponseTooLargeError } from "./errors";

/** A body as received: decoded (decompressed) bytes, and how many bytes came over the wire. */
export interface ReceivedBody {
  bytes: Buffer;
  wireBytes: number;
  /** The body as it came over the wire when it had a Content-Encoding (null without one, and when truncating). */
  encoded: Buffer | null;
  /** `truncate` was asked and the body was longer than the limit: `bytes` holds its first `limitBytes`. */
  truncated: boolean;
}

/** The body's encoding ("" for none), lower case; NetworkError for one we cannot decode. */
function encodingOf(contentEncoding: string | undefined, url: string): "" | "gzip" | "br" | "deflate" {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  switch (encoding) {
    case "":
    case "identity":
      return "";
    case "gzip":
    case "x-gzip":
      return "gzip";
    case "br":
    case "deflate":
      return encoding;
    default:
      throw new NetworkError(url, `unsupported Content-Encoding "${encoding}"`);
  }
}

function decoderFor(encoding: "gzip" | "br" | "deflate"): Transform {
  if (encoding === "gzip") return createGunzip();
  return encoding === "br" ? createBrotliDecompress() : createInflate();
}

/**
 * A compressed body up to this many bytes is decompressed in one synchronous call once it is all in, instead of
 * through a stream (its objects, and a round trip to the thread pool per chunk): ~0.1 ms less CPU per 2 KB detail
 * page (B1). Bigger bodies stream.
 */
const SMALL_COMPRESSED_BYTES = 64 * 1024;
/**
 * What that call may inflate to (a 1 MB page takes ~1 ms of the event loop); a body that inflates to more (64 KB of
 * brotli can hold a 10 MB bomb: ~23 ms) is decoded again through the stream, off the event loop, up to the limit.
 */
const SMALL_DECODED_BYTES = 4 * 1024 * 1024;

/** The whole of a small compressed body at once. */
function decodeSmall(bytes: Buffer, encoding: "gzip" | "br" | "deflate", maxOutputLength: number): Buffer {
  if (encoding === "gzip") return gunzipSync(bytes, { maxOutputLength });
  return encoding === "br" ? brotliDecompressSync(bytes, { maxOutputLength }) : inflateSync(bytes, { maxOutputLength });
}

/**
 * Read a response body, decompressing gzip/br/deflate as it streams, and stop with ResponseTooLargeError as soon as
 * either the bytes on the wire or the decompressed bytes pass `limitBytes`, so neither a lying Content-Length, a
 * missing one, nor a compression bomb can make us hold more than the limit. With `truncate`, a longer body is not
 * an error: its first `limitBytes` (decoded) are kept and the rest is never read (robots.txt, RFC 9309 §2.5).
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  limitBytes: number,
  url: string,
  options: { truncate?: boolean } = {},
): Promise<ReceivedBody> {
  const encoding = encodingOf(contentEncoding, url);
  // a small body is gathered first and decoded at once (no truncation asked: robots.txt streams as before)
  let small: Buffer[] | null = encoding !== "" && !options.truncate ? [] : null;
  let decoder: Transform | null = encoding !== "" && !small ? decoderFor(encoding) : null;
  const chunks: Buffer[] = [];
  /** The compressed body's pieces, kept for the page archive (which stores what the site sent). */
  const wire: Buffer[] | null = small ? [] : null;
  let wireBytes = 0;
  let decodedBytes = 0;
  let failure: Error | null = null;
  let truncated = false;
  const stop = () => {
    body.destroy();
    decoder?.destroy();
  };
  const fail = (error: Error) => {
    failure ??= error;
    stop();
  };
  /** Keep what fits; true when the limit was reached (reading must stop). */
  const keep = (chunk: Buffer, total: number): boolean => {
    if (total <= limitBytes) {
      chunks.push(chunk);
      return false;
    }
    if (!options.truncate) {
      fail(new ResponseTooLargeError(url, limitBytes));
      return true;
    }
    if (!truncated) chunks.push(chunk.subarray(0, chunk.length - (total - limitBytes)));
    truncated = true;
    stop();
    return true;
  };

  const listen = (decoder: Transform) =>
    new Promise<void>((resolve) => {
      decoder.on("data", (chunk: Buffer) => {
        if (truncated || failure) return;
        decodedBytes += chunk.length;
        keep(chunk, decodedBytes);
      });
      decoder.on("error", (error: Error) => {
        if (!truncated) fail(new NetworkError(url, `bad ${contentEncoding} body: ${error.message}`, { cause: error }));
        resolve();
      });
      decoder.on("end", () => resolve());
      decoder.on("close", () => resolve());
    });
  let decoded: Promise<void> = decoder ? listen(decoder) : Promise.resolve();

  try {
    for await (const chunk of body) {
      const piece = chunk as Buffer;
      wireBytes += piece.length;
      if (encoding !== "") {
        // the wire limit holds for compressed bodies too; truncation is judged on the decoded bytes
        if (wireBytes > limitBytes && !options.truncate) fail(new ResponseTooLargeError(url, limitBytes));
        // a compressed stream that inflates to almost nothing is not read forever either
        if (options.truncate && wireBytes > limitBytes * 8) {
          truncated = true;
          stop();
        }
        if (failure || truncated) break;
        wire?.push(piece);
        if (small) {
          small.push(piece);
          if (wireBytes <= SMALL_COMPRESSED_BYTES) continue;
          // too big to decode at once: stream it, from its first byte
          decoder = decoderFor(encoding as "gzip" | "br" | "deflate");
          decoded = listen(decoder);
          for (const held of small.splice(0)) decoder.write(held);
          small = null;
          continue;
        }
        decoder?.write(piece);
      } else if (keep(piece, wireBytes)) {
        break;
      }
    }
  } catch (error) {
    if (!failure && !truncated) throw error;
  }
  if (small && !failure && encoding !== "") {
    const whole = Buffer.concat(small);
    const bytes = decodeAll(whole, encoding, contentEncoding, limitBytes, url);
    if (bytes !== null) return { bytes, wireBytes, encoded: whole, truncated };
    decoder = decoderFor(encoding);
    decoded = listen(decoder);
    decoder.write(whole);
  }
  if (decoder && !failure && !truncated) decoder.end();
  await decoded;
  if (failure) throw failure;
  return { bytes: Buffer.concat(chunks), wireBytes, encoded: wire ? Buffer.concat(wire) : null, truncated };
}

const inflateAsync = { gzip: promisify(gunzip), br: promisify(brotliDecompress), deflate: promisify(inflate) };

/**
 * A whole body stored with its Content-Encoding (a page archive keeps what the site sent) decoded up to `limitBytes`
 * (ResponseTooLargeError past it, as when it was fetched); NetworkError for an encoding we cannot decode or bytes
 * that do not decode. A small one is decoded at once, as when it was fetched; a bigger one in libuv's thread pool.
 */
export async function decodeStoredBody(
  bytes: Uint8Array,
  contentEncoding: string | undefined,
  limitBytes: number,
  url: string,
): Promise<Buffer> {
  const encoding = encodingOf(contentEncoding, url);
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === "") return whole;
  if (whole.byteLength <= SMALL_COMPRESSED_BYTES) {
    const decoded = decodeAll(whole, encoding, contentEncoding, limitBytes, url);
    if (decoded !== null) return decoded;
  }
  try {
    return await inflateAsync[encoding](whole, { maxOutputLength: limitBytes });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ResponseTooLargeError(url, limitBytes);
    const message = error instanceof Error ? error.message : String(error);
    throw new NetworkError(url, `bad ${contentEncoding} body: ${message}`, { cause: error });
  }
}

/**
 * A small compressed body decoded at once, failing as the stream does: too large past the limit, else a bad body.
 * Null when it inflates past SMALL_DECODED_BYTES below the limit: the stream decodes it then.
 */
function decodeAll(
  bytes: Buffer,
  encoding: "gzip" | "br" | "deflate",
  contentEncoding: string | undefined,
  limitBytes: number,
  url: string,
): Buffer | null {
  const cap = Math.min(limitBytes, SMALL_DECODED_BYTES);
  try {
    return decodeSmall(bytes, encoding, cap);
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      if (cap < limitBytes) return null;
      throw new ResponseTooLargeError(url, limitBytes);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new NetworkError(url, `bad ${contentEncoding} body: ${message}`, { cause: error });
  }
}
