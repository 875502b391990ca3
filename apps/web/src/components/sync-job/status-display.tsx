import type { CrawlStepStatus, SyncJobStatus, SyncOutcome } from "@jobsync/contracts";
import { syncOutcomeOf } from "@jobsync/contracts";
import {
  AlertTriangle,
  Ban,
  CheckCircle2,
  Circle,
  CircleSlash,
  Clock,
  LoaderCircle,
  type LucideIcon,
  XCircle,
} from "lucide-react";
import { useTranslation } from "react-i18next";
import type { TranslationKey } from "../../i18n/keys";
import { cn } from "../../lib/cn";
import { Badge, type BadgeTone } from "../ui/badge";
import type { ProgressTone } from "../ui/progress";

interface StatusDisplay {
  label: TranslationKey;
  tone: BadgeTone & ProgressTone;
  icon: LucideIcon;
  spin?: boolean;
}

/** One entry per sync job status: adding a status to the contracts is a compile error here until it has a badge. */
export const SYNC_JOB_STATUS_DISPLAY: Record<SyncJobStatus, StatusDisplay> = {
  pending: { label: "status.job.pending", tone: "neutral", icon: Clock },
  running: { label: "status.job.running", tone: "blue", icon: LoaderCircle, spin: true },
  cancelling: { label: "status.job.cancelling", tone: "amber", icon: LoaderCircle, spin: true },
  completed: { label: "status.job.completed", tone: "green", icon: CheckCircle2 },
  failed: { label: "status.job.failed", tone: "red", icon: XCircle },
  cancelled: { label: "status.job.cancelled", tone: "amber", icon: Ban },
};

/** How a finished sync job ended: a completed one that lost pages or postings is amber, not green. */
export const SYNC_OUTCOME_DISPLAY: Record<SyncOutcome, StatusDisplay> = {
  completed: SYNC_JOB_STATUS_DISPLAY.completed,
  completed_with_warnings: { label: "status.outcome.completedWithWarnings", tone: "amber", icon: AlertTriangle },
  completed_with_errors: { label: "status.outcome.completedWithErrors", tone: "amber", icon: AlertTriangle },
  failed: SYNC_JOB_STATUS_DISPLAY.failed,
  cancelled: SYNC_JOB_STATUS_DISPLAY.cancelled,
};

/** What to show for a sync job: its outcome once final (with errors / warnings), its status while active. */
export function syncJobDisplay(job: Parameters<typeof syncOutcomeOf>[0]): StatusDisplay {
  const outcome = syncOutcomeOf(job);
  return outcome ? SYNC_OUTCOME_DISPLAY[outcome] : SYNC_JOB_STATUS_DISPLAY[job.status];
}

export function StatusBadge({
  display,
  status,
  outcome,
  className,
}: {
  display: StatusDisplay;
  status: string;
  outcome?: string | null;
  className?: string;
}) {
  const { t } = useTranslation();
  const Icon = display.icon;
  return (
    <Badge tone={display.tone} className={className} data-status={status} data-outcome={outcome ?? undefined}>
      <Icon className={cn("size-3", display.spin && "animate-spin")} aria-hidden />
      {t(display.label)}
    </Badge>
  );
}

export function SyncJobStatusBadge({ status, className }: { status: SyncJobStatus; className?: string }) {
  return <StatusBadge display={SYNC_JOB_STATUS_DISPLAY[status]} status={status} className={className} />;
}

/** The badge of a sync job: "Completed with errors" in amber where the status alone would say a green "Completed". */
export function SyncJobBadge({ job, className }: { job: Parameters<typeof syncOutcomeOf>[0]; className?: string }) {
  return (
    <StatusBadge display={syncJobDisplay(job)} status={job.status} outcome={syncOutcomeOf(job)} className={className} />
  );
}

/** The guide's step statuses, each with its icon. */
export const STEP_STATUS_DISPLAY: Record<
  CrawlStepStatus,
  { label: TranslationKey; icon: LucideIcon; className: string; tone: ProgressTone }
> = {
  pending: { label: "status.step.pending", icon: Circle, className: "text-zinc-500", tone: "neutral" },
  running: { label: "status.step.running", icon: LoaderCircle, className: "animate-spin text-blue-600", tone: "blue" },
  completed: { label: "status.step.completed", icon: CheckCircle2, className: "text-emerald-600", tone: "green" },
  failed: { label: "status.step.failed", icon: XCircle, className: "text-red-600", tone: "red" },
  skipped: { label: "status.step.skipped", icon: CircleSlash, className: "text-zinc-500", tone: "neutral" },
};

export function StepStatusIcon({ status }: { status: CrawlStepStatus }) {
  const { t } = useTranslation();
  const display = STEP_STATUS_DISPLAY[status];
  const Icon = display.icon;
  return <Icon className={cn("size-4 shrink-0", display.className)} role="img" aria-label={t(display.label)} />;
}
