import type { Salary, SourceKind } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import type { StoredPosting } from "./renormalize";

interface Row {
  id: number;
  kind: SourceKind;
  title: string;
  company: string | null;
  salary_raw: string | null;
  salary_min: number | string | null;
  salary_max: number | string | null;
  salary_currency: Salary["currency"];
  salary_period: Salary["period"];
  salary_negotiable: boolean;
  salary_monthly_min_vnd: number | string | null;
  salary_monthly_max_vnd: number | string | null;
  locations: string[];
  provinces: string[];
  extra_locations: number;
  experience: string | null;
  experience_min_years: number | null;
  experience_max_years: number | null;
  content_key: string;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

function toStored(row: Row): StoredPosting {
  const monthly = { min: num(row.salary_monthly_min_vnd), max: num(row.salary_monthly_max_vnd) };
  const years = { min_years: num(row.experience_min_years), max_years: num(row.experience_max_years) };
  return {
    id: Number(row.id),
    kind: row.kind,
    title: row.title,
    company: row.company,
    salary: {
      raw: row.salary_raw,
      min: num(row.salary_min),
      max: num(row.salary_max),
      currency: row.salary_currency,
      period: row.salary_period,
      negotiable: row.salary_negotiable,
    },
    monthly: monthly.min === null && monthly.max === null ? null : monthly,
    locations: row.locations,
    provinces: row.provinces,
    extra_locations: Number(row.extra_locations),
    experience: row.experience,
    experience_years: years.min_years === null && years.max_years === null ? null : years,
    content_key: row.content_key,
  };
}

/** The SQL of re-normalising stored postings: read them in id order, write back what changed. */
export class RenormalizeRepository {
  constructor(private readonly db: Db) {}

  /** Up to `limit` postings with an id above `afterId`, in id order, with their data source's kind. */
  async batchAfter(afterId: number, limit: number): Promise<StoredPosting[]> {
    const rows = await queryRows<Row>(
      this.db,
      sql`SELECT p.id, ds.kind, p.title, p.company, p.salary_raw, p.salary_min, p.salary_max, p.salary_currency,
            p.salary_period, p.salary_negotiable, p.salary_monthly_min_vnd, p.salary_monthly_max_vnd, p.locations,
            p.provinces, p.extra_locations, p.experience, p.experience_min_years, p.experience_max_years,
            p.content_key
          FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
          WHERE p.id > ${afterId} ORDER BY p.id LIMIT ${limit}`,
    );
    return rows.map(toStored);
  }

  /** Write the re-normalised values of these postings (one statement). */
  async write(postings: readonly StoredPosting[]): Promise<void> {
    if (postings.length === 0) return;
    const payload = JSON.stringify(
      postings.map((p) => ({
        id: p.id,
        salary_raw: p.salary.raw,
        salary_min: p.salary.min === null ? null : Math.round(p.salary.min),
        salary_max: p.salary.max === null ? null : Math.round(p.salary.max),
        salary_currency: p.salary.currency,
        salary_period: p.salary.period,
        salary_negotiable: p.salary.negotiable,
        salary_monthly_min_vnd: p.monthly?.min ?? null,
        salary_monthly_max_vnd: p.monthly?.max ?? null,
        locations: p.locations,
        provinces: p.provinces,
        extra_locations: p.extra_locations,
        experience: p.experience,
        experience_min_years: p.experience_years?.min_years ?? null,
        experience_max_years: p.experience_years?.max_years ?? null,
        content_key: p.content_key,
      })),
    );
    await this.db.execute(
      sql`UPDATE job_postings p SET salary_raw = r.salary_raw, salary_min = r.salary_min, salary_max = r.salary_max,
            salary_currency = r.salary_currency, salary_period = r.salary_period,
            salary_negotiable = r.salary_negotiable, salary_monthly_min_vnd = r.salary_monthly_min_vnd,
            salary_monthly_max_vnd = r.salary_monthly_max_vnd, locations = r.locations, provinces = r.provinces,
            extra_locations = r.extra_locations, experience = r.experience,
            experience_min_years = r.experience_min_years, experience_max_years = r.experience_max_years,
            content_key = r.content_key
          FROM jsonb_to_recordset(${payload}::jsonb) AS r(id integer, salary_raw text, salary_min bigint,
            salary_max bigint, salary_currency text, salary_period text, salary_negotiable boolean,
            salary_monthly_min_vnd bigint, salary_monthly_max_vnd bigint, locations text[], provinces text[],
            extra_locations integer, experience text, experience_min_years double precision,
            experience_max_years double precision, content_key text)
          WHERE p.id = r.id`,
    );
  }
}
