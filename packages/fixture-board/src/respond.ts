import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, deflate, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const deflateAsync = promisify(deflate);

export type Encoding = "br" | "gzip" | "deflate";

export const ENCODINGS: readonly Encoding[] = ["br", "gzip", "deflate"];

/** The encoding to answer with: the first of `offered` that Accept-Encoding accepts, or null. */
export function chooseEncoding(req: IncomingMessage, offered: readonly Encoding[] = ENCODINGS): Encoding | null {
  const accepted = String(req.headers["accept-encoding"] ?? "")
    .toLowerCase()
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => q === undefined || !/^q=0(?:\.0*)?$/.test(q.trim()))
    .map(([name]) => name);
  return offered.find((encoding) => accepted.includes(encoding)) ?? null;
}

export async function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  switch (encoding) {
    case "br":
      return brotli(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
    case "gzip":
      return gzipAsync(body, { level: 4 });
    case "deflate":
      return deflateAsync(body, { level: 4 });
  }
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml))/;

/**
 * Send a complete answer, compressed (first of `compression` the client accepts) when the body is worth it.
 * Returns the encoding used.
 */
export async function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
  compression: readonly Encoding[],
): Promise<Encoding | null> {
  let bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  let encoding: Encoding | null = null;
  if (compression.length > 0 && bytes.length >= 1024 && COMPRESSIBLE.test(headers["content-type"] ?? "")) {
    encoding = chooseEncoding(req, compression);
    if (encoding) bytes = await compress(bytes, encoding);
  }
  if (res.destroyed) return encoding;
  const out: Record<string, string | number> = { server: "fixture-board", ...headers, "content-length": bytes.length };
  if (encoding) {
    out["content-encoding"] = encoding;
    out.vary = "Accept-Encoding";
  }
  res.writeHead(status, out);
  res.end(req.method === "HEAD" ? undefined : bytes);
  return encoding;
}
