/**
 * B9's isolation figure alone, for profiling: /readyz and an admin read (20 req/s each) while 10 clients search
 * common words, against a B9 corpus (loaded if missing).
 *   npx tsx bench/profile-public-load.ts 10000 [rounds] [public lane size]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-public-load.ts 100000
 */
import { performance } from "node:perf_hooks";
import { DEFAULT_SERVICE_OPTIONS } from "../apps/server/src/app/service-options";
import { BENCH_SERVICE_OPTIONS } from "./lib/bench-service-options";
import { httpLoad } from "./lib/http-load-client";
import { benchAdminToken, openPostingsApp } from "./lib/postings-app";
import { postingsCorpus } from "./lib/postings-corpus";

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);
const laneSize = Number(process.argv[4] ?? DEFAULT_SERVICE_OPTIONS.publicReads.size);
const corpus = await postingsCorpus(size, console.log);
const served = await openPostingsApp(corpus.url, {
  publicReads: { ...BENCH_SERVICE_OPTIONS.publicReads, size: laneSize },
});
const { app } = served;
const token = await benchAdminToken(served);
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const common = ["kế toán", "nhan vien", "lap trinh", "toan thoi gian", "ke hoach", "ha noi"].map(
  (q) => `${base}/api/v1/jobs?q=${encodeURIComponent(q)}`,
);
for (let round = 0; round < rounds; round++) {
  // how busy this process's event loop was (the API's), and the CPU of its threads, during the round
  const eluBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const [pub, readyz, adminRead] = await Promise.all([
    httpLoad(common, 10, 4),
    httpLoad([`${base}/readyz`], 1, 3, 20),
    httpLoad([`${base}/api/v1/admin/data-sources`], 1, 3, 20, { authorization: `Bearer ${token}` }),
  ]);
  console.log(
    JSON.stringify({
      searchesPerSec: Math.round(pub.count / 4),
      search503: pub.non2xx,
      searchP50: pub.p50,
      readyzP50: readyz.p50,
      readyzP99: readyz.p99,
      adminP50: adminRead.p50,
      adminP99: adminRead.p99,
      eventLoopBusy: Number(performance.eventLoopUtilization(eluBefore).utilization.toFixed(2)),
      processCpuSecs: Number(
        (process.cpuUsage(cpuBefore).user / 1e6 + process.cpuUsage(cpuBefore).system / 1e6).toFixed(2),
      ),
    }),
  );
}
// the same reads without the public load, one at a time
for (const [name, url, headers] of [
  ["readyz", `${base}/readyz`, {}],
  ["admin", `${base}/api/v1/admin/data-sources`, { authorization: `Bearer ${token}` }],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await (await fetch(url, { headers })).arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ idle: name, p50: times[25], p99: times[49] }));
}
for (const url of common) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ idle: decodeURIComponent(url.split("q=")[1]!), p50: times[2], max: times[4] }));
}
await served.close();
