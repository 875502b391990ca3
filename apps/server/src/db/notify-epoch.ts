import type { Database } from "./database";

export interface NotifyEpochHooks {
  /** A notification on the channel (after the epoch moved). */
  notify?(payload: string): void;
  /** Notifications may have been missed: LISTEN's connection dropped, or it was closed. */
  lost?(): void;
}

/**
 * Whether anything was announced on a channel since a moment, in every process: a counter bumped by every
 * notification (any process's write, told at its commit), every loss of the LISTEN connection and every
 * reconnection. What was read at one `epoch` holds while the epoch is the same and `complete` (listening) is true.
 */
export class NotifyEpoch {
  private changes = 0;
  private listening = false;
  private stop: (() => Promise<void>) | null = null;

  constructor(
    private readonly database: Pick<Database, "listen">,
    private readonly channel: string,
    private readonly hooks: NotifyEpochHooks = {},
  ) {}

  get epoch(): number {
    return this.changes;
  }

  /** Every announcement reaches this process: LISTEN ran, and (PostgreSQL) its connection is up. */
  get complete(): boolean {
    return this.listening;
  }

  /** A change this process made itself (heard before its notification arrives). */
  bump(): void {
    this.changes += 1;
  }

  async listen(): Promise<void> {
    if (this.stop) return;
    this.stop = await this.database.listen(this.channel, {
      onNotify: (payload) => {
        this.changes += 1;
        this.hooks.notify?.(payload);
      },
      lost: () => this.lose(),
      ready: () => {
        this.changes += 1;
        this.listening = true;
      },
    });
  }

  async close(): Promise<void> {
    const stop = this.stop;
    this.stop = null;
    this.lose();
    await stop?.();
  }

  private lose(): void {
    this.changes += 1;
    this.listening = false;
    this.hooks.lost?.();
  }
}
