import { jobSearchQuerySchema } from "@jobsync/contracts";
import pg from "pg";
import { toSearchFilter } from "../apps/server/src/postings/posting-search.service";
import { encodeCursor } from "../apps/server/src/postings/search-cursor";
import type { BenchContext, Benchmark } from "./bench-types";
import { postgresAvailable } from "./lib/bench-database";
import { httpLoad, type LoadSummary } from "./lib/http-load-client";
import { median } from "./lib/measure";
import { benchAdminToken, openPostingsApp } from "./lib/postings-app";
import { postingsCorpus } from "./lib/postings-corpus";
import { startReferenceServer } from "./lib/reference-postings-server";
import { type BenchRow, row } from "./lib/report";

const CONNECTIONS = 10;
const SECONDS = 3;

/** The app and the reference answer the same request kind in turns, `rounds` times; medians of p50 and p99. */
async function compare(rounds: number, app: string[], reference: string[]) {
  const samples = { app: [] as LoadSummary[], reference: [] as LoadSummary[] };
  await httpLoad(app, CONNECTIONS, 1);
  await httpLoad(reference, CONNECTIONS, 1);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["app", "reference"] as const) : (["reference", "app"] as const);
    for (const who of order) samples[who].push(await httpLoad(who === "app" ? app : reference, CONNECTIONS, SECONDS));
  }
  const m = (who: keyof typeof samples, key: "p50" | "p99") => median(samples[who].map((s) => s[key]));
  const unavailable = samples.app.reduce((n, s) => n + s.non2xx, 0);
  const answered = samples.app.reduce((n, s) => n + s.count, 0);
  return {
    p50: m("app", "p50"),
    p99: m("app", "p99"),
    refP50: m("reference", "p50"),
    refP99: m("reference", "p99"),
    unavailable: unavailable > 0 ? `, ${unavailable} of ${answered} answered 503` : "",
  };
}

async function atSize(ctx: BenchContext, size: number): Promise<BenchRow[]> {
  const label = `${(size / 1000).toLocaleString("en-US")}k postings`;
  const corpus = await postingsCorpus(size, ctx.log);
  // the per-IP limits are counted (one upsert per search) but never reached
  const served = await openPostingsApp(corpus.url);
  const { app } = served;
  const reference = await startReferenceServer(corpus.url);
  const rows: BenchRow[] = [];
  try {
    const token = await benchAdminToken(served);
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

    // the position 10,000 postings deep (the issue's ?page=500; half the open ones of a smaller corpus), as the app's
    // cursor and as the reference's bounds
    const depth = Math.min(10_000, Math.floor((size * 0.8) / 2));
    const probe = new pg.Client({ connectionString: corpus.url });
    await probe.connect();
    const deep = (
      await probe.query<{ id: number; seen: string; us: string }>(
        `SELECT id, last_seen_at::text AS seen, (extract(epoch FROM last_seen_at) * 1000000)::bigint::text AS us
         FROM job_postings WHERE status = 'open' ORDER BY last_seen_at DESC, id DESC OFFSET ${depth} LIMIT 1`,
      )
    ).rows[0]!;
    const ids = (await probe.query<{ id: number }>("SELECT id FROM job_postings ORDER BY random() LIMIT 50")).rows;
    await probe.end();
    const cursor = encodeCursor(
      { position: { tier: 0, seenMicros: deep.us, id: Number(deep.id) }, total: 10_000, totalIsEstimate: true },
      toSearchFilter(jobSearchQuerySchema.parse({})),
    );

    const cases: Array<{ what: string; app: string[]; ref: string[]; goal: "list" | "search" | "one" }> = [
      { what: "GET /jobs (no filter, first page)", app: ["/api/v1/jobs"], ref: ["/list"], goal: "list" },
      {
        what: "GET /jobs?location=Hà Nội",
        app: [`/api/v1/jobs?location=${encodeURIComponent("Hà Nội")}`],
        ref: [`/location?province=${encodeURIComponent("Hà Nội")}`],
        goal: "list",
      },
      {
        what: `GET /jobs?cursor= (${depth.toLocaleString("en-US")} deep)`,
        app: [`/api/v1/jobs?cursor=${cursor}`],
        ref: [`/deep?seen=${encodeURIComponent(deep.seen)}&id=${deep.id}`],
        goal: "list",
      },
      {
        what: `GET /jobs?page=${depth / 20} (offset, kept for old clients)`,
        app: [`/api/v1/jobs?page=${depth / 20}`],
        ref: [`/deep?seen=${encodeURIComponent(deep.seen)}&id=${deep.id}`],
        goal: "list",
      },
      {
        what: "GET /jobs?q=kế toán",
        app: [`/api/v1/jobs?q=${encodeURIComponent("kế toán")}`],
        ref: ["/search?pairs=ke_toan"],
        goal: "search",
      },
      {
        what: "GET /jobs?q=ke toan",
        app: ["/api/v1/jobs?q=ke%20toan"],
        ref: ["/search?pairs=ke_toan"],
        goal: "search",
      },
      {
        what: "GET /jobs?q=nhan vien (most common words)",
        app: ["/api/v1/jobs?q=nhan%20vien"],
        ref: ["/search?pairs=nhan_vien"],
        goal: "search",
      },
      {
        what: "GET /jobs/{id}",
        app: ids.map((r) => `/api/v1/jobs/${r.id}`),
        ref: ids.map((r) => `/one/${r.id}`),
        goal: "one",
      },
    ];
    for (const c of cases) {
      ctx.log(`B9 ${label}: ${c.what}`);
      const r = await compare(
        ctx.rounds,
        c.app.map((p) => base + p),
        c.ref.map((p) => reference.url + p),
      );
      const within = r.p50 <= 3 * r.refP50;
      rows.push(
        row({
          id: "B9",
          what: `${c.what} p50, ${label}, ${CONNECTIONS} clients`,
          value: r.p50,
          unit: "ms",
          baseline: { name: "hand-written SQL, bare route", value: r.refP50 },
          goal: c.goal === "search" ? "< 200 ms" : c.goal === "list" ? "≤ 3× ref, < 20 ms" : "",
          met: c.goal === "search" ? r.p50 < 200 : c.goal === "list" ? within && r.p50 < 20 : null,
          note: `p99 ${r.p99.toFixed(1)} ms, ref p99 ${r.refP99.toFixed(1)} ms${r.unavailable}`,
        }),
      );
    }

    // /readyz and an admin read while 10 anonymous clients run common searches flat out
    ctx.log(`B9 ${label}: /readyz and admin reads under public search load`);
    const common = ["kế toán", "nhan vien", "lap trinh", "toan thoi gian", "ke hoach", "ha noi"].map(
      (q) => `${base}/api/v1/jobs?q=${encodeURIComponent(q)}`,
    );
    const ready: LoadSummary[] = [];
    const adminReads: LoadSummary[] = [];
    let publicRps = 0;
    for (let round = 0; round < ctx.rounds; round++) {
      const [pub, readyz, adminRead] = await Promise.all([
        httpLoad(common, CONNECTIONS, SECONDS + 1),
        httpLoad([`${base}/readyz`], 1, SECONDS, 20),
        httpLoad([`${base}/api/v1/admin/data-sources`], 1, SECONDS, 20, { authorization: `Bearer ${token}` }),
      ]);
      publicRps += pub.count / (SECONDS + 1) / ctx.rounds;
      ready.push(readyz);
      adminReads.push(adminRead);
    }
    const p99 = (s: LoadSummary[]) => median(s.map((x) => x.p99));
    rows.push(
      row({
        id: "B9",
        what: `GET /readyz p99 while ${CONNECTIONS} clients search common words, ${label}`,
        value: p99(ready),
        unit: "ms",
        baseline: null,
        goal: "< 50 ms",
        met: p99(ready) < 50,
        note: `public load ${publicRps.toFixed(0)} searches/s`,
      }),
      row({
        id: "B9",
        what: `GET admin data sources p99 during the same load, ${label}`,
        value: p99(adminReads),
        unit: "ms",
        baseline: null,
        goal: "< 50 ms",
        met: p99(adminReads) < 50,
      }),
    );
  } finally {
    await served.close();
    await reference.close();
  }
  return rows;
}

export const b9Postings: Benchmark = {
  id: "B9",
  title: "job postings at scale: keyset lists, search, public isolation (PostgreSQL)",
  async run(ctx) {
    if (!(await postgresAvailable())) {
      return [
        row({
          id: "B9",
          what: "skipped: no PostgreSQL at BENCH_DATABASE_URL",
          value: Number.NaN,
          unit: "",
          baseline: null,
          goal: "",
        }),
      ];
    }
    // B9_SIZES=1000000 measures only the sizes named (comma-separated), e.g. after a change that matters at one size
    const named = process.env.B9_SIZES?.split(",").map(Number);
    const sizes = named ?? (ctx.full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]);
    if (named?.some((n) => !Number.isInteger(n) || n < 100))
      throw new Error("B9_SIZES: postings counts ≥ 100, e.g. 1000000");
    const rows: BenchRow[] = [];
    for (const size of sizes) {
      try {
        rows.push(...(await atSize(ctx, size)));
      } catch (error) {
        // keep the sizes already measured
        ctx.log(`B9 at ${size} postings crashed: ${(error as Error).stack}`);
        rows.push(
          row({
            id: "B9",
            what: `crashed at ${size} postings: ${(error as Error).message}`,
            value: Number.NaN,
            unit: "",
            baseline: null,
            goal: "",
            met: false,
          }),
        );
      }
    }
    return rows;
  },
};
