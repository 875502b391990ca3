import {
  ACTIVE_SYNC_JOB_STATUSES,
  type CrawlJobProgress,
  isFinalSyncJobStatus,
  SYNC_JOB_STATUSES,
  type SyncJobList,
  type SyncJobListQuery,
  type SyncJobRequest,
  type SyncJobResponse,
  type SyncJobStatus,
  type SyncTrigger,
} from "@jobsync/contracts";
import { ArchiveUnavailableError, type SyncArchives } from "../archive/sync-archives";
import type { AuditActor } from "../audit/audit-actor";
import type { AuditLogRepository } from "../audit/audit-log.repository";
import type { DataSourceRepository } from "../data-sources/data-source.repository";
import { AppError, badRequest, notFound } from "../errors/app-error";
import type { CheckpointRepository } from "./checkpoint/checkpoint.repository";
import type { SyncJobRepository } from "./sync-job.repository";
import type { AuditWrite } from "./sync-job-transition-types";
import type { SyncJobTransitions } from "./sync-job-transitions";

/** Hands a new sync job to the workers (the queue), a cancel to a worker of this process, an end to its handler. */
export interface SyncDispatcher {
  enqueue(jobId: string): Promise<void>;
  cancelLocal(jobId: string): void;
  /** A sync job ended here (cancelled before it started, or not queued): its outbox row is waiting. */
  ended(): void;
}

export interface SyncJobServiceOptions {
  /** SYNC_MAX_ATTEMPTS: attempts each new sync job gets. */
  maxAttempts: number;
  /** The page archives (absent: nothing can be re-processed). */
  archives?: SyncArchives | null;
}

function encodeCursor(job: CrawlJobProgress): string {
  return Buffer.from(`${job.created_at}|${job.job_id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw badRequest("cursor must be a value returned as next_cursor");
  }
  return { createdAt, id };
}

/** The guide's CrawlProgressService, API side: start, list, read and cancel sync jobs. */
export class SyncJobService {
  constructor(
    private readonly syncJobs: SyncJobRepository,
    private readonly transitions: SyncJobTransitions,
    private readonly dataSources: DataSourceRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly dispatcher: SyncDispatcher,
    private readonly options: SyncJobServiceOptions,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The audit row of an admin's action, written by the lifecycle in the transaction of its change. */
  private auditWrite(
    actor: AuditActor | null,
    action: "sync_job.start" | "sync_job.resume" | "sync_job.cancel" | "sync_job.reprocess",
    changes: Record<string, unknown>,
  ): AuditWrite | undefined {
    if (!actor) return undefined;
    return (tx, syncJobId) => this.audit.record(tx, actor, { action, objectId: syncJobId, changes });
  }

  async start(
    siteName: string,
    request: SyncJobRequest,
    actor: AuditActor | null,
    trigger: SyncTrigger = "manual",
    batchId: string | null = null,
  ): Promise<SyncJobResponse> {
    const source = await this.dataSources.findRow(siteName);
    if (!source) throw notFound(`data source ${siteName} not found`);
    if (!source.isActive) throw new AppError("data_source_inactive", `data source ${source.siteName} is not active`);
    const configured = (source.config as { max_jobs?: unknown }).max_jobs;
    const maxJobs = request.max_jobs ?? (typeof configured === "number" ? configured : 100);
    const fullRefresh = request.full_refresh ?? false;
    return this.create(
      source,
      { maxJobs, trigger, requestedBy: actor?.userId ?? null, batchId, fullRefresh },
      this.auditWrite(actor, "sync_job.start", {
        site_name: source.siteName,
        trigger,
        max_jobs: maxJobs,
        full_refresh: fullRefresh,
        ...(batchId ? { batch_id: batchId } : {}),
      }),
    );
  }

  /**
   * "Resume": a new sync job (trigger `resume`) that continues a failed or cancelled one from its checkpoint — no page
   * it saved is fetched again. 400 for a completed one or one that saved nothing; 409 while the source is syncing.
   */
  async resume(jobId: string, actor: AuditActor | null): Promise<SyncJobResponse> {
    const old = await this.get(jobId);
    if (old.status !== "failed" && old.status !== "cancelled") {
      throw badRequest(
        old.status === "completed"
          ? `sync job ${jobId} completed: there is nothing to resume (start a new sync job instead)`
          : `sync job ${jobId} is still ${old.status}: only a failed or cancelled sync job can be resumed`,
      );
    }
    if (!(await this.checkpoints.hasAny(jobId))) {
      throw badRequest(`sync job ${jobId} saved no batch before it stopped: there is no checkpoint to resume from`);
    }
    const source = await this.activeSourceOf(old.site_name);
    return this.create(
      source,
      {
        maxJobs: old.max_jobs,
        trigger: "resume",
        requestedBy: actor?.userId ?? null,
        batchId: null,
        fullRefresh: false,
        resumedFrom: jobId,
      },
      this.auditWrite(actor, "sync_job.resume", { site_name: source.siteName, resumed_from: jobId }),
    );
  }

  /** The data source an old sync job ran for, to start a new one on it: 404 when it is gone, 409 when inactive. */
  private async activeSourceOf(siteName: string) {
    const source = await this.dataSources.findRow(siteName);
    if (!source) throw notFound(`data source ${siteName} no longer exists`);
    if (!source.isActive) throw new AppError("data_source_inactive", `data source ${source.siteName} is not active`);
    return source;
  }

  /**
   * "Re-process": a new sync job (trigger `reprocess`) that parses a finished sync job's archived pages again with
   * today's adapter and normalisers, and sends no request to the site. 400 while it is not finished or when it has no
   * archive; 404 when its archive is gone; 409 while the source has an active sync job.
   */
  async reprocess(jobId: string, actor: AuditActor | null): Promise<SyncJobResponse> {
    const old = await this.get(jobId);
    if (!isFinalSyncJobStatus(old.status)) {
      throw badRequest(`sync job ${jobId} is still ${old.status}: only a finished sync job can be re-processed`);
    }
    const archives = this.options.archives;
    if (!archives) throw badRequest("page archives are not configured (ARCHIVE_DIR)");
    try {
      await archives.locate(jobId);
    } catch (error) {
      if (!(error instanceof ArchiveUnavailableError)) throw error;
      throw error.reason === "gone" ? notFound(error.message) : badRequest(error.message);
    }
    const source = await this.activeSourceOf(old.site_name);
    return this.create(
      source,
      {
        maxJobs: old.max_jobs,
        trigger: "reprocess",
        requestedBy: actor?.userId ?? null,
        batchId: null,
        fullRefresh: true, // every archived page is read: nothing stops early on postings already stored
        reprocessedFrom: jobId,
      },
      this.auditWrite(actor, "sync_job.reprocess", { site_name: source.siteName, reprocessed_from: jobId }),
    );
  }

  private async create(
    source: { id: string; siteName: string },
    job: {
      maxJobs: number;
      trigger: SyncTrigger;
      requestedBy: string | null;
      batchId: string | null;
      fullRefresh: boolean;
      resumedFrom?: string;
      reprocessedFrom?: string;
    },
    audit?: AuditWrite,
  ): Promise<SyncJobResponse> {
    const outcome = await this.transitions.create(
      { dataSourceId: source.id, siteName: source.siteName, maxAttempts: this.options.maxAttempts, ...job },
      audit,
    );
    if ("activeId" in outcome) {
      const active = await this.get(outcome.activeId);
      throw new AppError(
        "sync_job_active",
        `data source ${source.siteName} already has an active sync job ${active.job_id}`,
        { job_id: active.job_id, site_name: active.site_name, status: active.status },
      );
    }
    try {
      await this.dispatcher.enqueue(outcome.created);
    } catch (error) {
      await this.transitions.failPending(outcome.created, `could not be queued: ${(error as Error).message}`);
      this.dispatcher.ended();
      throw error;
    }
    const created = await this.get(outcome.created);
    const from = job.resumedFrom
      ? `, resuming sync job ${job.resumedFrom}`
      : job.reprocessedFrom
        ? `, re-processing the archive of sync job ${job.reprocessedFrom}`
        : "";
    return {
      job_id: created.job_id,
      site_name: created.site_name,
      status: created.status,
      message: `Sync job started for ${created.site_name} (up to ${job.maxJobs} job postings${from})`,
      created_at: created.created_at,
    };
  }

  async get(jobId: string): Promise<CrawlJobProgress> {
    const job = await this.syncJobs.findProgress(jobId);
    if (!job) throw notFound(`sync job ${jobId} not found`);
    return job;
  }

  async list(query: SyncJobListQuery): Promise<SyncJobList> {
    let dataSourceId: string | null = null;
    if (query.site_name) {
      const source = await this.dataSources.findRow(query.site_name);
      if (!source) return { items: [], next_cursor: null };
      dataSourceId = source.id;
    }
    const statuses: readonly SyncJobStatus[] | null =
      query.status === "all" ? null : query.status === "active" ? ACTIVE_SYNC_JOB_STATUSES : [query.status];
    if (statuses && !statuses.every((s) => (SYNC_JOB_STATUSES as readonly string[]).includes(s))) {
      throw badRequest("unknown status");
    }
    const items = await this.syncJobs.list({
      statuses,
      dataSourceId,
      limit: query.limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : null,
    });
    const page = items.slice(0, query.limit);
    const last = page[page.length - 1];
    return { items: page, next_cursor: items.length > query.limit && last ? encodeCursor(last) : null };
  }

  async cancel(jobId: string, actor: AuditActor): Promise<CrawlJobProgress> {
    const current = await this.get(jobId);
    const status = await this.transitions.requestCancel(
      jobId,
      actor.userId,
      this.auditWrite(actor, "sync_job.cancel", { site_name: current.site_name, status: { before: current.status } }),
    );
    if (status === null) {
      throw new AppError("conflict", `sync job ${jobId} is already ${current.status}`, {
        job_id: jobId,
        status: current.status,
      });
    }
    if (status === "cancelling") this.dispatcher.cancelLocal(jobId);
    if (status === "cancelled") this.dispatcher.ended();
    return this.get(jobId);
  }
}
