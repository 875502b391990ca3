import { type ExperienceYears, type MonthlyRange, monthlyEquivalentVnd, type Salary } from "@jobsync/contracts";

/**
 * The stored columns of what the normalisers read from a posting's texts — its salary with the monthly equivalent,
 * and the years of experience asked — written the same way by the posting upsert and by `renormalize`, and read
 * back the same way by the search and by `renormalize`.
 */
export interface NormalisedColumns {
  salary_raw: string | null;
  salary_min: number | string | null;
  salary_max: number | string | null;
  salary_currency: Salary["currency"];
  salary_period: Salary["period"];
  salary_negotiable: boolean;
  salary_monthly_min_vnd: number | string | null;
  salary_monthly_max_vnd: number | string | null;
  experience_min_years: number | string | null;
  experience_max_years: number | string | null;
}

/** Their types, for `jsonb_to_recordset(...) AS r(...)`. */
export const NORMALISED_COLUMN_TYPES = `salary_raw text, salary_min bigint, salary_max bigint, salary_currency text,
  salary_period text, salary_negotiable boolean, salary_monthly_min_vnd bigint, salary_monthly_max_vnd bigint,
  experience_min_years double precision, experience_max_years double precision`;

const whole = (v: number | null) => (v === null ? null : Math.round(v));
const num = (v: number | string | null) => (v === null ? null : Number(v));

/** The columns of a salary (whole units; its monthly equivalent computed here) and of the years of experience. */
export function normalisedColumns(salary: Salary, years: ExperienceYears | null): NormalisedColumns {
  const monthly = monthlyEquivalentVnd(salary);
  return {
    salary_raw: salary.raw,
    salary_min: whole(salary.min),
    salary_max: whole(salary.max),
    salary_currency: salary.currency,
    salary_period: salary.period,
    salary_negotiable: salary.negotiable,
    salary_monthly_min_vnd: monthly?.min ?? null,
    salary_monthly_max_vnd: monthly?.max ?? null,
    experience_min_years: years?.min_years ?? null,
    experience_max_years: years?.max_years ?? null,
  };
}

type SalaryColumns = Pick<
  NormalisedColumns,
  "salary_raw" | "salary_min" | "salary_max" | "salary_currency" | "salary_period" | "salary_negotiable"
>;

export function salaryFromRow(row: SalaryColumns): Salary {
  return {
    raw: row.salary_raw,
    min: num(row.salary_min),
    max: num(row.salary_max),
    currency: row.salary_currency,
    period: row.salary_period,
    negotiable: row.salary_negotiable,
  };
}

export function monthlyFromRow(
  row: Pick<NormalisedColumns, "salary_monthly_min_vnd" | "salary_monthly_max_vnd">,
): MonthlyRange | null {
  const monthly = { min: num(row.salary_monthly_min_vnd), max: num(row.salary_monthly_max_vnd) };
  return monthly.min === null && monthly.max === null ? null : monthly;
}

export function experienceYearsFromRow(
  row: Pick<NormalisedColumns, "experience_min_years" | "experience_max_years">,
): ExperienceYears | null {
  const years = { min_years: num(row.experience_min_years), max_years: num(row.experience_max_years) };
  return years.min_years === null && years.max_years === null ? null : years;
}
