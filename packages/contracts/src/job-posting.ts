import { z } from "zod";
import { experienceYearsSchema, MAX_EXPERIENCE_YEARS } from "./experience";
import { intInRange } from "./field-rules";
import { salarySchema } from "./salary";

export const POSTING_STATUSES = ["open", "closed"] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/** A job posting as the search API lists it. */
export const jobPostingSummarySchema = z.object({
  id: z.int(),
  site_name: z.string(),
  external_id: z.string(),
  url: z.string(),
  title: z.string(),
  company: z.string().nullable(),
  salary: salarySchema,
  locations: z.array(z.string()),
  provinces: z.array(z.string()),
  experience: z.string().nullable(),
  /** The years `experience` asks for; null when it names none. */
  experience_years: experienceYearsSchema.nullable(),
  tags: z.array(z.string()),
  deadline: z.string().nullable(),
  status: z.enum(POSTING_STATUSES),
  duplicate_of: z.int().nullable(),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  rank: z.number().nullable(),
});
export type JobPostingSummary = z.infer<typeof jobPostingSummarySchema>;

/** One job posting with its sanitised HTML sections. */
export const jobPostingDetailSchema = jobPostingSummarySchema.extend({
  company_url: z.string().nullable(),
  logo_url: z.string().nullable(),
  level: z.string().nullable(),
  posted_at: z.string().nullable(),
  description_html: z.string().nullable(),
  requirements_html: z.string().nullable(),
  benefits_html: z.string().nullable(),
  working_time_html: z.string().nullable(),
  company_size: z.string().nullable(),
  company_address: z.string().nullable(),
  first_sync_job_id: z.string().nullable(),
  last_sync_job_id: z.string().nullable(),
});
export type JobPostingDetail = z.infer<typeof jobPostingDetailSchema>;

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} must be at most ${max} characters` })
    .optional();

const years = (field: string) => {
  const message = `${field} must be a number of years from 0 to ${MAX_EXPERIENCE_YEARS}`;
  return z.coerce
    .number({ error: message })
    .pipe(z.number().min(0, { error: message }).max(MAX_EXPERIENCE_YEARS, { error: message }))
    .optional();
};

/** The filters of `GET /jobs` and of its CSV export (no paging). */
export const jobSearchFiltersSchema = z.strictObject({
  q: optionalText("q", 200),
  location: optionalText("location", 100),
  source: optionalText("source", 64),
  /**
   * VND a month: postings whose salary, as a full-time monthly equivalent (an hourly rate × 208 hours, USD at
   * 25,000...), reaches this. Piece rates and unknown salaries are left out.
   */
  salary_min: z.coerce
    .number({ error: "salary_min must be a number from 0 to 10000000000" })
    .pipe(
      z
        .number()
        .min(0, { error: "salary_min must be a number from 0 to 10000000000" })
        .max(1e10, { error: "salary_min must be a number from 0 to 10000000000" }),
    )
    .optional(),
  /**
   * Postings asking for at most / at least this many years of experience (their stated minimum, e.g. "Trên 2 năm"
   * is 2). Postings that state no experience are left out when either is given.
   */
  experience_max: years("experience_max"),
  experience_min: years("experience_min"),
  status: z.enum(["open", "closed", "all"], { error: "status must be open, closed or all" }).default("open"),
});
export type JobSearchFilters = z.infer<typeof jobSearchFiltersSchema>;

/**
 * Totals are counted exactly up to this many matches; past it `total` is this number and `total_is_estimate` is true
 * (the UI shows "10,000+"). `page` also reaches only this far: deeper, a client follows `next_cursor`.
 */
export const SEARCH_EXACT_TOTAL_LIMIT = 10_000;

/**
 * `GET /jobs`: the filters and paging. Paging is by cursor (keyset): `next_cursor` of one answer → `cursor` of the
 * next. `page` still works for the first 10,000 results (page × page_size ≤ 10,000) and cannot be combined with a
 * cursor.
 */
export const jobSearchQuerySchema = jobSearchFiltersSchema
  .extend({
    cursor: z
      .string({ error: "cursor must be text" })
      .max(512, { error: "cursor must be at most 512 characters" })
      .regex(/^[A-Za-z0-9_-]+$/, { error: "cursor must be a next_cursor of an earlier answer" })
      .optional(),
    page: z.coerce
      .number({ error: "page must be a whole number from 1 to 10000" })
      .pipe(intInRange("page", 1, 10000))
      .default(1),
    page_size: z.coerce
      .number({ error: "page_size must be a whole number from 1 to 100" })
      .pipe(intInRange("page_size", 1, 100))
      .default(20),
  })
  .superRefine((query, ctx) => {
    if (query.cursor !== undefined && query.page !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["page"],
        message: "page cannot be combined with cursor; follow next_cursor",
      });
    } else if (query.page * query.page_size > SEARCH_EXACT_TOTAL_LIMIT) {
      ctx.addIssue({
        code: "custom",
        path: ["page"],
        message: `page reaches past the first ${SEARCH_EXACT_TOTAL_LIMIT} results; follow next_cursor to go deeper`,
      });
    }
  });
export type JobSearchQuery = z.infer<typeof jobSearchQuerySchema>;

export const jobSearchResultSchema = z.object({
  items: z.array(jobPostingSummarySchema),
  /** Exact when `total_is_estimate` is false; otherwise a lower bound (SEARCH_EXACT_TOTAL_LIMIT: "10,000+"). */
  total: z.int(),
  total_is_estimate: z.boolean(),
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: z.string().nullable(),
  page: z.int(),
  page_size: z.int(),
});
export type JobSearchResult = z.infer<typeof jobSearchResultSchema>;

export const postingIdParamsSchema = z.strictObject({
  id: z.coerce
    .number({ error: "id must be a positive whole number" })
    .pipe(
      z
        .int({ error: "id must be a positive whole number" })
        .min(1, { error: "id must be a positive whole number" })
        .max(2147483647, { error: "id must be a positive whole number" }),
    ),
});
