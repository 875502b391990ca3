import type { FetcherKind, FinalSyncJobStatus, SourceConfig, SourceKind, StepKey } from "@jobsync/contracts";
import type {
  Fetcher,
  JobDetail,
  ListingCard,
  ListingTarget,
  NetworkPolicy,
  ParsingAdapter,
  PostingDraft,
} from "@jobsync/crawler";
import type { DataSourceRow } from "../db/schema";
import type { DuplicatePlan } from "../postings/duplicate-plan";
import type { PostingWriteRepository } from "../postings/posting-write.repository";
import type { ProgressSink } from "./progress/progress-manager";

export interface CrawledItem {
  card: ListingCard;
  detail: JobDetail | null;
  target: string;
  page: number;
}

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
  /** Who the fetchers may connect to (ALLOW_PRIVATE_HOSTS, the demo board's endpoint). */
  network?: NetworkPolicy;
  /** Incremental sync: which of these external ids a data source already has stored. */
  knownExternalIds?: (dataSourceId: string, externalIds: string[]) => Promise<ReadonlySet<string>>;
}

/** What the steps of one sync job share: inputs, resources, and each step's output for the next. */
export interface SyncContext {
  readonly jobId: string;
  readonly source: DataSourceRow;
  readonly kind: SourceKind;
  readonly maxJobs: number;
  /** Incremental sync off for this sync job (`full_refresh` in the request). */
  readonly fullRefresh: boolean;
  readonly signal: AbortSignal;
  readonly progress: ProgressSink;
  readonly postings: PostingWriteRepository;
  readonly runtime: SyncRuntimeOptions;
  readonly crawledAt: Date;
  config: SourceConfig | null;
  settings: CrawlSettings | null;
  adapter: ParsingAdapter | null;
  fetcher: Fetcher | null;
  targets: ListingTarget[];
  items: CrawledItem[];
  drafts: PostingDraft[];
  plan: DuplicatePlan | null;
  /** Check Duplicates: "same content" duplicates by the data source of their original. */
  sameContentBySource?: Record<string, number>;
  /** Errors worth repeating in the summary (first few), as "Step: message". */
  firstErrors: string[];
  /** Set by the pipeline before Cleanup runs. */
  outcome: { status: FinalSyncJobStatus; error: string | null } | null;
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

export interface SyncStep {
  readonly key: StepKey;
  run(ctx: SyncContext, report: StepReporter): Promise<StepResult>;
}

/** A step that cannot go on: the sync job fails with this message. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepFailure";
  }
}

export function requireValue<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new StepFailure(`${what} is missing (an earlier step did not run)`);
  return value;
}
