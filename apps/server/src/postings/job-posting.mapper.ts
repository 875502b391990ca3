import type { JobPostingDetail, JobPostingSummary, PostingStatus } from "@jobsync/contracts";
import { isoTimestamp } from "../db/timestamps";
import { experienceYearsFromRow, type NormalisedColumns, salaryFromRow } from "./normalised-columns";

/** A job posting row as the search queries select it. */
export interface PostingRow extends Omit<NormalisedColumns, "salary_monthly_min_vnd" | "salary_monthly_max_vnd"> {
  id: number;
  site_name: string;
  external_id: string;
  url: string;
  title: string;
  company: string | null;
  company_url: string | null;
  logo_url: string | null;
  locations: string[];
  provinces: string[];
  experience: string | null;
  level: string | null;
  tags: string[];
  deadline: string | Date | null;
  posted_at: string | Date | null;
  status: PostingStatus;
  duplicate_of: number | null;
  first_seen_at: string | Date;
  last_seen_at: string | Date;
  rank: number | null;
  description_html?: string | null;
  requirements_html?: string | null;
  benefits_html?: string | null;
  working_time_html?: string | null;
  company_size?: string | null;
  company_address?: string | null;
  first_sync_job_id?: string | null;
  last_sync_job_id?: string | null;
}

/** A date column as yyyy-mm-dd whatever the driver returned. */
function day(v: string | Date | null): string | null {
  if (v === null) return null;
  if (typeof v === "string") return v.slice(0, 10);
  const local = new Date(v.getTime() - v.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function toSummary(row: PostingRow): JobPostingSummary {
  return {
    id: Number(row.id),
    site_name: row.site_name,
    external_id: row.external_id,
    url: row.url,
    title: row.title,
    company: row.company,
    salary: salaryFromRow(row),
    locations: row.locations,
    provinces: row.provinces,
    experience: row.experience,
    experience_years: experienceYearsFromRow(row),
    tags: row.tags,
    deadline: day(row.deadline),
    status: row.status,
    duplicate_of: row.duplicate_of === null ? null : Number(row.duplicate_of),
    first_seen_at: isoTimestamp(row.first_seen_at),
    last_seen_at: isoTimestamp(row.last_seen_at),
    rank: row.rank === null ? null : Number(row.rank),
  };
}

export function toDetail(row: PostingRow): JobPostingDetail {
  return {
    ...toSummary(row),
    company_url: row.company_url,
    logo_url: row.logo_url,
    level: row.level,
    posted_at: row.posted_at === null ? null : isoTimestamp(row.posted_at),
    description_html: row.description_html ?? null,
    requirements_html: row.requirements_html ?? null,
    benefits_html: row.benefits_html ?? null,
    working_time_html: row.working_time_html ?? null,
    company_size: row.company_size ?? null,
    company_address: row.company_address ?? null,
    first_sync_job_id: row.first_sync_job_id ?? null,
    last_sync_job_id: row.last_sync_job_id ?? null,
  };
}
