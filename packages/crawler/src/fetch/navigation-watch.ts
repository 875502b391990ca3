import type { CDPSession } from "playwright-core";
import { withDeadline } from "./backoff";
import { READ_GRACE_MILLIS } from "./browser-settings";
import { TimeoutError } from "./errors";

/** The main document of a navigation, as Chromium's network events report it. */
export interface MainDocument {
  requestId: string;
  /** Every URL of the redirect chain, the final one last. */
  urls: string[];
  status: number | null;
  headers: Record<string, string>;
  /** ms after the watch began that the response headers arrived. */
  answeredAfterMs: number | null;
  /** The whole body arrived (Network.loadingFinished). */
  finished: boolean;
  failed: string | null;
}

/** A response past the size cap, and where. */
export interface Oversized {
  url: string;
  bytes: number;
}

interface CdpEvents {
  "Network.requestWillBeSent": {
    requestId: string;
    frameId?: string;
    type?: string;
    request: { url: string };
    redirectResponse?: unknown;
  };
  "Network.responseReceived": {
    requestId: string;
    response: { url: string; status: number; headers: Record<string, string> };
  };
  "Network.dataReceived": { requestId: string; dataLength: number; encodedDataLength: number };
  "Network.loadingFinished": { requestId: string };
  "Network.loadingFailed": { requestId: string; errorText: string };
}

/**
 * Follows one navigation of a page over CDP while it happens: which request is the main document, when its answer
 * and its last byte arrived, how many sub-resources are still loading, and — as bytes arrive, long before
 * `domcontentloaded` — whether any response (or the page's total) passed the size cap, in which case the page is
 * stopped at once so an endless response cannot grow the renderer.
 */
export class NavigationWatch {
  private readonly started = performance.now();
  private readonly bytesByRequest = new Map<string, number>();
  private readonly urlByRequest = new Map<string, string>();
  private readonly pending = new Set<string>();
  private totalBytes = 0;
  private mainFrameId: string | null = null;
  private document: MainDocument | null = null;
  private tooLarge: Oversized | null = null;
  private readonly listeners: Array<[keyof CdpEvents, (event: never) => void]> = [];

  private constructor(
    private readonly cdp: CDPSession,
    private readonly maxResponseBytes: number,
    private readonly maxPageBytes: number,
    private readonly onTooLarge: () => void,
  ) {}

  static async begin(
    cdp: CDPSession,
    limits: { maxResponseBytes: number; maxPageBytes: number },
    onTooLarge: () => void,
  ): Promise<NavigationWatch> {
    const watch = new NavigationWatch(cdp, limits.maxResponseBytes, limits.maxPageBytes, onTooLarge);
    const tree = (await cdp.send("Page.getFrameTree")) as { frameTree: { frame: { id: string } } };
    watch.mainFrameId = tree.frameTree.frame.id;
    watch.on("Network.requestWillBeSent", (e) => watch.requestWillBeSent(e));
    watch.on("Network.responseReceived", (e) => watch.responseReceived(e));
    watch.on("Network.dataReceived", (e) => watch.dataReceived(e));
    watch.on("Network.loadingFinished", (e) => watch.settled(e.requestId, null));
    watch.on("Network.loadingFailed", (e) => watch.settled(e.requestId, e.errorText));
    return watch;
  }

  private on<K extends keyof CdpEvents>(name: K, handler: (event: CdpEvents[K]) => void): void {
    this.cdp.on(name as never, handler as never);
    this.listeners.push([name, handler as (event: never) => void]);
  }

  end(): void {
    for (const [name, handler] of this.listeners.splice(0)) this.cdp.off(name as never, handler as never);
  }

  get mainDocument(): MainDocument | null {
    return this.document;
  }

  get oversized(): Oversized | null {
    return this.tooLarge;
  }

  /** Sub-resources asked for and not yet loaded (or failed). */
  get stillLoading(): number {
    return [...this.pending].filter((id) => id !== this.document?.requestId).length;
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  private requestWillBeSent(e: CdpEvents["Network.requestWillBeSent"]): void {
    this.urlByRequest.set(e.requestId, e.request.url);
    this.pending.add(e.requestId);
    const isMain = e.type === "Document" && e.frameId === this.mainFrameId;
    if (!isMain) return;
    if (this.document && this.document.requestId === e.requestId) {
      this.document.urls.push(e.request.url); // a redirect: same request, next hop
    } else {
      this.document = {
        requestId: e.requestId,
        urls: [e.request.url],
        status: null,
        headers: {},
        answeredAfterMs: null,
        finished: false,
        failed: null,
      };
    }
  }

  private responseReceived(e: CdpEvents["Network.responseReceived"]): void {
    if (e.requestId !== this.document?.requestId) return;
    this.document.status = e.response.status;
    this.document.headers = lowerCaseKeys(e.response.headers);
    this.document.answeredAfterMs = this.elapsedMs();
    const declared = Number(this.document.headers["content-length"]);
    if (Number.isFinite(declared) && declared > this.maxResponseBytes) this.stop(e.response.url, declared);
  }

  private dataReceived(e: CdpEvents["Network.dataReceived"]): void {
    const bytes = Math.max(e.dataLength, e.encodedDataLength);
    const total = (this.bytesByRequest.get(e.requestId) ?? 0) + bytes;
    this.bytesByRequest.set(e.requestId, total);
    this.totalBytes += bytes;
    const url = this.urlByRequest.get(e.requestId) ?? "a sub-resource";
    if (total > this.maxResponseBytes) this.stop(url, total);
    else if (this.totalBytes > this.maxPageBytes) this.stop(`${url} (the page's resources together)`, this.totalBytes);
  }

  private settled(requestId: string, failure: string | null): void {
    this.pending.delete(requestId);
    if (requestId !== this.document?.requestId) return;
    if (failure === null) this.document.finished = true;
    else this.document.failed = failure;
  }

  private stop(url: string, bytes: number): void {
    if (this.tooLarge) return;
    this.tooLarge = { url, bytes };
    this.cdp.send("Page.stopLoading").catch(() => {});
    this.onTooLarge();
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/**
 * After a navigation timed out: when its document answered and arrived whole (sub-resources or scripts held the
 * load), the HTML as received; when it answered but did not arrive whole, or never answered, a TimeoutError that says
 * which ("it answered HTTP 200 after 0.2 s, but its HTML did not finish arriving").
 */
export async function documentAfterTimeout(
  url: string,
  watch: NavigationWatch,
  cdp: CDPSession,
  timeoutMillis: number,
): Promise<{ finalUrl: string; status: number; headers: Record<string, string>; html: string }> {
  const doc = watch.mainDocument;
  const finalUrl = doc?.urls.at(-1) ?? url;
  if (!doc || doc.status === null || doc.answeredAfterMs === null) throw new TimeoutError(url, timeoutMillis);
  const answered = `it answered HTTP ${doc.status} after ${(doc.answeredAfterMs / 1000).toFixed(1)} s`;
  if (!doc.finished)
    throw new TimeoutError(finalUrl, timeoutMillis, `${answered}, but its HTML did not finish arriving`);
  const busy = `${answered}; ${watch.stillLoading} sub-resources were still loading and its scripts kept the page busy`;
  const received = await withDeadline(
    cdp.send("Network.getResponseBody", { requestId: doc.requestId }),
    READ_GRACE_MILLIS,
    () => new TimeoutError(finalUrl, timeoutMillis, busy),
  ).catch((error: unknown) => {
    if (error instanceof TimeoutError) throw error;
    throw new TimeoutError(finalUrl, timeoutMillis, `${answered}, but its HTML could not be read back`);
  });
  const html = received.base64Encoded ? Buffer.from(received.body, "base64").toString("utf8") : received.body;
  return { finalUrl, status: doc.status, headers: doc.headers, html };
}
