import { HttpStatusError } from "../fetch/errors";
import type { Fetcher, FetcherStats, FetchRequest, FetchResponse } from "../fetch/fetcher";
import type { HostThrottle } from "../fetch/host-throttle";
import type { RobotsVerdict } from "../fetch/robots-cache";
import { type PageRecorder, type RecordedPage, storedHeaders } from "./recorded-page";

/** Statuses that say a posting is gone: kept in the archive (without a body) so a re-process sees them gone too. */
const GONE_STATUSES = new Set([404, 410]);
/**
 * Pages handed to the recorder and not yet written: past this, a fetch waits for the disk (memory stays bounded).
 * Each holds its page and its record being built (a 1 MB listing: ~2 MB): 16 took B6's peak 20–25 MB higher than 4.
 */
const MAX_BACKLOG = 4;

export interface RecordingOptions {
  /** Sent as the request record's User-Agent. */
  userAgent?: string;
  /** A write that failed: the crawl goes on without recording (the caller reports it once). */
  onRecordError?: (error: Error) => void;
}

/**
 * A fetcher that hands every listing and detail page it fetches to a recorder (the page archive), over HTTP or
 * Chromium alike: it wraps whichever fetcher the source uses. Probes and robots.txt are not recorded. Pages are
 * written behind the crawl (it does not wait for the disk) up to MAX_BACKLOG pages, then it waits; `close()` waits
 * for every page handed over. Once a write fails, recording stops and the crawl goes on.
 */
export class RecordingFetcher implements Fetcher {
  private failed = false;
  private readonly backlog = new Set<Promise<void>>();

  constructor(
    private readonly inner: Fetcher,
    private readonly recorder: PageRecorder,
    private readonly options: RecordingOptions = {},
  ) {}

  get kind() {
    return this.inner.kind;
  }

  get throttle(): HostThrottle {
    return this.inner.throttle;
  }

  start(): Promise<string> {
    return this.inner.start();
  }

  robotsVerdict(url: string, signal?: AbortSignal): Promise<RobotsVerdict> {
    return this.inner.robotsVerdict(url, signal);
  }

  stats(): FetcherStats {
    return this.inner.stats();
  }

  /** Every page handed over is written (or failed) first. */
  async close(): Promise<void> {
    await Promise.all(this.backlog);
    await this.inner.close();
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const purpose = request.purpose === "listing" || request.purpose === "detail" ? request.purpose : null;
    let response: FetchResponse;
    try {
      response = await this.inner.fetch(request);
    } catch (error) {
      if (purpose && error instanceof HttpStatusError && GONE_STATUSES.has(error.status)) {
        await this.record(
          purpose,
          request.url,
          error.url,
          error.status,
          {},
          { bytes: new Uint8Array(0), encoding: null },
        );
      }
      throw error;
    }
    if (purpose) {
      // a page without its bytes (the browser's DOM) is stored as UTF-8, and says so
      const headers = response.payload
        ? response.headers
        : { ...response.headers, "content-type": "text/html; charset=utf-8" };
      await this.record(purpose, request.url, response.finalUrl, response.status, headers, storedBody(response));
    }
    return response;
  }

  private async record(
    purpose: RecordedPage["purpose"],
    requestUrl: string,
    finalUrl: string,
    status: number,
    headers: Record<string, string>,
    stored: StoredBody,
  ): Promise<void> {
    if (this.failed) return;
    while (this.backlog.size >= MAX_BACKLOG) await Promise.race(this.backlog);
    const host = safeHost(requestUrl);
    const written = this.recorder
      .record({
        purpose,
        fetchedAt: new Date(),
        request: {
          url: requestUrl,
          method: "GET",
          headers: {
            ...(host ? { host } : {}),
            ...(this.options.userAgent ? { "user-agent": this.options.userAgent } : {}),
          },
        },
        response: {
          url: finalUrl,
          status,
          headers: storedHeaders(headers, stored.bytes.byteLength, stored.encoding),
          payload: stored.bytes,
        },
      })
      .catch((error: unknown) => {
        this.failed = true;
        this.options.onRecordError?.(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => this.backlog.delete(written));
    this.backlog.add(written);
  }
}

/** The bytes a page is stored as, and their Content-Encoding (null: decoded). */
interface StoredBody {
  bytes: Uint8Array;
  encoding: string | null;
}

/** What the site sent when the fetcher kept it (still compressed), else the decoded page. */
function storedBody(response: FetchResponse): StoredBody {
  if (response.encoded) return { bytes: response.encoded.bytes, encoding: response.encoded.encoding };
  return { bytes: response.payload ?? new TextEncoder().encode(response.body), encoding: null };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
