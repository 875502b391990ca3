import type { DataSource } from "@jobsync/contracts";
import { CalendarClock } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "../../lib/format";
import { ScheduleRunsDialog } from "./ScheduleRunsDialog";

/** "in 4 min", "in 3 h", "in 2 d" for a time still ahead; "now" once it is due. */
export function formatUntil(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds < 45) return "now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} h`;
  return `in ${Math.round(hours / 24)} d`;
}

/** The data source's schedule and when it next fires (paused while the source is inactive). */
export function NextRun({ source }: { source: DataSource }) {
  const [showRuns, setShowRuns] = useState(false);
  if (!source.schedule_cron) return <span className="text-zinc-400">Manual</span>;
  return (
    <div
      className="flex flex-col"
      title={`${source.schedule_cron} (${source.schedule_timezone})`}
      data-testid={`next-run-${source.site_name}`}
    >
      <button
        type="button"
        className="flex items-center gap-1 rounded text-left font-mono text-xs text-zinc-700 hover:text-blue-700"
        onClick={() => setShowRuns(true)}
        aria-label={`Schedule fires of ${source.site_name}`}
      >
        <CalendarClock className="size-3 text-zinc-400" aria-hidden />
        {source.schedule_cron}
      </button>
      <ScheduleRunsDialog siteName={showRuns ? source.site_name : null} onClose={() => setShowRuns(false)} />
      <span className="text-xs text-zinc-500">
        {source.next_run_at
          ? `next ${formatUntil(source.next_run_at)} · ${formatDateTime(source.next_run_at)}`
          : "paused (inactive)"}
      </span>
    </div>
  );
}
