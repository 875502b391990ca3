import type { Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { NetworkError, ResponseTooLargeError } from "./errors";

/** A body as received: decoded (decompressed) bytes, and how many bytes came over the wire. */
export interface ReceivedBody {
  bytes: Buffer;
  wireBytes: number;
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
 * missing one, nor a compression bomb can make us hold more than the limit.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  limitBytes: number,
  url: string,
): Promise<ReceivedBody> {
  const decoder = decoderFor(contentEncoding, url);
  const chunks: Buffer[] = [];
  let wireBytes = 0;
  let decodedBytes = 0;
  let failure: Error | null = null;

  const fail = (error: Error) => {
    failure ??= error;
    body.destroy();
    decoder?.destroy();
  };

  const decoded = new Promise<void>((resolve) => {
    if (!decoder) return resolve();
    decoder.on("data", (chunk: Buffer) => {
      decodedBytes += chunk.length;
      if (decodedBytes > limitBytes) fail(new ResponseTooLargeError(url, limitBytes));
      else chunks.push(chunk);
    });
    decoder.on("error", (error: Error) => {
      fail(new NetworkError(url, `bad ${contentEncoding} body: ${error.message}`, { cause: error }));
      resolve();
    });
    decoder.on("end", () => resolve());
    decoder.on("close", () => resolve());
  });

  try {
    for await (const chunk of body) {
      const piece = chunk as Buffer;
      wireBytes += piece.length;
      if (wireBytes > limitBytes) fail(new ResponseTooLargeError(url, limitBytes));
      if (failure) break;
      if (decoder) decoder.write(piece);
      else chunks.push(piece);
    }
  } catch (error) {
    if (!failure) throw error;
  }
  if (decoder && !failure) decoder.end();
  await decoded;
  if (failure) throw failure;
  return { bytes: Buffer.concat(chunks), wireBytes };
}
