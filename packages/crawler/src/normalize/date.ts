import { foldText } from "./text";

/**
 * Dates as boards show them: relative labels ("Cập nhật 3 ngày trước", "hôm qua") resolved against the crawl
 * time, and deadlines "dd/mm/yyyy" turned into ISO dates. Anything else is null, never a guess.
 */

const LABEL_PREFIX = /^(?:cap nhat|dang tuyen|dang|updated|posted)\s*:?\s*/;

const UNIT_MS = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
} as const;

type RelativeUnit = keyof typeof UNIT_MS | "month" | "year";

const UNITS: Readonly<Record<string, RelativeUnit>> = {
  giay: "second",
  second: "second",
  seconds: "second",
  phut: "minute",
  minute: "minute",
  minutes: "minute",
  gio: "hour",
  tieng: "hour",
  hour: "hour",
  hours: "hour",
  ngay: "day",
  day: "day",
  days: "day",
  tuan: "week",
  week: "week",
  weeks: "week",
  thang: "month",
  month: "month",
  months: "month",
  nam: "year",
  year: "year",
  years: "year",
};

const RELATIVE = /^(\d{1,4}|mot|an?)\s+([a-z]+)\s+(?:truoc|ago)$/;

/**
 * A relative label resolved against `crawledAt`: "hôm nay" (today: the crawl time), "hôm qua" (yesterday),
 * "2 giờ trước", "2 ngày trước", "1 tuần trước", "1 tháng trước" (calendar months), "Cập nhật 3 ngày trước",
 * "Đăng 5 phút trước", and the same in English. Null when the label is not one of these.
 */
export function parseRelativeDate(label: string | null, crawledAt: Date): Date | null {
  if (label === null || Number.isNaN(crawledAt.getTime())) return null;
  const text = foldText(label).replace(LABEL_PREFIX, "").trim();
  if (text === "hom nay" || text === "today" || text === "vua xong" || text === "just now") {
    return new Date(crawledAt.getTime());
  }
  if (text === "hom qua" || text === "yesterday") return new Date(crawledAt.getTime() - UNIT_MS.day);
  const match = RELATIVE.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const amount = /^\d+$/.test(match[1]) ? Number(match[1]) : 1;
  const unit = UNITS[match[2]];
  if (unit === undefined) return null;
  if (unit === "month" || unit === "year") return minusMonths(crawledAt, unit === "year" ? amount * 12 : amount);
  return new Date(crawledAt.getTime() - amount * UNIT_MS[unit]);
}

/** Calendar months back, clamped to the month's last day (31 March − 1 month = 28/29 February). */
function minusMonths(from: Date, months: number): Date {
  const result = new Date(from.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

const DEADLINE = /(?:^|[^\d])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d])/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * A deadline "dd/mm/yyyy" (also "Hạn nộp hồ sơ: 30/11/2025", "30-11-2025", or already ISO "2025-11-30") →
 * "yyyy-mm-dd"; null for anything else and for dates that do not exist (31/02/2025).
 */
export function parseDeadline(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso?.[1] && iso[2] && iso[3]) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const match = DEADLINE.exec(trimmed);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1970 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
