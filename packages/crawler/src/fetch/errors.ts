/**
 * Errors carry their retry semantics (after crawlee's errors.ts): the fetcher retries what is retryable,
 * backs off on rate limits without spending a retry, and never retries a block or a robots refusal.
 */
export class FetchError extends Error {
  readonly retryable: boolean;
  readonly url: string;
  constructor(message: string, url: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FetchError";
    this.url = url;
    this.retryable = retryable;
  }
}

/** A final non-2xx status. 5xx are retried before this is thrown; 4xx are not. */
export class HttpStatusError extends FetchError {
  readonly status: number;
  constructor(url: string, status: number) {
    super(`HTTP ${status} from ${url}`, url, status >= 500);
    this.name = "HttpStatusError";
    this.status = status;
  }
}

export class TimeoutError extends FetchError {
  /** @param detail what did happen in time ("it answered HTTP 200 after 0.2 s, but ..."), when something did */
  constructor(url: string, timeoutMillis: number, detail?: string) {
    const secs = Math.round(timeoutMillis / 1000);
    super(
      detail ? `${url} did not load within ${secs} s: ${detail}` : `no answer from ${url} within ${secs} s`,
      url,
      true,
    );
    this.name = "TimeoutError";
  }
}

/** Connection refused, reset, DNS failure... */
export class NetworkError extends FetchError {
  constructor(url: string, reason: string, options?: { cause?: unknown }) {
    super(`network error for ${url}: ${reason}`, url, true, options);
    this.name = "NetworkError";
  }
}

/** The site answered with a challenge or block page (Cloudflare "Just a moment...", captcha). */
export class BlockedError extends FetchError {
  readonly reason: string;
  constructor(url: string, reason: string) {
    super(`blocked by the site: ${reason} (${url})`, url, false);
    this.name = "BlockedError";
    this.reason = reason;
  }
}

export class RobotsDisallowedError extends FetchError {
  /** @param reason why the whole site is off limits (robots.txt answered 5xx), when that is why */
  constructor(url: string, reason: string | null = null) {
    super(reason ? `disallowed: ${reason}: ${url}` : `disallowed by robots.txt: ${url}`, url, false);
    this.name = "RobotsDisallowedError";
  }
}

export class ResponseTooLargeError extends FetchError {
  constructor(url: string, limitBytes: number) {
    super(`response from ${url} is larger than ${Math.round(limitBytes / 1024 / 1024)} MB`, url, false);
    this.name = "ResponseTooLargeError";
  }
}

/** A page whose renderer grew past the browser fetcher's memory limit and was stopped: too large, in memory. */
export class RendererMemoryError extends ResponseTooLargeError {
  constructor(url: string, limitMb: number) {
    super(url, limitMb * 1024 * 1024);
    this.message = `page ${url} needed more than ${limitMb} MB in the browser (its renderer was stopped)`;
    this.name = "RendererMemoryError";
  }
}

export class TooManyRedirectsError extends FetchError {
  constructor(url: string, limit: number) {
    super(`more than ${limit} redirects from ${url}`, url, false);
    this.name = "TooManyRedirectsError";
  }
}

/**
 * The address policy refused a connection: the host (as written in the URL, a redirect or a page) resolves to a
 * loopback, private, link-local... address. Checked at connect time, on every redirect hop; never retried.
 */
export class PrivateAddressError extends FetchError {
  readonly host: string;
  /** The refused address ("127.0.0.1"), or null for a name refused as local by itself ("printer.local"). */
  readonly address: string | null;
  /** "loopback", "link-local", "localhost" (a local name)... */
  readonly addressKind: string;
  constructor(url: string, host: string, address: string | null, addressKind: string, switchName: string) {
    const what =
      address === null
        ? `${host} is a local name (${addressKind})`
        : address === host
          ? `${host} is a private address (${addressKind})`
          : `${host} resolves to a private address (${address}, ${addressKind})`;
    super(`refused: ${what}; set ${switchName}=1 to allow it`, url, false);
    this.name = "PrivateAddressError";
    this.host = host;
    this.address = address;
    this.addressKind = addressKind;
  }
}

/** The request was cancelled through its AbortSignal (the sync job is being cancelled). */
export class AbortedError extends FetchError {
  constructor(url: string) {
    super(`request cancelled: ${url}`, url, false);
    this.name = "AbortedError";
  }
}

/** No Chromium could be found or launched. The message names every path that was tried. */
export class BrowserNotFoundError extends Error {
  readonly tried: string[];
  constructor(tried: string[]) {
    super(
      `no Chromium found: tried ${tried.join(", ")}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    this.name = "BrowserNotFoundError";
    this.tried = tried;
  }
}

/** Chromium was found but could not be started (or died while starting). No process is left behind. */
export class BrowserLaunchError extends Error {
  readonly executablePath: string;
  constructor(executablePath: string, reason: string, options?: { cause?: unknown }) {
    super(`could not launch Chromium at ${executablePath}: ${reason}`, options);
    this.name = "BrowserLaunchError";
    this.executablePath = executablePath;
  }
}
