import { bestMonthlyVnd, type ResolvedSyncOptions } from "@jobsync/contracts";
import { foldText, type PostingDraft } from "@jobsync/crawler";

export interface PostingFilter {
  /** Why the posting is filtered out, or null to keep it. */
  reason(draft: PostingDraft): string | null;
  readonly active: boolean;
}

/**
 * The source's filters as one predicate. Salaries compare as full-time monthly amounts in VND (an hourly rate ×
 * 208 hours...: contracts' monthlyEquivalentVnd); experience by the years the posting asks for at least
 * ("Dưới 1 năm", "Không yêu cầu": 0). A posting with an unknown salary or experience, or a piece rate, is kept.
 */
export function createPostingFilter(options: ResolvedSyncOptions): PostingFilter {
  const include = options.includeKeywords.map(foldText).filter(Boolean);
  const exclude = options.excludeKeywords.map(foldText).filter(Boolean);
  const provinces = new Set(options.provinces);
  const active =
    include.length > 0 ||
    exclude.length > 0 ||
    provinces.size > 0 ||
    options.minSalaryVnd !== null ||
    options.maxExperienceYears !== null;
  return {
    active,
    reason(draft) {
      if (!active) return null;
      const haystacks = [draft.title, ...draft.tags].map(foldText);
      const hit = (word: string) => haystacks.some((h) => h.includes(word));
      if (include.length > 0 && !include.some(hit)) return "no include keyword in title or tags";
      const excluded = exclude.find(hit);
      if (excluded !== undefined) return `exclude keyword "${excluded}"`;
      if (provinces.size > 0 && !draft.provinces.some((p) => provinces.has(p))) return "province not selected";
      const salary = bestMonthlyVnd(draft.salary);
      if (options.minSalaryVnd !== null && salary !== null && salary < options.minSalaryVnd)
        return "salary below min_salary";
      const years = draft.experience_years?.min_years ?? null;
      if (options.maxExperienceYears !== null && years !== null && years > options.maxExperienceYears)
        return "experience above max_experience_years";
      return null;
    },
  };
}
