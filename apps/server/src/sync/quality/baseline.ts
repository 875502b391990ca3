import {
  BASELINE_MIN,
  QUALITY_FIELDS,
  type QualityField,
  type QualityTally,
  qualityOf,
  type SourceBaseline,
  type SyncJobAlarm,
  type SyncJobQuality,
} from "@jobsync/contracts";

/** The middle value (the mean of the two middle ones for an even count); null for none. Pure. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10_000) / 10_000;
}

/** The baseline from a source's recent clean sync jobs: each figure's median; null before BASELINE_MIN of them. */
export function baselineOf(
  recent: ReadonlyArray<{ tally: QualityTally; jobsFound: number | null }>,
): SourceBaseline | null {
  if (recent.length < BASELINE_MIN) return null;
  const qualities = recent.map((r) => qualityOf(r.tally));
  const present = (pick: (q: SyncJobQuality) => number | null) =>
    qualities.map(pick).filter((v): v is number => v !== null);
  const fields = Object.fromEntries(QUALITY_FIELDS.map((f) => [f, median(present((q) => q.fields[f]))])) as Record<
    QualityField,
    number | null
  >;
  return {
    sync_jobs: recent.length,
    fields,
    cards_per_page: median(present((q) => q.cards_per_page)),
    jobs_found: median(recent.map((r) => r.jobsFound).filter((v): v is number => v !== null)),
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Drift alarms of a sync job against its source's baseline: a field whose fill rate fell more than `tolerance` below
 * the baseline, and cards per listing page down by more than half. Pure.
 */
export function driftAlarms(quality: SyncJobQuality, baseline: SourceBaseline, tolerance: number): SyncJobAlarm[] {
  const alarms: SyncJobAlarm[] = [];
  for (const field of QUALITY_FIELDS) {
    const usual = baseline.fields[field];
    const actual = quality.fields[field];
    if (usual === null || actual === null || !(actual < usual - tolerance)) continue;
    alarms.push({
      kind: "drift",
      field,
      baseline: usual,
      actual,
      message: `${field} filled in ${pct(actual)} of postings, usually ${pct(usual)} (drift tolerance ${pct(tolerance)}): the site's layout may have changed`,
    });
  }
  const usualCards = baseline.cards_per_page;
  const cards = quality.cards_per_page;
  if (usualCards !== null && cards !== null && cards < usualCards / 2) {
    alarms.push({
      kind: "drift",
      field: "cards_per_page",
      baseline: usualCards,
      actual: cards,
      message: `${cards} job cards per listing page, usually ${usualCards}: the site's layout may have changed`,
    });
  }
  return alarms;
}
