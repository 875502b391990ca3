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

export const jobSearchQuerySchema = z.strictObject({
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
  page: z.coerce
    .number({ error: "page must be a whole number from 1 to 10000" })
    .pipe(intInRange("page", 1, 10000))
    .default(1),
  page_size: z.coerce
    .number({ error: "page_size must be a whole number from 1 to 100" })
    .pipe(intInRange("page_size", 1, 100))
    .default(20),
});
export type JobSearchQuery = z.infer<typeof jobSearchQuerySchema>;

export const jobSearchResultSchema = z.object({
  items: z.array(jobPostingSummarySchema),
  total: z.int(),
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
