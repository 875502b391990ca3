import type { BenchRow } from "./lib/report";

export interface BenchContext {
  /** Measured runs per figure (the median is reported). */
  rounds: number;
  /** The full scale (slower) instead of the default scaled-down workload. */
  full: boolean;
  log(line: string): void;
}

export interface Benchmark {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
