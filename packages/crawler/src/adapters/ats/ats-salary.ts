import type { Currency, Salary, SalaryPeriod } from "@jobsync/contracts";
import { unknownSalary } from "../../normalize/salary";

const CURRENCIES: readonly Currency[] = ["VND", "USD"];

/** Lever's `salaryRange.interval` and Greenhouse's pay range titles → our periods. */
export function periodOf(text: string | null): SalaryPeriod | null {
  const t = (text ?? "").toLowerCase();
  if (/hour/.test(t)) return "hour";
  if (/day|daily/.test(t)) return "day";
  if (/week/.test(t)) return "week";
  if (/month/.test(t)) return "month";
  if (/year|annual/.test(t)) return "year";
  return null;
}

/**
 * A structured pay range from an API → our salary. The raw text says it as the API did ("1000-2000 USD per month").
 * A currency we do not model, a missing period or min > max keeps only the raw text (never a wrong number).
 */
export function structuredSalary(
  min: number | null,
  max: number | null,
  currency: string | null,
  period: SalaryPeriod | null,
  periodText: string | null,
): Salary {
  if (min === null && max === null) return unknownSalary(null);
  const code = (currency ?? "").toUpperCase();
  const amounts = [min, max].filter((v) => v !== null).join(" - ");
  const raw = `${amounts}${code ? ` ${code}` : ""}${periodText ? ` ${periodText}` : ""}`;
  const known = CURRENCIES.find((c) => c === code);
  const bad = (min !== null && min < 0) || (max !== null && max < 0) || (min !== null && max !== null && min > max);
  if (known === undefined || period === null || bad) return unknownSalary(raw);
  return { raw, min, max, currency: known, period, negotiable: false };
}
