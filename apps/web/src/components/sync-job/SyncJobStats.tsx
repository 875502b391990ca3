import type { CrawlStats } from "@jobsync/contracts";
import { useTranslation } from "react-i18next";
import type { TranslationKey } from "../../i18n/keys";
import { cn } from "../../lib/cn";
import { formatCount } from "../../lib/format";

type StatKey = Exclude<keyof CrawlStats, "duplicates_by_reason">;

const PRIMARY: Array<{ key: StatKey; label: TranslationKey; tone?: string }> = [
  { key: "jobs_found", label: "stats.jobsFound" },
  { key: "jobs_added", label: "stats.added", tone: "text-emerald-700" },
  { key: "duplicates", label: "stats.duplicates" },
  { key: "errors", label: "stats.errors", tone: "text-red-700" },
];

const SECONDARY: Array<{ key: StatKey; label: TranslationKey }> = [
  { key: "pages_fetched", label: "stats.pagesFetched" },
  { key: "jobs_updated", label: "stats.updated" },
  { key: "jobs_invalid", label: "stats.invalid" },
  { key: "jobs_filtered", label: "stats.filtered" },
  { key: "jobs_processed", label: "stats.processed" },
  { key: "details_fetched", label: "stats.detailsFetched" },
  { key: "requests_retried", label: "stats.retries" },
];

/** The sync job's live counters: the guide's four first, then the finer ones. */
export function SyncJobStats({ stats }: { stats: CrawlStats }) {
  const { t } = useTranslation();
  const reasons = stats.duplicates_by_reason;
  return (
    <section aria-label={t("stats.title")} className="flex flex-col gap-2">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {PRIMARY.map(({ key, label, tone }) => (
          <div key={key} className="rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2">
            <dt className="text-[11px] font-medium tracking-wide text-zinc-600 uppercase">{t(label)}</dt>
            <dd
              className={cn("mt-0.5 text-xl font-semibold tabular-nums", stats[key] > 0 && tone)}
              data-testid={`stat-${key}`}
            >
              {formatCount(stats[key])}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 px-1 text-xs text-zinc-700">
        {SECONDARY.map(({ key, label }) => (
          <div key={key} className="flex gap-1">
            <dt>{t(label)}</dt>
            <dd className="font-medium text-zinc-900 tabular-nums" data-testid={`stat-${key}`}>
              {formatCount(stats[key])}
            </dd>
          </div>
        ))}
        {stats.duplicates > 0 ? (
          <div className="flex gap-1">
            <dt>{t("stats.duplicatesBy")}</dt>
            <dd className="text-zinc-900 tabular-nums">
              {t("stats.duplicateReasons", {
                id: formatCount(reasons.same_id),
                url: formatCount(reasons.same_url),
                content: formatCount(reasons.same_content),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
