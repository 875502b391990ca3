import { type CrawlStep, SYNC_STEPS } from "@jobsync/contracts";
import { ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { cn } from "../../lib/cn";
import { elapsedMs, formatDuration } from "../../lib/format";
import { Progress } from "../ui/progress";
import { STEP_STATUS_DISPLAY, StepStatusIcon } from "./status-display";

const DESCRIPTIONS = new Map<string, string>(SYNC_STEPS.map((step) => [step.key, step.description]));

function stepDuration(step: CrawlStep, now: number): number | null {
  if (step.status === "skipped" || step.status === "pending") return null;
  if (step.duration_ms !== null) return step.duration_ms;
  if (step.status === "running") return elapsedMs(step.started_at, null, now);
  return elapsedMs(step.started_at, step.finished_at, now);
}

function StepRow({ step, index, now }: { step: CrawlStep; index: number; now: number }) {
  // A failed step opens by default; the user's own choice wins after that.
  const [choice, setChoice] = useState<boolean | null>(null);
  const expanded = choice ?? step.status === "failed";
  const panelId = useId();
  const hasMore = step.details.length > 0 || step.error !== null;
  const duration = stepDuration(step, now);
  const display = STEP_STATUS_DISPLAY[step.status];

  return (
    <li
      className={cn("border-b border-zinc-100 last:border-b-0", step.status === "running" && "bg-blue-50/40")}
      data-step={step.key}
      data-status={step.status}
    >
      <div className="grid grid-cols-[1.25rem_minmax(0,1fr)_7rem_4.5rem_1.75rem] items-center gap-3 px-3 py-1.5">
        <StepStatusIcon status={step.status} />
        <div className="min-w-0">
          <p className="flex items-baseline gap-2">
            <span className="text-zinc-400 tabular-nums">{index + 1}.</span>
            <span className={cn("font-medium", step.status === "pending" ? "text-zinc-500" : "text-zinc-900")}>
              {step.name}
            </span>
            <span className="sr-only">{display.label}</span>
          </p>
          <p className="truncate text-xs text-zinc-500" title={step.message ?? undefined}>
            {step.error && !expanded ? (
              <span className="text-red-600">{step.error}</span>
            ) : (
              (step.message ?? DESCRIPTIONS.get(step.key))
            )}
          </p>
        </div>
        <Progress
          value={step.progress}
          tone={display.tone}
          aria-label={`${step.name} progress`}
          className={cn(step.status === "pending" && "opacity-50")}
        />
        <span className="text-right text-xs text-zinc-500 tabular-nums">
          {duration === null ? "" : formatDuration(duration)}
        </span>
        {hasMore ? (
          <button
            type="button"
            className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
            aria-expanded={expanded}
            aria-controls={panelId}
            aria-label={`${expanded ? "Hide" : "Show"} details of ${step.name}`}
            onClick={() => setChoice(!expanded)}
          >
            <ChevronRight className={cn("size-4 transition-transform", expanded && "rotate-90")} />
          </button>
        ) : (
          <span />
        )}
      </div>
      {hasMore && expanded ? (
        <div id={panelId} className="flex flex-col gap-2 px-3 pb-3 pl-11">
          {step.error ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-xs text-red-800">
              {step.error}
            </p>
          ) : null}
          {step.details.length > 0 ? (
            <ul
              aria-label={`${step.name} details`}
              className="max-h-40 overflow-y-auto rounded-md bg-zinc-50 px-2.5 py-1.5 font-mono text-[11px] leading-5 text-zinc-700"
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

/** The nine steps, each with its status icon, progress, duration and expandable details. */
export function StepList({ steps, now }: { steps: CrawlStep[]; now: number }) {
  return (
    <ol aria-label="Steps" className="rounded-md border border-zinc-200 text-[13px]">
      {steps.map((step, index) => (
        <StepRow key={step.key} step={step} index={index} now={now} />
      ))}
    </ol>
  );
}
