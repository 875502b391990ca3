import type { Currency, Salary, SalaryPeriod } from "@jobsync/contracts";
import {
  type AmountToken,
  amountValue,
  currencyOf,
  expandCompoundMillions,
  findAmounts,
  multiplierOf,
} from "./salary-amount";
import { collapseSpaces, foldText } from "./text";

/**
 * Vietnamese salary strings → {min, max, currency, period, negotiable}, the raw text always kept.
 * Forms read: "Thoả thuận" / "Thỏa thuận" (negotiable), "10 - 15 triệu", "Tới 20 triệu" (max only),
 * "Từ 10 triệu" / "Trên 10 triệu" / "Từ 2.5 triệu VND trở lên" (min only), "1,000 - 2,000 USD", "Tới 2,500 USD",
 * "15.5 triệu" (15,500,000), "9.000.000 – 11.000.000 VNĐ/tháng", "500k", "1tr500", "20M", "Upto 20M",
 * "$1,000 - $2,000", "0.0 - 15 triệu" (a zero minimum is no minimum: max only).
 * Periods: "/tháng" (the default), "/năm", "/tuần", "/ngày", "/ca" and "/buổi" (a shift), "/giờ" "/tiếng" "/h",
 * and pieces of work ("/sp", "/sản phẩm", "/đơn", "/bài", "/dự án"): "24 k - 25 k /giờ", "Tới 150 k /sp".
 * "k" / "nghìn" amounts are VND unless the text says USD. Each period has a plausible VND range ("20k" a month is
 * not a salary). A form not known here keeps `raw` with null numbers: never a wrong number.
 */

const MAX_SALARY_TEXT = 300;
const VND_MAX = 100_000_000_000;
const USD_RANGE = { min: 1, max: 10_000_000 };

const NEGOTIABLE = /(?:^|[^a-z])(thoa thuan|thuong luong|canh tranh|negotiable|competitive|deal)(?![a-z])/;
const MIN_BEFORE =
  /(?:^|[^a-z])(tu|tren|hon|toi thieu|it nhat|khoi diem|from|min|minimum|above|over|at least)\s*:?\s*$/;
const MAX_BEFORE =
  /(?:^|[^a-z])(toi|den|len den|len toi|upto|up to|toi da|duoi|max|maximum|khong qua|under|below)\s*:?\s*$/;
const MIN_AFTER = /^\s*(?:(?:vnd|dong|usd|d)(?![a-z]))?\s*(?:tro len|or more|and above|\+)/;
const MAX_AFTER = /^\s*(?:(?:vnd|dong|usd|d)(?![a-z]))?\s*(?:tro xuong|or less)/;
const RANGE_CONNECTOR = /^\s*(?:-|den|toi|to|~)\s*$/;
const BONUS_CLAUSE = /\+\s*(?=[a-z%])/;

const PERIODS: ReadonlyArray<{ period: SalaryPeriod | "unsupported"; pattern: RegExp }> = [
  {
    period: "hour",
    pattern: /\/\s*(?:gio|tieng|h|hour|hr)(?![a-z])|(?:moi|mot|per|theo) (?:gio|tieng|hour)(?![a-z])|hourly/,
  },
  { period: "day", pattern: /\/\s*(?:ngay|day)(?![a-z])|(?:moi|mot|per|theo) (?:ngay|day)(?![a-z])|daily/ },
  {
    period: "shift",
    pattern: /\/\s*(?:ca|buoi|shift)(?![a-z])|(?:moi|mot|per|theo) (?:ca|buoi|shift)(?![a-z])/,
  },
  { period: "week", pattern: /\/\s*(?:tuan|week)(?![a-z])|(?:moi|mot|per|theo) (?:tuan|week)(?![a-z])|weekly/ },
  { period: "month", pattern: /\/\s*(?:thang|month)(?![a-z])|(?:moi|mot|per|hang|theo) (?:thang|month)|monthly/ },
  {
    period: "year",
    pattern: /\/\s*(?:nam|year|yr)(?![a-z])|(?:moi|mot|per|hang|theo) (?:nam|year)(?![a-z])|annual|yearly/,
  },
  {
    period: "piece",
    pattern:
      /\/\s*(?:sp|san pham|don|don hang|bai|bai viet|video|piece|pcs|item|unit|task|job|du an|project)(?![a-z])|(?:moi|mot|per|theo) (?:sp|san pham|don|don hang|bai|piece|item|du an|project)(?![a-z])/,
  },
  { period: "unsupported", pattern: /\/\s*(?:ky|hoc ky|khoa|lan|term|session)(?![a-z])/ },
];

/**
 * Plausible VND amounts per period (a lower bound near half the 2024 minimum wage; an hourly rate above 5 million
 * is a misread). Outside it the numbers are dropped, the raw text kept.
 */
const VND_PLAUSIBLE: Readonly<Record<SalaryPeriod, { min: number; max: number }>> = {
  month: { min: 100_000, max: VND_MAX },
  year: { min: 1_000_000, max: VND_MAX },
  week: { min: 50_000, max: VND_MAX },
  day: { min: 20_000, max: 50_000_000 },
  shift: { min: 20_000, max: 50_000_000 },
  hour: { min: 5_000, max: 5_000_000 },
  piece: { min: 1_000, max: VND_MAX },
};

export function unknownSalary(raw: string | null, negotiable = false): Salary {
  return { raw, min: null, max: null, currency: null, period: null, negotiable };
}

export function parseSalary(raw: string | null): Salary {
  if (raw === null) return unknownSalary(null);
  const kept = collapseSpaces(raw);
  if (kept === "") return unknownSalary(null);
  if (kept.length > MAX_SALARY_TEXT) return unknownSalary(kept);

  const folded = foldText(kept);
  const negotiable = NEGOTIABLE.test(folded);
  // Asides in brackets ("(thỏa thuận theo năng lực)", "(2h)") are not part of the amount.
  let s = folded.replace(/[\u2012-\u2015\u2212]/g, "-").replace(/\([^)]*\)/g, " ");
  const bonus = BONUS_CLAUSE.exec(s);
  if (bonus) s = s.slice(0, bonus.index);
  s = expandCompoundMillions(s.replace(/\+/g, " ").replace(/\s+/g, " ").trim());

  const amounts = findAmounts(s);
  if (amounts.length === 0 || amounts.length > 2) return unknownSalary(kept, negotiable);
  const bounds = readBounds(s, amounts);
  if (!bounds) return unknownSalary(kept, negotiable);
  const period = readPeriod(s);
  if (period === null) return unknownSalary(kept, negotiable);
  const values = readValues(s, bounds, period);
  if (!values) return unknownSalary(kept, negotiable);
  return { raw: kept, min: values.min, max: values.max, currency: values.currency, period, negotiable };
}

interface Bounds {
  min: AmountToken | null;
  max: AmountToken | null;
}

/** Which amount is the minimum and which the maximum: a range, "from X", "up to X", or one exact amount. */
function readBounds(s: string, amounts: AmountToken[]): Bounds | null {
  const [first, second] = amounts;
  if (!first) return null;
  if (second) {
    if (!RANGE_CONNECTOR.test(s.slice(first.end, second.start))) return null;
    return { min: first, max: second };
  }
  const before = s.slice(0, first.start);
  const after = s.slice(first.end);
  if (MIN_BEFORE.test(before) || MIN_AFTER.test(after)) return { min: first, max: null };
  if (MAX_BEFORE.test(before) || MAX_AFTER.test(after)) return { min: null, max: first };
  return { min: first, max: first };
}

/** The pay period: month unless the text says otherwise; null for a period we do not model ("/kỳ", "/lần"). */
function readPeriod(s: string): SalaryPeriod | null {
  const found = new Set<SalaryPeriod | "unsupported">();
  for (const { period, pattern } of PERIODS) {
    if (pattern.test(s)) found.add(period);
  }
  if (found.size === 0) return "month";
  if (found.size > 1 || found.has("unsupported")) return null;
  const [period] = found;
  return period === "unsupported" || period === undefined ? null : period;
}

/**
 * Amounts in units of the currency, checked for plausibility for the period; null when anything is ambiguous.
 * A zero minimum of a range ("0.0 - 15 triệu") is no minimum.
 */
function readValues(
  s: string,
  bounds: Bounds,
  period: SalaryPeriod,
): { min: number | null; max: number | null; currency: Currency } | null {
  const tokens = [bounds.min, bounds.max].filter((t): t is AmountToken => t !== null);
  const units = tokens.map((t) => t.unit).filter((u) => u !== null);
  const saysUsd = /usd|\$/.test(s);
  const unitCurrencies = new Set(units.map(currencyOf).filter((c) => c !== null));
  if (saysUsd) unitCurrencies.add("USD");
  if (unitCurrencies.size > 1) return null;
  let [currency] = unitCurrencies;
  // "24 k", "500 nghìn": thousands of đồng, unless the text says USD ("1.5k - 2k USD").
  if (currency === undefined && units.includes("thousand")) currency = "VND";
  // A range written once with its unit at the end ("10 - 15 triệu"): the unit applies to both ends.
  const sharedUnit = units.length > 0 ? units[units.length - 1] : null;
  const values = new Map<AmountToken, number>();
  for (const token of tokens) {
    if (values.has(token)) continue;
    const unit = token.unit ?? sharedUnit ?? null;
    const value = amountValue(token.digits, multiplierOf(unit), currency ?? null);
    if (value === null) return null;
    values.set(token, value);
  }
  let min = bounds.min ? (values.get(bounds.min) ?? null) : null;
  const max = bounds.max ? (values.get(bounds.max) ?? null) : null;
  if (min === 0 && max !== null && max > 0 && bounds.min !== bounds.max) min = null;
  const kept = [min, max].filter((v) => v !== null);
  // Bare numbers ("9.000.000", "25.000/giờ") are VND when they are plausible VND amounts for the period.
  currency ??= "VND";
  const range = currency === "USD" ? USD_RANGE : VND_PLAUSIBLE[period];
  if (kept.length === 0 || kept.some((v) => v < range.min || v > range.max)) return null;
  if (min !== null && max !== null && min > max) return null;
  return { min, max, currency };
}
