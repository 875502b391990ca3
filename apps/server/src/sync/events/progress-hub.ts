import { type CrawlJobProgress, isFinalSyncJobStatus } from "@jobsync/contracts";
import type { SyncJobRepository } from "../sync-job.repository";

type Listener = (progress: CrawlJobProgress) => void;

interface Watch {
  listeners: Set<Listener>;
  version: number;
  timer: NodeJS.Timeout | null;
  checking: boolean;
}

/**
 * Fans sync job changes out to SSE subscribers. However many subscribers a sync job has, one cheap poll of its
 * version runs per interval, and the progress is read once per change. A worker in the same process calls
 * `notify` after each write, so local changes arrive at once; changes made by other processes arrive within the
 * poll interval.
 */
export class ProgressHub {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly syncJobs: SyncJobRepository,
    private readonly pollMillis = 300,
  ) {}

  subscriberCount(jobId: string): number {
    return this.watches.get(jobId)?.listeners.size ?? 0;
  }

  /** Listen to a sync job from `fromVersion` on. Returns the unsubscribe function. */
  subscribe(jobId: string, fromVersion: number, listener: Listener): () => void {
    let watch = this.watches.get(jobId);
    if (!watch) {
      watch = { listeners: new Set(), version: fromVersion, timer: null, checking: false };
      this.watches.set(jobId, watch);
      this.schedule(jobId, watch);
    } else {
      watch.version = Math.min(watch.version, fromVersion);
    }
    watch.listeners.add(listener);
    return () => {
      const current = this.watches.get(jobId);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0) {
        if (current.timer) clearTimeout(current.timer);
        this.watches.delete(jobId);
      }
    };
  }

  notify(jobId: string): void {
    const watch = this.watches.get(jobId);
    if (watch) void this.check(jobId, watch);
  }

  private schedule(jobId: string, watch: Watch) {
    watch.timer = setTimeout(() => {
      watch.timer = null;
      void this.check(jobId, watch);
    }, this.pollMillis);
    watch.timer.unref?.();
  }

  private async check(jobId: string, watch: Watch): Promise<void> {
    if (watch.checking) return;
    watch.checking = true;
    try {
      const current = await this.syncJobs.version(jobId);
      if (current && current.version > watch.version) {
        const progress = await this.syncJobs.findProgress(jobId);
        if (progress && progress.version > watch.version) {
          watch.version = progress.version;
          for (const listener of [...watch.listeners]) listener(progress);
          if (isFinalSyncJobStatus(progress.status)) return;
        }
      }
    } catch {
      // a failed poll is retried at the next interval
    } finally {
      watch.checking = false;
      if (this.watches.get(jobId) === watch && !watch.timer) this.schedule(jobId, watch);
    }
  }

  close(): void {
    for (const watch of this.watches.values()) if (watch.timer) clearTimeout(watch.timer);
    this.watches.clear();
  }
}
