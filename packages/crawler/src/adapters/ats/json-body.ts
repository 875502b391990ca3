import { ParseError } from "../adapter";

/** JSON text of an API answer; a body that is not JSON (an HTML error page...) is a ParseError naming the URL. */
export function parseJsonBody(body: string, url: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    const start = body.trimStart().slice(0, 40).replace(/\s+/g, " ");
    throw new ParseError(`not a JSON answer (starts with "${start}")`, url, { cause: error });
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-blank string field, trimmed, or null. */
export function str(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** An ISO timestamp from an ISO string or epoch milliseconds; null for anything else. */
export function isoTime(value: unknown): string | null {
  const date = typeof value === "number" ? new Date(value) : typeof value === "string" ? new Date(value) : null;
  return date !== null && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** The base URL with its path prefix kept and no trailing slash, checked to be http(s). */
export function apiBase(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RangeError(`base URL ${baseUrl} is not http(s)`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
