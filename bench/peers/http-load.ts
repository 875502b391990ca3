/**
 * A closed-loop HTTP load in a process of its own: `connections` clients, each sending the next URL of the list as
 * soon as its previous answer arrived, for `seconds`; `rate` (optional, requests/s across all clients) paces them.
 * Prints one JSON line: count, non-2xx answers, errors, p50/p99/max in milliseconds with sub-millisecond precision
 * (autocannon rounds to whole milliseconds, too coarse for B9's 1–3 ms reads), and the same per URL (`byUrl`): the
 * URLs of one run share its load, so their p99s compare routes under exactly the same stalls (B5). Each client first
 * connects and sends one request that is not timed: a fresh process's first answer costs 15–32 ms of the client's own
 * start (its socket, undici's parser compiled, cold code) even from a bare `http` server, more than half of B9's 50 ms
 * p99 budget, and B9's p99 of 60 requests is the slowest of them.
 *   tsx bench/peers/http-load.ts CONNECTIONS SECONDS RATE|0 '{"urls":[...],"headers":{...}}'
 */
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";

const [connections, seconds, rate] = process.argv.slice(2, 5).map(Number) as [number, number, number];
const { urls, headers } = JSON.parse(process.argv[5] ?? "{}") as { urls: string[]; headers?: Record<string, string> };
const agent = new Agent({ connections, pipelining: 1, keepAliveTimeout: 30_000 });
const latencies: number[] = [];
const perUrl = new Map<string, number[]>(urls.map((url) => [url, []]));
let non2xx = 0;
let firstFailure: string | null = null;
let errors = 0;
let next = 0;
await Promise.all(
  Array.from({ length: connections }, async (_, i) => {
    const res = await request(urls[i % urls.length]!, { dispatcher: agent, headers: headers ?? {} });
    await res.body.text();
  }),
);
const until = performance.now() + seconds * 1000;
const gap = rate > 0 ? (1000 * connections) / rate : 0;

async function client(offset: number): Promise<void> {
  if (gap > 0) await new Promise((r) => setTimeout(r, (offset * gap) / connections));
  while (performance.now() < until) {
    const url = urls[next++ % urls.length]!;
    const started = performance.now();
    try {
      const res = await request(url, { dispatcher: agent, headers: headers ?? {} });
      const body = await res.body.text();
      if (res.statusCode < 200 || res.statusCode >= 300) {
        non2xx += 1;
        firstFailure ??= `${res.statusCode} ${body.slice(0, 300)}`;
      }
      const took = performance.now() - started;
      latencies.push(took);
      perUrl.get(url)?.push(took);
    } catch {
      errors += 1;
    }
    if (gap > 0) {
      const wait = gap - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }
}

await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
await agent.close();
const quantiles = (values: number[]) => {
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;
  return { count: values.length, p50: at(0.5), p99: at(0.99), max: at(1) };
};
const byUrl = Object.fromEntries([...perUrl].map(([url, values]) => [url, quantiles(values)]));
console.log(JSON.stringify({ ...quantiles(latencies), non2xx, errors, firstFailure, byUrl }));
