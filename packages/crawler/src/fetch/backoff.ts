import { AbortedError } from "./errors";

export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  baseDelayMillis: number;
  /** No delay grows past this. */
  maxDelayMillis: number;
  /** [0, 1) source; Math.random unless a test pins it. */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": retry n waits between half and all of base·2^(n-1) (capped), so concurrent
 * retries spread out but never retry immediately.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const exponential = options.baseDelayMillis * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(options.maxDelayMillis, exponential);
  const random = options.random ?? Math.random;
  return Math.round(capped / 2 + random() * (capped / 2));
}

/** Wait `ms`; rejects with AbortedError as soon as `signal` aborts (also when it already has). */
export function sleep(ms: number, url: string, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AbortedError(url));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError(url));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** `promise`, or AbortedError as soon as `signal` aborts. */
export function abortable<T>(promise: Promise<T>, url: string, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new AbortedError(url));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortedError(url));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** `promise`, or the error of `onTimeout` after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
