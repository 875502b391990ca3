import { emptyCrawlStats, emptyQualityTally } from "@jobsync/contracts";
import type { PostingDraft } from "@jobsync/crawler";
import pg from "pg";
import { DataSourceRepository } from "../../apps/server/src/data-sources/data-source.repository";
import type { DataSourceRow } from "../../apps/server/src/db/schema";
import { PostingWriteRepository } from "../../apps/server/src/postings/posting-write.repository";
import { BatchSaveRepository } from "../../apps/server/src/sync/checkpoint/batch-save.repository";
import { CheckpointRepository } from "../../apps/server/src/sync/checkpoint/checkpoint.repository";
import { InMemoryProgressManager } from "../../apps/server/src/sync/progress/progress-manager";
import { noBaselines } from "../../apps/server/src/sync/quality/judge-quality";
import { noSnapshots } from "../../apps/server/src/sync/quality/snapshot-recorder";
import { checkDuplicatesStep } from "../../apps/server/src/sync/steps/check-duplicates";
import { saveJobsStep } from "../../apps/server/src/sync/steps/save-jobs";
import type { StepReporter, StreamBatch, SyncEnv, SyncJobInput } from "../../apps/server/src/sync/sync-context";
import { SyncJobTransitions } from "../../apps/server/src/sync/sync-job-transitions";
import type { BenchDatabase } from "./bench-database";

const WORKER = "bench";

export interface SaveTarget {
  source: DataSourceRow;
  postings: PostingWriteRepository;
  batches: BatchSaveRepository;
  /** Ends the previous bench sync job (if any) and claims a new one, as a worker would: saves are fenced on it. */
  newJob(): Promise<string>;
  /** Parameterised SQL on the same database, bypassing the repositories (the raw baselines). */
  query<T = unknown>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A data source in a fresh bench database, ready for saves by claimed sync jobs. */
export async function prepareSaveTarget(db: BenchDatabase): Promise<SaveTarget> {
  const dataSources = new DataSourceRepository(db.database.db);
  const transitions = new SyncJobTransitions(db.database.db);
  const source = await dataSources.create({
    siteName: "Bench-Save",
    kind: "topcv",
    baseUrl: "https://board.example",
    isActive: true,
    config: { search_keywords: ["ke-toan"], max_pages: 1, request_delay: 0, max_jobs: 100 },
  });
  if (!source) throw new Error("could not create the bench data source");
  let current: string | null = null;
  let client: pg.Client | null = null;
  if (db.url) {
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  }
  const pglite = (
    db.database as unknown as { pglite?: { query(t: string, p?: unknown[]): Promise<{ rows: unknown[] }> } }
  ).pglite;
  const postings = new PostingWriteRepository(db.database.db);
  const endCurrent = async () => {
    if (!current) return;
    const state = new InMemoryProgressManager().state;
    await transitions.finish(current, WORKER, { status: "completed", error: null }, state, []);
    current = null;
  };
  return {
    source,
    postings,
    batches: new BatchSaveRepository(db.database.db, postings, new CheckpointRepository(db.database.db)),
    async newJob() {
      await endCurrent();
      const created = await transitions.create({
        dataSourceId: source.id,
        siteName: source.siteName,
        maxJobs: 10_000,
        trigger: "manual",
        requestedBy: null,
        maxAttempts: 1,
      });
      if (!("created" in created)) throw new Error("bench sync job not created");
      await transitions.claim(created.created, WORKER);
      current = created.created;
      return current;
    },
    async query<T>(text: string, params: unknown[] = []) {
      if (client) return (await client.query(text, params)).rows as T[];
      if (!pglite) throw new Error("no raw connection to the bench database");
      return (await pglite.query(text, params)).rows as T[];
    },
    async close() {
      await endCurrent();
      await client?.end();
    },
  };
}

export const quietReporter: StepReporter = {
  key: "save_jobs",
  progress: () => {},
  detail: () => {},
  message: () => {},
  warn: () => {},
  error: () => {},
};

function benchJob(target: SaveTarget, jobId: string, maxJobs: number): { job: SyncJobInput; env: SyncEnv } {
  const job: SyncJobInput = {
    jobId,
    workerId: WORKER,
    source: target.source,
    kind: "topcv",
    maxJobs,
    fullRefresh: false,
    attempt: 1,
    maxAttempts: 1,
    resume: null,
    resumedFrom: null,
    reprocessedFrom: null,
    crawledAt: new Date(),
  };
  const env: SyncEnv = {
    signal: new AbortController().signal,
    progress: new InMemoryProgressManager(),
    postings: target.postings,
    batches: target.batches,
    runtime: { crawlConcurrency: 1, batchSize: 50 },
    snapshots: noSnapshots,
    baselines: noBaselines,
    firstErrors: [],
    summaryExtras: {},
  };
  return { job, env };
}

/** One streamed batch of already processed drafts, as Process Jobs hands it to Check Duplicates. */
export function draftBatch(seq: number, drafts: PostingDraft[]): StreamBatch {
  return {
    seq,
    crawl: { seq, items: [], pages: [], detailUrls: [], detailsFetched: 0, detailsFailed: 0 },
    itemIds: drafts.map((d) => d.external_id),
    drafts,
    gone: [],
    plan: null,
    tally: emptyCrawlStats(),
    quality: emptyQualityTally(),
  };
}

/** jobsync's own path for a new sync job's drafts: Check Duplicates then Save Jobs, batch by batch (50 a batch). */
export async function saveThroughSteps(target: SaveTarget, drafts: PostingDraft[], batchSize = 50): Promise<void> {
  const jobId = await target.newJob();
  const { job, env } = benchJob(target, jobId, drafts.length);
  const check = checkDuplicatesStep(job, env);
  const save = saveJobsStep(job, env);
  for (let i = 0, seq = 0; i < drafts.length; i += batchSize, seq++) {
    const batch = draftBatch(seq, drafts.slice(i, i + batchSize));
    await check.handle(batch, { ...quietReporter, key: "check_duplicates" });
    await save.handle(batch, quietReporter);
  }
  await save.finish(quietReporter, { kind: "completed" });
}

/** Check Duplicates alone, for these drafts as one batch (the lookup benchmark). */
export async function checkThroughStep(target: SaveTarget, drafts: PostingDraft[]): Promise<void> {
  const { job, env } = benchJob(target, "00000000-0000-0000-0000-000000000000", drafts.length);
  await checkDuplicatesStep(job, env).handle(draftBatch(0, drafts), { ...quietReporter, key: "check_duplicates" });
}

const RAW_COLUMNS = [
  "external_id",
  "url",
  "title",
  "company",
  "company_url",
  "logo_url",
  "salary_raw",
  "salary_min",
  "salary_max",
  "salary_currency",
  "salary_period",
  "salary_negotiable",
  "locations",
  "provinces",
  "extra_locations",
  "experience",
  "level",
  "deadline",
  "posted_at",
  "tags",
  "description_html",
  "requirements_html",
  "benefits_html",
  "working_time_html",
  "company_size",
  "company_address",
  "content_hash",
  "content_key",
];

function rawValues(d: PostingDraft): unknown[] {
  return [
    d.external_id,
    d.url,
    d.title,
    d.company,
    d.company_url,
    d.logo_url,
    d.salary.raw,
    d.salary.min,
    d.salary.max,
    d.salary.currency,
    d.salary.period,
    d.salary.negotiable,
    d.locations,
    d.provinces,
    d.extra_locations,
    d.experience,
    d.level,
    d.deadline,
    d.posted_at,
    d.tags,
    d.description_html,
    d.requirements_html,
    d.benefits_html,
    d.working_time_html,
    d.company_size,
    d.company_address,
    d.content_hash,
    d.content_key,
  ];
}

export const RAW_BATCH = 500;

/**
 * The fastest plain SQL found to load the same rows into the same table: multi-row INSERT ... VALUES of 500 rows
 * with ON CONFLICT DO UPDATE when the content hash changed (no duplicate planning, no URL or content checks).
 */
export async function saveRaw(target: SaveTarget, drafts: PostingDraft[]): Promise<void> {
  const jobId = await target.newJob();
  const perRow = RAW_COLUMNS.length + 3;
  const updates = RAW_COLUMNS.filter((c) => c !== "external_id")
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ");
  for (let i = 0; i < drafts.length; i += RAW_BATCH) {
    const chunk = drafts.slice(i, i + RAW_BATCH);
    const params: unknown[] = [];
    const tuples = chunk.map((d, r) => {
      params.push(target.source.id, jobId, jobId, ...rawValues(d));
      return `(${Array.from({ length: perRow }, (_, c) => `$${r * perRow + c + 1}`).join(",")})`;
    });
    await target.query(
      `INSERT INTO job_postings (data_source_id, first_sync_job_id, last_sync_job_id, ${RAW_COLUMNS.join(", ")})
       VALUES ${tuples.join(",")}
       ON CONFLICT (data_source_id, external_id) DO UPDATE SET ${updates}, last_seen_at = now(),
         last_sync_job_id = EXCLUDED.last_sync_job_id
       WHERE job_postings.content_hash IS DISTINCT FROM EXCLUDED.content_hash`,
      params,
    );
  }
}
