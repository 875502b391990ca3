import type {
  CrawlStats,
  FetcherKind,
  FinalSyncJobStatus,
  QualityTally,
  ResolvedSyncOptions,
  SourceConfig,
  SourceKind,
  StepKey,
} from "@jobsync/contracts";
import type {
  CrawlBatch,
  CrawlCheckpoint,
  Fetcher,
  ListingTarget,
  NetworkPolicy,
  PageArchive,
  ParsingAdapter,
  PostingDraft,
  WarcWriter,
} from "@jobsync/crawler";
import type { SyncArchives } from "../archive/sync-archives";
import type { DataSourceRow } from "../db/schema";
import type { DuplicatePlan } from "../postings/duplicate-plan";
import type { PostingWriteRepository } from "../postings/posting-write.repository";
import type { BatchSaveRepository } from "./checkpoint/batch-save.repository";
import type { ProgressSink } from "./progress/progress-manager";
import type { BaselineReader } from "./quality/judge-quality";
import type { SnapshotSink } from "./quality/snapshot-recorder";

/** The engine's view of a source config: what every kind has, in units named. */
export interface CrawlSettings {
  fetcher: FetcherKind;
  timeoutSecs: number;
  requestDelaySecs: number;
  headless: boolean;
  fetchDetails: boolean;
}

/** Settings of the worker process that steps need. */
export interface SyncRuntimeOptions {
  chromiumPath?: string;
  /** Requests in flight per sync job (the per-host delay still applies). */
  crawlConcurrency: number;
  /** Postings per streamed batch (SYNC_BATCH_SIZE): what a sync holds in memory per step, and commits at once. */
  batchSize: number;
  /** Who the fetchers may connect to (ALLOW_PRIVATE_HOSTS, the demo board's endpoint). */
  network?: NetworkPolicy;
  /** Incremental sync: which of these external ids a data source already has stored. */
  knownExternalIds?: (dataSourceId: string, externalIds: string[]) => Promise<ReadonlySet<string>>;
  /** A board answered a page with a block or challenge page (metrics). */
  pageBlocked?: (siteName: string) => void;
  /** The page archives (ARCHIVE_DIR); absent: no sync job archives its pages, and none can be re-processed. */
  archives?: SyncArchives;
}

/** Where earlier work of this sync job (or of the one it resumes) got to: nothing in it is fetched again. */
export interface ResumePoint {
  checkpoint: CrawlCheckpoint;
  /** Counters of this sync job's own saved batches (an automatic resume starts its statistics from them). */
  ownTally: CrawlStats;
  /** Quality counters of this sync job's own saved batches: a resumed attempt continues them. */
  ownQuality: QualityTally;
  /** Saved batches of this sync job and of the sync jobs it continues. */
  batches: number;
}

/** The facts of one sync job, fixed when a worker claims it. */
export interface SyncJobInput {
  readonly jobId: string;
  /** The worker that holds it: every batch it saves is fenced on it. */
  readonly workerId: string;
  readonly source: DataSourceRow;
  readonly kind: SourceKind;
  readonly maxJobs: number;
  /** Incremental sync off for this sync job (`full_refresh` in the request). */
  readonly fullRefresh: boolean;
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Set when there is earlier work to continue (a later attempt, or a "Resume" of another sync job). */
  readonly resume: ResumePoint | null;
  readonly resumedFrom: string | null;
  /** Set for a re-process: the finished sync job whose archived pages are parsed again, instead of the site. */
  readonly reprocessedFrom: string | null;
  readonly crawledAt: Date;
}

/** What the steps of one sync job use: its cancel signal, its progress, the stores, the runtime settings. */
export interface SyncEnv {
  readonly signal: AbortSignal;
  readonly progress: ProgressSink;
  readonly postings: PostingWriteRepository;
  readonly batches: BatchSaveRepository;
  readonly runtime: SyncRuntimeOptions;
  /** The first page of each error or alarm kind of this sync job. */
  readonly snapshots: SnapshotSink;
  /** The source's learned baseline, for drift alarms. */
  readonly baselines: BaselineReader;
  /** Errors worth repeating in the summary (first few), as "Step: message". */
  readonly firstErrors: string[];
  /** What steps add to the summary besides the counters. */
  readonly summaryExtras: { sameContentBySource?: Record<string, number> };
}

/** What Initialize hands to the later steps: the config with its defaults applied once, the adapter, the fetcher. */
export interface PreparedSync {
  readonly config: SourceConfig;
  readonly settings: CrawlSettings;
  readonly options: ResolvedSyncOptions;
  /** Its page parsers run in the parse pool (worker threads), off the event loop. */
  readonly adapter: ParsingAdapter;
  readonly fetcher: Fetcher;
  /** The page archive this sync job writes (its fetcher records every page), or reads (a re-process); or none. */
  readonly archive: ArchiveUse | null;
}

export type ArchiveUse =
  | { readonly mode: "write"; readonly writer: WarcWriter; writeError: string | null }
  | { readonly mode: "read"; readonly fromJobId: string; readonly source: PageArchive };

/** The message of a step a re-process skips. */
export function fromArchiveMessage(archive: ArchiveUse | null): string | null {
  return archive?.mode === "read"
    ? `Skipped: from archive (sync job ${archive.fromJobId.slice(0, 8)}); no request to the site`
    : null;
}

/** Generate URLs adds the searches to crawl. */
export interface PlannedSync extends PreparedSync {
  readonly targets: readonly ListingTarget[];
}

/**
 * One batch on its way through steps 5–8: Crawl Jobs fills `crawl`, Process Jobs `drafts` and `gone`, Check
 * Duplicates `plan`, Save Jobs stores it with its checkpoint. `tally` collects the counters it adds, so a resume can
 * start its statistics from what was really saved.
 */
export interface StreamBatch {
  readonly seq: number;
  crawl: CrawlBatch;
  /** External ids of the batch's items (its items are let go once processed; the checkpoint keeps the ids). */
  readonly itemIds: string[];
  drafts: PostingDraft[];
  /** External ids whose detail page says the posting is gone: closed if stored, never saved open. */
  gone: string[];
  plan: DuplicatePlan | null;
  readonly tally: CrawlStats;
  /** The quality counters it adds (pages met since the batch before, its processed drafts): kept with its checkpoint. */
  readonly quality: QualityTally;
}

/** Reports of one step, bound to its key. */
export interface StepReporter {
  readonly key: StepKey;
  progress(percent: number, message?: string): void;
  detail(line: string): void;
  message(message: string): void;
  warn(message: string): void;
  /** A recoverable error: counted in `errors`, shown as a detail, the step goes on. */
  error(message: string): void;
}

export type StepResult = { status: "completed" | "skipped"; message: string };

/** How a sync job's steps ended, before Cleanup. */
export interface PipelineOutcome {
  status: FinalSyncJobStatus;
  error: string | null;
}

/** A step that cannot go on: the sync job fails with this message. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepFailure";
  }
}

/** Why a sync job's signal aborted: an admin's cancel, this worker stopping (SIGTERM), or the job taken from it. */
export const STOP_REASONS = { cancelled: "cancelled", shutdown: "shutdown", lost: "lost" } as const;

/** The words for a stopped signal, as steps and the summary show them. */
export function stopWhy(signal: AbortSignal): string {
  if (signal.reason === STOP_REASONS.shutdown) return "the worker stopped; the sync job resumes from its checkpoint";
  if (signal.reason === STOP_REASONS.lost) return "the sync job was taken over by another worker";
  return "the sync job was cancelled";
}
