import {
  ACTIVE_SYNC_JOB_STATUSES,
  type CrawlStep,
  emptyCrawlStats,
  type SyncJobStatus,
  WORKING_SYNC_JOB_STATUSES,
} from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { isUniqueViolation } from "../db/database-error";
import { queryRows } from "../db/query-rows";
import { sqlList } from "../db/sql-arrays";
import type { TimelineEvent } from "./progress/progress-manager";
import { initialSteps, type ProgressState } from "./progress/progress-state";
import { settleSteps } from "./progress/settle-steps";
import { insertEvents } from "./sync-job-events";
import type { AuditWrite, Claim, CreateOutcome, FinalOutcome, NewSyncJob, Reaped } from "./sync-job-transition-types";

const ACTIVE = sqlList(ACTIVE_SYNC_JOB_STATUSES);
const WORKING = sqlList(WORKING_SYNC_JOB_STATUSES);
const PENDING: SyncJobStatus = "pending";
const RUNNING: SyncJobStatus = "running";
const CANCELLING: SyncJobStatus = "cancelling";

/**
 * The lifecycle of a sync job: the only code that writes its status. Every change is compare-and-set on the status
 * it expects (`... WHERE id = $1 AND status IN (...)`), so duplicate deliveries and races do nothing. Every final
 * transition settles the steps and writes one `sync_job_outbox` row in the same transaction; the end handler
 * (sync-job-end-handler.ts) runs what follows from it. Other processes hear of each change through the NOTIFY of
 * migration 0010's trigger; this process through `changed`, after the commit.
 */
export class SyncJobTransitions {
  /** `changed` hears of every committed change of a sync job's version (the API's progress snapshots follow it). */
  constructor(
    private readonly db: Db,
    private readonly changed: (jobId: string, version: number) => void = () => {},
  ) {}

  /**
   * Insert a pending sync job. The partial unique index allows one active sync job per source: a second insert
   * fails with a unique violation, answered with the active one's id.
   */
  async create(job: NewSyncJob, audit?: AuditWrite): Promise<CreateOutcome> {
    try {
      return await this.db.transaction(async (txDb) => {
        const tx = txDb as unknown as Db;
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`INSERT INTO sync_jobs (data_source_id, site_name, max_jobs, trigger, requested_by, batch_id, full_refresh,
                                 max_attempts, resumed_from, reprocessed_from, steps, stats)
              VALUES (${job.dataSourceId}, ${job.siteName}, ${job.maxJobs}, ${job.trigger}, ${job.requestedBy},
                      ${job.batchId ?? null}, ${job.fullRefresh ?? false}, ${job.maxAttempts}, ${job.resumedFrom ?? null},
                      ${job.reprocessedFrom ?? null},
                      ${JSON.stringify(initialSteps())}::jsonb, ${JSON.stringify(emptyCrawlStats())}::jsonb)
              RETURNING id`,
        );
        const created = rows[0]!.id;
        await audit?.(tx, created);
        return { created };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const active = await queryRows<{ id: string }>(
        this.db,
        sql`SELECT id FROM sync_jobs WHERE data_source_id = ${job.dataSourceId} AND status IN (${ACTIVE})`,
      );
      if (active[0]) return { activeId: active[0].id };
      // the active one finished between our insert and our read: try once more
      return this.create(job, audit);
    }
  }

  /** pending → running, for one worker. Null when another worker took it or it is no longer pending. */
  async claim(id: string, workerId: string): Promise<Claim | null> {
    const rows = await queryRows<{
      data_source_id: string;
      max_jobs: number;
      full_refresh: boolean;
      attempt: number;
      max_attempts: number;
      resumed_from: string | null;
      reprocessed_from: string | null;
      progress: number;
      version: number;
    }>(
      this.db,
      sql`UPDATE sync_jobs SET status = ${RUNNING}, worker_id = ${workerId}, started_at = coalesce(started_at, now()),
            heartbeat_at = now(), updated_at = now(), version = version + 1
          WHERE id = ${id} AND status = ${PENDING}
          RETURNING data_source_id, max_jobs, full_refresh, attempt, max_attempts, resumed_from, reprocessed_from,
            progress, version`,
    );
    const row = rows[0];
    if (!row) return null;
    this.changed(id, Number(row.version));
    return {
      dataSourceId: row.data_source_id,
      maxJobs: row.max_jobs,
      fullRefresh: row.full_refresh === true,
      attempt: Number(row.attempt),
      maxAttempts: Number(row.max_attempts),
      resumedFrom: row.resumed_from,
      reprocessedFrom: row.reprocessed_from,
      progress: Number(row.progress),
    };
  }

  /** Write the progress state and timeline events of the worker's sync job, bumping its version. */
  async saveProgress(id: string, workerId: string, state: ProgressState, events: TimelineEvent[]): Promise<void> {
    const version = await this.db.transaction(async (txDb) => {
      const tx = txDb as unknown as Db;
      const rows = await queryRows<{ version: number }>(
        tx,
        sql`UPDATE sync_jobs SET steps = ${JSON.stringify(state.steps)}::jsonb, stats = ${JSON.stringify(state.stats)}::jsonb,
              progress = ${state.progress}, current_step = ${state.current_step},
              summary = ${state.summary ? JSON.stringify(state.summary) : null}::jsonb${healthColumns(state)},
              heartbeat_at = now(), updated_at = now(), version = version + 1
            WHERE id = ${id} AND worker_id = ${workerId} AND status IN (${WORKING})
            RETURNING version`,
      );
      if (events.length > 0) await insertEvents(tx, id, events);
      return rows[0]?.version ?? null;
    });
    if (version !== null) this.changed(id, Number(version));
  }

  /** The worker is alive. Returns the status (`cancelling`: stop), or null when the sync job is no longer its own. */
  async heartbeat(id: string, workerId: string): Promise<SyncJobStatus | null> {
    const rows = await queryRows<{ status: SyncJobStatus }>(
      this.db,
      sql`UPDATE sync_jobs SET heartbeat_at = now()
          WHERE id = ${id} AND worker_id = ${workerId} AND status IN (${WORKING})
          RETURNING status`,
    );
    return rows[0]?.status ?? null;
  }

  /**
   * Ask to cancel. A pending sync job is cancelled at once (no worker has it); a running one becomes `cancelling`
   * and its worker stops. Returns the status after the request, or null when it was already final.
   */
  async requestCancel(id: string, userId: string | null, audit?: AuditWrite): Promise<SyncJobStatus | null> {
    return this.tell(id, async (tx) => {
      const pending = await this.lock(tx, id, [PENDING]);
      if (pending) {
        const version = await this.finalize(
          tx,
          pending,
          { status: "cancelled", error: "cancelled before it started" },
          userId,
        );
        await audit?.(tx, id);
        return { result: "cancelled" as const, version };
      }
      const rows = await queryRows<{ status: SyncJobStatus; version: number }>(
        tx,
        sql`UPDATE sync_jobs SET status = ${CANCELLING}, cancelled_by = ${userId}, updated_at = now(),
              version = version + 1
            WHERE id = ${id} AND status IN (${WORKING}) RETURNING status, version`,
      );
      if (rows[0]) await audit?.(tx, id);
      return rows[0] ? { result: rows[0].status, version: rows[0].version } : null;
    });
  }

  /** A pending sync job that could not be queued: failed at once, with the reason (and told like any other end). */
  async failPending(id: string, reason: string): Promise<boolean> {
    const failed = await this.tell(id, async (tx) => {
      const row = await this.lock(tx, id, [PENDING]);
      if (!row) return null;
      return { result: true, version: await this.finalize(tx, row, { status: "failed", error: reason }) };
    });
    return failed ?? false;
  }

  /** The worker's sync job → its final status, with the final progress state. False when it was not the worker's. */
  async finish(
    id: string,
    workerId: string,
    outcome: FinalOutcome,
    state: ProgressState,
    events: TimelineEvent[],
  ): Promise<boolean> {
    const finished = await this.tell(id, async (tx) => {
      const row = await this.lock(tx, id, WORKING_SYNC_JOB_STATUSES, workerId);
      if (!row) return null;
      const version = await this.finalize(tx, { ...row, steps: state.steps }, outcome, undefined, state, events);
      return { result: true, version };
    });
    return finished ?? false;
  }

  /**
   * The worker stops (a deploy, SIGTERM) before its sync job is done: it goes back to `pending` for a live worker to
   * resume from its checkpoint, without spending an attempt. A sync job being cancelled ends cancelled instead.
   */
  async handBack(
    id: string,
    workerId: string,
    state: ProgressState,
    events: TimelineEvent[],
  ): Promise<SyncJobStatus | null> {
    return this.tell(id, async (tx) => {
      const row = await this.lock(tx, id, WORKING_SYNC_JOB_STATUSES, workerId);
      if (!row) return null;
      if (row.status === CANCELLING) {
        const version = await this.finalize(
          tx,
          { ...row, steps: state.steps },
          { status: "cancelled", error: null },
          undefined,
          state,
          events,
        );
        return { result: "cancelled" as const, version };
      }
      return { result: PENDING, version: await this.requeue(tx, id, row.attempt, state, events) };
    });
  }

  /**
   * Sync jobs whose worker stopped heartbeating: one being cancelled ends cancelled; one with attempts left goes back
   * to `pending` as its next attempt (the caller queues it; a live worker resumes it from its checkpoint); one on its
   * last attempt fails ("interrupted: worker stopped"). The one-active-per-source lock is held throughout.
   */
  async reapStale(staleSecs: number): Promise<Reaped[]> {
    const stale = await queryRows<{ id: string }>(
      this.db,
      sql`SELECT id FROM sync_jobs WHERE status IN (${WORKING})
            AND coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(secs => ${staleSecs})
          ORDER BY created_at LIMIT 100`,
    );
    const reaped: Reaped[] = [];
    for (const { id } of stale) {
      const done = await this.db.transaction(async (txDb) => {
        const tx = txDb as unknown as Db;
        const row = await this.lock(tx, id, WORKING_SYNC_JOB_STATUSES, undefined, staleSecs);
        if (!row) return null;
        const base = { id, attempt: row.attempt, maxAttempts: row.max_attempts };
        if (row.status === CANCELLING) {
          const version = await this.finalize(tx, row, { status: "cancelled", error: null });
          return { ...base, to: "cancelled" as const, version };
        }
        if (row.attempt < row.max_attempts) {
          const event: TimelineEvent = {
            at: new Date().toISOString(),
            level: "warn",
            stepKey: null,
            message: `The worker stopped; queued again as attempt ${row.attempt + 1} of ${row.max_attempts}, to resume from its checkpoint`,
          };
          const version = await this.requeue(tx, id, row.attempt + 1, null, [event]);
          return { ...base, to: "pending" as const, attempt: row.attempt + 1, version };
        }
        const version = await this.finalize(tx, row, { status: "failed", error: "interrupted: worker stopped" });
        return { ...base, to: "failed" as const, version };
      });
      if (done) {
        const { version, ...outcome } = done;
        reaped.push(outcome);
        this.changed(id, version);
      }
    }
    return reaped;
  }

  /** Sync jobs still pending after `staleSecs`: their queue message may have died with a worker (see SyncWorker). */
  async stalePending(staleSecs: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`SELECT id FROM sync_jobs
          WHERE status = ${PENDING} AND updated_at < now() - make_interval(secs => ${staleSecs})
          ORDER BY created_at LIMIT 100`,
    );
    return rows.map((r) => r.id);
  }

  /** Run a transaction; when it changed the sync job (it returns the new version), tell `changed` after the commit. */
  private async tell<T>(id: string, work: (tx: Db) => Promise<{ result: T; version: number } | null>) {
    const outcome = await this.db.transaction((txDb) => work(txDb as unknown as Db));
    if (!outcome) return null;
    this.changed(id, Number(outcome.version));
    return outcome.result;
  }

  /** Lock the row if it has one of these statuses (and this worker, and a heartbeat older than `staleSecs`). */
  private async lock(
    tx: Db,
    id: string,
    statuses: readonly SyncJobStatus[],
    workerId?: string,
    staleSecs?: number,
  ): Promise<LockedRow | null> {
    const rows = await queryRows<LockedRow>(
      tx,
      sql`SELECT id, data_source_id, status, attempt, max_attempts, steps, version FROM sync_jobs
          WHERE id = ${id} AND status IN (${sqlList(statuses)})
            ${workerId === undefined ? sql`` : sql`AND worker_id = ${workerId}`}
            ${staleSecs === undefined ? sql`` : sql`AND coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(secs => ${staleSecs})`}
          FOR UPDATE`,
    );
    const row = rows[0];
    return row
      ? { ...row, attempt: Number(row.attempt), max_attempts: Number(row.max_attempts), version: Number(row.version) }
      : null;
  }

  /**
   * Back to pending for the next attempt: the worker and current step are cleared; the progress so far is kept.
   * Returns the new version.
   */
  private async requeue(
    tx: Db,
    id: string,
    attempt: number,
    state: ProgressState | null,
    events: TimelineEvent[],
  ): Promise<number> {
    const rows = await queryRows<{ version: number }>(
      tx,
      sql`UPDATE sync_jobs SET status = ${PENDING}, attempt = ${attempt}, worker_id = null, heartbeat_at = null,
            current_step = null, updated_at = now(), version = version + 1
            ${state ? sql`, steps = ${JSON.stringify(state.steps)}::jsonb, stats = ${JSON.stringify(state.stats)}::jsonb, progress = ${state.progress}${healthColumns(state)}` : sql``}
          WHERE id = ${id} RETURNING version`,
    );
    if (events.length > 0) await insertEvents(tx, id, events);
    return Number(rows[0]!.version);
  }

  /**
   * The one final transition: status, error and settled steps (with the final state when the worker has one), the
   * final timeline event, and the outbox row — all in the caller's transaction, on a row it has locked. Returns the
   * new version.
   */
  private async finalize(
    tx: Db,
    row: LockedRow,
    outcome: FinalOutcome,
    cancelledBy?: string | null,
    state?: ProgressState,
    events: TimelineEvent[] = [],
  ): Promise<number> {
    const at = new Date().toISOString();
    const steps = settleSteps(row.steps, { status: outcome.status, why: outcome.error ?? outcome.status, at });
    await tx.execute(
      sql`UPDATE sync_jobs SET status = ${outcome.status}, error = ${outcome.error}, finished_at = now(),
            updated_at = now(), current_step = null, steps = ${JSON.stringify(steps)}::jsonb, version = version + 1
            ${state ? sql`, stats = ${JSON.stringify(state.stats)}::jsonb, progress = ${state.progress}, summary = ${state.summary ? JSON.stringify(state.summary) : null}::jsonb${healthColumns(state)}` : sql``}
            ${cancelledBy === undefined ? sql`` : sql`, cancelled_by = ${cancelledBy}`}
          WHERE id = ${row.id}`,
    );
    const final: TimelineEvent = {
      at,
      level: outcome.status === "completed" ? "info" : outcome.status === "cancelled" ? "warn" : "error",
      stepKey: null,
      message: `Sync job ${outcome.status}${outcome.error ? `: ${outcome.error}` : ""}`,
    };
    await insertEvents(tx, row.id, [...events, final]);
    await tx.execute(
      sql`INSERT INTO sync_job_outbox (sync_job_id, data_source_id, status, error)
          VALUES (${row.id}, ${row.data_source_id}, ${outcome.status}, ${outcome.error})
          ON CONFLICT (sync_job_id) DO NOTHING`,
    );
    return row.version + 1; // the row is locked: this transaction's one bump
  }
}

/** The source-health part of the progress state (quality counters, alarms), written with the rest. */
function healthColumns(state: ProgressState) {
  return sql`, quality_tally = ${JSON.stringify(state.quality)}::jsonb, alarms = ${JSON.stringify(state.alarms)}::jsonb`;
}

interface LockedRow {
  id: string;
  data_source_id: string;
  status: SyncJobStatus;
  attempt: number;
  max_attempts: number;
  steps: CrawlStep[];
  version: number;
}
