import { type CrawlStats, DUPLICATE_REASONS, emptyCrawlStats, type NumericStatKey } from "@jobsync/contracts";

/** a + b, counter by counter (the per-reason duplicates too). Pure. */
export function addStats(a: CrawlStats, b: Partial<CrawlStats>): CrawlStats {
  const sum = { ...a, duplicates_by_reason: { ...a.duplicates_by_reason } };
  for (const key of Object.keys(a) as Array<keyof CrawlStats>) {
    if (key === "duplicates_by_reason") continue;
    const add = b[key];
    if (typeof add === "number") sum[key as NumericStatKey] += add;
  }
  for (const reason of DUPLICATE_REASONS) sum.duplicates_by_reason[reason] += b.duplicates_by_reason?.[reason] ?? 0;
  return sum;
}

export function sumStats(all: ReadonlyArray<Partial<CrawlStats>>): CrawlStats {
  return all.reduce<CrawlStats>((sum, s) => addStats(sum, s), emptyCrawlStats());
}
