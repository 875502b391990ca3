import type { SyncJobExportFormat } from "@jobsync/contracts";
import { API_PATHS, apiPath } from "@jobsync/contracts";
import type { ApiClient } from "./api";
import { authApi } from "./auth-api";
import type { JobSearchParams } from "./postings-api";

/**
 * Download links. The browser streams a download to disk, so the links are plain URLs: the sync job report (admin
 * only) and the postings CSV (public unless PUBLIC_EXPORT=0) carry a short-lived stream token, as the live events
 * stream does.
 */
export const exportLinks = {
  async syncJobReport(api: ApiClient, jobId: string, format: SyncJobExportFormat): Promise<string> {
    const { token } = await authApi.streamToken(api);
    return api.url(apiPath(API_PATHS.syncJobExport, { job_id: jobId }), { format, token });
  },
  /** One snapshot of a sync job: a plain-text attachment (never opened as a page in the admin's origin). */
  async snapshot(api: ApiClient, jobId: string, n: number): Promise<string> {
    const { token } = await authApi.streamToken(api);
    return api.url(apiPath(API_PATHS.syncJobSnapshot, { job_id: jobId, n }), { token });
  },
  /** The sync job's page archive (WARC/1.1, .warc.gz), as its archive endpoint streams it. */
  async archive(api: ApiClient, jobId: string): Promise<string> {
    const { token } = await authApi.streamToken(api);
    return api.url(apiPath(API_PATHS.syncJobArchive, { job_id: jobId }), { token });
  },
  /** The postings CSV: public unless PUBLIC_EXPORT=0, so the link carries the user's stream token either way. */
  async postingsCsv(api: ApiClient, params: JobSearchParams): Promise<string> {
    const { page: _page, page_size: _pageSize, cursor: _cursor, ...filters } = params;
    const { token } = await authApi.streamToken(api);
    return api.url(API_PATHS.jobPostingsExport, { ...filters, format: "csv", token });
  },
};

/** Start a download of `url` without leaving the page. */
export function download(url: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.rel = "noopener";
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}
