import { createRequire } from "node:module";

/** The part of autocannon's result the benchmarks read. */
export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  duration: number;
  errors: number;
  non2xx: number;
  "2xx": number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds to run (ignored when `amount` is set). */
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  /** Paths to cycle through, each connection in turn. */
  paths?: readonly string[];
}

type Autocannon = (options: object, done: (error: Error | null, result: LoadResult) => void) => unknown;

// autocannon ships CommonJS without types
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** autocannon in this process (loopback), resolved with its summary. */
export function load(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
        headers: options.headers ?? {},
        ...(options.paths ? { requests: options.paths.map((path) => ({ method: "GET", path })) } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}
