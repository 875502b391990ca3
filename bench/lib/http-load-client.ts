import { fileURLToPath } from "node:url";
import { startChild } from "./processes";

const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const LOAD = fileURLToPath(new URL("../peers/http-load.ts", import.meta.url));

export interface LoadSummary {
  count: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  firstFailure: string | null;
  /** The same, per URL of the run. */
  byUrl: Record<string, { count: number; p50: number; p99: number; max: number }>;
}

/** A closed-loop (or `rate` req/s) HTTP load over `urls` from its own process (peers/http-load.ts). */
export async function httpLoad(
  urls: string[],
  connections: number,
  seconds: number,
  rate = 0,
  headers: Record<string, string> = {},
): Promise<LoadSummary> {
  const child = startChild(TSX, [
    LOAD,
    String(connections),
    String(seconds),
    String(rate),
    JSON.stringify({ urls, headers }),
  ]);
  const code = await child.exited;
  const line = child
    .output()
    .split("\n")
    .find((l) => l.startsWith("{"));
  if (code !== 0 || !line) throw new Error(`http-load exited ${code}: ${child.output().slice(-2000)}`);
  const result = JSON.parse(line) as LoadSummary;
  // a 503 of the public lane (statement timeout, queue full) is an answer the load can get: reported, not a crash
  if (result.errors > 0 || (result.non2xx > 0 && !result.firstFailure?.startsWith("503"))) {
    throw new Error(
      `${urls[0]}: ${result.non2xx} non-2xx answers and ${result.errors} errors of ${result.count}; first: ${result.firstFailure}`,
    );
  }
  return result;
}
