import type { Readable } from "node:stream";
import { type ArchiveDamage, readWarcResponse, type StoredResponse, scanWarc, type WarcEntry } from "@jobsync/crawler";
import { badRequest, notFound } from "../errors/app-error";
import type { SyncJobRepository } from "../sync/sync-job.repository";
import type { ArchiveRow } from "./archive.repository";
import { ArchiveUnavailableError, type SyncArchives } from "./sync-archives";

export interface ArchiveDownload {
  stream: Readable;
  filename: string;
  size: number;
}

/** What `archive show` prints: every archived page and where the archive stops being readable. */
export interface ArchiveListing {
  jobId: string;
  size: number;
  pages: WarcEntry[];
  damage: ArchiveDamage | null;
}

/** The page archives for admins: download a sync job's file, list them, show one's pages, extract one page. */
export class ArchiveService {
  constructor(
    private readonly archives: SyncArchives | null,
    private readonly syncJobs: SyncJobRepository,
  ) {}

  /** 404 unknown sync job or archive gone; 400 when it has none (or archives are off). */
  private async locate(jobId: string): Promise<{ path: string; size: number; siteName: string }> {
    const job = await this.syncJobs.findProgress(jobId);
    if (!job) throw notFound(`sync job ${jobId} not found`);
    if (!this.archives) throw badRequest("page archives are not configured (ARCHIVE_DIR)");
    try {
      return { ...(await this.archives.locate(jobId)), siteName: job.site_name };
    } catch (error) {
      if (!(error instanceof ArchiveUnavailableError)) throw error;
      throw error.reason === "gone" ? notFound(error.message) : badRequest(error.message);
    }
  }

  async download(jobId: string): Promise<ArchiveDownload> {
    const { size, siteName } = await this.locate(jobId);
    const safeSite = siteName.replace(/[^A-Za-z0-9_.-]+/g, "_");
    return {
      stream: this.archives!.files.open(jobId),
      filename: `${safeSite}-${jobId}.warc.gz`,
      size,
    };
  }

  async list(): Promise<ArchiveRow[]> {
    return this.archives ? this.archives.repository.list() : [];
  }

  async show(jobId: string): Promise<ArchiveListing> {
    const { path, size } = await this.locate(jobId);
    const pages: WarcEntry[] = [];
    const scan = await scanWarc(path, (entry) => {
      if (entry.type === "response") pages.push(entry);
    });
    return { jobId, size, pages, damage: scan.damage };
  }

  /** The archived response of `url` (the latest, if it was fetched twice). 404 when the archive does not hold it. */
  async extract(jobId: string, url: string): Promise<StoredResponse> {
    const { path } = await this.locate(jobId);
    let found: WarcEntry | null = null;
    await scanWarc(path, (entry) => {
      if (entry.type === "response" && (entry.url === url || entry.requestedUrl === url)) found = entry;
    });
    if (!found) throw notFound(`${url} is not in the archive of sync job ${jobId}`);
    return readWarcResponse(path, found);
  }
}
