import type { ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import { type EventLoopUtilization, performance } from "node:perf_hooks";
import type { FastifyReply, FastifyRequest } from "fastify";
import { laneBusy } from "../db/read-lane";

export interface PublicAdmissionOptions {
  /** The event loop's busy share above which public requests are let in more slowly. */
  busyShare: number;
  /** Public requests in the process at most, however idle the event loop. */
  maxInFlight: number;
  /**
   * At most while others are served: one public request at a time alternates between this process and its database
   * backend, so public requests can keep at most this many cores busy (default: every core but one).
   */
  protectedMaxInFlight: number;
  /** A request waiting longer answers 503 (Retry-After) instead of queueing without end. */
  queueTimeoutMillis: number;
  /** How often the event loop's busy share is read. */
  tickMillis: number;
  /** Public requests yield for this long after any other request (the admin, a probe, a scrape). */
  protectMillis: number;
}

export const DEFAULT_PUBLIC_ADMISSION: Omit<PublicAdmissionOptions, "queueTimeoutMillis"> = {
  busyShare: 0.6,
  maxInFlight: 64,
  protectedMaxInFlight: Math.max(1, availableParallelism() - 1),
  tickMillis: 20,
  protectMillis: 5_000,
};

/** Public requests in at once when others start to be served. */
const START_LIMIT = 4;

interface Waiter {
  admit: () => void;
  reject: (error: Error) => void;
}

/**
 * The public API's share of this process: while anyone else is served (an admin, `/readyz`, a metrics scrape: any
 * request to a route that is not public, in the last `protectMillis`), public requests (search, a posting) are let in
 * only while the event loop has room, so however many anonymous clients search flat out, the others find the event
 * loop free. A request holds its place from its arrival to its answer's end (validation, the rate limit, the reads,
 * the JSON); how many may be in at once is raised by one while the event loop is under `busyShare` and requests wait,
 * and cut by a third when it is over (additive increase, multiplicative decrease, read every `tickMillis`), never
 * under one nor over `protectedMaxInFlight` (so public requests leave a core free for the others, in this process and
 * in the database). With nobody else to serve, public requests are let in up to `maxInFlight`. Waiting costs nothing; past
 * `queueTimeoutMillis` a request answers 503.
 */
export class PublicAdmission {
  private limit: number;
  private inFlight = 0;
  private protectedUntil = 0;
  private readonly waiting: Waiter[] = [];
  private last: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly options: PublicAdmissionOptions,
    /** The routes (as registered) whose requests are public: every other request is protected. */
    private readonly publicRoutes: ReadonlySet<string>,
  ) {
    this.limit = options.maxInFlight;
    this.timer = setInterval(() => this.tick(), options.tickMillis);
    this.timer.unref();
  }

  /** The hook of the public routes: resolves once the request is in; it leaves when its response closes. */
  readonly onRequest = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await this.enter(reply.raw);
  };

  /** The hook of every route: a request to a route that is not public makes public requests yield for a while. */
  readonly onAnyRequest = (request: FastifyRequest, _reply: FastifyReply, done: () => void): void => {
    if (!this.publicRoutes.has(request.routeOptions.url ?? "")) this.protect();
    done();
  };

  get current(): { limit: number; inFlight: number; waiting: number } {
    return { limit: this.limit, inFlight: this.inFlight, waiting: this.waiting.length };
  }

  close(): void {
    clearInterval(this.timer);
    for (const waiter of this.waiting.splice(0)) waiter.reject(laneBusy());
  }

  private enter(response: ServerResponse): Promise<void> {
    const leave = () => {
      this.inFlight -= 1;
      this.admitWaiting();
    };
    if (this.inFlight < this.limit && this.waiting.length === 0) {
      this.inFlight += 1;
      response.once("close", leave);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timeout);
          response.off("close", gone);
          this.inFlight += 1;
          response.once("close", leave);
          resolve();
        },
        reject,
      };
      const drop = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
      };
      const gone = () => drop(); // the client left while waiting: nothing to answer
      const timeout = setTimeout(() => {
        drop();
        response.off("close", gone);
        reject(laneBusy());
      }, this.options.queueTimeoutMillis);
      response.once("close", gone);
      this.waiting.push(waiter);
    });
  }

  private protect(): void {
    // public requests in at full pace until now: from the start value of the increase, not from the top
    if (Date.now() >= this.protectedUntil) {
      this.limit = Math.min(this.limit, START_LIMIT, this.options.protectedMaxInFlight);
    }
    this.protectedUntil = Date.now() + this.options.protectMillis;
  }

  private tick(): void {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, this.last).utilization;
    this.last = now;
    if (Date.now() >= this.protectedUntil) this.limit = this.options.maxInFlight;
    else if (busy > this.options.busyShare) this.limit = Math.max(1, Math.floor((this.limit * 2) / 3));
    else if (this.waiting.length > 0 && this.inFlight >= this.limit)
      this.limit = Math.min(this.options.protectedMaxInFlight, this.limit + 1);
    this.admitWaiting();
  }

  private admitWaiting(): void {
    while (this.inFlight < this.limit && this.waiting.length > 0) this.waiting.shift()?.admit();
  }
}
