import {
  type ExperienceYears,
  type MonthlyRange,
  monthlyEquivalentVnd,
  POSTING_LIMITS,
  type Salary,
  type SourceKind,
} from "@jobsync/contracts";
import { contentKey, cutText, normalizeLocations, parseExperience, salaryReaderFor } from "@jobsync/crawler";

/** What re-normalising reads of a stored posting: its raw texts and what was derived from them before. */
export interface StoredPosting {
  id: number;
  kind: SourceKind;
  title: string;
  company: string | null;
  salary: Salary;
  monthly: MonthlyRange | null;
  locations: string[];
  provinces: string[];
  extra_locations: number;
  experience: string | null;
  experience_years: ExperienceYears | null;
  content_key: string;
}

export type RenormalizedPart = "salary" | "provinces" | "experience";

export interface Renormalized {
  posting: StoredPosting;
  /** The parts whose derived values changed (empty: the stored posting is already as the normalisers read it). */
  changed: RenormalizedPart[];
}

/**
 * A stored posting read again by today's normalisers from its stored raw values, as Process Jobs would read it:
 * the salary from `salary_raw` with its board's reader (pay periods, "0.0 - 15 triệu"...; JSON API boards keep
 * their numbers), its monthly equivalent, the provinces from `locations` (multi-city " - " texts, "Others"), and
 * the years of experience from `experience`. Raw texts over their stored maximum are cut as the draft builder
 * cuts them. Pure: the caller writes the changed ones.
 */
export function renormalize(stored: StoredPosting): Renormalized {
  const reader = salaryReaderFor(stored.kind);
  const raw = cut(stored.salary.raw, POSTING_LIMITS.salaryRaw);
  const salary = reader ? reader(raw) : { ...stored.salary, raw };
  const locations = stored.locations.slice(0, POSTING_LIMITS.locations).map((l) => cutText(l, POSTING_LIMITS.location));
  const { provinces, extra } = normalizeLocations(locations);
  const experience = cut(stored.experience, POSTING_LIMITS.experience);
  const posting: StoredPosting = {
    ...stored,
    salary,
    monthly: monthlyEquivalentVnd(salary),
    locations,
    provinces,
    extra_locations: extra,
    experience,
    experience_years: parseExperience(experience),
    content_key: contentKey(stored.title, stored.company, provinces[0] ?? null),
  };
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const changed: RenormalizedPart[] = [];
  if (differs([salary, posting.monthly], [stored.salary, stored.monthly])) changed.push("salary");
  if (differs([locations, provinces, extra], [stored.locations, stored.provinces, stored.extra_locations])) {
    changed.push("provinces");
  }
  if (differs([experience, posting.experience_years], [stored.experience, stored.experience_years])) {
    changed.push("experience");
  }
  return { posting, changed };
}

/** A text held to its maximum as the draft builder holds it. */
function cut(text: string | null, max: number): string | null {
  return text === null ? null : cutText(text, max);
}

export interface RenormalizeSummary {
  /** Postings read. */
  read: number;
  /** Postings whose derived values changed (written unless a dry run). */
  changed: number;
  /** Per part: how many postings it changed in. */
  parts: Record<RenormalizedPart, number>;
  /** A few changed postings, for the report: id and parts. */
  examples: Array<{ id: number; changed: RenormalizedPart[] }>;
}

interface PostingBatches {
  batchAfter(afterId: number, limit: number): Promise<StoredPosting[]>;
  write(postings: readonly StoredPosting[]): Promise<void>;
}

/** Every stored posting, in batches by id: re-normalised, and the changed ones written (not on a dry run). */
export async function renormalizeAll(
  postings: PostingBatches,
  options: { dryRun: boolean; batchSize?: number },
): Promise<RenormalizeSummary> {
  const summary: RenormalizeSummary = {
    read: 0,
    changed: 0,
    parts: { salary: 0, provinces: 0, experience: 0 },
    examples: [],
  };
  const size = options.batchSize ?? 500;
  for (let after = 0; ; ) {
    const batch = await postings.batchAfter(after, size);
    if (batch.length === 0) break;
    const changed: StoredPosting[] = [];
    for (const stored of batch) {
      const result = renormalize(stored);
      if (result.changed.length === 0) continue;
      changed.push(result.posting);
      for (const part of result.changed) summary.parts[part]++;
      if (summary.examples.length < 10) summary.examples.push({ id: stored.id, changed: result.changed });
    }
    if (!options.dryRun) await postings.write(changed);
    summary.read += batch.length;
    summary.changed += changed.length;
    after = batch[batch.length - 1]?.id ?? after;
  }
  return summary;
}
