import {
  ACTIVE_SYNC_JOB_STATUSES,
  type CrawlJobProgress,
  emptyCrawlStats,
  FINAL_SYNC_JOB_STATUSES,
  type FinalSyncJobStatus,
  type SyncJobStatus,
  type SyncTrigger,
} from "@jobsync/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import type { TimelineEvent } from "./progress/progress-manager";
import type { ProgressState } from "./progress/progress-state";
import { initialSteps } from "./progress/progress-state";
import { type SyncJobViewRow, toCrawlJobProgress } from "./sync-job.mapper";

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
const ACTIVE = list(ACTIVE_SYNC_JOB_STATUSES);
const FINAL = list(FINAL_SYNC_JOB_STATUSES);

const VIEW = sql`
  SELECT sj.id, sj.data_source_id, sj.site_name, sj.status, sj.trigger, sj.max_jobs, sj.full_refresh, sj.progress,
    sj.current_step, sj.steps, sj.stats, sj.summary, sj.error, sj.requested_by, ru.email AS requested_by_email,
    sj.cancelled_by, cu.email AS cancelled_by_email, sj.version, sj.created_at, sj.started_at, sj.finished_at,
    sj.updated_at
  FROM sync_jobs sj
  LEFT JOIN users ru ON ru.id = sj.requested_by
  LEFT JOIN users cu ON cu.id = sj.cancelled_by`;

export interface NewSyncJob {
  dataSourceId: string;
  siteName: string;
  maxJobs: number;
  trigger: SyncTrigger;
  requestedBy: string | null;
  batchId?: string | null;
  /** Incremental sync off for this one: every planned page is read. */
  fullRefresh?: boolean;
}

export type CreateOutcome = { created: CrawlJobProgress } | { active: CrawlJobProgress };

export interface ListFilter {
  statuses: readonly SyncJobStatus[] | null;
  dataSourceId: string | null;
  limit: number;
  /** Keyset cursor: (created_at, id) of the last row of the previous page. */
  after: { createdAt: string; id: string } | null;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** All SQL about sync jobs. Status changes are compare-and-set: `UPDATE ... WHERE id = $1 AND status = $2`. */
export class SyncJobRepository {
  constructor(private readonly db: Db) {}

  private async view(where: SQL, tail: SQL = sql``): Promise<CrawlJobProgress[]> {
    const rows = await queryRows<SyncJobViewRow>(this.db, sql`${VIEW} WHERE ${where} ${tail}`);
    return rows.map(toCrawlJobProgress);
  }

  async findProgress(id: string): Promise<CrawlJobProgress | null> {
    return (await this.view(sql`sj.id = ${id}`))[0] ?? null;
  }

  async findActiveFor(dataSourceId: string): Promise<CrawlJobProgress | null> {
    return (await this.view(sql`sj.data_source_id = ${dataSourceId} AND sj.status IN (${ACTIVE})`))[0] ?? null;
  }

  /**
   * Insert a pending sync job. The partial unique index allows one active sync job per source: a second insert
   * fails with a unique violation, answered with the active one.
   */
  async create(job: NewSyncJob): Promise<CreateOutcome> {
    try {
      const rows = await queryRows<{ id: string }>(
        this.db,
        sql`INSERT INTO sync_jobs (data_source_id, site_name, max_jobs, trigger, requested_by, batch_id, full_refresh,
                               steps, stats)
            VALUES (${job.dataSourceId}, ${job.siteName}, ${job.maxJobs}, ${job.trigger}, ${job.requestedBy},
                    ${job.batchId ?? null}, ${job.fullRefresh ?? false}, ${JSON.stringify(initialSteps())}::jsonb,
                    ${JSON.stringify(emptyCrawlStats())}::jsonb)
            RETURNING id`,
      );
      const created = await this.findProgress(rows[0]!.id);
      return { created: created! };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const active = await this.findActiveFor(job.dataSourceId);
      if (active) return { active };
      // the active one finished between our insert and our read: try once more
      return this.create(job);
    }
  }

  /** The sync jobs of one multi-site batch, in the order they were started. */
  async listBatch(batchId: string): Promise<CrawlJobProgress[]> {
    return this.view(sql`sj.batch_id = ${batchId}`, sql`ORDER BY sj.created_at, sj.site_name`);
  }

  async list(filter: ListFilter): Promise<CrawlJobProgress[]> {
    const conditions: SQL[] = [sql`true`];
    if (filter.statuses) conditions.push(sql`sj.status IN (${list(filter.statuses)})`);
    if (filter.dataSourceId) conditions.push(sql`sj.data_source_id = ${filter.dataSourceId}`);
    if (filter.after) {
      conditions.push(sql`(sj.created_at, sj.id) < (${filter.after.createdAt}::timestamptz, ${filter.after.id}::uuid)`);
    }
    return this.view(
      sql.join(conditions, sql` AND `),
      sql`ORDER BY sj.created_at DESC, sj.id DESC LIMIT ${filter.limit}`,
    );
  }

  /** pending → running, for one worker. Null when another worker took it or it is no longer pending. */
  async claim(
    id: string,
    workerId: string,
  ): Promise<{ dataSourceId: string; maxJobs: number; fullRefresh: boolean } | null> {
    const rows = await queryRows<{ data_source_id: string; max_jobs: number; full_refresh: boolean }>(
      this.db,
      sql`UPDATE sync_jobs SET status = 'running', worker_id = ${workerId}, started_at = now(), heartbeat_at = now(),
            updated_at = now(), version = version + 1
          WHERE id = ${id} AND status = 'pending'
          RETURNING data_source_id, max_jobs, full_refresh`,
    );
    const row = rows[0];
    return row
      ? { dataSourceId: row.data_source_id, maxJobs: row.max_jobs, fullRefresh: row.full_refresh === true }
      : null;
  }

  /** Write the progress state and timeline events of a running (or cancelling) sync job, bumping its version. */
  async saveProgress(id: string, workerId: string, state: ProgressState, events: TimelineEvent[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE sync_jobs SET steps = ${JSON.stringify(state.steps)}::jsonb, stats = ${JSON.stringify(state.stats)}::jsonb,
              progress = ${state.progress}, current_step = ${state.current_step},
              summary = ${state.summary ? JSON.stringify(state.summary) : null}::jsonb,
              heartbeat_at = now(), updated_at = now(), version = version + 1
            WHERE id = ${id} AND worker_id = ${workerId} AND status IN ('running', 'cancelling')`,
      );
      if (events.length > 0) await this.insertEvents(tx as unknown as Db, id, events);
    });
  }

  private async insertEvents(db: Db, id: string, events: TimelineEvent[]) {
    const values = events.map((e) => sql`(${id}, ${e.at}::timestamptz, ${e.level}, ${e.stepKey}, ${e.message})`);
    await db.execute(
      sql`INSERT INTO sync_job_events (sync_job_id, at, level, step_key, message) VALUES ${sql.join(values, sql`, `)}`,
    );
  }

  async heartbeat(id: string, workerId: string): Promise<SyncJobStatus | null> {
    const rows = await queryRows<{ status: SyncJobStatus }>(
      this.db,
      sql`UPDATE sync_jobs SET heartbeat_at = now()
          WHERE id = ${id} AND worker_id = ${workerId} AND status IN ('running', 'cancelling')
          RETURNING status`,
    );
    return rows[0]?.status ?? null;
  }

  async status(id: string): Promise<SyncJobStatus | null> {
    const rows = await queryRows<{ status: SyncJobStatus }>(
      this.db,
      sql`SELECT status FROM sync_jobs WHERE id = ${id}`,
    );
    return rows[0]?.status ?? null;
  }

  /**
   * Ask to cancel. A pending sync job is cancelled at once (no worker has it); a running one becomes `cancelling`
   * and its worker stops. Returns the status after the request, or null when it was already final.
   */
  async requestCancel(id: string, userId: string | null): Promise<SyncJobStatus | null> {
    let status: SyncJobStatus | null = null;
    await this.db.transaction(async (tx) => {
      const rows = await queryRows<{ status: SyncJobStatus }>(
        tx as unknown as Db,
        sql`UPDATE sync_jobs SET
            status = CASE WHEN status = 'pending' THEN 'cancelled'::sync_job_status ELSE 'cancelling'::sync_job_status END,
            finished_at = CASE WHEN status = 'pending' THEN now() ELSE finished_at END,
            error = CASE WHEN status = 'pending' THEN 'cancelled before it started' ELSE error END,
            steps = CASE WHEN status = 'pending' THEN (
              SELECT jsonb_agg(s || jsonb_build_object('status', 'skipped', 'message', 'Not run: cancelled before it started') ORDER BY ord)
              FROM jsonb_array_elements(steps) WITH ORDINALITY AS t(s, ord)) ELSE steps END,
            cancelled_by = ${userId}, updated_at = now(), version = version + 1
          WHERE id = ${id} AND status IN ('pending', 'running', 'cancelling')
          RETURNING status`,
      );
      status = rows[0]?.status ?? null;
      // final at once: its timeline ends like every other sync job's, with one final event
      if (status === "cancelled") {
        const event: TimelineEvent = {
          at: new Date().toISOString(),
          level: "warn",
          stepKey: null,
          message: "Sync job cancelled: cancelled before it started",
        };
        await this.insertEvents(tx as unknown as Db, id, [event]);
      }
    });
    return status;
  }

  /** running/cancelling → final, with the final progress state, in one statement. False when it was not ours. */
  async finish(
    id: string,
    workerId: string,
    status: FinalSyncJobStatus,
    error: string | null,
    state: ProgressState,
    events: TimelineEvent[],
  ): Promise<boolean> {
    let finished = false;
    await this.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string }>(
        tx as unknown as Db,
        sql`UPDATE sync_jobs SET status = ${status}, error = ${error}, finished_at = now(), updated_at = now(),
              steps = ${JSON.stringify(state.steps)}::jsonb, stats = ${JSON.stringify(state.stats)}::jsonb,
              progress = ${state.progress}, current_step = null,
              summary = ${state.summary ? JSON.stringify(state.summary) : null}::jsonb, version = version + 1
            WHERE id = ${id} AND worker_id = ${workerId} AND status IN ('running', 'cancelling')
            RETURNING id`,
      );
      finished = rows.length === 1;
      if (finished && events.length > 0) await this.insertEvents(tx as unknown as Db, id, events);
    });
    return finished;
  }

  /**
   * Sync jobs whose worker stopped heartbeating are failed ("interrupted: worker stopped"), which releases the
   * one-active-per-source lock. Returns the ids reaped.
   */
  async reapStale(staleSecs: number, reason = "interrupted: worker stopped"): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`UPDATE sync_jobs SET status = 'failed', error = ${reason}, finished_at = now(), updated_at = now(),
            current_step = null, version = version + 1,
            steps = (SELECT jsonb_agg(CASE WHEN s->>'status' IN ('running', 'pending')
                       THEN s || jsonb_build_object('status', CASE WHEN s->>'status' = 'running' THEN 'failed' ELSE 'skipped' END,
                                                    'error', CASE WHEN s->>'status' = 'running' THEN ${reason} ELSE null END)
                       ELSE s END ORDER BY ord)
                     FROM jsonb_array_elements(steps) WITH ORDINALITY AS t(s, ord))
          WHERE status IN ('running', 'cancelling')
            AND coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(secs => ${staleSecs})
          RETURNING id`,
    );
    for (const row of rows) {
      const event: TimelineEvent = {
        at: new Date().toISOString(),
        level: "error",
        stepKey: null,
        message: `Sync job ${reason}`,
      };
      await this.insertEvents(this.db, row.id, [event]);
    }
    return rows.map((r) => r.id);
  }

  /** Sync jobs still pending after `staleSecs`: their queue message may have died with a worker (see SyncWorker). */
  async stalePending(staleSecs: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`SELECT id FROM sync_jobs
          WHERE status = 'pending' AND created_at < now() - make_interval(secs => ${staleSecs})
          ORDER BY created_at LIMIT 100`,
    );
    return rows.map((r) => r.id);
  }

  /** Keep the newest `keep` finished sync jobs (with their events); delete older ones. Returns how many went. */
  async enforceRetention(keep: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`DELETE FROM sync_jobs WHERE id IN (
            SELECT id FROM sync_jobs WHERE status IN (${FINAL})
            ORDER BY created_at DESC, id DESC OFFSET ${keep})
          RETURNING id`,
    );
    return rows.length;
  }

  async events(id: string, limit = 500): Promise<TimelineEvent[]> {
    const rows = await queryRows<{
      at: Date | string;
      level: TimelineEvent["level"];
      step_key: string | null;
      message: string;
    }>(
      this.db,
      sql`SELECT at, level, step_key, message FROM sync_job_events WHERE sync_job_id = ${id} ORDER BY id LIMIT ${limit}`,
    );
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      level: r.level,
      stepKey: (r.step_key as TimelineEvent["stepKey"]) ?? null,
      message: r.message,
    }));
  }

  /** The version of a sync job (its SSE event id), cheap to poll. */
  async version(id: string): Promise<{ version: number; status: SyncJobStatus } | null> {
    const rows = await queryRows<{ version: number; status: SyncJobStatus }>(
      this.db,
      sql`SELECT version, status FROM sync_jobs WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  }
}
