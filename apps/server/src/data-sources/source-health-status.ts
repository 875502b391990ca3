import type { SourceHealthView, SyncJobAlarm, SyncJobStatus } from "@jobsync/contracts";

export interface HealthFacts {
  /** The auto-disable state (failed sync jobs in a row). */
  autoDisable: "ok" | "degraded" | "deactivated";
  consecutiveFailures: number;
  /** The latest completed or failed sync job (cancelled ones aside); null: none yet. */
  latest: { status: SyncJobStatus; error: string | null; alarms: readonly SyncJobAlarm[] } | null;
}

/**
 * A data source's health at a glance, from its latest completed or failed sync job: failing (it failed, or the
 * source was auto-disabled), drifting (it completed with alarms), healthy, or never synced — with the reason. Pure.
 */
export function sourceHealthOf(facts: HealthFacts): SourceHealthView {
  if (facts.autoDisable === "deactivated") {
    return {
      status: "failing",
      reason: `auto-disabled after ${facts.consecutiveFailures} failed sync jobs in a row`,
    };
  }
  const latest = facts.latest;
  if (latest === null) return { status: "never_synced", reason: "no sync job has completed or failed yet" };
  if (latest.status === "failed") {
    return { status: "failing", reason: `the latest sync job failed: ${latest.error ?? "unknown error"}` };
  }
  if (latest.alarms.length > 0) {
    return { status: "drifting", reason: latest.alarms.map((a) => a.message).join("; ") };
  }
  return { status: "healthy", reason: "the latest sync job completed with no alarm" };
}
