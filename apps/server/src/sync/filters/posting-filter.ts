import type { ResolvedSyncOptions } from "@jobsync/contracts";
import type { PostingDraft } from "@jobsync/crawler";
import { USD_TO_VND } from "../../postings/posting-read.repository";

/** Lower case, no Vietnamese accents (đ → d), single spaces: "Kế Toán" and "ke toan" compare equal. */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Years of experience a posting asks for: "Không yêu cầu", "Dưới 1 năm" → 0, "Trên 5 năm" → 5; null if unknown. */
export function experienceYears(experience: string | null): number | null {
  if (!experience) return null;
  const text = foldText(experience);
  if (text.includes("khong yeu cau") || text.includes("no experience") || text.startsWith("duoi")) return 0;
  const match = /(\d+(?:[.,]\d+)?)/.exec(text);
  if (!match?.[1]) return null;
  const years = Number(match[1].replace(",", "."));
  return text.includes("thang") || text.includes("month") ? 0 : years;
}

/** Best monthly salary in VND, or null when unknown (negotiable, unparsed, or not monthly). */
export function monthlySalaryVnd(salary: PostingDraft["salary"]): number | null {
  const best = salary.max ?? salary.min;
  if (best === null || (salary.period !== null && salary.period !== "month")) return null;
  return salary.currency === "USD" ? best * USD_TO_VND : best;
}

export interface PostingFilter {
  /** Why the posting is filtered out, or null to keep it. */
  reason(draft: PostingDraft): string | null;
  readonly active: boolean;
}

/** The source's filters as one predicate. A posting with an unknown salary or experience is kept. */
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
      const salary = monthlySalaryVnd(draft.salary);
      if (options.minSalaryVnd !== null && salary !== null && salary < options.minSalaryVnd)
        return "salary below min_salary";
      const years = experienceYears(draft.experience);
      if (options.maxExperienceYears !== null && years !== null && years > options.maxExperienceYears)
        return "experience above max_experience_years";
      return null;
    },
  };
}
