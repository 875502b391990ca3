import type { DataSource } from "@jobsync/contracts";
import { CalendarClock } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatRelative } from "../../lib/format";
import { Time } from "../ui/time";
import { ScheduleRunsDialog } from "./ScheduleRunsDialog";

/** "in 4 min", "in 3 hr", "in 2 days" for a time still ahead; "now" once it is due. */
export function formatUntil(iso: string, now: number = Date.now()): string {
  return formatRelative(iso, now);
}

/**
 * The data source's schedule and when it next fires, in the schedule's own time zone ("06:30 GMT+7") whatever the
 * reader's, with the absolute time as tooltip; paused while the source is inactive.
 */
export function NextRun({ source }: { source: DataSource }) {
  const { t } = useTranslation();
  const [showRuns, setShowRuns] = useState(false);
  if (!source.schedule_cron) return <span className="text-zinc-600">{t("dataSources.schedule.manual")}</span>;
  return (
    <div
      className="flex flex-col"
      title={`${source.schedule_cron} (${source.schedule_timezone})`}
      data-testid={`next-run-${source.site_name}`}
    >
      <button
        type="button"
        className="flex items-center gap-1 rounded text-left font-mono text-xs text-zinc-800 hover:text-blue-700"
        onClick={() => setShowRuns(true)}
        aria-describedby={`fires-${source.id}`}
      >
        <CalendarClock className="size-3 text-zinc-500" aria-hidden />
        {source.schedule_cron}
      </button>
      <span id={`fires-${source.id}`} className="sr-only">
        {t("dataSources.schedule.firesOf", { name: source.site_name })}
      </span>
      <ScheduleRunsDialog siteName={showRuns ? source.site_name : null} onClose={() => setShowRuns(false)} />
      <span className="text-xs text-zinc-600">
        {source.next_run_at ? (
          <>
            {t("dataSources.schedule.next", { when: formatUntil(source.next_run_at) })} ·{" "}
            <Time value={source.next_run_at} mode="datetime" timeZone={source.schedule_timezone} />
          </>
        ) : (
          t("dataSources.schedule.paused")
        )}
      </span>
    </div>
  );
}
