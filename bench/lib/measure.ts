import { performance } from "node:perf_hooks";

/** The median of the values (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds `work` took, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/**
 * Run each contender once per round, rounds times, alternating which goes first, so that a noisy neighbour slows
 * every contender alike. Returns each contender's samples in the order given.
 */
export async function interleave<K extends string, T>(
  rounds: number,
  contenders: Record<K, () => Promise<T>>,
): Promise<Record<K, T[]>> {
  const keys = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? keys : [...keys].reverse();
    for (const key of order) samples[key].push(await contenders[key]());
  }
  return samples;
}

/** Run `work` repeatedly for at least `minMillis` (and `minRuns` times); ms per call. */
export function msPerCall(work: () => unknown, minRuns: number, minMillis: number): number {
  let runs = 0;
  const start = performance.now();
  while (runs < minRuns || performance.now() - start < minMillis) {
    work();
    runs += 1;
  }
  return (performance.now() - start) / runs;
}

export const mb = (bytes: number) => bytes / (1024 * 1024);
