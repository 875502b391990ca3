import type { AbsenceExpiryReport } from "@jobsync/contracts";
import type { Db } from "../../db/database";
import type { FinishedSyncJob } from "../../sync/ending/sync-outbox.repository";
import type { BaselineRepository } from "../../sync/quality/baseline.repository";
import type { SyncJobRepository } from "../../sync/sync-job.repository";
import type { AbsenceExpiryRepository } from "./absence-expiry.repository";
import { abnormalFind, closeLimit, heldBackReason } from "./absence-guard";

const notRun = (reason: string): AbsenceExpiryReport => ({ missed: 0, closed: 0, held_back: 0, reasons: [reason] });

/**
 * Expiry by absence, guarded so one bad sync job cannot close a source's postings (ABSENCE_EXPIRY_GUARD): after a
 * completed sync job that read every listing page, each open posting it did not list counts one missed sync job —
 * unless it found under 70 % of the source's usual count, then nothing counts; postings missed twice in a row close,
 * at most 50 % of the source's open postings per pass, the longest unseen first. Runs in the sync job end handler's
 * transaction (exactly once per sync job) and in the expiry sweep (for postings a pass held back).
 */
export class AbsenceExpiry {
  constructor(
    private readonly postings: AbsenceExpiryRepository,
    private readonly baselines: BaselineRepository,
    private readonly syncJobs: SyncJobRepository,
  ) {}

  /** After a sync job ends; the report is stored on the sync job (`expiry`). Null for a sync job that did not complete. */
  async afterSyncJob(job: FinishedSyncJob, tx: Db): Promise<AbsenceExpiryReport | null> {
    if (job.status !== "completed") return null;
    const view = await this.syncJobs.findProgress(job.jobId, tx);
    if (!view) return null;
    let report: AbsenceExpiryReport;
    if (view.reprocessed_from !== null) {
      report = notRun("not run: a re-process reads an archive, not the site: it says nothing of what is listed now");
    } else if (view.resumed_from !== null) {
      report = notRun("not run: a sync job resuming another one does not know every posting it listed");
    } else if (view.summary?.complete_crawl !== true) {
      report = notRun(
        "not run: the sync job did not read every listing page (a cap, an incremental stop or a failed page)",
      );
    } else {
      const baseline = await this.baselines.forSource(job.dataSourceId, view.full_refresh, job.jobId, tx);
      const usual = baseline?.jobs_found ?? null;
      const kinds = [...new Set(view.alarms.map((a) => a.kind))].join(", ");
      const held =
        abnormalFind(view.stats.jobs_found, usual) ??
        (kinds ? `the sync job raised alarms (${kinds}): no posting was counted missing or closed` : null);
      report = held
        ? {
            missed: 0,
            closed: 0,
            held_back: await this.postings.unlistedCount(job.dataSourceId, job.jobId, tx),
            reasons: [held],
          }
        : await this.pass(job.dataSourceId, job.jobId, tx);
    }
    await this.postings.saveReport(job.jobId, report, tx);
    return report;
  }

  /** The sweep: close postings already missed twice that a pass held back, under the same guard. */
  async sweep(db: Db): Promise<AbsenceExpiryReport> {
    const total: AbsenceExpiryReport = { missed: 0, closed: 0, held_back: 0, reasons: [] };
    for (const source of await this.postings.sourcesWithDue(db)) {
      const due = await this.postings.dueIds(source.id, db);
      const latest = await this.baselines.latestCompleted(source.id, db);
      const baseline = latest ? await this.baselines.forSource(source.id, latest.fullRefresh, latest.id, db) : null;
      const abnormal = latest ? abnormalFind(latest.jobsFound, baseline?.jobs_found ?? null) : null;
      if (abnormal) {
        total.held_back += due.length;
        total.reasons.push(`${source.siteName}: ${due.length} postings held back: its latest ${abnormal}`);
        continue;
      }
      const open = await this.postings.openCount(source.id, db);
      const take = due.slice(0, closeLimit(open));
      total.closed += await this.postings.close(take, db);
      const held = due.length - take.length;
      if (held > 0) {
        total.held_back += held;
        total.reasons.push(`${source.siteName}: ${heldBackReason(held, open)}`);
      }
    }
    return total;
  }

  private async pass(dataSourceId: string, syncJobId: string, tx: Db): Promise<AbsenceExpiryReport> {
    const missed = await this.postings.countMissed(dataSourceId, syncJobId, tx);
    const open = await this.postings.openCount(dataSourceId, tx);
    const due = await this.postings.dueIds(dataSourceId, tx);
    const take = due.slice(0, closeLimit(open));
    const closed = await this.postings.close(take, tx);
    const held = due.length - take.length;
    return { missed, closed, held_back: held, reasons: held > 0 ? [heldBackReason(held, open)] : [] };
  }
}
