import {
  type CrawlStats,
  type CrawlStep,
  emptyCrawlStats,
  emptyQualityTally,
  pendingStep,
  type QualityTally,
  type StepKey,
  SYNC_STEPS,
  type SyncJobAlarm,
  type SyncSummary,
} from "@jobsync/contracts";

/** The part of a sync job that the progress reducer owns. */
export interface ProgressState {
  steps: CrawlStep[];
  stats: CrawlStats;
  progress: number;
  current_step: StepKey | null;
  summary: SyncSummary | null;
  /** Source health: the quality counters and the alarms raised. */
  quality: QualityTally;
  alarms: SyncJobAlarm[];
}

export function initialSteps(): CrawlStep[] {
  return SYNC_STEPS.map((s) => pendingStep(s.key, s.name));
}

export function initialProgressState(): ProgressState {
  return {
    steps: initialSteps(),
    stats: emptyCrawlStats(),
    progress: 0,
    current_step: null,
    summary: null,
    quality: emptyQualityTally(),
    alarms: [],
  };
}
