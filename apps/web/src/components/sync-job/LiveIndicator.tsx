import type { LiveMode } from "../../hooks/use-sync-job-progress";
import { cn } from "../../lib/cn";
import { SYNC_JOB_POLL_MS } from "../../queries/sync-jobs";

const LABELS: Record<LiveMode, string> = {
  connecting: "Connecting…",
  live: "Live",
  polling: `Polling every ${SYNC_JOB_POLL_MS / 1000} s`,
  ended: "Final",
};

const DOTS: Record<LiveMode, string> = {
  connecting: "bg-zinc-400",
  live: "bg-emerald-500 animate-pulse",
  polling: "bg-amber-500",
  ended: "bg-zinc-300",
};

/** How the modal is being kept current. */
export function LiveIndicator({ mode }: { mode: LiveMode }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500" data-live-mode={mode}>
      <span className={cn("size-1.5 rounded-full", DOTS[mode])} aria-hidden />
      {LABELS[mode]}
    </span>
  );
}
