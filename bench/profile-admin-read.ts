/**
 * Where B9's admin read (and /readyz) spend their time under the public search load: every request's client-side
 * start and end (its own process, bench/peers/timed-requests.ts) laid beside the server's timeline of it — the
 * request event, authentication, the query (and its PostgreSQL backend's CPU run and run-queue wait, from
 * /proc/<pid>/schedstat), the response's end — and the API thread's own run and run-queue wait in each stretch,
 * sampled every 2 ms. Prints the slowest requests of each round with that breakdown, and each process group's CPU.
 *   npx tsx bench/profile-admin-read.ts 1000000 [rounds] [load: 1|0]
 */
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { httpLoad } from "./lib/http-load-client";
import { benchAdminToken, openPostingsApp } from "./lib/postings-app";
import { postingsCorpus } from "./lib/postings-corpus";
import { startChild } from "./lib/processes";

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);
const withLoad = process.argv[4] !== "0";
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const TIMED = fileURLToPath(new URL("./peers/timed-requests.ts", import.meta.url));
const at = () => performance.timeOrigin + performance.now();
/** A thread's CPU run time and run-queue wait so far, in ms (/proc/…/schedstat: ns on the CPU, ns waiting, slices). */
const sched = (path: string): [number, number] => {
  try {
    const [run, wait] = readFileSync(path, "utf8").split(" ").map(Number) as [number, number];
    return [run / 1e6, wait / 1e6];
  } catch {
    return [0, 0];
  }
};
const SELF = `/proc/${process.pid}/task/${process.pid}/schedstat`;

// the API thread's run and wait every 2 ms, to split the time before a request event into work and waiting
const ticks: Array<[number, number, number]> = [];
const ticker = setInterval(() => ticks.push([at(), ...sched(SELF)]), 2);
/** The API thread's [run, wait] between two wall-clock moments, from the nearest samples around them. */
function threadBetween(from: number, to: number): [number, number] {
  const before = [...ticks].reverse().find((t) => t[0] <= from) ?? ticks[0];
  const after = ticks.find((t) => t[0] >= to) ?? ticks[ticks.length - 1];
  if (!before || !after) return [0, 0];
  return [after[1] - before[1], after[2] - before[2]];
}

interface Served {
  route: "admin" | "readyz";
  request: number;
  finish: number;
  thread: [number, number];
  authMs: number;
  query?: { start: number; end: number; backendRun: number; backendWait: number };
}
const served: Served[] = [];
const current: Record<Served["route"], Served | null> = { admin: null, readyz: null };

// every query of the admin read and of /readyz, with its backend's CPU and run-queue wait while it ran
const QUERIES: Array<[RegExp, Served["route"]]> = [
  [/FROM data_sources ds/, "admin"],
  [/FROM jobsync_migrations/, "readyz"],
];
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client & { processID: number }, ...args: unknown[]) {
  const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string })?.text ?? "");
  const route = QUERIES.find(([pattern]) => pattern.test(text))?.[1];
  if (!route) return originalQuery.apply(this, args);
  const owner = current[route];
  const path = `/proc/${this.processID}/schedstat`;
  const start = at();
  const [run0, wait0] = sched(path);
  const done = () => {
    const [run1, wait1] = sched(path);
    if (owner) owner.query = { start, end: at(), backendRun: run1 - run0, backendWait: wait1 - wait0 };
  };
  // pg.Pool's query passes a callback; a client's own query returns a promise
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === "function") {
    args[last] = (...results: unknown[]) => {
      done();
      return (callback as (...r: unknown[]) => unknown)(...results);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args);
  if (result instanceof Promise) result.then(done, () => {});
  return result;
} as typeof pg.Client.prototype.query;

const corpus = await postingsCorpus(size, console.log);
const postings = await openPostingsApp(corpus.url);
const { app, services } = postings;
const token = await benchAdminToken(postings);
const authenticate = services.auth.authenticate.bind(services.auth);
services.auth.authenticate = async (...args) => {
  const started = at();
  const owner = current.admin;
  try {
    return await authenticate(...args);
  } finally {
    if (owner) owner.authMs = at() - started;
  }
};
app.server.prependListener("request", (req, res) => {
  const route = req.url === "/readyz" ? "readyz" : req.url === "/api/v1/admin/data-sources" ? "admin" : null;
  if (!route) return;
  const entry: Served = { route, request: at(), finish: 0, thread: sched(SELF), authMs: 0 };
  current[route] = entry;
  res.once("finish", () => {
    entry.finish = at();
    const [run, wait] = sched(SELF);
    entry.thread = [run - entry.thread[0], wait - entry.thread[1]];
    served.push(entry);
  });
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const common = ["kế toán", "nhan vien", "lap trinh", "toan thoi gian", "ke hoach", "ha noi"].map(
  (q) => `${base}/api/v1/jobs?q=${encodeURIComponent(q)}`,
);

/** CPU run and wait (ms) of every process in a group: this one, its children (the load), PostgreSQL's backends. */
async function groups(): Promise<Record<string, [number, number]>> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1]));
    } catch {}
  }
  // every descendant (tsx starts node under it)
  const children: number[] = [];
  const descend = (pid: number) => {
    for (const [child, parent] of parents)
      if (parent === pid) {
        children.push(child);
        descend(child);
      }
  };
  descend(process.pid);
  const probe = new pg.Client({ connectionString: corpus.url });
  await probe.connect();
  const backends = (
    await probe.query<{ pid: number; app: string }>(
      "SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
  ).rows;
  await probe.end();
  const sum = (paths: string[]) =>
    paths.map(sched).reduce<[number, number]>((a, b) => [a[0] + b[0], a[1] + b[1]], [0, 0]);
  const threads = (pid: number) => {
    try {
      return readdirSync(`/proc/${pid}/task`).map((t) => `/proc/${pid}/task/${t}/schedstat`);
    } catch {
      return [];
    }
  };
  return {
    api: sum(threads(process.pid)),
    load: sum(children.flatMap(threads)),
    publicBackends: sum(backends.filter((b) => b.app === "jobsync-public").map((b) => `/proc/${b.pid}/schedstat`)),
    otherBackends: sum(backends.filter((b) => b.app !== "jobsync-public").map((b) => `/proc/${b.pid}/schedstat`)),
  };
}

async function timed(url: string, headers: Record<string, string>): Promise<Array<[number, number, number]>> {
  const child = startChild(TSX, [TIMED, "3", "20", url, JSON.stringify(headers)]);
  await child.exited;
  const line = child
    .output()
    .split("\n")
    .find((l) => l.startsWith("{"));
  if (!line) throw new Error(child.output());
  return JSON.parse(line).samples;
}

const f = (n: number) => n.toFixed(1);
for (let round = 0; round < rounds; round++) {
  served.length = 0;
  ticks.length = 0;
  const before = await groups();
  const [pub, readyz, admin] = await Promise.all([
    withLoad ? httpLoad(common, 10, 4) : Promise.resolve(null),
    timed(`${base}/readyz`, {}),
    timed(`${base}/api/v1/admin/data-sources`, { authorization: `Bearer ${token}` }),
  ]);
  const after = await groups();
  const cpu = Object.fromEntries(
    Object.entries(after).map(([k, [run, wait]]) => [
      k,
      `run ${f(run - before[k]![0])} ms, wait ${f(wait - before[k]![1])} ms`,
    ]),
  );
  console.log(`\nround ${round + 1}: ${pub ? Math.round(pub.count / 4) : 0} searches/s; CPU over the round:`, cpu);
  for (const [route, samples] of [
    ["readyz", readyz],
    ["admin", admin],
  ] as const) {
    const mine = served.filter((s) => s.route === route);
    const rows = samples.map(([start, end], i) => ({ i, start, end, total: end - start, s: mine[i] }));
    // the first is the client's cold one (connection, parser compiled): shown, not counted
    const sorted = rows.slice(1).sort((a, b) => a.total - b.total);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.total ?? Number.NaN;
    console.log(
      `${route}: n ${sorted.length}, p50 ${f(p(0.5))}, p99 ${f(p(0.99))} ms (cold first ${f(rows[0]?.total ?? 0)} ms); slowest:`,
    );
    const queried = rows.slice(1).flatMap((r) => (r.s?.query ? [r.s.query.backendRun] : []));
    console.log(
      `  query's backend CPU: mean ${f(queried.reduce((a, b) => a + b, 0) / Math.max(1, queried.length))} ms`,
    );
    for (const r of [...(rows[0] ? [rows[0]] : []), ...sorted.slice(-3).reverse()]) {
      const s = r.s;
      if (!s) continue;
      const [preRun, preWait] = threadBetween(r.start, s.request);
      const q = s.query;
      console.log(
        `  #${r.i} ${f(r.total)} ms = arrive ${f(s.request - r.start)} (API thread run ${f(preRun)} wait ${f(preWait)})` +
          ` + served ${f(s.finish - s.request)} (auth ${f(s.authMs)}, query ${q ? f(q.end - q.start) : "-"}` +
          ` [backend run ${q ? f(q.backendRun) : "-"} wait ${q ? f(q.backendWait) : "-"}],` +
          ` API thread run ${f(s.thread[0])} wait ${f(s.thread[1])}) + back ${f(r.end - s.finish)}`,
      );
    }
  }
}
clearInterval(ticker);
await postings.close();
