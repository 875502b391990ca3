import type { PostingDraft } from "@jobsync/crawler";
import type { BenchContext, Benchmark } from "./bench-types";
import { type BenchDbKind, openBenchDatabase, postgresAvailable } from "./lib/bench-database";
import { interleave, median, timed } from "./lib/measure";
import { type BenchRow, row } from "./lib/report";
import { checkThroughStep, prepareSaveTarget, saveRaw, saveThroughSteps } from "./lib/save-harness";
import { secondBatch, syntheticDraft } from "./lib/synthetic-postings";

interface SaveSample {
  firstRowsPerSec: number;
  secondRowsPerSec: number;
}

async function saveRound(kind: BenchDbKind, way: "jobsync" | "raw", first: PostingDraft[], second: PostingDraft[]) {
  const db = await openBenchDatabase(kind);
  try {
    const target = await prepareSaveTarget(db);
    const save = way === "jobsync" ? saveThroughSteps : saveRaw;
    const a = await timed(() => save(target, first));
    const b = await timed(() => save(target, second));
    await target.close();
    return { firstRowsPerSec: (first.length / a.ms) * 1000, secondRowsPerSec: (second.length / b.ms) * 1000 };
  } finally {
    await db.close();
  }
}

async function saveRows(ctx: BenchContext, kind: BenchDbKind): Promise<BenchRow[]> {
  const n = ctx.full ? 100_000 : kind === "postgres" ? 10_000 : 5_000;
  const first = Array.from({ length: n }, (_, i) => syntheticDraft(i));
  const second = secondBatch(n, 0.9);
  ctx.log(`B3 ${kind}: ${n} new postings, then ${n} of which 90 % known ids (half changed)`);
  const samples = await interleave<"jobsync" | "raw", SaveSample>(ctx.rounds, {
    jobsync: () => saveRound(kind, "jobsync", first, second),
    raw: () => saveRound(kind, "raw", first, second),
  });
  const label = kind === "postgres" ? "PostgreSQL" : "PGlite";
  const goal = kind === "postgres" ? "≥ 0.50×" : "";
  const out: BenchRow[] = [];
  for (const [key, what] of [
    ["firstRowsPerSec", `save ${n / 1000}k new, ${label}`],
    ["secondRowsPerSec", `save ${n / 1000}k, 90 % duplicates, ${label}`],
  ] as const) {
    const value = median(samples.jobsync.map((s) => s[key]));
    const raw = median(samples.raw.map((s) => s[key]));
    out.push(
      row({
        id: "B3",
        what,
        value,
        unit: "rows/s",
        baseline: { name: "raw INSERT ... ON CONFLICT ×500", value: raw },
        goal,
        met: kind === "postgres" ? value / raw >= 0.5 : null,
      }),
    );
  }
  return out;
}

const CANDIDATES = 10_000;

/** Check Duplicates for 10,000 candidates against 200,000 (--full: 1,000,000) stored postings (PostgreSQL). */
async function lookupRows(ctx: BenchContext): Promise<BenchRow[]> {
  const STORED = ctx.full ? 1_000_000 : 200_000;
  const db = await openBenchDatabase("postgres");
  try {
    const target = await prepareSaveTarget(db);
    ctx.log(`B3 lookup: loading ${STORED.toLocaleString("en-US")} postings...`);
    // the full-text and trigram indexes play no part in the lookup: built after the load would cost the same
    await target.query("DROP INDEX job_postings_search_idx, job_postings_title_trgm_idx, job_postings_provinces_idx");
    await target.query(
      `INSERT INTO job_postings (data_source_id, external_id, url, title, company, locations, provinces, tags,
         content_hash, content_key)
       SELECT $1, (2000000 + g)::text, 'https://board.example/viec-lam/x/' || (2000000 + g) || '.html',
         'Tin ' || g, 'Cong ty ' || (g % 5000), ARRAY['Hà Nội'], ARRAY['Hà Nội'], ARRAY[]::text[], md5(g::text),
         'tin ' || g || '|cong ty|ha noi'
       FROM generate_series(1, ${STORED}) AS g`,
      [target.source.id],
    );
    await target.query("ANALYZE job_postings");
    // 90 % known (every 100th of the stored ids), 10 % new
    const candidates: PostingDraft[] = Array.from({ length: CANDIDATES }, (_, i) => {
      const g = i < CANDIDATES * 0.9 ? 1 + i * Math.floor(STORED / CANDIDATES) : STORED + i;
      return {
        ...syntheticDraft(i),
        external_id: String(2000000 + g),
        url: `https://board.example/viec-lam/x/${2000000 + g}.html`,
        content_key: `tin ${g}|cong ty|ha noi`,
        content_hash: i % 2 === 0 ? "changed" : "unchanged",
      };
    });
    const ids = candidates.map((c) => c.external_id);
    const hashes = candidates.map((c) => c.content_hash);
    const jobsync = async () => (await timed(() => checkThroughStep(target, candidates))).ms;
    const keysJoin = async () =>
      (
        await timed(() =>
          target.query(
            `SELECT p.id, p.external_id FROM unnest($2::text[]) AS k(external_id)
             JOIN job_postings p ON p.data_source_id = $1 AND p.external_id = k.external_id`,
            [target.source.id, ids],
          ),
        )
      ).ms;
    const hashJoin = async () =>
      (
        await timed(() =>
          target.query(
            `SELECT p.id, p.external_id, p.content_hash IS DISTINCT FROM k.content_hash AS changed
             FROM unnest($2::text[], $3::text[]) AS k(external_id, content_hash)
             JOIN job_postings p ON p.data_source_id = $1 AND p.external_id = k.external_id`,
            [target.source.id, ids, hashes],
          ),
        )
      ).ms;
    const samples = await interleave(ctx.rounds + 2, { jobsync, keysJoin, hashJoin });
    const ms = (key: keyof typeof samples) => median(samples[key].slice(2));
    await target.close();
    const value = ms("jobsync");
    return [
      row({
        id: "B3",
        what: `Check Duplicates, ${CANDIDATES / 1000}k vs ${STORED / 1000}k stored, PostgreSQL`,
        value,
        unit: "ms",
        baseline: { name: "raw join of the keys", value: ms("keysJoin") },
        goal: "≤ 2.00×",
        met: value / ms("keysJoin") <= 2,
      }),
      row({
        id: "B3",
        what: "Check Duplicates (same, vs hash join)",
        value,
        unit: "ms",
        baseline: { name: "raw join + content-hash comparison", value: ms("hashJoin") },
        goal: "≤ 2.00×",
        met: value / ms("hashJoin") <= 2,
      }),
    ];
  } finally {
    await db.close();
  }
}

/** B3 save and de-duplicate, on PostgreSQL (when reachable) and PGlite. */
export const b3Save: Benchmark = {
  id: "B3",
  title: "save and de-duplicate",
  async run(ctx) {
    const rows: BenchRow[] = [];
    if (await postgresAvailable()) {
      rows.push(...(await saveRows(ctx, "postgres")));
      rows.push(...(await lookupRows(ctx)));
    } else {
      ctx.log("B3: no PostgreSQL server reachable (BENCH_DATABASE_URL / DATABASE_URL): PGlite only");
    }
    rows.push(...(await saveRows(ctx, "pglite")));
    return rows;
  },
};
