/**
 * Run `work` on the items `next()` hands out, at most `concurrency` at a time, until `next()` has nothing left and
 * nothing runs, or `signal` aborts (then it waits only for the tasks already running, which the signal stops).
 * `work` must not throw; `next()` is asked again each time a task ends, so tasks may queue more work.
 */
export async function runPool<T>(
  next: () => T | undefined,
  work: (item: T) => Promise<void>,
  concurrency: number,
  signal: AbortSignal,
): Promise<void> {
  const running = new Set<Promise<void>>();
  for (;;) {
    while (!signal.aborted && running.size < concurrency) {
      const item = next();
      if (item === undefined) break;
      const task: Promise<void> = work(item).finally(() => running.delete(task));
      running.add(task);
    }
    if (running.size === 0) return;
    await Promise.race(running);
  }
}
