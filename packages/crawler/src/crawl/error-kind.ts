import { ParseError } from "../adapters/adapter";
import {
  AbortedError,
  BlockedError,
  HttpStatusError,
  NetworkError,
  PrivateAddressError,
  ResponseTooLargeError,
  RobotsDisallowedError,
  TimeoutError,
  TooManyRedirectsError,
} from "../fetch/errors";

/** Why a page could not be used, in words a step's details can show and count. */
export const CRAWL_ERROR_KINDS = [
  "blocked",
  "robots",
  "refused",
  "timeout",
  "http",
  "network",
  "parse",
  "too_large",
  "redirects",
  "cancelled",
  "unknown",
] as const;
export type CrawlErrorKind = (typeof CRAWL_ERROR_KINDS)[number];

export function errorKind(error: unknown): CrawlErrorKind {
  if (error instanceof BlockedError) return "blocked";
  if (error instanceof RobotsDisallowedError) return "robots";
  if (error instanceof PrivateAddressError) return "refused";
  if (error instanceof TimeoutError) return "timeout";
  if (error instanceof HttpStatusError) return "http";
  if (error instanceof NetworkError) return "network";
  if (error instanceof ParseError) return "parse";
  if (error instanceof ResponseTooLargeError) return "too_large";
  if (error instanceof TooManyRedirectsError) return "redirects";
  if (error instanceof AbortedError) return "cancelled";
  return "unknown";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
