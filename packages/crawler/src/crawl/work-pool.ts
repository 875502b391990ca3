/**
 * Runs the tasks `next()` hands out, at most `concurrency` at a time. Unlike a plain pool it does not end when
 * `next()` has nothing for the moment: it ends when `finished()` says so, and sleeps until a task ends or `wake()` is
 * called (work may appear without a task ending, e.g. when the consumer of the crawl frees room). Tasks must not
 * throw.
 */
export class WorkPool {
  private readonly running = new Set<Promise<void>>();
  private waking: (() => void) | null = null;

  constructor(private readonly concurrency: number) {}

  get size(): number {
    return this.running.size;
  }

  wake(): void {
    this.waking?.();
  }

  async run(next: () => (() => Promise<void>) | undefined, finished: () => boolean): Promise<void> {
    for (;;) {
      while (this.running.size < this.concurrency) {
        const task = next();
        if (!task) break;
        const promise: Promise<void> = task().finally(() => this.running.delete(promise));
        this.running.add(promise);
      }
      if (this.running.size === 0 && finished()) return;
      const woken = new Promise<void>((resolve) => {
        this.waking = resolve;
      });
      await Promise.race([...this.running, woken]);
      this.waking = null;
    }
  }

  /** Wait for the tasks still running (after a stop: they end quickly, their signal aborted). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
