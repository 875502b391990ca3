import { backoffDelay, sleep } from "./backoff";
import { AbortedError, FetchError, HttpStatusError } from "./errors";
import type { RetryInfo } from "./fetcher";
import { parseRetryAfter } from "./retry-after";

/**
 * How one attempt failed, with what the server said about waiting. `rateLimited` (a 429) waits without spending a
 * retry; anything else is retried only when its error is retryable.
 */
export class AttemptFailure extends Error {
  constructor(
    readonly error: FetchError,
    readonly retryAfterMillis: number | null = null,
    readonly rateLimited = false,
  ) {
    super(error.message, { cause: error });
    this.name = "AttemptFailure";
  }
}

/**
 * What a final status means for the retry loop: null for a 2xx; a 429 waits out its Retry-After; a 5xx is retried
 * (its Retry-After replacing the backoff); any other status fails at once.
 */
export function statusFailure(url: string, status: number, headers: Record<string, string>): AttemptFailure | null {
  if (status >= 200 && status < 300) return null;
  const retryAfter = parseRetryAfter(headers["retry-after"]);
  if (status === 429) return new AttemptFailure(new HttpStatusError(url, 429), retryAfter, true);
  return new AttemptFailure(new HttpStatusError(url, status), status >= 500 ? retryAfter : null);
}

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMillis: number;
  maxDelayMillis: number;
  maxRetryAfterMillis: number;
  maxRateLimitWaits: number;
  random?: () => number;
}

export interface RetryCounters {
  retries: number;
  rateLimitWaits: number;
}

/**
 * Run `attempt` until it succeeds, retrying network errors, timeouts and 5xx with exponential backoff and jitter
 * (a 5xx's Retry-After, when given, replaces the backoff), and waiting out 429s for their Retry-After. Blocks,
 * robots refusals and 4xx are thrown at once. Cancellation (`signal`) wins over everything, also during waits.
 */
export async function withRetries<T>(
  url: string,
  policy: RetryPolicy,
  attempt: (attemptNumber: number) => Promise<T>,
  options: { signal?: AbortSignal; onRetry?: (info: RetryInfo) => void; counters: RetryCounters },
): Promise<{ value: T; attempts: number }> {
  const { signal, onRetry, counters } = options;
  let retries = 0;
  let waits = 0;
  for (let attempts = 1; ; attempts++) {
    if (signal?.aborted) throw new AbortedError(url);
    try {
      return { value: await attempt(attempts), attempts };
    } catch (thrown) {
      if (signal?.aborted) throw new AbortedError(url);
      const failure = thrown instanceof AttemptFailure ? thrown : null;
      const error = failure ? failure.error : thrown;
      if (!(error instanceof FetchError)) throw error;
      let delayMs: number;
      let reason: string;
      if (failure?.rateLimited) {
        if (waits >= policy.maxRateLimitWaits) throw new HttpStatusError(url, 429);
        waits++;
        counters.rateLimitWaits++;
        const asked = failure.retryAfterMillis;
        delayMs = Math.min(policy.maxRetryAfterMillis, asked ?? backoffDelay(waits, policyBackoff(policy)));
        reason = asked === null ? "HTTP 429 (no Retry-After)" : `HTTP 429, Retry-After ${Math.ceil(asked / 1000)} s`;
      } else {
        if (!error.retryable || retries >= policy.maxRetries) throw error;
        retries++;
        counters.retries++;
        const asked = failure?.retryAfterMillis ?? null;
        delayMs =
          asked === null ? backoffDelay(retries, policyBackoff(policy)) : Math.min(policy.maxRetryAfterMillis, asked);
        reason = error.message;
      }
      onRetry?.({ url, attempt: attempts, reason, delayMs });
      await sleep(delayMs, url, signal);
    }
  }
}

function policyBackoff(policy: RetryPolicy) {
  return { baseDelayMillis: policy.baseDelayMillis, maxDelayMillis: policy.maxDelayMillis, random: policy.random };
}
