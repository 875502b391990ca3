import { useTranslation } from "react-i18next";
import type { LiveMode } from "../../hooks/use-sync-job-progress";
import { cn } from "../../lib/cn";
import { SYNC_JOB_POLL_MS } from "../../queries/sync-jobs";

const DOTS: Record<LiveMode, string> = {
  connecting: "bg-zinc-500",
  live: "bg-emerald-500 animate-pulse",
  polling: "bg-amber-500",
  ended: "bg-zinc-400",
};

/** How the modal is being kept current. */
export function LiveIndicator({ mode }: { mode: LiveMode }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600" data-live-mode={mode}>
      <span className={cn("size-1.5 rounded-full", DOTS[mode])} aria-hidden />
      {t(`syncJobs.live.${mode}`, { seconds: SYNC_JOB_POLL_MS / 1000 })}
    </span>
  );
}
