import type { Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { NetworkError, ResponseTooLargeError } from "./errors";

/** A body as received: decoded (decompressed) bytes, and how many bytes came over the wire. */
export interface ReceivedBody {
  bytes: Buffer;
  wireBytes: number;
  /** `truncate` was asked and the body was longer than the limit: `bytes` holds its first `limitBytes`. */
  truncated: boolean;
}

function decoderFor(contentEncoding: string | undefined, url: string): Transform | null {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  switch (encoding) {
    case "":
    case "identity":
      return null;
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "br":
      return createBrotliDecompress();
    case "deflate":
      return createInflate();
    default:
      throw new NetworkError(url, `unsupported Content-Encoding "${encoding}"`);
  }
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
  const decoder = decoderFor(contentEncoding, url);
  const chunks: Buffer[] = [];
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

  const decoded = new Promise<void>((resolve) => {
    if (!decoder) return resolve();
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

  try {
    for await (const chunk of body) {
      const piece = chunk as Buffer;
      wireBytes += piece.length;
      if (decoder) {
        // the wire limit holds for compressed bodies too; truncation is judged on the decoded bytes
        if (wireBytes > limitBytes && !options.truncate) fail(new ResponseTooLargeError(url, limitBytes));
        // a compressed stream that inflates to almost nothing is not read forever either
        if (options.truncate && wireBytes > limitBytes * 8) {
          truncated = true;
          stop();
        }
        if (failure || truncated) break;
        decoder.write(piece);
      } else if (keep(piece, wireBytes)) {
        break;
      }
    }
  } catch (error) {
    if (!failure && !truncated) throw error;
  }
  if (decoder && !failure && !truncated) decoder.end();
  await decoded;
  if (failure) throw failure;
  return { bytes: Buffer.concat(chunks), wireBytes, truncated };
}
