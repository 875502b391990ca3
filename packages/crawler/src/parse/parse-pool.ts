import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PageTooComplexError } from "../adapters/page-too-complex-error";
import { AbortedError } from "../fetch/errors";
import { type ParseOutcome, type ParseTask, restoreError } from "./parse-task";

export interface ParsePoolOptions {
  /** Worker threads at most (default: defaultParseThreads()). */
  threads?: number;
  /** A page still parsing after this long fails as "page too complex" and its worker is replaced. Default 10 s. */
  budgetMillis?: number;
  /** Each worker's JavaScript heap (old generation); a page that needs more fails as "page too complex". */
  maxHeapMb?: number;
  /** An idle worker exits after this long (the next page starts a new one). Default 60 s. */
  idleMillis?: number;
}

interface Job {
  id: number;
  task: ParseTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const WORKER_URL = new URL("./parse-worker.mjs", import.meta.url);

/**
 * Each worker's young generation. At 8 MB a worker parsing a 1.5 MB listing ran several scavenges and promoted enough
 * to mark-compact its old generation every few pages: B2's pool latency was 1.47–1.54× parsing on the event loop
 * (goal ≤ 1.25×); at 32 MB 1.29–1.31×, at 64 MB 1.20×. Its cost in memory is small since the TopCV listing parser
 * builds nodes for the cards only (B6, PostgreSQL mode, 1,840 / 9,192 postings: 307 / 325 MB at 8 MB, 315 / 332 MB at
 * 64 MB; 2026-12-06). Before that parser, two workers at V8's default held ~350 MB between collections.
 */
const YOUNG_GENERATION_MB = 64;

/**
 * The pool's default size: a core left for the calling thread (it fetches, parses small pages in place, normalises and
 * saves while the pool parses listings), at least 1 and at most 4 workers. Each worker is a V8 isolate of its own that
 * holds ~40–60 MB while it parses 1 MB listings: on 2 cores the second worker cost B6 ~50 MB of peak RSS and the sync
 * no time (the two workers and the calling thread shared the same 2 cores).
 */
export function defaultParseThreads(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * HTML parsing off the event loop: a few worker threads, each parsing one page at a time. The time budget counts
 * from the moment a worker takes the page (not while it waits its turn); past it the worker is terminated — the only
 * way to stop a parser stuck in a pathological page — and a fresh one takes the next page. Idle workers do not keep
 * the process alive.
 */
export class ParsePool {
  readonly threads: number;
  readonly budgetMillis: number;
  private readonly maxHeapMb: number;
  private readonly idleMillis: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers terminated for overrunning the budget (or dying): for tests and benchmarks. */
  replaced = 0;

  constructor(options: ParsePoolOptions = {}) {
    this.threads = options.threads ?? defaultParseThreads();
    this.budgetMillis = options.budgetMillis ?? 10_000;
    this.maxHeapMb = options.maxHeapMb ?? 512;
    this.idleMillis = options.idleMillis ?? 60_000;
    if (!Number.isInteger(this.threads) || this.threads < 1) throw new RangeError("threads must be an integer >= 1");
    if (!(this.budgetMillis > 0)) throw new RangeError("budgetMillis must be > 0");
  }

  /** Parse one page; rejects with what the parser threw (ParseError, BlockedError...) or PageTooComplexError. */
  run<T>(task: ParseTask, signal?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new AbortedError(task.url));
    if (signal?.aborted) return Promise.reject(new AbortedError(task.url));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, resolve: resolve as (value: unknown) => void, reject, signal };
      signal?.addEventListener(
        "abort",
        () => {
          const queued = this.queue.indexOf(job);
          if (queued >= 0) this.queue.splice(queued, 1);
          reject(new AbortedError(task.url)); // a running parse finishes in its worker; nobody waits for it
        },
        { once: true },
      );
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Terminate every worker; queued pages are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AbortedError(job.task.url));
    const workers = [...this.slots].map((slot) => {
      this.clearTimer(slot);
      slot.job?.reject(new AbortedError(slot.job.task.url));
      return slot.worker.terminate();
    });
    this.slots.clear();
    await Promise.all(workers);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => s.ready && s.job === null);
      if (!slot) {
        if (this.slots.size < this.threads) this.spawn();
        return;
      }
      const job = this.queue.shift() as Job;
      if (job.signal?.aborted) continue;
      this.clearTimer(slot);
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.overran(slot, job), this.budgetMillis);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private spawn(): void {
    const worker = new Worker(WORKER_URL, {
      // the worker registers its own TypeScript loader when it needs one; it inherits no flag of ours
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.add(slot);
    worker.unref();
    worker.on("message", (message: { ready?: true; id?: number; outcome?: ParseOutcome }) => {
      if (message.ready) {
        slot.ready = true;
        this.idle(slot);
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id || !message.outcome) return;
      this.clearTimer(slot);
      slot.job = null;
      if (message.outcome.ok) job.resolve(message.outcome.value);
      else job.reject(restoreError(message.outcome.error));
      this.idle(slot);
      this.dispatch();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const reason =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `the parser needed more than ${this.maxHeapMb} MB`
          : `the parse worker failed: ${error.message}`;
      this.lost(slot, reason, !slot.ready ? error : null);
    });
    worker.on("exit", () => this.lost(slot, "the parse worker exited", null));
  }

  /** A worker is gone: its page fails; if it never started, nothing queued can start either. */
  private lost(slot: Slot, reason: string, startupError: Error | null): void {
    if (!this.slots.delete(slot)) return;
    this.clearTimer(slot);
    const job = slot.job;
    slot.job = null;
    if (this.closed) return;
    this.replaced++;
    if (job) job.reject(new PageTooComplexError(reason, job.task.url));
    if (startupError) {
      for (const queued of this.queue.splice(0)) queued.reject(startupError);
      return;
    }
    this.dispatch();
  }

  private overran(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    slot.job = null;
    this.slots.delete(slot);
    this.replaced++;
    slot.worker.terminate().catch(() => {});
    job.reject(new PageTooComplexError(`still parsing after ${this.budgetMillis / 1000} s`, job.task.url));
    this.dispatch();
  }

  private idle(slot: Slot): void {
    slot.worker.unref();
    this.clearTimer(slot);
    slot.timer = setTimeout(() => {
      if (slot.job !== null) return;
      this.slots.delete(slot);
      slot.worker.terminate().catch(() => {});
    }, this.idleMillis);
    slot.timer.unref();
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }
}

let shared: ParsePool | null = null;

/** The process's parse pool (created on first use). */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
