import { Readable } from "node:stream";
import type { JobExportQuery, SyncJobExportFormat } from "@jobsync/contracts";
import { toSearchFilter } from "../postings/posting-search.service";
import type { SyncJobService } from "../sync/sync-job.service";
import { csvRow, UTF8_BOM } from "./csv";
import { type ExportRepository, keysetBatches } from "./export.repository";
import { POSTING_CSV_COLUMNS, postingCsvValues } from "./posting-columns";
import { syncJobReportCsv, syncJobReportJson } from "./sync-job-report";

export interface ExportFile {
  filename: string;
  contentType: string;
  stream: Readable;
}

/** Streamed exports: the sync job report (CSV or JSON) and job posting search results (CSV). */
export class ExportService {
  constructor(
    private readonly exports: ExportRepository,
    private readonly syncJobs: Pick<SyncJobService, "get">,
  ) {}

  /** 404 before the first byte when the sync job does not exist. */
  async syncJobReport(jobId: string, format: SyncJobExportFormat): Promise<ExportFile> {
    const job = await this.syncJobs.get(jobId);
    const errors = await this.exports.errorEvents(jobId);
    const read = (afterId: number) => this.exports.changedPostings(jobId, afterId);
    const base = `sync-job-${job.site_name}-${job.job_id.slice(0, 8)}`;
    return format === "json"
      ? {
          filename: `${base}.json`,
          contentType: "application/json; charset=utf-8",
          stream: Readable.from(syncJobReportJson(job, errors, read)),
        }
      : {
          filename: `${base}.csv`,
          contentType: "text/csv; charset=utf-8",
          stream: Readable.from(syncJobReportCsv(job, errors, read)),
        };
  }

  postingsCsv(query: JobExportQuery): ExportFile {
    const filter = toSearchFilter(query);
    const exports = this.exports;
    async function* rows(): AsyncGenerator<string> {
      yield UTF8_BOM + csvRow(POSTING_CSV_COLUMNS);
      for await (const batch of keysetBatches(
        (after) => exports.searchPostings(filter, after),
        (p) => p.id,
      )) {
        yield batch.map((posting) => csvRow(postingCsvValues(posting))).join("");
      }
    }
    return { filename: "job-postings.csv", contentType: "text/csv; charset=utf-8", stream: Readable.from(rows()) };
  }
}
