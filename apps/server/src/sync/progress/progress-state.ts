import {
  type CrawlStats,
  type CrawlStep,
  emptyCrawlStats,
  pendingStep,
  type StepKey,
  SYNC_STEPS,
  type SyncSummary,
} from "@jobsync/contracts";

/** The part of a sync job that the progress reducer owns. */
export interface ProgressState {
  steps: CrawlStep[];
  stats: CrawlStats;
  progress: number;
  current_step: StepKey | null;
  summary: SyncSummary | null;
}

export function initialSteps(): CrawlStep[] {
  return SYNC_STEPS.map((s) => pendingStep(s.key, s.name));
}

export function initialProgressState(): ProgressState {
  return { steps: initialSteps(), stats: emptyCrawlStats(), progress: 0, current_step: null, summary: null };
}
