import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { handleAdmin } from "./admin-api";
import { type BoardCard, Catalog, MAX_CARDS_PER_KEYWORD, MAX_CARDS_PER_PAGE, MAX_PAGES_PER_KEYWORD } from "./catalog";
import { applyFault } from "./fault-responses";
import { FaultSelector } from "./fault-selector";
import { type FaultRule, parseFaultRules } from "./faults";
import { renderPage } from "./pages";
import type { BoardPosting } from "./posting";
import { hash32 } from "./prng";
import { listingPath } from "./render-listing";
import { type BoardStats, RequestLog } from "./request-log";
import { ENCODINGS, type Encoding, send } from "./respond";
import { classify } from "./routes";
import { DEFAULT_ROBOTS_TXT } from "./static-pages";
import { KEYWORD_SLUG } from "./text";

export interface FixtureBoardOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 1. Same seed, same pages. */
  seed?: number;
  /** Pages of results per keyword (0..250, at most 10,000 cards): a number, or a function of the keyword. Default 2..10 from the seed. */
  pagesPerKeyword?: number | ((keyword: string) => number);
  /** Default 50, like TopCV. */
  cardsPerPage?: number;
  /** Listing pages are padded with head/script noise up to this size. Default 1 MB, like the real pages. */
  pageWeightBytes?: number;
  /** true (one posting in five) or a share from 0 to 1: postings carrying script/handler/javascript:/CSS payloads. */
  hostilePostings?: boolean | number;
  faults?: FaultRule[];
  /** Replaces the default robots.txt (which disallows /ung-tuyen/ only). */
  robotsTxt?: string;
  /** Compress when the client accepts it: true (br, gzip, deflate), false, or the encodings to offer in order. */
  compression?: boolean | Encoding[];
  /** Keywords linked from the home page. */
  homeKeywords?: string[];
  /**
   * `/__admin/*` (fault switching, the request log) answers. Default true: tests and benchmarks drive the board
   * that way; the demo board of `npm start` turns it off unless DEMO_BOARD_ADMIN=1.
   */
  admin?: boolean;
}

export interface FixtureBoard {
  /** e.g. "http://127.0.0.1:40123" (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly seed: number;
  /** When the board started, in epoch milliseconds: a request's `at` is counted from it. */
  readonly startedAt: number;
  /** Absolute URL of a listing page, as TopCV shapes it. */
  listingUrl(keyword: string, page?: number): string;
  pageCount(keyword: string): number;
  /** Ground truth: every card the board lists for `keyword`, in page order, up to `maxPages`. */
  expectedCards(keyword: string, maxPages?: number): BoardCard[];
  /** Ground truth: one posting, as its detail page shows it. Throws for an id the board never lists. */
  posting(id: string | number): BoardPosting;
  setFaults(rules: FaultRule[]): void;
  faults(): FaultRule[];
  stats(): BoardStats;
  resetStats(): void;
  /** true: stop listening and drop every connection (clients get "connection refused"); false: listen again. */
  setOffline(offline: boolean): Promise<void>;
  /** Stops the board; never waits for hanging or keep-alive connections. Idempotent. */
  close(): Promise<void>;
}

export class BoardOptionsError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "BoardOptionsError";
  }
}

function intOption(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new BoardOptionsError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function hostileShare(value: boolean | number | undefined): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 0.2;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new BoardOptionsError(
      `hostilePostings must be a boolean or a share from 0 to 1, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function compressionOption(value: boolean | Encoding[] | undefined): readonly Encoding[] {
  if (value === undefined || value === true) return ENCODINGS;
  if (value === false) return [];
  if (!Array.isArray(value) || value.some((e) => !ENCODINGS.includes(e))) {
    throw new BoardOptionsError(`compression must be a boolean or a list of ${ENCODINGS.join(", ")}`);
  }
  return value;
}

export async function startFixtureBoard(options: FixtureBoardOptions = {}): Promise<FixtureBoard> {
  const seed = intOption(options.seed, "seed", 0, 2 ** 31 - 1, 1);
  const port = intOption(options.port, "port", 0, 65535, 0);
  const host = options.host ?? "127.0.0.1";
  const cardsPerPage = intOption(options.cardsPerPage, "cardsPerPage", 1, MAX_CARDS_PER_PAGE, 50);
  const pageWeightBytes = intOption(options.pageWeightBytes, "pageWeightBytes", 0, 50 * 1024 * 1024, 1024 * 1024);
  const pagesOption = options.pagesPerKeyword ?? ((keyword: string) => 2 + (hash32(seed, `pages:${keyword}`) % 9));
  if (typeof pagesOption === "number") {
    intOption(pagesOption, "pagesPerKeyword", 0, MAX_PAGES_PER_KEYWORD, 0);
    if (pagesOption * cardsPerPage > MAX_CARDS_PER_KEYWORD) {
      throw new BoardOptionsError(
        `pagesPerKeyword × cardsPerPage must be at most ${MAX_CARDS_PER_KEYWORD}, got ${pagesOption} × ${cardsPerPage}`,
      );
    }
  } else if (typeof pagesOption !== "function")
    throw new BoardOptionsError("pagesPerKeyword must be a number or a function");
  const share = hostileShare(options.hostilePostings);
  const adminOn = options.admin ?? true;
  const compression = compressionOption(options.compression);
  const selector = new FaultSelector(seed, parseFaultRules(options.faults ?? []));
  const log = new RequestLog();
  const started = performance.now();

  let origin = "";
  const catalog = new Catalog({
    seed,
    get origin() {
      return origin;
    },
    pagesPerKeyword: pagesOption,
    cardsPerPage,
    hostileShare: share,
  });
  const pageContext = {
    catalog,
    get origin() {
      return origin;
    },
    pageWeightBytes,
    robotsTxt: options.robotsTxt ?? DEFAULT_ROBOTS_TXT,
    homeKeywords: options.homeKeywords ?? ["python-developer", "java-developer", "javascript-developer", "ke-toan"],
  };

  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<Socket, number>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const controls = {
    stats: () => log.stats(),
    resetStats: () => log.reset(),
    faults: () => selector.rules(),
    setFaults: (rules: FaultRule[]) => selector.set(parseFaultRules(rules)),
  };

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://board.invalid");
    const path = url.pathname;
    if (adminOn && path.startsWith("/__admin/")) return handleAdmin(req, res, path, controls);

    const route = classify(path);
    const record = log.add({
      at: performance.now() - started,
      method: req.method ?? "GET",
      url: `${path}${url.search}`,
      kind: route.kind,
      connection: connectionIds.get(req.socket) ?? 0,
      userAgent: req.headers["user-agent"] ?? null,
    });
    if (req.method !== "GET" && req.method !== "HEAD") {
      record.status = 405;
      res.writeHead(405, { allow: "GET, HEAD", "content-length": 0 });
      res.end();
      return;
    }
    const decision = selector.decide(route.kind, path, `${path}${url.search}`);
    if (decision.delayMs > 0) {
      record.fault = "latency";
      await delay(decision.delayMs);
      if (closed || res.destroyed) return;
    }
    const context = decision.layout ? { ...pageContext, layout: decision.layout } : pageContext;
    const page = () => renderPage(route, path, url.searchParams, context);
    if (decision.fault) {
      record.fault = decision.fault.type;
      const outcome = await applyFault(decision.fault, { req, res, page, compression });
      record.status = outcome.status;
      record.encoding = outcome.encoding;
      return;
    }
    if (decision.layout) record.fault ??= "layout";
    const answer = page();
    record.status = answer.status;
    record.encoding = await send(req, res, answer.status, answer.headers, answer.body, compression);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end(`fixture board error: ${error instanceof Error ? error.message : String(error)}`);
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 10_000;
  let connections = 0;
  server.on("connection", (socket: Socket) => {
    connectionIds.set(socket, ++connections);
    log.connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once("error", onError);
      server.listen(p, host, () => {
        server.off("error", onError);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const boundPort = await listen(port);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  origin = `http://${urlHost}:${boundPort}`;
  let offline = false;

  const board: FixtureBoard = {
    url: origin,
    startedAt: performance.timeOrigin + started,
    port: boundPort,
    host,
    seed,
    listingUrl(keyword, page = 1) {
      if (!KEYWORD_SLUG.test(keyword)) throw new BoardOptionsError(`"${keyword}" is not a keyword slug (a-z, 0-9, -)`);
      return `${origin}${listingPath(keyword, page)}`;
    },
    pageCount: (keyword) => catalog.pageCount(keyword),
    expectedCards: (keyword, maxPages) => catalog.expectedCards(keyword, maxPages),
    posting(id) {
      const n = Number(id);
      if (!catalog.isKnownId(n)) throw new RangeError(`the board never lists a posting with id ${String(id)}`);
      return catalog.posting(n);
    },
    setFaults: controls.setFaults,
    faults: controls.faults,
    stats: controls.stats,
    resetStats: controls.resetStats,
    async setOffline(value) {
      if (closed || value === offline) return;
      offline = value;
      if (value) await stopListening();
      else await listen(boundPort);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await stopListening();
    },
  };
  return board;
}
