import { qualityOf, type SourceBaseline } from "@jobsync/contracts";
import type { PreparedSync, SyncEnv, SyncJobInput } from "../sync-context";
import { driftAlarms } from "./baseline";

/** Reads a source's learned baseline (see BaselineRepository). */
export interface BaselineReader {
  forSource(dataSourceId: string, fullRefresh: boolean, except: string | null): Promise<SourceBaseline | null>;
}

/** No baseline: benchmarks and tests that run the pipeline without a database of past sync jobs. */
export const noBaselines: BaselineReader = { forSource: async () => null };

/**
 * After the crawl: the sync job's fill rates and cards per page against its source's baseline (the last clean
 * completed sync jobs of the same kind). Each drift is an alarm (the sync job still completes), told in the timeline,
 * with the first listing page kept as its snapshot.
 */
export async function judgeQuality(job: SyncJobInput, env: SyncEnv, prepared: PreparedSync): Promise<void> {
  let baseline: SourceBaseline | null;
  try {
    baseline = await env.baselines.forSource(job.source.id, job.fullRefresh, job.jobId);
  } catch (error) {
    env.progress.event("warn", `Source health: the baseline could not be read: ${(error as Error).message}`);
    return;
  }
  if (baseline === null) return;
  const alarms = driftAlarms(qualityOf(env.progress.state.quality), baseline, prepared.options.driftTolerance);
  for (const alarm of alarms) {
    env.progress.apply({ op: "alarm", alarm });
    env.progress.event("warn", `Drift alarm: ${alarm.message}`);
  }
  const first = alarms[0];
  if (first) env.snapshots.keepHeld("drift", first.message);
}
