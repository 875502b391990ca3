import { z } from "zod";

export const CURRENCIES = ["VND", "USD"] as const;

/**
 * What a salary amount is paid for: a period of time, one work shift ("/ca", "/buổi"), or one piece of work
 * ("/sp" per product, "/đơn" per order, "/bài", "/dự án": paid per unit of output, not per time).
 */
export const SALARY_PERIODS = ["month", "year", "week", "day", "shift", "hour", "piece"] as const;

/**
 * A normalised salary. `raw` is always the text as the board showed it. Numbers are null when unknown:
 * a form the normaliser does not know keeps `raw` with null numbers, never a wrong number.
 */
export const salarySchema = z.object({
  raw: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  currency: z.enum(CURRENCIES).nullable(),
  period: z.enum(SALARY_PERIODS).nullable(),
  negotiable: z.boolean(),
});
export type Salary = z.infer<typeof salarySchema>;
export type Currency = (typeof CURRENCIES)[number];
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

/** Salary filters compare in VND; USD amounts are converted at this documented, approximate rate. */
export const USD_TO_VND = 25_000;

/**
 * Full-time monthly equivalents, so an hourly job is compared with a monthly one on the same footing
 * ("min salary" filter, the search's `salary_min`). Vietnamese practice: 26 working days a month (the Labour
 * Code's 48-hour week: 6 days of 8 hours), one shift a working day, 52 weeks a year. A piece rate has no time
 * equivalent: it never passes a salary minimum.
 */
export const WORKING_DAYS_PER_MONTH = 26;
export const HOURS_PER_DAY = 8;
export const MONTHLY_FACTORS: Readonly<Record<SalaryPeriod, number | null>> = {
  month: 1,
  year: 1 / 12,
  week: 52 / 12,
  day: WORKING_DAYS_PER_MONTH,
  shift: WORKING_DAYS_PER_MONTH,
  hour: WORKING_DAYS_PER_MONTH * HOURS_PER_DAY,
  piece: null,
};

export interface MonthlyRange {
  min: number | null;
  max: number | null;
}

/**
 * The salary as a full-time monthly amount in whole VND (USD converted at USD_TO_VND), or null when it has no
 * number, no currency, or no time equivalent (piece rates).
 */
export function monthlyEquivalentVnd(salary: Pick<Salary, "min" | "max" | "currency" | "period">): MonthlyRange | null {
  if (salary.currency === null || salary.period === null) return null;
  if (salary.min === null && salary.max === null) return null;
  const factor = MONTHLY_FACTORS[salary.period];
  if (factor === null) return null;
  const rate = salary.currency === "USD" ? USD_TO_VND : 1;
  const convert = (value: number | null) => (value === null ? null : Math.round(value * factor * rate));
  return { min: convert(salary.min), max: convert(salary.max) };
}

/** The best known monthly figure (the maximum, else the minimum), as the salary filters compare it. */
export function bestMonthlyVnd(salary: Pick<Salary, "min" | "max" | "currency" | "period">): number | null {
  const monthly = monthlyEquivalentVnd(salary);
  return monthly === null ? null : (monthly.max ?? monthly.min);
}
