import type { CrawlStepStatus, SyncJobStatus } from "@jobsync/contracts";
import { Ban, CheckCircle2, Circle, CircleSlash, Clock, LoaderCircle, type LucideIcon, XCircle } from "lucide-react";
import { cn } from "../../lib/cn";
import { Badge, type BadgeTone } from "../ui/badge";
import type { ProgressTone } from "../ui/progress";

interface StatusDisplay {
  label: string;
  tone: BadgeTone;
  icon: LucideIcon;
  spin?: boolean;
}

/** One entry per sync job status: adding a status to the contracts is a compile error here until it has a badge. */
export const SYNC_JOB_STATUS_DISPLAY: Record<SyncJobStatus, StatusDisplay> = {
  pending: { label: "Pending", tone: "neutral", icon: Clock },
  running: { label: "Running", tone: "blue", icon: LoaderCircle, spin: true },
  cancelling: { label: "Cancelling", tone: "amber", icon: LoaderCircle, spin: true },
  completed: { label: "Completed", tone: "green", icon: CheckCircle2 },
  failed: { label: "Failed", tone: "red", icon: XCircle },
  cancelled: { label: "Cancelled", tone: "amber", icon: Ban },
};

export const SYNC_JOB_PROGRESS_TONE: Record<SyncJobStatus, ProgressTone> = {
  pending: "neutral",
  running: "blue",
  cancelling: "amber",
  completed: "green",
  failed: "red",
  cancelled: "amber",
};

export function SyncJobStatusBadge({ status, className }: { status: SyncJobStatus; className?: string }) {
  const display = SYNC_JOB_STATUS_DISPLAY[status];
  const Icon = display.icon;
  return (
    <Badge tone={display.tone} className={className} data-status={status}>
      <Icon className={cn("size-3", display.spin && "animate-spin")} aria-hidden />
      {display.label}
    </Badge>
  );
}

/** The guide's step statuses, each with its icon. */
export const STEP_STATUS_DISPLAY: Record<
  CrawlStepStatus,
  { label: string; icon: LucideIcon; className: string; tone: ProgressTone }
> = {
  pending: { label: "Pending", icon: Circle, className: "text-zinc-300", tone: "neutral" },
  running: { label: "Running", icon: LoaderCircle, className: "animate-spin text-blue-600", tone: "blue" },
  completed: { label: "Completed", icon: CheckCircle2, className: "text-emerald-600", tone: "green" },
  failed: { label: "Failed", icon: XCircle, className: "text-red-600", tone: "red" },
  skipped: { label: "Skipped", icon: CircleSlash, className: "text-zinc-400", tone: "neutral" },
};

export function StepStatusIcon({ status }: { status: CrawlStepStatus }) {
  const display = STEP_STATUS_DISPLAY[status];
  const Icon = display.icon;
  return <Icon className={cn("size-4 shrink-0", display.className)} role="img" aria-label={display.label} />;
}
