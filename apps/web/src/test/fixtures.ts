import {
  type CrawlJobProgress,
  type CrawlStats,
  type CrawlStep,
  type CrawlStepStatus,
  crawlJobProgressSchema,
  type DataSource,
  dataSourceSchema,
  emptyCrawlStats,
  type JobPostingSummary,
  jobPostingSummarySchema,
  pendingStep,
  type StepKey,
  SYNC_STEPS,
  type SyncJobStatus,
  TOPCV_GUIDE_CONFIG,
} from "@jobsync/contracts";

/**
 * Real-shaped API data for component tests, built from the contracts and checked against their schemas, so a
 * contract change breaks these fixtures rather than silently drifting from them.
 */

export const JOB_ID = "3f2b8c1e-7d4a-4b9e-9c51-0a6e2d7f8b10";
const T0 = Date.parse("2026-05-04T08:00:00.000Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

type StepOverride = Partial<Omit<CrawlStep, "key" | "name">>;

/** The nine steps: those before `upTo` completed, `upTo` in `status`, the rest pending. */
export function stepsUpTo(
  upTo: StepKey | null,
  status: CrawlStepStatus = "running",
  overrides: Partial<Record<StepKey, StepOverride>> = {},
): CrawlStep[] {
  const index = upTo === null ? -1 : SYNC_STEPS.findIndex((s) => s.key === upTo);
  return SYNC_STEPS.map((meta, i) => {
    const base: CrawlStep = pendingStep(meta.key, meta.name);
    if (i < index) {
      Object.assign(base, {
        status: meta.key === "start_browser" ? "skipped" : "completed",
        progress: 100,
        message: meta.key === "start_browser" ? "Skipped: fetched over plain HTTP" : `${meta.name} done`,
        details: [`${meta.name}: ok`],
        started_at: at(i * 2),
        finished_at: at(i * 2 + 1),
        duration_ms: 1000 + i * 150,
      });
    } else if (i === index) {
      Object.assign(base, {
        status,
        progress: status === "running" ? 40 : status === "pending" ? 0 : 100,
        message: status === "running" ? `${meta.name} in progress` : null,
        started_at: status === "pending" ? null : at(i * 2),
        finished_at: status === "running" || status === "pending" ? null : at(i * 2 + 1),
        duration_ms: status === "running" || status === "pending" ? null : 1500,
      });
    }
    return { ...base, ...overrides[meta.key] };
  });
}

export function stats(patch: Partial<CrawlStats> = {}): CrawlStats {
  return { ...emptyCrawlStats(), ...patch };
}

export function progressFixture(
  status: SyncJobStatus,
  patch: Partial<CrawlJobProgress> = {},
  jobId: string = JOB_ID,
): CrawlJobProgress {
  return crawlJobProgressSchema.parse({
    job_id: jobId,
    site_name: "TopCV-Demo",
    status,
    progress: 0,
    current_step: null,
    steps: stepsUpTo(null),
    stats: stats(),
    summary: null,
    error: null,
    max_jobs: 100,
    full_refresh: false,
    eta_seconds: null,
    trigger: "manual",
    requested_by: { id: "u1", email: "admin@jobsync.local" },
    cancelled_by: null,
    created_at: at(0),
    started_at: status === "pending" ? null : at(1),
    finished_at: null,
    updated_at: at(5),
    version: 1,
    attempt: 1,
    max_attempts: 3,
    resumed_from: null,
    resumable: false,
    quality: null,
    alarms: [],
    expiry: null,
    reprocessed_from: null,
    archive: null,
    ...patch,
  });
}

export function dataSourceFixture(patch: Partial<DataSource> = {}): DataSource {
  return dataSourceSchema.parse({
    id: `ds-${patch.site_name ?? "TopCV"}`,
    site_name: "TopCV",
    kind: "topcv",
    base_url: "https://www.topcv.vn",
    is_active: true,
    config: { ...TOPCV_GUIDE_CONFIG, search_keywords: [...TOPCV_GUIDE_CONFIG.search_keywords] },
    created_at: at(-86_400),
    updated_at: at(-3_600),
    active_job_id: null,
    last_sync: null,
    postings_count: 0,
    postings_count_is_estimate: false,
    schedule_cron: null,
    schedule_timezone: "UTC",
    next_run_at: null,
    health: { status: "never_synced", reason: "no sync job has completed or failed yet" },
    ...patch,
  });
}

export function postingFixture(patch: Partial<JobPostingSummary> = {}): JobPostingSummary {
  return jobPostingSummarySchema.parse({
    id: 1,
    site_name: "TopCV-Demo",
    external_id: "2100892",
    url: "https://www.topcv.vn/viec-lam/lap-trinh-vien-python/2100892.html",
    title: "Lập trình viên Python",
    company: "Công ty Cổ phần Công nghệ ABC",
    salary: {
      raw: "10 - 15 triệu",
      min: 10_000_000,
      max: 15_000_000,
      currency: "VND",
      period: "month",
      negotiable: false,
    },
    locations: ["Hà Nội: Cầu Giấy"],
    provinces: ["Hà Nội"],
    experience: "2 năm",
    experience_years: { min_years: 2, max_years: 2 },
    tags: ["Python", "Django"],
    deadline: "2026-06-30",
    status: "open",
    duplicate_of: null,
    first_seen_at: at(0),
    last_seen_at: at(60),
    rank: null,
    ...patch,
  });
}
