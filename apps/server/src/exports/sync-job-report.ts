import type { CrawlJobProgress, CrawlStats, NumericStatKey } from "@jobsync/contracts";
import { csvRow, UTF8_BOM } from "./csv";
import { type ChangedPosting, type ErrorEvent, keysetBatches } from "./export.repository";
import { POSTING_CSV_COLUMNS, postingCsvValues } from "./posting-columns";

/** Where a report reads its postings from: keyset batches of the postings the sync job added or updated. */
export type ChangedPostingReader = (afterId: number) => Promise<ChangedPosting[]>;

function statRows(stats: CrawlStats): Array<[string, number]> {
  const rows: Array<[string, number]> = [];
  for (const key of Object.keys(stats) as Array<keyof CrawlStats>) {
    if (key === "duplicates_by_reason") {
      for (const [reason, count] of Object.entries(stats.duplicates_by_reason)) {
        rows.push([`duplicates_by_reason.${reason}`, count]);
      }
    } else {
      rows.push([key, stats[key as NumericStatKey]]);
    }
  }
  return rows;
}

/** Source health in the summary section: `quality.*` (fill rates 0..1, cards per page, counts) and one row per alarm. */
function qualityRows(job: CrawlJobProgress): Array<[string, string | number | null]> {
  const rows: Array<[string, string | number | null]> = [];
  const q = job.quality;
  if (q) {
    for (const [field, rate] of Object.entries(q.fields)) rows.push([`quality.fields.${field}`, rate]);
    rows.push(["quality.cards_per_page", q.cards_per_page]);
    rows.push(["quality.postings", q.postings]);
    rows.push(["quality.listing_pages", q.listing_pages]);
    rows.push(["quality.empty_pages", q.empty_pages]);
    rows.push(["quality.details_failed", q.details_failed]);
  }
  for (const [i, alarm] of job.alarms.entries()) {
    rows.push([`alarm.${i + 1}.${alarm.kind}.${alarm.field}`, alarm.message]);
  }
  return rows;
}

/**
 * The sync job report as CSV: four sections one after the other, each with its own header row whose first cell is
 * `section` and whose rows name their section in the first cell — summary (field, value), steps, errors, postings
 * (added and updated by this sync job, with `change`). Sections are separated by an empty line.
 */
export async function* syncJobReportCsv(
  job: CrawlJobProgress,
  errors: readonly ErrorEvent[],
  postings: ChangedPostingReader,
): AsyncGenerator<string> {
  let head = UTF8_BOM + csvRow(["section", "field", "value"]);
  const fields: Array<[string, string | number | null]> = [
    ["job_id", job.job_id],
    ["site_name", job.site_name],
    ["status", job.status],
    ["trigger", job.trigger],
    ["max_jobs", job.max_jobs],
    ["progress", job.progress],
    ["created_at", job.created_at],
    ["started_at", job.started_at],
    ["finished_at", job.finished_at],
    ["error", job.error],
    ["message", job.summary?.message ?? null],
    ["total_duration_ms", job.summary?.total_duration_ms ?? null],
    ...statRows(job.stats).map(([key, value]): [string, number] => [`stats.${key}`, value]),
    ...qualityRows(job),
  ];
  for (const [field, value] of fields) head += csvRow(["summary", field, value]);
  head += "\r\n";
  head += csvRow(["section", "step", "name", "status", "progress", "duration_ms", "message", "error"]);
  for (const step of job.steps) {
    head += csvRow([
      "step",
      step.key,
      step.name,
      step.status,
      step.progress,
      step.duration_ms,
      step.message,
      step.error,
    ]);
  }
  head += "\r\n";
  head += csvRow(["section", "at", "level", "step", "message"]);
  for (const error of errors) head += csvRow(["error", error.at, error.level, error.step, error.message]);
  head += "\r\n";
  head += csvRow(["section", "change", ...POSTING_CSV_COLUMNS]);
  yield head;
  for await (const batch of keysetBatches(postings, (row) => row.posting.id)) {
    yield batch.map((row) => csvRow(["posting", row.change, ...postingCsvValues(row.posting)])).join("");
  }
}

/**
 * The sync job report as one JSON object: the sync job's progress (summary, steps, stats, ...), `errors`, and
 * `postings` (each with its `change`), written batch by batch.
 */
export async function* syncJobReportJson(
  job: CrawlJobProgress,
  errors: readonly ErrorEvent[],
  postings: ChangedPostingReader,
): AsyncGenerator<string> {
  const head = JSON.stringify({ ...job, errors });
  yield `${head.slice(0, -1)},"postings":[`;
  let first = true;
  for await (const batch of keysetBatches(postings, (row) => row.posting.id)) {
    const items = batch.map((row) => JSON.stringify({ change: row.change, ...row.posting })).join(",");
    yield first ? items : `,${items}`;
    first = false;
  }
  yield "]}\n";
}
