/**
 * Fault rules: what goes wrong, on which requests. A rule is one JSON object, so another process can switch faults
 * with `POST /__admin/faults` as easily as a test does with `board.setFaults()`:
 *
 *   { "kind": "listing", "type": "rate_limit", "retryAfter": 1, "firstN": 1 }
 *     → the first request of every listing URL answers 429 with Retry-After: 1
 *   { "type": "latency", "ms": 2000, "everyNth": 10 }  → a 2 s spike on every 10th request
 *   { "path": "/robots.txt", "type": "status", "status": 500 }
 *
 * Selection is deterministic: `firstN` (the first N requests of each URL), `everyNth` (every n-th request this rule
 * matches), or `probability` (drawn from the board's seeded PRNG). With none of them, every matching request.
 */
export const ROUTE_KINDS = ["listing", "detail", "api", "robots", "home", "asset", "apply", "other", "any"] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export type FaultAction =
  /** Wait before answering (combines with one other fault). */
  | { type: "latency"; ms: number }
  /** Answer this status (5xx bursts, 404, ...), with an optional Retry-After. */
  | { type: "status"; status: number; retryAfter?: number | string }
  /** 429 Too Many Requests with Retry-After in seconds (number) or as an HTTP date (string). */
  | { type: "rate_limit"; retryAfter?: number | string }
  /** TCP reset (RST) before any byte of the answer. */
  | { type: "reset" }
  /** Accept the request and never answer. */
  | { type: "hang" }
  /** The real Cloudflare "Just a moment..." page, with status 403 unless told. */
  | { type: "challenge"; status?: number }
  /**
   * "body": a complete response holding only the first part of the page; "connection": the socket dies mid-body;
   * "stall": the first part is sent and then nothing more, the connection left open.
   */
  | { type: "truncated"; mode?: "body" | "connection" | "stall"; keepFraction?: number }
  /** The page encoded in windows-1258, announced in the header, the <meta>, or both. */
  | { type: "charset"; charset?: "windows-1258"; declare?: "header" | "meta" | "both" }
  /** A body of `bytes` bytes (default 12 MB); Content-Length sent, absent (chunked) or gzip (small on the wire). */
  | { type: "oversized"; bytes?: number; framing?: "content-length" | "chunked" | "gzip" }
  /** 302 to the same path with a growing `_loop` parameter, forever. */
  | { type: "redirect_loop" }
  /** The connection is closed without an answer (a dying server). */
  | { type: "down" }
  /** A redirect (302 unless told) to `location`: another path, or another host (an internal one, for SSRF tests). */
  | { type: "redirect"; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** A hostile page: `depth` (default 100,000) unclosed <div>s — 1.1 MB that froze naive parsers. */
  | { type: "deep_dom"; depth?: number }
  /** A 200 HTML answer that never ends (chunked, `chunkBytes` per write, default 64 KB), until the client leaves. */
  | { type: "endless"; chunkBytes?: number }
  /** The page as usual, with `html` inserted before </body> (a script, an iframe: what a page's own code can do). */
  | { type: "inject"; html: string }
  /**
   * The board changed its markup (listing and detail pages; other routes unchanged): "renamed-classes" (the cards no
   * longer match), "no-salary" (the salary element is gone), "empty-200" (a 200 listing page with no cards and no
   * "no results" text).
   */
  | { type: "layout"; variant: LayoutVariant };

export const LAYOUT_VARIANTS = ["renamed-classes", "no-salary", "empty-200"] as const;
export type LayoutVariant = (typeof LAYOUT_VARIANTS)[number];

export type FaultType = FaultAction["type"];
export const FAULT_TYPES: readonly FaultType[] = [
  "latency",
  "status",
  "rate_limit",
  "reset",
  "hang",
  "challenge",
  "truncated",
  "charset",
  "oversized",
  "redirect_loop",
  "down",
  "redirect",
  "deep_dom",
  "endless",
  "inject",
  "layout",
];

export type FaultRule = FaultAction & {
  /** Route kind this rule applies to (default "any"). */
  kind?: RouteKind;
  /** Exact path ("/robots.txt"), or a prefix ending in "*" ("/viec-lam/*"). The query string is ignored. */
  path?: string;
  firstN?: number;
  everyNth?: number;
  probability?: number;
};

export class FaultConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultConfigError";
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positiveInt(rule: Json, key: string, where: string, min = 1): void {
  const value = rule[key];
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new FaultConfigError(`${where}.${key} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
}

function oneOf(rule: Json, key: string, where: string, allowed: readonly unknown[]): void {
  const value = rule[key];
  if (value !== undefined && !allowed.includes(value)) {
    throw new FaultConfigError(`${where}.${key} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  }
}

const KEYS: Record<FaultType, readonly string[]> = {
  latency: ["ms"],
  status: ["status", "retryAfter"],
  rate_limit: ["retryAfter"],
  reset: [],
  hang: [],
  challenge: ["status"],
  truncated: ["mode", "keepFraction"],
  charset: ["charset", "declare"],
  oversized: ["bytes", "framing"],
  redirect_loop: [],
  down: [],
  redirect: ["location", "status"],
  deep_dom: ["depth"],
  endless: ["chunkBytes"],
  inject: ["html"],
  layout: ["variant"],
};
const COMMON_KEYS = ["type", "kind", "path", "firstN", "everyNth", "probability"];

function validateRetryAfter(rule: Json, where: string): void {
  const value = rule.retryAfter;
  if (value === undefined) return;
  const ok =
    (typeof value === "number" && Number.isInteger(value) && value >= 0) ||
    (typeof value === "string" && value.length > 0 && value.length < 100);
  if (!ok) throw new FaultConfigError(`${where}.retryAfter must be whole seconds (>= 0) or an HTTP date string`);
}

/** Validate fault rules (from a test or from JSON); throws a FaultConfigError naming the bad field. */
export function parseFaultRules(input: unknown): FaultRule[] {
  const list = isObject(input) && "faults" in input ? input.faults : input;
  if (!Array.isArray(list)) throw new FaultConfigError("faults must be a list of fault rules");
  return list.map((raw, i) => {
    const where = `faults[${i}]`;
    if (!isObject(raw)) throw new FaultConfigError(`${where} must be an object`);
    const type = raw.type;
    if (typeof type !== "string" || !FAULT_TYPES.includes(type as FaultType)) {
      throw new FaultConfigError(`${where}.type must be one of ${FAULT_TYPES.join(", ")}, got ${JSON.stringify(type)}`);
    }
    const allowed = [...COMMON_KEYS, ...KEYS[type as FaultType]];
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key)) throw new FaultConfigError(`${where}: unknown key "${key}" for a ${type} fault`);
    }
    oneOf(raw, "kind", where, ROUTE_KINDS);
    if (raw.path !== undefined && (typeof raw.path !== "string" || !raw.path.startsWith("/"))) {
      throw new FaultConfigError(`${where}.path must be a path starting with "/"`);
    }
    positiveInt(raw, "firstN", where);
    positiveInt(raw, "everyNth", where);
    const selectors = ["firstN", "everyNth", "probability"].filter((k) => raw[k] !== undefined);
    if (selectors.length > 1) throw new FaultConfigError(`${where}: use only one of firstN, everyNth, probability`);
    if (raw.probability !== undefined) {
      const p = raw.probability;
      if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
        throw new FaultConfigError(`${where}.probability must be a number from 0 to 1`);
      }
    }
    switch (type as FaultType) {
      case "latency":
        if (raw.ms === undefined) throw new FaultConfigError(`${where}.ms is required for a latency fault`);
        positiveInt(raw, "ms", where, 0);
        break;
      case "status":
        if (typeof raw.status !== "number" || !Number.isInteger(raw.status) || raw.status < 200 || raw.status > 599) {
          throw new FaultConfigError(`${where}.status must be an HTTP status from 200 to 599`);
        }
        validateRetryAfter(raw, where);
        break;
      case "rate_limit":
        validateRetryAfter(raw, where);
        break;
      case "challenge":
        if (raw.status !== undefined && ![200, 403, 429, 503].includes(raw.status as number)) {
          throw new FaultConfigError(`${where}.status must be one of 200, 403, 429, 503`);
        }
        break;
      case "truncated":
        oneOf(raw, "mode", where, ["body", "connection", "stall"]);
        if (raw.keepFraction !== undefined) {
          const f = raw.keepFraction;
          if (typeof f !== "number" || !(f > 0 && f < 1)) {
            throw new FaultConfigError(`${where}.keepFraction must be a number between 0 and 1`);
          }
        }
        break;
      case "charset":
        oneOf(raw, "charset", where, ["windows-1258"]);
        oneOf(raw, "declare", where, ["header", "meta", "both"]);
        break;
      case "oversized":
        positiveInt(raw, "bytes", where);
        oneOf(raw, "framing", where, ["content-length", "chunked", "gzip"]);
        break;
      case "redirect":
        if (typeof raw.location !== "string" || raw.location === "" || /[\r\n]/.test(raw.location)) {
          throw new FaultConfigError(`${where}.location must be a URL or a path (one line)`);
        }
        oneOf(raw, "status", where, [301, 302, 303, 307, 308]);
        break;
      case "deep_dom":
        positiveInt(raw, "depth", where);
        if ((raw.depth as number | undefined) !== undefined && (raw.depth as number) > 10_000_000) {
          throw new FaultConfigError(`${where}.depth must be at most 10000000`);
        }
        break;
      case "endless":
        positiveInt(raw, "chunkBytes", where);
        if ((raw.chunkBytes as number | undefined) !== undefined && (raw.chunkBytes as number) > 16 * 1024 * 1024) {
          throw new FaultConfigError(`${where}.chunkBytes must be at most 16777216`);
        }
        break;
      case "inject":
        if (typeof raw.html !== "string" || raw.html.length > 1024 * 1024) {
          throw new FaultConfigError(`${where}.html must be a string of at most 1 MB`);
        }
        break;
      case "layout":
        if (raw.variant === undefined) {
          throw new FaultConfigError(`${where}.variant is required for a layout fault (${LAYOUT_VARIANTS.join(", ")})`);
        }
        oneOf(raw, "variant", where, LAYOUT_VARIANTS);
        break;
      default:
        break;
    }
    return raw as FaultRule;
  });
}
