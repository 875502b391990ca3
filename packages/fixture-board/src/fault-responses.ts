import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { FaultAction } from "./faults";
import type { Page } from "./pages";
import { type Encoding, send } from "./respond";
import { challengePage } from "./static-pages";
import { encodeWindows1258 } from "./windows-1258";

type TerminalFault = Exclude<FaultAction, { type: "latency" | "layout" }>;

export interface FaultContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The answer the request would have had without the fault. */
  page: () => Page;
  compression: readonly Encoding[];
}

/** How the faulty answer went out, for the request log. */
export interface FaultOutcome {
  status: number | null;
  encoding: Encoding | null;
}

const DEFAULT_OVERSIZED_BYTES = 12 * 1024 * 1024;
const oversizedCache = new Map<string, Buffer>();

/** A valid HTML page of exactly `bytes` bytes (mostly an inline script), gzip'ed when asked. */
function oversizedBody(bytes: number, gzipped: boolean): Buffer {
  const key = `${bytes}:${gzipped}`;
  let body = oversizedCache.get(key);
  if (!body) {
    const head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Oversized</title><script>/*';
    const tail = "*/</script></head><body></body></html>";
    const raw = Buffer.alloc(Math.max(bytes, head.length + tail.length), "x");
    raw.write(head, 0);
    raw.write(tail, raw.length - tail.length);
    body = gzipped ? gzipSync(raw, { level: 6 }) : raw;
    if (oversizedCache.size > 4) oversizedCache.clear();
    oversizedCache.set(key, body);
  }
  return body;
}

function retryAfterHeader(value: number | string | undefined): Record<string, string> {
  return value === undefined ? {} : { "retry-after": String(value) };
}

function smallPage(title: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
}

const STATUS_TEXT: Record<number, string> = {
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Answer (or not) the way the fault says. Never throws; a fault that leaves no answer resolves with status null. */
export async function applyFault(fault: TerminalFault, ctx: FaultContext): Promise<FaultOutcome> {
  const { req, res } = ctx;
  const none: FaultOutcome = { status: null, encoding: null };
  switch (fault.type) {
    case "status": {
      const title = `${fault.status} ${STATUS_TEXT[fault.status] ?? "Error"}`;
      const headers = { "content-type": "text/html; charset=UTF-8", ...retryAfterHeader(fault.retryAfter) };
      const encoding = await send(req, res, fault.status, headers, smallPage(title), ctx.compression);
      return { status: fault.status, encoding };
    }
    case "rate_limit": {
      const headers = { "content-type": "text/html; charset=UTF-8", ...retryAfterHeader(fault.retryAfter ?? 1) };
      const encoding = await send(req, res, 429, headers, smallPage("429 Too Many Requests"), ctx.compression);
      return { status: 429, encoding };
    }
    case "reset":
      req.socket.resetAndDestroy();
      return none;
    case "down":
      req.socket.destroy();
      return none;
    case "hang":
      return none;
    case "challenge": {
      const status = fault.status ?? 403;
      const headers = {
        "content-type": "text/html; charset=UTF-8",
        server: "cloudflare",
        "cf-mitigated": "challenge",
        "cache-control": "private, max-age=0, no-store, no-cache, must-revalidate",
      };
      const encoding = await send(req, res, status, headers, challengePage(), ctx.compression);
      return { status, encoding };
    }
    case "truncated": {
      const page = ctx.page();
      const full = typeof page.body === "string" ? Buffer.from(page.body, "utf8") : page.body;
      const keep = full.subarray(0, Math.floor(full.length * (fault.keepFraction ?? 0.5)));
      if ((fault.mode ?? "body") === "body") {
        const encoding = await send(req, res, page.status, page.headers, keep, ctx.compression);
        return { status: page.status, encoding };
      }
      // announce the full length, send part of it, then drop the connection (or keep it open, silent)
      res.writeHead(page.status, { ...page.headers, "content-length": full.length });
      res.write(keep, () => {
        if (fault.mode === "connection") req.socket.destroy();
      });
      return { status: page.status, encoding: null };
    }
    case "charset": {
      const page = ctx.page();
      if (typeof page.body !== "string" || !page.headers["content-type"]?.startsWith("text/html")) {
        const encoding = await send(req, res, page.status, page.headers, page.body, ctx.compression);
        return { status: page.status, encoding };
      }
      const charset = fault.charset ?? "windows-1258";
      const declare = fault.declare ?? "both";
      const inMeta = declare === "meta" || declare === "both";
      const html = page.body.replace(/<meta charset="utf-8">/i, inMeta ? `<meta charset="${charset}">` : "");
      const headers = {
        ...page.headers,
        "content-type": declare === "meta" ? "text/html" : `text/html; charset=${charset}`,
      };
      const encoding = await send(req, res, page.status, headers, encodeWindows1258(html), ctx.compression);
      return { status: page.status, encoding };
    }
    case "oversized": {
      const framing = fault.framing ?? "content-length";
      const body = oversizedBody(fault.bytes ?? DEFAULT_OVERSIZED_BYTES, framing === "gzip");
      const headers: Record<string, string | number> = { "content-type": "text/html; charset=UTF-8" };
      if (framing !== "chunked") headers["content-length"] = body.length;
      if (framing === "gzip") headers["content-encoding"] = "gzip";
      res.writeHead(200, headers);
      writeInChunks(res, body);
      return { status: 200, encoding: framing === "gzip" ? "gzip" : null };
    }
    case "redirect": {
      res.writeHead(fault.status ?? 302, { location: fault.location, "content-length": 0 });
      res.end();
      return { status: fault.status ?? 302, encoding: null };
    }
    case "deep_dom": {
      const depth = fault.depth ?? 100_000;
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Deep</title></head><body>${"<div>".repeat(depth)}deep</body></html>`;
      const encoding = await send(req, res, 200, { "content-type": "text/html; charset=UTF-8" }, html, ctx.compression);
      return { status: 200, encoding };
    }
    case "endless":
      res.writeHead(200, { "content-type": "text/html; charset=UTF-8" });
      writeForever(res, fault.chunkBytes ?? 64 * 1024);
      return { status: 200, encoding: null };
    case "inject": {
      const page = ctx.page();
      const body = typeof page.body === "string" ? page.body.replace(/<\/body>/i, `${fault.html}</body>`) : page.body;
      const encoding = await send(req, res, page.status, page.headers, body, ctx.compression);
      return { status: page.status, encoding };
    }
    case "redirect_loop": {
      const url = new URL(req.url ?? "/", "http://board.invalid");
      const n = Number(url.searchParams.get("_loop") ?? "0") + 1;
      url.searchParams.set("_loop", String(n));
      res.writeHead(302, { location: `${url.pathname}${url.search}`, "content-length": 0 });
      res.end();
      return { status: 302, encoding: null };
    }
  }
}

/** Stream a big body in 64 KB pieces, respecting back-pressure; stops quietly when the client goes away. */
function writeInChunks(res: ServerResponse, body: Buffer): void {
  const CHUNK = 64 * 1024;
  let offset = 0;
  const pump = (): void => {
    while (offset < body.length) {
      if (res.destroyed) return;
      const piece = body.subarray(offset, offset + CHUNK);
      offset += piece.length;
      if (!res.write(piece)) {
        res.once("drain", pump);
        return;
      }
    }
    res.end();
  };
  res.on("error", () => {});
  pump();
}

/** An HTML body that never ends: `chunkBytes` of paragraphs per write, as fast as the client reads, until it leaves. */
function writeForever(res: ServerResponse, chunkBytes: number): void {
  const unit = "<p>endless</p>\n";
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor(chunkBytes / unit.length))));
  res.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Endless</title></head><body>');
  const pump = (): void => {
    while (!res.destroyed) {
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
  };
  res.on("error", () => {});
  pump();
}
