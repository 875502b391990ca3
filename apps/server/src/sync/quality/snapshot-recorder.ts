import { gzipSync } from "node:zlib";
import { SNAPSHOT_MAX_BYTES } from "@jobsync/contracts";
import type { SnapshotRepository } from "./snapshot.repository";

/** Where a running sync job keeps the first page of each error or alarm kind. */
export interface SnapshotSink {
  /** Keep `body` as the snapshot of `kind` unless this sync job has one already (fire and forget; see settle). */
  keep(kind: string, url: string, message: string, body: string): void;
  /** Hold the first page given (compressed) as the evidence of an alarm raised later (drift). */
  hold(url: string, body: string): void;
  /** Keep the held page as the snapshot of `kind`. */
  keepHeld(kind: string, message: string): void;
  /** Every snapshot asked for is written (or its failure logged). */
  settle(): Promise<void>;
}

export const noSnapshots: SnapshotSink = { keep: () => {}, hold: () => {}, keepHeld: () => {}, settle: async () => {} };

interface Compressed {
  url: string;
  originalBytes: number;
  truncated: boolean;
  bodyGzip: Buffer;
}

function compress(url: string, body: string): Compressed {
  const raw = Buffer.from(body, "utf8");
  const truncated = raw.length > SNAPSHOT_MAX_BYTES;
  return {
    url,
    originalBytes: raw.length,
    truncated,
    bodyGzip: gzipSync(truncated ? raw.subarray(0, SNAPSHOT_MAX_BYTES) : raw),
  };
}

/** At most this many snapshots per sync job (one per distinct kind anyway). */
const MAX_SNAPSHOTS = 20;

/**
 * Keeps the first page of each distinct kind of a sync job: cut to SNAPSHOT_MAX_BYTES, gzip'ed, written one after
 * the other (so the numbering follows the order the kinds were met). The page is compressed at once: the sync job
 * never holds a page body longer than that.
 */
export class SnapshotRecorder implements SnapshotSink {
  private readonly seen = new Set<string>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly repository: SnapshotRepository,
    private readonly syncJobId: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  private held: Compressed | null = null;

  keep(kind: string, url: string, message: string, body: string): void {
    if (!this.claim(kind)) return;
    this.write(kind, message, compress(url, body));
  }

  hold(url: string, body: string): void {
    this.held ??= compress(url, body);
  }

  keepHeld(kind: string, message: string): void {
    if (this.held === null || !this.claim(kind)) return;
    this.write(kind, message, this.held);
  }

  private claim(kind: string): boolean {
    if (this.seen.has(kind) || this.seen.size >= MAX_SNAPSHOTS) return false;
    this.seen.add(kind);
    return true;
  }

  private write(kind: string, message: string, page: Compressed): void {
    const snapshot = { syncJobId: this.syncJobId, kind, message: message.slice(0, 1000), ...page };
    this.chain = this.chain.then(() => this.repository.insertFirst(snapshot).then(() => {}, this.onError));
  }

  settle(): Promise<void> {
    return this.chain;
  }
}
