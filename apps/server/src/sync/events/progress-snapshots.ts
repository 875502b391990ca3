import { createHash } from "node:crypto";
import { type CrawlJobProgress, crawlJobProgressSchema, type SyncJobStatus } from "@jobsync/contracts";
import type { SyncJobChanges } from "./sync-job-changes";

/** A sync job's progress as GET answers it: the serialised body and its ETag. */
export interface ProgressSnapshot {
  version: number;
  status: SyncJobStatus;
  body: Buffer;
  etag: string;
}

interface Entry {
  snapshot: ProgressSnapshot | null;
  /** Bumped by every change: a read that started before it must not be kept. */
  generation: number;
  loading: Promise<ProgressSnapshot | null> | null;
  loadingGeneration: number;
  /** The version a change announced when it started the running read (-1: not known), which will see at least it. */
  loadingFor: number;
  readAt: number;
}

export interface ProgressSnapshotOptions {
  /** Sync jobs nobody read for this long are forgotten. */
  idleMillis: number;
}

/** Serialise a sync job's progress once, as the route's response schema would, with a strong ETag of the bytes. */
export function toSnapshot(progress: CrawlJobProgress): ProgressSnapshot {
  const body = Buffer.from(JSON.stringify(crawlJobProgressSchema.encode(progress)));
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  return { version: progress.version, status: progress.status, body, etag };
}

/**
 * The latest progress of the sync jobs being read, serialised (B5): a poll is answered from memory, and the row is
 * read once per change rather than once per poll. Changes come from SyncJobChanges (this process's writes at once,
 * other processes' through LISTEN/NOTIFY); a change starts the read at once, so the next poll finds it ready. A
 * copy is never served once a change to it is known; while changes may be missed (LISTEN disconnected), every read
 * goes to the database.
 */
export class ProgressSnapshots {
  private readonly entries = new Map<string, Entry>();
  private sweptAt = Date.now();

  constructor(
    private readonly read: (jobId: string) => Promise<CrawlJobProgress | null>,
    private readonly changes: SyncJobChanges,
    private readonly options: ProgressSnapshotOptions = { idleMillis: 60_000 },
  ) {
    changes.on((jobId, version) => this.changed(jobId, version));
    changes.onLost(() => this.entries.clear());
  }

  /** The snapshot of a sync job, or null when there is no such sync job. */
  async get(jobId: string): Promise<ProgressSnapshot | null> {
    const now = Date.now();
    this.sweep(now);
    if (!this.changes.complete) {
      this.entries.clear();
      const progress = await this.read(jobId);
      return progress ? toSnapshot(progress) : null;
    }
    let entry = this.entries.get(jobId);
    if (!entry) {
      entry = { snapshot: null, generation: 0, loading: null, loadingGeneration: -1, loadingFor: -1, readAt: now };
      this.entries.set(jobId, entry);
    }
    entry.readAt = now;
    return entry.snapshot ?? this.load(jobId, entry);
  }

  /** How many sync jobs are held (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private changed(jobId: string, version: number | null): void {
    const entry = this.entries.get(jobId);
    if (!entry) return;
    if (version === 0) {
      this.entries.delete(jobId);
      return;
    }
    if (version !== null) {
      // the echo of a change already read or being read (this process's own write, then its NOTIFY)
      if (entry.snapshot && entry.snapshot.version >= version) return;
      if (entry.loading && entry.loadingGeneration === entry.generation && entry.loadingFor >= version) return;
    }
    entry.generation += 1;
    entry.snapshot = null;
    void this.load(jobId, entry, version ?? -1).catch(() => {});
  }

  /** The read of the entry's current generation: joined when it is already running, started otherwise. */
  private load(jobId: string, entry: Entry, forVersion = -1): Promise<ProgressSnapshot | null> {
    if (entry.loading && entry.loadingGeneration === entry.generation) return entry.loading;
    const generation = entry.generation;
    const loading: Promise<ProgressSnapshot | null> = this.read(jobId).then(
      (progress) => {
        if (entry.loading === loading) entry.loading = null;
        if (!progress) {
          if (this.entries.get(jobId) === entry) this.entries.delete(jobId);
          return null;
        }
        const snapshot = toSnapshot(progress);
        // a read that started before the latest change is answered but not kept
        if (entry.generation === generation) entry.snapshot = snapshot;
        return snapshot;
      },
      (error: unknown) => {
        if (entry.loading === loading) entry.loading = null;
        throw error;
      },
    );
    entry.loading = loading;
    entry.loadingGeneration = generation;
    entry.loadingFor = forVersion;
    return loading;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < this.options.idleMillis) return;
    this.sweptAt = now;
    for (const [jobId, entry] of this.entries) {
      if (now - entry.readAt > this.options.idleMillis && !entry.loading) this.entries.delete(jobId);
    }
  }
}
