import { detectChallenge } from "./challenge";
import { BlockedError } from "./errors";
import { type AttemptFailure, statusFailure } from "./retry-loop";

/** Statuses whose body is read to tell a challenge page (Cloudflare's 403/429/503) from a plain error. */
export const CHALLENGE_STATUSES: ReadonlySet<number> = new Set([403, 429, 503]);

/** Whether a status's body is worth reading before judging it: a 2xx page, or a status a challenge page answers. */
export function bodyNeeded(status: number): boolean {
  return (status >= 200 && status < 300) || CHALLENGE_STATUSES.has(status);
}

export type ResponseVerdict =
  | { ok: true }
  | { ok: false; blocked: BlockedError }
  | { ok: false; failure: AttemptFailure };

/**
 * How both fetchers (HTTP and browser) judge a final response, the one place it is decided: a challenge or block
 * page (on a 2xx or a challenge status) is blocked; otherwise the status decides (2xx ok, 429 waits, 5xx retries,
 * anything else fails).
 */
export function judgeResponse(
  url: string,
  status: number,
  headers: Record<string, string>,
  body: string | null,
): ResponseVerdict {
  if (body !== null && bodyNeeded(status)) {
    const challenge = detectChallenge(body);
    if (challenge) return { ok: false, blocked: new BlockedError(url, challenge) };
  }
  const failure = statusFailure(url, status, headers);
  return failure ? { ok: false, failure } : { ok: true };
}

/**
 * `judgeResponse`, as both fetchers act on it: a good response returns; a challenge or block page throws its
 * BlockedError (told to `onBlocked` first, for the fetcher's counters); any other failure throws its AttemptFailure.
 */
export function acceptResponse(
  url: string,
  status: number,
  headers: Record<string, string>,
  body: string | null,
  onBlocked: () => void,
): void {
  const verdict = judgeResponse(url, status, headers, body);
  if (verdict.ok) return;
  if ("blocked" in verdict) {
    onBlocked();
    throw verdict.blocked;
  }
  throw verdict.failure;
}
