import type { StepKey } from "@jobsync/contracts";
import type { ProgressOp } from "./progress-ops";
import { applyProgressOps } from "./progress-reducer";
import { initialProgressState, type ProgressState } from "./progress-state";

export type EventLevel = "info" | "warn" | "error";

export interface TimelineEvent {
  at: string;
  level: EventLevel;
  stepKey: StepKey | null;
  message: string;
}

/** Where flushed progress goes: one write of the whole state plus the new timeline events. */
export interface ProgressStore {
  save(state: ProgressState, events: TimelineEvent[]): Promise<void>;
}

/** What a running sync job reports its progress to. */
export interface ProgressSink {
  apply(...ops: ProgressOp[]): void;
  event(level: EventLevel, message: string, stepKey?: StepKey | null): void;
  readonly state: ProgressState;
  /** Write what is pending now. */
  flush(): Promise<void>;
  /** Final flush; the sink accepts nothing after. */
  close(): Promise<void>;
}

/**
 * Applies operations in memory at once and writes to the database at most once per `intervalMillis` (default 250 ms:
 * ~4 writes a second per sync job), so a crawl that changes its counters thousands of times costs a handful of
 * UPDATEs. The final state is always flushed by `close()`.
 */
export class BatchingProgressManager implements ProgressSink {
  private current: ProgressState;
  private pendingEvents: TimelineEvent[] = [];
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private lastWriteAt = 0;
  private closed = false;
  private lastError: unknown = null;

  constructor(
    private readonly store: ProgressStore,
    private readonly intervalMillis = 250,
    initial: ProgressState = initialProgressState(),
  ) {
    this.current = initial;
  }

  get state(): ProgressState {
    return this.current;
  }

  apply(...ops: ProgressOp[]): void {
    if (this.closed) return;
    this.current = applyProgressOps(this.current, ops);
    this.markDirty();
  }

  event(level: EventLevel, message: string, stepKey: StepKey | null = null): void {
    if (this.closed) return;
    this.pendingEvents.push({ at: new Date().toISOString(), level, stepKey, message });
    this.markDirty();
  }

  private markDirty() {
    this.dirty = true;
    if (this.timer || this.writing) return;
    const wait = Math.max(0, this.lastWriteAt + this.intervalMillis - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch((error) => {
        this.lastError = error;
      });
    }, wait);
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.writing) await this.writing;
    if (!this.dirty) return;
    const state = this.current;
    const events = this.pendingEvents;
    this.pendingEvents = [];
    this.dirty = false;
    this.writing = this.store
      .save(state, events)
      .catch((error) => {
        // keep what was not written, so the next flush carries it
        this.pendingEvents = [...events, ...this.pendingEvents];
        this.dirty = true;
        throw error;
      })
      .finally(() => {
        this.lastWriteAt = Date.now();
        this.writing = null;
        if (this.dirty && !this.closed && !this.timer) this.markDirty();
      });
    await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.lastError && this.dirty) throw this.lastError;
  }
}

/** Tracks progress in memory and writes nothing: the baseline of the progress-overhead benchmark, and for tests. */
export class InMemoryProgressManager implements ProgressSink {
  private current: ProgressState = initialProgressState();
  readonly events: TimelineEvent[] = [];
  get state(): ProgressState {
    return this.current;
  }
  apply(...ops: ProgressOp[]): void {
    this.current = applyProgressOps(this.current, ops);
  }
  event(level: EventLevel, message: string, stepKey: StepKey | null = null): void {
    this.events.push({ at: new Date().toISOString(), level, stepKey, message });
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
