import type { CrawlStats, CrawlStep } from "@jobsync/contracts";
import { ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "../../lib/cn";
import { elapsedMs, formatDuration } from "../../lib/format";
import { Progress } from "../ui/progress";
import { STEP_STATUS_DISPLAY, StepStatusIcon } from "./status-display";
import { stepCounts } from "./step-counts";

function stepDuration(step: CrawlStep, now: number): number | null {
  if (step.status === "skipped" || step.status === "pending") return null;
  if (step.duration_ms !== null) return step.duration_ms;
  if (step.status === "running") return elapsedMs(step.started_at, null, now);
  return elapsedMs(step.started_at, step.finished_at, now);
}

function StepRow({ step, index, now, stats }: { step: CrawlStep; index: number; now: number; stats: CrawlStats }) {
  const { t } = useTranslation();
  // A failed step opens by default; the user's own choice wins after that.
  const [choice, setChoice] = useState<boolean | null>(null);
  const expanded = choice ?? step.status === "failed";
  const panelId = useId();
  const hasMore = step.details.length > 0 || step.error !== null;
  const duration = stepDuration(step, now);
  const display = STEP_STATUS_DISPLAY[step.status];
  const name = t(`steps.${step.key}.name`);
  const running = step.status === "running";
  const counts = running ? stepCounts(t, step.key, stats) : null;
  const percent = Math.round(step.progress);

  return (
    <li
      className={cn("border-b border-zinc-100 last:border-b-0", running && "bg-blue-50/60")}
      data-step={step.key}
      data-status={step.status}
    >
      <div className="grid grid-cols-[1.25rem_minmax(0,1fr)_1.75rem] items-center gap-x-3 gap-y-1 px-3 py-1.5 sm:grid-cols-[1.25rem_minmax(0,1fr)_14rem_1.75rem]">
        <StepStatusIcon status={step.status} />
        <div className="min-w-0">
          <p className="flex items-baseline gap-2">
            <span className="text-zinc-600 tabular-nums">{index + 1}.</span>
            <span className={cn("font-medium", step.status === "pending" ? "text-zinc-600" : "text-zinc-900")}>
              {name}
            </span>
            <span className="sr-only">{t(display.label)}</span>
          </p>
          {counts ? (
            <p className="text-xs font-medium text-blue-900 tabular-nums" data-testid={`step-counts-${step.key}`}>
              {counts}
            </p>
          ) : null}
          <p className="truncate text-xs text-zinc-600" title={step.message ?? undefined}>
            {step.error && !expanded ? (
              <span className="text-red-700" lang="en">
                {step.error}
              </span>
            ) : step.message ? (
              <span lang="en">{step.message}</span>
            ) : (
              t(`steps.${step.key}.description`)
            )}
          </p>
        </div>
        <div className="col-span-2 col-start-2 row-start-2 flex items-center gap-2 sm:col-span-1 sm:col-start-3 sm:row-start-1">
          <Progress
            value={step.progress}
            tone={display.tone}
            aria-label={t("syncJobs.stepProgress", { name })}
            className={cn("flex-1", step.status === "pending" && "opacity-50")}
          />
          <span className="w-9 text-right text-xs text-zinc-700 tabular-nums" data-testid={`step-percent-${step.key}`}>
            {running ? `${percent}%` : ""}
          </span>
          <span className="w-16 text-right text-xs text-zinc-600 tabular-nums">
            {duration === null ? "" : formatDuration(duration)}
          </span>
        </div>
        {hasMore ? (
          <button
            type="button"
            className="col-start-3 row-start-1 rounded p-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 sm:col-start-4"
            aria-expanded={expanded}
            aria-controls={panelId}
            aria-label={expanded ? t("syncJobs.hideDetails", { name }) : t("syncJobs.showDetails", { name })}
            onClick={() => setChoice(!expanded)}
          >
            <ChevronRight className={cn("size-4 transition-transform", expanded && "rotate-90")} aria-hidden />
          </button>
        ) : (
          <span className="col-start-3 row-start-1 sm:col-start-4" />
        )}
      </div>
      {hasMore && expanded ? (
        <div id={panelId} className="flex flex-col gap-2 px-3 pb-3 sm:pl-11">
          {step.error ? (
            <p
              role="alert"
              lang="en"
              className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-xs text-red-800"
            >
              {step.error}
            </p>
          ) : null}
          {step.details.length > 0 ? (
            <ul
              aria-label={t("syncJobs.stepDetails", { name })}
              // it scrolls: focusable, so the keyboard can scroll it too
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
              tabIndex={0}
              lang="en"
              className="max-h-40 overflow-y-auto rounded-md bg-zinc-50 px-2.5 py-1.5 font-mono text-[11px] leading-5 text-zinc-800"
            >
              {step.details.map((line, i) => (
                // Detail lines may repeat; their order is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
                <li key={i} className="break-words">
                  {line}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/**
 * The nine steps, each with its status icon, progress, duration and expandable details. Every running step (steps
 * 5–8 may run at once) shows its own counts and percent on its own bar.
 */
export function StepList({ steps, now, stats }: { steps: CrawlStep[]; now: number; stats: CrawlStats }) {
  const { t } = useTranslation();
  return (
    <ol aria-label={t("syncJobs.steps")} className="rounded-md border border-zinc-200 text-[13px]">
      {steps.map((step, index) => (
        <StepRow key={step.key} step={step} index={index} now={now} stats={stats} />
      ))}
    </ol>
  );
}
