/** A later step failed: the hand-over refuses further batches and the producer stops, naming that step. */
export class DownstreamStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DownstreamStopped";
  }
}

/** How a channel's producer ended: every batch sent, or stopped early (the reason is shown by the next steps). */
export type ChannelEnd = { kind: "completed" } | { kind: "stopped"; why: string; cancelled: boolean };

/**
 * A bounded, ordered hand-over between two streaming steps. `push` waits while `capacity` batches are waiting
 * (back-pressure: a slow Save Jobs slows the crawl instead of filling memory), and throws once the consumer has
 * failed. The consumer reads with `next()` until it returns null (the producer closed and everything was taken).
 */
export class Channel<T> {
  private readonly items: T[] = [];
  private readonly takers: Array<() => void> = [];
  private readonly pushers: Array<() => void> = [];
  private ended: ChannelEnd | null = null;
  private broken: DownstreamStopped | null = null;

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be >= 1, got ${capacity}`);
  }

  async push(item: T): Promise<void> {
    while (!this.broken && this.items.length >= this.capacity) {
      await new Promise<void>((resolve) => this.pushers.push(resolve));
    }
    if (this.broken) throw this.broken;
    if (this.ended) throw new Error("push after close");
    this.items.push(item);
    this.takers.shift()?.();
  }

  /** The producer is done (or stopped): the consumer takes what is left, then gets null. */
  close(end: ChannelEnd): void {
    if (this.ended) return;
    this.ended = end;
    for (const wake of this.takers.splice(0)) wake();
  }

  /** The consumer failed: pushes throw from now on, and a waiting producer is woken to see it. */
  break(error: Error): void {
    this.broken = error instanceof DownstreamStopped ? error : new DownstreamStopped(error.message);
    this.items.length = 0;
    for (const wake of this.pushers.splice(0)) wake();
  }

  async next(): Promise<T | null> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        this.pushers.shift()?.();
        return item;
      }
      if (this.ended) return null;
      await new Promise<void>((resolve) => this.takers.push(resolve));
    }
  }

  /** How the producer ended (after `next()` returned null). */
  get end(): ChannelEnd | null {
    return this.ended;
  }
}
