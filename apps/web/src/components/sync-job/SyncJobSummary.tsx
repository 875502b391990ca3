import { SYNC_STEPS, type SyncSummary } from "@jobsync/contracts";
import { formatDuration } from "../../lib/format";
import { SyncJobStatusBadge } from "./status-display";

/**
 * The final summary of a finished sync job: outcome, message, durations, the "same content" duplicates by the source
 * of their original, and the first errors.
 */
export function SyncJobSummary({ summary }: { summary: SyncSummary }) {
  const durations = SYNC_STEPS.filter((step) => summary.step_durations_ms[step.key] !== undefined);
  const sameContent = Object.entries(summary.same_content_by_source ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-label="Summary" className="rounded-md border border-zinc-200">
      <header className="flex items-center gap-2 border-b border-zinc-200 bg-zinc-50/60 px-3 py-2">
        <h3 className="text-[13px] font-semibold text-zinc-900">Summary</h3>
        <SyncJobStatusBadge status={summary.outcome} />
        <span className="ml-auto text-xs text-zinc-500">
          Total{" "}
          <span className="font-medium text-zinc-800 tabular-nums">{formatDuration(summary.total_duration_ms)}</span>
        </span>
      </header>
      <div className="flex flex-col gap-3 px-3 py-2.5 text-[13px]">
        <p className="text-zinc-800">{summary.message}</p>
        {durations.length > 0 ? (
          <dl className="grid grid-cols-3 gap-x-4 gap-y-0.5 text-xs">
            {durations.map((step) => (
              <div key={step.key} className="flex justify-between gap-2">
                <dt className="truncate text-zinc-500">{step.name}</dt>
                <dd className="text-zinc-800 tabular-nums">{formatDuration(summary.step_durations_ms[step.key])}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {sameContent.length > 0 ? (
          <section aria-label="Same content duplicates by source">
            <h4 className="text-xs font-medium text-zinc-700">Same content as postings of</h4>
            <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
              {sameContent.map(([site, count]) => (
                <li key={site} className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900" data-source={site}>
                  {site}: <span className="tabular-nums">{count}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {summary.first_errors.length > 0 ? (
          <div>
            <h4 className="text-xs font-medium text-red-700">First errors</h4>
            <ul className="mt-1 list-disc pl-4 text-xs text-red-800">
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
