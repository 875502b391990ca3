import type { Database } from "../../db/database";

/** The channel migration 0010's trigger announces `<id>:<version>` on (`<id>:0`: deleted). */
export const SYNC_JOB_CHANGED_CHANNEL = "sync_job_changed";

/** A sync job changed: its new version when known (from the database), 0 when it was deleted, null when not known. */
export type ChangeListener = (jobId: string, version: number | null) => void;

/**
 * Where this process learns that a sync job changed: its own writes (SyncJobTransitions tells at once, after the
 * commit) and, once `listen` runs, every process's writes through LISTEN/NOTIFY. `complete` says whether every change
 * reaches the listeners — always for PGlite (one process), on PostgreSQL only while LISTEN is connected; readers that
 * keep copies must not trust them otherwise. `lost` listeners hear when changes may have been missed.
 */
export class SyncJobChanges {
  private readonly listeners = new Set<ChangeListener>();
  private readonly lostListeners = new Set<() => void>();
  private listening = false;
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly database: Pick<Database, "kind" | "listen">) {}

  get complete(): boolean {
    return this.database.kind === "pglite" || this.listening;
  }

  on(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onLost(listener: () => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  emit(jobId: string, version: number | null = null): void {
    for (const listener of this.listeners) listener(jobId, version);
  }

  /** Follow the other processes' writes (LISTEN). */
  async listen(): Promise<void> {
    if (this.stop) return;
    this.stop = await this.database.listen(SYNC_JOB_CHANGED_CHANNEL, {
      onNotify: (payload) => {
        const [id, version] = payload.split(":");
        if (id && version && /^\d+$/.test(version)) this.emit(id, Number(version));
      },
      lost: () => {
        this.listening = false;
        for (const listener of this.lostListeners) listener();
      },
      ready: () => {
        this.listening = true;
      },
    });
  }

  async close(): Promise<void> {
    const stop = this.stop;
    this.stop = null;
    this.listening = false;
    await stop?.();
  }
}
