import { type BatchProgress, syncOutcomeOf } from "@jobsync/contracts";
import type { TFunction } from "i18next";
import type { ProgressTone } from "../ui/progress";

/**
 * How a batch reads: "3 of 5 still active" while it runs; once finished, green only when every sync job completed
 * cleanly, amber when some failed, were cancelled or completed with errors ("Finished: 1 of 2 failed"), red when
 * every one failed.
 */
export function batchState(t: TFunction, batch: BatchProgress): { text: string; tone: ProgressTone } {
  const { summary } = batch;
  if (!summary.finished) {
    return { text: t("batch.stillActive", { active: summary.active, total: summary.total }), tone: "blue" };
  }
  const failed = summary.by_status.failed ?? 0;
  const cancelled = summary.by_status.cancelled ?? 0;
  if (failed > 0 && failed === summary.total) {
    return { text: t("batch.finishedFailed", { failed, total: summary.total }), tone: "red" };
  }
  if (failed > 0) return { text: t("batch.finishedFailed", { failed, total: summary.total }), tone: "amber" };
  if (cancelled > 0) return { text: t("batch.finishedCancelled", { cancelled, total: summary.total }), tone: "amber" };
  const withErrors = batch.jobs.filter((job) => syncOutcomeOf(job) !== "completed").length;
  if (withErrors > 0)
    return { text: t("batch.finishedWithErrors", { count: withErrors, total: summary.total }), tone: "amber" };
  return { text: t("batch.finished"), tone: "green" };
}
