import {
  ACTIVE_SYNC_JOB_STATUSES,
  type CrawlJobProgress,
  SYNC_JOB_STATUSES,
  type SyncJobList,
  type SyncJobListQuery,
  type SyncJobRequest,
  type SyncJobResponse,
  type SyncJobStatus,
  type SyncTrigger,
} from "@jobsync/contracts";
import type { Principal } from "../auth/auth.service";
import type { DataSourceRepository } from "../data-sources/data-source.repository";
import { AppError, badRequest, notFound } from "../errors/app-error";
import type { SyncJobRepository } from "./sync-job.repository";

/** Hands a new sync job to the workers (the queue), and a cancel to a worker of this process. */
export interface SyncDispatcher {
  enqueue(jobId: string): Promise<void>;
  cancelLocal(jobId: string): void;
  /** A pending sync job cancelled before any worker took it: no runner will tell the finish listener. */
  cancelledPending?(job: { jobId: string; dataSourceId: string }): Promise<void>;
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
    private readonly dataSources: DataSourceRepository,
    private readonly dispatcher: SyncDispatcher,
  ) {}

  async start(
    siteName: string,
    request: SyncJobRequest,
    principal: Principal | null,
    trigger: SyncTrigger = "manual",
    batchId: string | null = null,
  ): Promise<SyncJobResponse> {
    const source = await this.dataSources.findRow(siteName);
    if (!source) throw notFound(`data source ${siteName} not found`);
    if (!source.isActive) throw new AppError("data_source_inactive", `data source ${source.siteName} is not active`);
    const configured = (source.config as { max_jobs?: unknown }).max_jobs;
    const maxJobs = request.max_jobs ?? (typeof configured === "number" ? configured : 100);
    const outcome = await this.syncJobs.create({
      dataSourceId: source.id,
      siteName: source.siteName,
      maxJobs,
      trigger,
      requestedBy: principal?.id ?? null,
      batchId,
      fullRefresh: request.full_refresh ?? false,
    });
    if ("active" in outcome) {
      const active = outcome.active;
      throw new AppError(
        "sync_job_active",
        `data source ${source.siteName} already has an active sync job ${active.job_id}`,
        {
          job_id: active.job_id,
          site_name: active.site_name,
          status: active.status,
        },
      );
    }
    const job = outcome.created;
    try {
      await this.dispatcher.enqueue(job.job_id);
    } catch (error) {
      await this.syncJobs.requestCancel(job.job_id, null);
      throw error;
    }
    return {
      job_id: job.job_id,
      site_name: job.site_name,
      status: job.status,
      message: `Sync job started for ${job.site_name} (up to ${maxJobs} job postings)`,
      created_at: job.created_at,
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

  async cancel(jobId: string, principal: Principal): Promise<CrawlJobProgress> {
    const current = await this.get(jobId);
    const status = await this.syncJobs.requestCancel(jobId, principal.id);
    if (status === null) {
      throw new AppError("conflict", `sync job ${jobId} is already ${current.status}`, {
        job_id: jobId,
        status: current.status,
      });
    }
    if (status === "cancelling") this.dispatcher.cancelLocal(jobId);
    if (status === "cancelled" && this.dispatcher.cancelledPending) {
      const source = await this.dataSources.findRow(current.site_name);
      if (source) await this.dispatcher.cancelledPending({ jobId, dataSourceId: source.id }).catch(() => {});
    }
    return this.get(jobId);
  }
}
