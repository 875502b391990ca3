import { z } from "zod";

export const CURRENCIES = ["VND", "USD"] as const;
export const SALARY_PERIODS = ["month", "year", "week", "day", "hour"] as const;

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
