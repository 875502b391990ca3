import type { AdapterContext, JobDetail, ListingCard, PostingDraft } from "../adapter";
import { buildDraft } from "../build-draft";
import { isSalaryHidden, itviecSalary } from "./salary";

/**
 * Process Jobs for ITviec: the shared card + detail draft (normalised locations, sanitised sections, keys), with
 * ITviec's salary forms ("Sign in to view salary" is unknown, not zero; "You'll love it" is negotiable).
 */
export function itviecDraft(card: ListingCard, detail: JobDetail | null, context: AdapterContext): PostingDraft {
  const shown = [detail?.salary_text ?? null, card.salary_text].find((t) => t != null && !isSalaryHidden(t)) ?? null;
  return buildDraft({ ...card, salary_text: shown }, detail ? { ...detail, salary_text: shown } : null, context, {
    readSalary: itviecSalary,
  });
}
