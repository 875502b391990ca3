import { randomUUID } from "node:crypto";
import type {
  BatchProgress,
  BatchSourceResult,
  BatchSyncRequest,
  BatchSyncResponse,
  SyncJobRequest,
  SyncJobResponse,
  SyncTrigger,
} from "@jobsync/contracts";
import type { AuditActor } from "../audit/audit-actor";
import { AppError, notFound } from "../errors/app-error";
import type { SyncJobRepository } from "../sync/sync-job.repository";
import { summarizeBatch } from "./batch-summary";

/** The start of one sync job (SyncJobService.start), with a batch id. */
export interface BatchStarter {
  start(
    siteName: string,
    request: SyncJobRequest,
    actor: AuditActor | null,
    trigger?: SyncTrigger,
    batchId?: string | null,
  ): Promise<SyncJobResponse>;
}

/**
 * Multi-site sync: one batch id for several data sources, each started as its own sync job (trigger "batch") and run
 * by the workers under the usual concurrency; each source's outcome is reported, never the batch's first failure.
 */
export class BatchSyncService {
  constructor(
    private readonly starter: BatchStarter,
    private readonly syncJobs: SyncJobRepository,
  ) {}

  async start(request: BatchSyncRequest, actor: AuditActor): Promise<BatchSyncResponse> {
    const batchId = randomUUID();
    const body: SyncJobRequest = request.max_jobs === undefined ? {} : { max_jobs: request.max_jobs };
    const results: BatchSourceResult[] = [];
    // one after the other: each start is two short statements, and the order of the list is kept
    for (const siteName of request.site_names) {
      results.push(await this.startOne(siteName, body, actor, batchId));
    }
    const started = results.some((r) => r.outcome === "started");
    return { batch_id: started ? batchId : null, results };
  }

  private async startOne(
    siteName: string,
    body: SyncJobRequest,
    actor: AuditActor,
    batchId: string,
  ): Promise<BatchSourceResult> {
    try {
      const started = await this.starter.start(siteName, body, actor, "batch", batchId);
      return { site_name: started.site_name, outcome: "started", job_id: started.job_id, message: started.message };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      switch (error.code) {
        case "not_found":
          return { site_name: siteName, outcome: "unknown", job_id: null, message: error.message };
        case "data_source_inactive":
          return { site_name: siteName, outcome: "inactive", job_id: null, message: error.message };
        case "sync_job_active": {
          const active = error.details as { job_id: string; site_name: string };
          return {
            site_name: active.site_name,
            outcome: "already_active",
            job_id: active.job_id,
            message: error.message,
          };
        }
        default:
          throw error;
      }
    }
  }

  async get(batchId: string): Promise<BatchProgress> {
    const jobs = await this.syncJobs.listBatch(batchId);
    const first = jobs[0];
    if (!first) throw notFound(`batch ${batchId} not found`);
    return { batch_id: batchId, created_at: first.created_at, summary: summarizeBatch(jobs), jobs };
  }
}
