import type {
  CrawlStepStatus,
  DuplicateReason,
  NumericStatKey,
  QualityTally,
  StepKey,
  SyncJobAlarm,
  SyncSummary,
} from "@jobsync/contracts";

/**
 * Every change to a sync job's progress is one of these pure operations (set / increment / append), applied by
 * `applyProgressOps`. Steps and counters never change any other way.
 */
export type ProgressOp =
  | { op: "step_start"; key: StepKey; at: string; message?: string }
  | { op: "step_progress"; key: StepKey; progress: number; message?: string }
  | { op: "step_detail"; key: StepKey; line: string }
  | {
      op: "step_finish";
      key: StepKey;
      status: Extract<CrawlStepStatus, "completed" | "failed" | "skipped">;
      at: string;
      message?: string;
      error?: string;
    }
  | { op: "stat_increment"; key: NumericStatKey; by: number }
  | { op: "stat_set"; key: NumericStatKey; value: number }
  | { op: "duplicate"; reason: DuplicateReason; by: number }
  | { op: "summary"; summary: SyncSummary }
  /** Source health: add to the quality counters; raise an alarm (once per kind and field). */
  | { op: "quality_add"; tally: Partial<QualityTally> }
  | { op: "alarm"; alarm: SyncJobAlarm };
