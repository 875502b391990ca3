import type { SourceKind } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import {
  experienceYearsFromRow,
  monthlyFromRow,
  NORMALISED_COLUMN_TYPES,
  type NormalisedColumns,
  normalisedColumns,
  salaryFromRow,
} from "./normalised-columns";
import type { StoredPosting } from "./renormalize";

interface Row extends NormalisedColumns {
  id: number;
  kind: SourceKind;
  title: string;
  company: string | null;
  locations: string[];
  provinces: string[];
  extra_locations: number;
  experience: string | null;
  content_key: string;
}

function toStored(row: Row): StoredPosting {
  return {
    id: Number(row.id),
    kind: row.kind,
    title: row.title,
    company: row.company,
    salary: salaryFromRow(row),
    monthly: monthlyFromRow(row),
    locations: row.locations,
    provinces: row.provinces,
    extra_locations: Number(row.extra_locations),
    experience: row.experience,
    experience_years: experienceYearsFromRow(row),
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
        ...normalisedColumns(p.salary, p.experience_years),
        id: p.id,
        locations: p.locations,
        provinces: p.provinces,
        extra_locations: p.extra_locations,
        experience: p.experience,
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
          FROM jsonb_to_recordset(${payload}::jsonb) AS r(id integer, ${sql.raw(NORMALISED_COLUMN_TYPES)},
            locations text[], provinces text[], extra_locations integer, experience text, content_key text)
          WHERE p.id = r.id`,
    );
  }
}
