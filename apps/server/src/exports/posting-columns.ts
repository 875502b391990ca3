import type { JobPostingSummary } from "@jobsync/contracts";
import type { CsvValue } from "./csv";

/** The columns of a job posting in every CSV export, in order. */
export const POSTING_CSV_COLUMNS = [
  "id",
  "site_name",
  "external_id",
  "title",
  "company",
  "url",
  "locations",
  "provinces",
  "salary_raw",
  "salary_min",
  "salary_max",
  "salary_currency",
  "salary_period",
  "experience",
  "tags",
  "deadline",
  "status",
  "first_seen_at",
  "last_seen_at",
] as const;

/** Lists are joined with "; " inside one cell. */
export function postingCsvValues(posting: JobPostingSummary): CsvValue[] {
  return [
    posting.id,
    posting.site_name,
    posting.external_id,
    posting.title,
    posting.company,
    posting.url,
    posting.locations.join("; "),
    posting.provinces.join("; "),
    posting.salary.raw,
    posting.salary.min,
    posting.salary.max,
    posting.salary.currency,
    posting.salary.period,
    posting.experience,
    posting.tags.join("; "),
    posting.deadline,
    posting.status,
    posting.first_seen_at,
    posting.last_seen_at,
  ];
}
