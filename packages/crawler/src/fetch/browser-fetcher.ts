import { randomUUID } from "node:crypto";
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  errors as playwrightErrors,
  type Response,
} from "playwright-core";
import { GuardProxy, REFUSED_HEADER } from "../net/guard-proxy";
import { withDeadline } from "./backoff";
import { BROWSER_MARKER_VARIABLE, killMarkedProcesses } from "./browser-processes";
import {
  BLOCKED_URL_PATTERNS,
  CHROMIUM_ARGS,
  PAGE_BYTES_FACTOR,
  READ_GRACE_MILLIS,
  RENDERER_LIMIT_ARGS,
} from "./browser-settings";
import { resolveChromiumPath } from "./chromium-path";
import {
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_USER_AGENT,
  retryPolicy,
  validateFetcherOptions,
} from "./defaults";
import {
  AbortedError,
  BrowserLaunchError,
  FetchError,
  NetworkError,
  PrivateAddressError,
  RendererMemoryError,
  ResponseTooLargeError,
  TimeoutError,
  TooManyRedirectsError,
} from "./errors";
import type { Fetcher, FetcherOptions, FetcherStats, FetchRequest, FetchResponse } from "./fetcher";
import { HostThrottle, type ReleaseSlot } from "./host-throttle";
import { HttpFetcher } from "./http-fetcher";
import { parseHttpUrl } from "./http-url";
import { acceptResponse } from "./judge-response";
import { documentAfterTimeout, NavigationWatch } from "./navigation-watch";
import { PagePool } from "./page-pool";
import { DEFAULT_RENDERER_MAX_MB, RendererWatchdog } from "./renderer-watchdog";
import { AttemptFailure, type RetryPolicy, withRetries } from "./retry-loop";
import type { RobotsVerdict } from "./robots-cache";

export interface BrowserFetcherOptions extends FetcherOptions {
  /** Launch timeout (default 30 s). */
  launchTimeoutMillis?: number;
  /** A renderer process past this resident size (MB) is killed and its page fails as too large. Default 512. */
  rendererMaxMb?: number;
}

/**
 * playwright-core driving the system Chromium. Same contract as the HTTP fetcher (retries, 429, per-host delay,
 * robots.txt — fetched over plain HTTP —, challenge detection), plus a small pool of pages for concurrency.
 * `close()` always closes everything and is idempotent; every Chromium process of this fetcher carries an
 * environment marker, so even after a crash or a failed launch none is left behind.
 */
export class BrowserFetcher implements Fetcher {
  readonly kind = "browser" as const;
  /** The marker value its Chromium processes carry (see browser-processes.ts). */
  readonly instanceId = randomUUID();
  readonly userAgent: string;
  readonly throttle: HostThrottle;
  private readonly http: HttpFetcher;
  private readonly policy: RetryPolicy;
  private readonly maxRedirects: number;
  private readonly maxResponseBytes: number;
  private readonly counters = { requests: 0, retries: 0, bytes: 0, robotsDisallowed: 0, blocked: 0, rateLimitWaits: 0 };
  private browser: Browser | null = null;
  private pool: PagePool<Page> | null = null;
  private proxy: GuardProxy | null = null;
  private readonly sessions = new WeakMap<Page, CDPSession>();
  private readonly watchdog: RendererWatchdog;
  private starting: Promise<string> | null = null;
  private closing: Promise<void> | null = null;
  private crashed = false;

  constructor(private readonly options: BrowserFetcherOptions) {
    validateFetcherOptions(options);
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.policy = retryPolicy(options);
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.throttle = options.throttle ?? new HostThrottle(options.requestDelayMillis);
    this.watchdog = new RendererWatchdog(this.instanceId, options.rendererMaxMb ?? DEFAULT_RENDERER_MAX_MB);
    // robots.txt over plain HTTP, sharing the throttle
    this.http = new HttpFetcher({ ...options, kind: "http", throttle: this.throttle, onRetry: undefined });
  }

  /** Launch Chromium (once). Resolves to e.g. "Chromium 156.0.8078.108". */
  start(): Promise<string> {
    if (this.closing) return Promise.reject(new FetchError("browser fetcher is closed", "about:blank", false));
    this.starting ??= this.launch();
    return this.starting;
  }

  private async launch(): Promise<string> {
    const executablePath = resolveChromiumPath(this.options.chromiumPath);
    const headless = this.options.headless ?? true;
    try {
      // with a network policy, every connection of Chromium goes through the guard proxy (loopback included)
      const network = this.options.network;
      if (network?.guarded) this.proxy = await GuardProxy.start(network, this.options.timeoutMillis);
      const proxyArgs = this.proxy ? [`--proxy-server=${this.proxy.url}`, "--proxy-bypass-list=<-loopback>"] : [];
      const args = [...CHROMIUM_ARGS, ...RENDERER_LIMIT_ARGS, ...proxyArgs];
      const browser = await chromium.launch({
        executablePath,
        headless,
        // the house flags force headless: a headed browser (for debugging) gets them without --headless
        args: headless ? args : args.filter((flag) => flag !== "--headless"),
        timeout: this.options.launchTimeoutMillis ?? 30_000,
        env: { ...process.env, [BROWSER_MARKER_VARIABLE]: this.instanceId },
      });
      this.browser = browser;
      browser.on("disconnected", () => {
        if (!this.closing) this.crashed = true;
      });
      const context = await browser.newContext({
        userAgent: this.userAgent,
        locale: "vi-VN",
        javaScriptEnabled: true,
        serviceWorkers: "block",
      });
      context.setDefaultNavigationTimeout(this.options.timeoutMillis);
      this.pool = new PagePool(() => this.newPage(context), this.options.browserPages ?? 4);
      return `Chromium ${browser.version()}`;
    } catch (error) {
      await this.shutdown();
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
      throw new BrowserLaunchError(executablePath, reason, { cause: error });
    }
  }

  private async newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setBlockedURLs", { urls: BLOCKED_URL_PATTERNS });
    this.sessions.set(page, cdp);
    return page;
  }

  robotsVerdict(url: string, signal?: AbortSignal): Promise<RobotsVerdict> {
    return this.http.robotsVerdict(url, signal);
  }

  stats(): FetcherStats {
    const http = this.http.stats();
    return {
      requests: this.counters.requests + http.requests,
      retries: this.counters.retries + http.retries,
      bytes: this.counters.bytes + http.bytes,
      robotsDisallowed: http.robotsDisallowed,
      blocked: this.counters.blocked,
      rateLimitWaits: this.counters.rateLimitWaits + (http.rateLimitWaits ?? 0),
    };
  }

  async fetch(req: FetchRequest): Promise<FetchResponse> {
    if (req.signal?.aborted) throw new AbortedError(req.url);
    const url = parseHttpUrl(req.url);
    const started = performance.now();
    // a signal of its own, so the listeners of concurrent requests do not pile up on the caller's
    const signal = req.signal ? AbortSignal.any([req.signal]) : undefined;
    await this.start();
    await this.http.assertAllowed(url, signal);
    const { value, attempts } = await withRetries(req.url, this.policy, () => this.attempt(url, signal), {
      signal,
      onRetry: (info) => {
        this.options.onRetry?.(info);
        req.onRetry?.(info);
      },
      counters: this.counters,
    });
    return { ...value, url: req.url, elapsedMs: Math.round(performance.now() - started), attempts };
  }

  private async attempt(
    url: URL,
    signal?: AbortSignal,
  ): Promise<Omit<FetchResponse, "url" | "elapsedMs" | "attempts">> {
    if (this.crashed || !this.pool)
      throw new FetchError(`the browser is gone (crashed or closed): ${url.href}`, url.href, false);
    const page = await this.pool.acquire(url.href, signal);
    const cdp = this.sessions.get(page);
    let healthy = true;
    // an abort (or a response past the size cap) closes the page: the only way to stop a navigation at once
    const onAbort = () => {
      healthy = false;
      page.close().catch(() => {});
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    let releaseSlot: ReleaseSlot = () => {};
    // the per-host delay counts from the navigation's answer: by then the request surely reached the server
    const onResponse = (response: Response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) releaseSlot();
    };
    let watch: NavigationWatch | null = null;
    const started = performance.now();
    const endWatchdog = this.watchdog.begin();
    let crashed = false;
    const onCrash = () => {
      crashed = true;
    };
    try {
      releaseSlot = await this.throttle.wait(url, signal);
      page.on("response", onResponse);
      page.on("crash", onCrash);
      // the size cap holds while bytes arrive: past it, loading stops and the page (its renderer) is thrown away
      if (cdp) {
        watch = await NavigationWatch.begin(
          cdp,
          { maxResponseBytes: this.maxResponseBytes, maxPageBytes: this.maxResponseBytes * PAGE_BYTES_FACTOR },
          onAbort, // closing the page ends the navigation at once and frees its renderer
        );
      }
      this.counters.requests++;
      const navigation = await page
        .goto(url.href, { timeout: this.options.timeoutMillis, waitUntil: "domcontentloaded" })
        .then((response) => ({ response, error: null as unknown }))
        .catch((error: unknown) => ({ response: null, error }));
      if (watch?.oversized) throw new ResponseTooLargeError(watch.oversized.url, this.maxResponseBytes);
      if (navigation.error !== null) {
        this.throwRefusal(watch?.mainDocument?.urls ?? [url.href]);
        if (navigation.error instanceof playwrightErrors.TimeoutError && watch && cdp) {
          // the page did not reach domcontentloaded in time: use its HTML if all of it arrived, else say what did
          const arrived = await documentAfterTimeout(url.href, watch, cdp, this.options.timeoutMillis);
          return this.judge(arrived.finalUrl, arrived.status, arrived.headers, arrived.html, "utf-8");
        }
        throw navigation.error;
      }
      const response = navigation.response;
      if (!response) throw new NetworkError(url.href, "the browser got no response");
      const finalUrl = response.url();
      const headers = response.headers();
      if (headers[REFUSED_HEADER] === "1") this.throwRefusal([finalUrl], true);
      let redirects = 0;
      for (let r = response.request().redirectedFrom(); r; r = r.redirectedFrom()) redirects++;
      if (redirects > this.maxRedirects) throw new TooManyRedirectsError(url.href, this.maxRedirects);
      const status = response.status();
      const declared = Number(headers["content-length"]);
      if (Number.isFinite(declared) && declared > this.maxResponseBytes) {
        throw new ResponseTooLargeError(finalUrl, this.maxResponseBytes);
      }
      const remaining = Math.max(READ_GRACE_MILLIS, this.options.timeoutMillis - (watch?.elapsedMs() ?? 0));
      const [html, charset] = await withDeadline(
        Promise.all([page.content(), page.evaluate(() => document.characterSet)]),
        remaining,
        () => new TimeoutError(finalUrl, this.options.timeoutMillis, "the page's scripts kept it busy"),
      );
      if (watch?.oversized) throw new ResponseTooLargeError(watch.oversized.url, this.maxResponseBytes);
      return this.judge(finalUrl, status, headers, html, charset);
    } catch (error) {
      // a renderer killed for its memory crashes its pages, whatever step they were at
      if (crashed && this.watchdog.killedSince(started) && !signal?.aborted) {
        healthy = false;
        throw new RendererMemoryError(url.href, this.watchdog.maxMb);
      }
      if (error instanceof FetchError || error instanceof AttemptFailure) {
        if (error instanceof TimeoutError || error instanceof ResponseTooLargeError) healthy = false;
        if (!(error instanceof AbortedError)) throw error;
      }
      healthy = false;
      throw this.mapError(error, url.href, signal);
    } finally {
      endWatchdog();
      watch?.end();
      releaseSlot();
      page.off("response", onResponse);
      page.off("crash", onCrash);
      signal?.removeEventListener("abort", onAbort);
      this.pool?.release(page, healthy && !page.isClosed());
    }
  }

  /** The status, size, challenge and charset rules every page goes through, as the HTTP fetcher applies them. */
  private judge(
    finalUrl: string,
    status: number,
    headers: Record<string, string>,
    html: string,
    charset: string,
  ): Omit<FetchResponse, "url" | "elapsedMs" | "attempts"> {
    // a legacy charset (windows-1258) leaves tones as combining marks: compose them as the HTTP fetcher does
    const body = charset.toLowerCase() === "utf-8" ? html : html.normalize("NFC");
    const bytes = Buffer.byteLength(body);
    if (bytes > this.maxResponseBytes) throw new ResponseTooLargeError(finalUrl, this.maxResponseBytes);
    this.counters.bytes += bytes;
    acceptResponse(finalUrl, status, headers, body, () => this.counters.blocked++);
    return { finalUrl, status, headers, body, bytes };
  }

  /** Throws the guard proxy's refusal of any of these URLs' hosts (`always`: a generic one when none is known). */
  private throwRefusal(urls: string[], always = false): void {
    for (const raw of [...urls].reverse()) {
      const refusal = URL.canParse(raw) ? this.proxy?.refusalFor(new URL(raw).host) : null;
      if (refusal) throw refusal;
    }
    if (always) {
      const raw = urls.at(-1) ?? "";
      const switchName = this.options.network?.switchName ?? "ALLOW_PRIVATE_HOSTS";
      throw new PrivateAddressError(
        raw,
        URL.canParse(raw) ? new URL(raw).host : raw,
        null,
        "a private address",
        switchName,
      );
    }
  }

  private mapError(error: unknown, url: string, signal?: AbortSignal): Error {
    if (signal?.aborted || this.closing) return new AbortedError(url);
    if (error instanceof AbortedError) return error;
    if (error instanceof playwrightErrors.TimeoutError) return new TimeoutError(url, this.options.timeoutMillis);
    const refused = /net::ERR_TUNNEL_CONNECTION_FAILED/.test(error instanceof Error ? error.message : "");
    if (refused) this.throwRefusal([url]);
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes("ERR_TOO_MANY_REDIRECTS")) return new TooManyRedirectsError(url, this.maxRedirects);
    if (
      this.crashed ||
      /Target (page, context or browser )?(has been )?closed|Browser has been closed/i.test(message)
    ) {
      return new FetchError(`the browser closed while fetching ${url}: ${firstLine(message)}`, url, false);
    }
    const net = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
    if (net === "ERR_TIMED_OUT") return new TimeoutError(url, this.options.timeoutMillis);
    return new NetworkError(url, net ?? firstLine(message), { cause: error });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.starting?.catch(() => {});
      await this.shutdown();
      await this.http.close();
    })();
    return this.closing;
  }

  /** Close pages, context and browser, then kill whatever process of ours is left (crash, hung close). */
  private async shutdown(): Promise<void> {
    const { browser } = this;
    this.browser = null;
    await this.pool?.closeAll();
    this.pool = null;
    if (browser) {
      await Promise.race([
        browser.close().catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, 5000).unref()),
      ]);
    }
    await killMarkedProcesses(this.instanceId);
    await this.proxy?.close();
    this.proxy = null;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
