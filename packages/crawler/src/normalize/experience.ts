import { type ExperienceYears, MAX_EXPERIENCE_YEARS } from "@jobsync/contracts";
import { foldText } from "./text";

/**
 * Experience texts → {min_years, max_years}. TopCV's field ("Không yêu cầu", "Dưới 1 năm", "1 năm", "Trên 5 năm",
 * "Từ 1 - 3 năm"), ITviec's requirement lines ("3+ years of experience", "At least 2 years", "Minimum 5 years",
 * "2-4 years", "Tối thiểu 05 năm kinh nghiệm") and their neighbours ("6 tháng", "Fresher", "Up to 2 years").
 * The first duration in the text is read; a text without one, or with one that is not plausible, gives null.
 */

/** No experience asked: any amount is welcome (no upper bound stated). */
const NONE_NEEDED =
  /^(?:khong yeu cau|khong can|chua co kinh nghiem|khong can kinh nghiem|no experience|not required|none)|(?:khong yeu cau|khong can|chua can) kinh nghiem|no (?:prior )?experience (?:required|needed)|(?:^|[^a-z])(?:no|without) experience/;
/** Entry level: under a year. */
const ENTRY_LEVEL =
  /^(?:fresher|moi tot nghiep|sinh vien moi ra truong|thuc tap sinh|thuc tap|intern(?:ship)?|entry level)/;

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{1,2})?|one|two|three|four|five|six|seven|eight|nine|ten)`;
const UNIT = "(nam|years?|yrs?|yoe|thang|months?)";
const CONNECTOR = String.raw`\s*(?:-|~|to|den|toi)\s*`;
/** "2 - 4 năm", "2 năm - 4 năm", "3+ years", "3 years+", "6 tháng". */
const DURATION = new RegExp(
  String.raw`(?:^|[^a-z0-9.,])${NUMBER}\s*(?:(?:${UNIT})?${CONNECTOR}${NUMBER})?\s*(\+)?\s*${UNIT}(?![a-z])(\s*\+)?`,
);

const MIN_BEFORE =
  /(?:^|[^a-z])(?:tren|tu|toi thieu|it nhat|hon|co|at least|minimum|min|over|more than|from|above|greater than)\s*:?\s*$/;
const MAX_BEFORE =
  /(?:^|[^a-z])(?:duoi|toi|den|khong qua|toi da|up to|upto|less than|under|below|max|maximum)\s*:?\s*$/;
const MIN_AFTER = /^\s*(?:kinh nghiem\s*)?(?:tro len|or more|or above|and above|plus)/;
const MAX_AFTER = /^\s*(?:kinh nghiem\s*)?(?:tro xuong|or less|and below)/;

/** A cheap first look: a text without a digit or a number word names no duration. */
const HAS_NUMBER = /\d|one|two|three|four|five|six|seven|eight|nine|ten/;

const WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

export function parseExperience(text: string | null): ExperienceYears | null {
  if (text === null) return null;
  const folded = foldText(text).replace(/[\u2012-\u2015\u2212]/g, "-");
  if (folded === "" || folded.length > 500) return null;
  if (NONE_NEEDED.test(folded)) return { min_years: 0, max_years: null };
  const match = HAS_NUMBER.test(folded) ? DURATION.exec(folded) : null;
  if (match === null) return ENTRY_LEVEL.test(folded) ? { min_years: 0, max_years: 1 } : null;
  const [all, first, firstUnit, second, plus, unit, trailingPlus] = match;
  if (first === undefined || unit === undefined) return null;
  const inMonths = (u: string | undefined) => u !== undefined && /^(?:thang|month)/.test(u);
  const years = (value: string, u: string | undefined) => {
    const n = WORDS[value] ?? Number(value.replace(",", "."));
    return inMonths(u ?? unit) ? Math.round((n / 12) * 100) / 100 : n;
  };
  const start = years(first, firstUnit ?? unit);
  const end = second === undefined ? null : years(second, unit);
  const plausible = (n: number | null) => n === null || (Number.isFinite(n) && n >= 0 && n <= MAX_EXPERIENCE_YEARS);
  if (!plausible(start) || !plausible(end)) return null;
  if (end !== null) return start <= end ? { min_years: start, max_years: end } : null;

  const before = folded.slice(0, match.index + (all.length - all.trimStart().length));
  const after = folded.slice(match.index + all.length);
  if (plus !== undefined || trailingPlus !== undefined || MIN_BEFORE.test(before) || MIN_AFTER.test(after)) {
    return { min_years: start, max_years: null };
  }
  if (MAX_BEFORE.test(before) || MAX_AFTER.test(after)) return { min_years: 0, max_years: start };
  return { min_years: start, max_years: start };
}
