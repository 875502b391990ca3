import type { PostingDraft } from "@jobsync/crawler";
import pg from "pg";
import { DataSourceRepository } from "../../apps/server/src/data-sources/data-source.repository";
import type { DataSourceRow } from "../../apps/server/src/db/schema";
import { PostingWriteRepository } from "../../apps/server/src/postings/posting-write.repository";
import { InMemoryProgressManager } from "../../apps/server/src/sync/progress/progress-manager";
import { checkDuplicatesStep } from "../../apps/server/src/sync/steps/check-duplicates";
import { saveJobsStep } from "../../apps/server/src/sync/steps/save-jobs";
import type { StepReporter, SyncContext } from "../../apps/server/src/sync/sync-context";
import { SyncJobRepository } from "../../apps/server/src/sync/sync-job.repository";
import type { BenchDatabase } from "./bench-database";

export interface SaveTarget {
  source: DataSourceRow;
  /** A claimed sync job id per batch to save. */
  jobIds: string[];
  postings: PostingWriteRepository;
  /** Parameterised SQL on the same database, bypassing the repositories (the raw baselines). */
  query<T = unknown>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A data source and `jobs` claimed sync jobs in a fresh bench database, ready for saves. */
export async function prepareSaveTarget(db: BenchDatabase, jobs: number): Promise<SaveTarget> {
  const dataSources = new DataSourceRepository(db.database.db);
  const syncJobs = new SyncJobRepository(db.database.db);
  const source = await dataSources.create({
    siteName: "Bench-Save",
    kind: "topcv",
    baseUrl: "https://board.example",
    isActive: true,
    config: { search_keywords: ["ke-toan"], max_pages: 1, request_delay: 0, max_jobs: 100 },
  });
  if (!source) throw new Error("could not create the bench data source");
  const jobIds: string[] = [];
  for (let i = 0; i < jobs; i++) {
    const created = await syncJobs.create({
      dataSourceId: source.id,
      siteName: source.siteName,
      maxJobs: 10_000,
      trigger: "manual",
      requestedBy: null,
    });
    if (!("created" in created)) throw new Error("bench sync job not created");
    const id = created.created.job_id;
    await syncJobs.claim(id, "bench");
    await syncJobs.finish(id, "bench", "completed", null, new InMemoryProgressManager().state, []);
    jobIds.push(id);
  }
  let client: pg.Client | null = null;
  if (db.url) {
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  }
  const pglite = (
    db.database as unknown as { pglite?: { query(t: string, p?: unknown[]): Promise<{ rows: unknown[] }> } }
  ).pglite;
  return {
    source,
    jobIds,
    postings: new PostingWriteRepository(db.database.db),
    async query<T>(text: string, params: unknown[] = []) {
      if (client) return (await client.query(text, params)).rows as T[];
      if (!pglite) throw new Error("no raw connection to the bench database");
      return (await pglite.query(text, params)).rows as T[];
    },
    async close() {
      await client?.end();
    },
  };
}

const reporter: StepReporter = {
  key: "save_jobs",
  progress: () => {},
  detail: () => {},
  message: () => {},
  warn: () => {},
  error: () => {},
};

/** jobsync's own path for one batch: the Check Duplicates step, then the Save Jobs step. */
export async function saveThroughSteps(target: SaveTarget, jobId: string, drafts: PostingDraft[]): Promise<void> {
  const ctx = {
    jobId,
    source: target.source,
    kind: "topcv",
    maxJobs: drafts.length,
    signal: new AbortController().signal,
    progress: new InMemoryProgressManager(),
    postings: target.postings,
    runtime: { crawlConcurrency: 1 },
    crawledAt: new Date(),
    drafts,
    plan: null,
    firstErrors: [],
  } as unknown as SyncContext;
  await checkDuplicatesStep.run(ctx, { ...reporter, key: "check_duplicates" });
  await saveJobsStep.run(ctx, reporter);
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
export async function saveRaw(target: SaveTarget, jobId: string, drafts: PostingDraft[]): Promise<void> {
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
