/**
 * One client sending GET `url` at `rate` req/s for `seconds`, from a process of its own, printing every request's
 * wall-clock start and end (ms since the epoch, sub-ms: `performance.timeOrigin` + `now()`), so a profiler can lay
 * them beside the server's own timeline of the same requests (bench/profile-admin-read.ts). The first sample is the
 * client's cold first request (its connection, its parser compiled), sent before the paced ones.
 *   tsx bench/peers/timed-requests.ts SECONDS RATE URL '{"authorization":"Bearer …"}'
 */
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";

const [seconds, rate] = process.argv.slice(2, 4).map(Number) as [number, number];
const url = process.argv[4] ?? "";
const headers = JSON.parse(process.argv[5] ?? "{}") as Record<string, string>;
const agent = new Agent({ connections: 1, pipelining: 1, keepAliveTimeout: 30_000 });
const at = () => performance.timeOrigin + performance.now();
const samples: Array<[start: number, end: number, status: number]> = [];
const first = at();
await (await request(url, { dispatcher: agent, headers })).body.text();
samples.push([first, at(), 0]);
const until = performance.now() + seconds * 1000;
const gap = 1000 / rate;
while (performance.now() < until) {
  const started = performance.now();
  const start = at();
  const res = await request(url, { dispatcher: agent, headers });
  await res.body.text();
  samples.push([start, at(), res.statusCode]);
  const wait = gap - (performance.now() - started);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
await agent.close();
console.log(JSON.stringify({ samples }));
