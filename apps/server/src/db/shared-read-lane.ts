import type { SQL } from "drizzle-orm";
import type { Db } from "./database";
import { queryRows } from "./query-rows";
import { laneBusy, type PlanHints, ReadAbortedError, type ReadLane, type ReadLaneOptions } from "./read-lane";

/**
 * The read lane of the embedded database (PGlite: one connection, one query at a time in the process): at most
 * `size` public queries are queued on the connection at once, the others wait for a turn (503 past the queue timeout),
 * and a query whose client left before its turn never runs. PGlite has no statement timeout or cancellation of a
 * running query: it ignores `statement_timeout` (a 2.5 s query under `SET statement_timeout = 100` runs to its end),
 * and it runs each query on the API's own thread, so no timer can fire, in the lane or anywhere, until the query is
 * done. A time budget in the lane could only answer 503 after the work was spent; the bound on the queue is what keeps
 * the admin's own queries from waiting behind a crowd. A public API at scale belongs on PostgreSQL.
 */
export class SharedReadLane implements ReadLane {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly db: Db,
    private readonly options: Pick<ReadLaneOptions, "size" | "queueTimeoutMillis">,
  ) {}

  /** Plan hints are PostgreSQL's: the embedded database's tables are small enough for any plan. */
  async rows<T>(query: SQL, signal?: AbortSignal, _hints?: PlanHints): Promise<T[]> {
    await this.acquire(signal);
    try {
      if (signal?.aborted) throw new ReadAbortedError();
      return await queryRows<T>(this.db, query);
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new ReadAbortedError());
    if (this.running < this.options.size) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", leave);
        this.running += 1;
        resolve();
      };
      const drop = (error: Error) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", leave);
        const at = this.waiting.indexOf(turn);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(error);
      };
      const leave = () => drop(new ReadAbortedError());
      const timer = setTimeout(() => drop(laneBusy()), this.options.queueTimeoutMillis);
      signal?.addEventListener("abort", leave, { once: true });
      this.waiting.push(turn);
    });
  }

  private release(): void {
    this.running -= 1;
    this.waiting.shift()?.();
  }

  async close(): Promise<void> {}
}
