import {
  parseSourceConfig,
  resolveArchiveOptions,
  resolveSyncOptions,
  type SourceConfig,
  sourceKindSchema,
} from "@jobsync/contracts";
import { createFetcher, createParsingAdapter, type Fetcher, HttpFetcher, RecordingFetcher } from "@jobsync/crawler";
import { ArchiveUnavailableError } from "../../archive/sync-archives";
import {
  type ArchiveUse,
  type CrawlSettings,
  type PreparedSync,
  StepFailure,
  type StepReporter,
  type StepResult,
  type SyncEnv,
  type SyncJobInput,
} from "../sync-context";

/** The engine settings every kind's config carries (the guide's fields, plus fetcher and detail fetching). */
export function crawlSettings(config: SourceConfig): CrawlSettings {
  const c = config as Partial<Record<string, unknown>>;
  return {
    fetcher: c.fetcher === "browser" ? "browser" : "http",
    timeoutSecs: typeof c.timeout === "number" ? c.timeout : 30,
    requestDelaySecs: typeof c.request_delay === "number" ? c.request_delay : 2,
    headless: c.headless !== false,
    fetchDetails: c.fetch_details !== false,
  };
}

/**
 * Initialize: validate the stored configuration, apply its defaults once, pick the site adapter, prepare (not start)
 * the fetcher. Hands the later steps a typed, prepared sync.
 */
export async function initialize(
  job: SyncJobInput,
  env: SyncEnv,
  report: StepReporter,
): Promise<{ result: StepResult; value: PreparedSync }> {
  const kind = sourceKindSchema.safeParse(job.source.kind);
  if (!kind.success) throw new StepFailure(`data source kind "${job.source.kind}" has no adapter`);
  const parsed = parseSourceConfig(kind.data, job.source.config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `config.${i.path.join(".")}: ${i.message}`);
    for (const p of problems) report.detail(p);
    throw new StepFailure(`invalid configuration: ${problems.join("; ")}`);
  }
  const config = parsed.data;
  const settings = crawlSettings(config);
  const adapter = createParsingAdapter(kind.data, config); // pages are parsed off the event loop
  report.progress(50);
  const keywords = (config as { search_keywords?: string[] }).search_keywords;
  report.detail(`Source ${job.source.siteName} (${kind.data}) at ${job.source.baseUrl}`);
  if (keywords) report.detail(`Keywords: ${keywords.join(", ")}`);
  report.detail(
    `Up to ${job.maxJobs} job postings; fetcher ${settings.fetcher}${settings.fetcher === "browser" ? (settings.headless ? " (headless)" : " (headed)") : ""}; ` +
      `delay ${settings.requestDelaySecs} s per request; timeout ${settings.timeoutSecs} s; detail pages ${settings.fetchDetails ? "on" : "off"}`,
  );
  if (job.attempt > 1) {
    report.detail(`Resumed after the worker stopped (attempt ${job.attempt} of ${job.maxAttempts})`);
  }
  if (job.resume) {
    const { checkpoint } = job.resume;
    report.detail(
      `Resuming from the checkpoint${job.resumedFrom ? ` of sync job ${job.resumedFrom}` : ""}: ${checkpoint.pages.length} listing pages and ${checkpoint.detailUrls.size} detail pages already saved are not fetched again`,
    );
  }
  // last: nothing after this may fail, so an archive opened here is always closed by Cleanup
  const { fetcher, archive } = await pageSource(job, env, settings, kind.data, report);
  return {
    result: { status: "completed", message: "Configuration is valid" },
    value: { config, settings, options: resolveSyncOptions(job.source.config), adapter, fetcher, archive },
  };
}

/**
 * Where pages come from: the site, through the configured fetcher (recording every page into this sync job's archive
 * when the source archives), or, for a re-process, the archive of the sync job it re-processes (never the site).
 */
async function pageSource(
  job: SyncJobInput,
  env: SyncEnv,
  settings: CrawlSettings,
  kind: string,
  report: StepReporter,
): Promise<{ fetcher: Fetcher; archive: ArchiveUse | null }> {
  const archives = env.runtime.archives;
  if (job.reprocessedFrom) {
    if (!archives) throw new StepFailure("page archives are not configured on this worker (ARCHIVE_DIR)");
    try {
      const { archive: source, resumed } = await archives.source(job.reprocessedFrom);
      const also = resumed.length > 0 ? ` (with the archives of the sync jobs it resumed: ${resumed.join(", ")})` : "";
      report.detail(
        `Re-processing sync job ${job.reprocessedFrom}${also}: ${source.pages} archived pages are parsed again, no request is sent to the site`,
      );
      return { fetcher: source, archive: { mode: "read", fromJobId: job.reprocessedFrom, source } };
    } catch (error) {
      if (error instanceof ArchiveUnavailableError) throw new StepFailure(error.message);
      throw error;
    }
  }
  const fetcher = createFetcher({
    kind: settings.fetcher,
    timeoutMillis: settings.timeoutSecs * 1000,
    requestDelayMillis: settings.requestDelaySecs * 1000,
    headless: settings.headless,
    ...(env.runtime.chromiumPath ? { chromiumPath: env.runtime.chromiumPath } : {}),
    ...(env.runtime.network ? { network: env.runtime.network } : {}),
  });
  if (!archives || !resolveArchiveOptions(kind, job.source.config).enabled) return { fetcher, archive: null };
  const writer = await archives.begin(job.jobId, job.source.id).catch(async (error: Error) => {
    await fetcher.close();
    throw new StepFailure(`the page archive cannot be written: ${error.message}`);
  });
  const archive: ArchiveUse = { mode: "write", writer, writeError: null };
  if (writer.repaired) {
    report.warn(`the page archive ended in a half-written record at offset ${writer.repaired.offset}: cut off`);
  }
  const recording = new RecordingFetcher(fetcher, writer, {
    ...(fetcher instanceof HttpFetcher ? { userAgent: fetcher.userAgent } : {}),
    onRecordError: (error) => {
      archive.writeError = error.message;
    },
  });
  report.detail(`Pages are archived (WARC) as they are fetched`);
  return { fetcher: recording, archive };
}
