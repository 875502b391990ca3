import type { CrawlStats } from "@jobsync/contracts";
import { cn } from "../../lib/cn";
import { formatCount } from "../../lib/format";

type StatKey = Exclude<keyof CrawlStats, "duplicates_by_reason">;

const PRIMARY: Array<{ key: StatKey; label: string; tone?: string }> = [
  { key: "jobs_found", label: "Jobs found" },
  { key: "jobs_added", label: "Added", tone: "text-emerald-700" },
  { key: "duplicates", label: "Duplicates" },
  { key: "errors", label: "Errors", tone: "text-red-700" },
];

const SECONDARY: Array<{ key: StatKey; label: string }> = [
  { key: "pages_fetched", label: "Pages fetched" },
  { key: "jobs_updated", label: "Updated" },
  { key: "jobs_invalid", label: "Invalid" },
  { key: "jobs_filtered", label: "Filtered" },
  { key: "jobs_processed", label: "Processed" },
  { key: "details_fetched", label: "Details fetched" },
  { key: "requests_retried", label: "Retries" },
];

/** The sync job's live counters: the guide's four first, then the finer ones. */
export function SyncJobStats({ stats }: { stats: CrawlStats }) {
  const reasons = stats.duplicates_by_reason;
  return (
    <section aria-label="Statistics" className="flex flex-col gap-2">
      <dl className="grid grid-cols-4 gap-2">
        {PRIMARY.map(({ key, label, tone }) => (
          <div key={key} className="rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2">
            <dt className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
            <dd
              className={cn("mt-0.5 text-xl font-semibold tabular-nums", stats[key] > 0 && tone)}
              data-testid={`stat-${key}`}
            >
              {formatCount(stats[key])}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 px-1 text-xs text-zinc-600">
        {SECONDARY.map(({ key, label }) => (
          <div key={key} className="flex gap-1">
            <dt>{label}</dt>
            <dd className="font-medium text-zinc-900 tabular-nums" data-testid={`stat-${key}`}>
              {formatCount(stats[key])}
            </dd>
          </div>
        ))}
        {stats.duplicates > 0 ? (
          <div className="flex gap-1">
            <dt>Duplicates by</dt>
            <dd className="text-zinc-900 tabular-nums">
              id {reasons.same_id} · URL {reasons.same_url} · content {reasons.same_content}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
