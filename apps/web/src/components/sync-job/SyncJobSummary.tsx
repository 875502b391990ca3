import { type CrawlJobProgress, SYNC_STEPS, type SyncSummary, syncOutcomeOf } from "@jobsync/contracts";
import { useTranslation } from "react-i18next";
import { formatCount, formatDuration } from "../../lib/format";
import { StatusBadge, syncJobDisplay } from "./status-display";

/**
 * The final summary of a finished sync job: outcome (with errors / warnings in amber), message, durations, the
 * "same content" duplicates by the source of their original, and the first errors.
 */
export function SyncJobSummary({ summary, job }: { summary: SyncSummary; job?: Pick<CrawlJobProgress, "stats"> }) {
  const { t } = useTranslation();
  const durations = SYNC_STEPS.filter((step) => summary.step_durations_ms[step.key] !== undefined);
  const sameContent = Object.entries(summary.same_content_by_source ?? {}).sort((a, b) => b[1] - a[1]);
  const outcomeOf = { status: summary.outcome, stats: job?.stats ?? summary.stats };
  return (
    <section aria-label={t("summary.title")} className="rounded-md border border-zinc-200">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50/60 px-3 py-2">
        <h3 className="text-[13px] font-semibold text-zinc-900">{t("summary.title")}</h3>
        <StatusBadge display={syncJobDisplay(outcomeOf)} status={summary.outcome} outcome={syncOutcomeOf(outcomeOf)} />
        <span className="ml-auto text-xs text-zinc-600">
          {t("summary.total")}{" "}
          <span className="font-medium text-zinc-900 tabular-nums">{formatDuration(summary.total_duration_ms)}</span>
        </span>
      </header>
      <div className="flex flex-col gap-3 px-3 py-2.5 text-[13px]">
        <p className="text-zinc-800" lang="en">
          {summary.message}
        </p>
        {durations.length > 0 ? (
          <dl className="grid grid-cols-1 gap-x-4 gap-y-0.5 text-xs sm:grid-cols-2 md:grid-cols-3">
            {durations.map((step) => (
              <div key={step.key} className="flex justify-between gap-2">
                <dt className="truncate text-zinc-600">{t(`steps.${step.key}.name`)}</dt>
                <dd className="text-zinc-900 tabular-nums">{formatDuration(summary.step_durations_ms[step.key])}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {sameContent.length > 0 ? (
          <section aria-label={t("summary.sameContentBySource")}>
            <h4 className="text-xs font-medium text-zinc-800">{t("summary.sameContentAs")}</h4>
            <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
              {sameContent.map(([site, count]) => (
                <li key={site} className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900" data-source={site}>
                  {site}: <span className="tabular-nums">{formatCount(count)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {summary.first_errors.length > 0 ? (
          <div>
            <h4 className="text-xs font-medium text-red-800">{t("summary.firstErrors")}</h4>
            <ul className="mt-1 list-disc pl-4 text-xs text-red-800" lang="en">
              {summary.first_errors.map((error, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: errors may repeat; order is identity
                <li key={i} className="break-words">
                  {error}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
