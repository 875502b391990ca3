import type { Currency } from "@jobsync/contracts";

/**
 * Amounts inside a folded salary string ("10 - 15 trieu", "1,000 usd", "500k", "$2,500").
 * Vietnamese boards write thousands with "." or "," ("9.000.000", "15,000,000") and decimals of millions with
 * either ("15.5 trieu", "8,5 trieu"). Whatever cannot be read without guessing comes back as null.
 */

/** A unit word as written after (or before) a number, folded. */
export type AmountUnit =
  | "million"
  | "thousand"
  | "billion"
  | "m" // "20M": a million (of VND, or of USD when the text says USD)
  | "usd"
  | "vnd";

export interface AmountToken {
  /** The digits as written, e.g. "9.000.000", "15.5", "2,500". */
  digits: string;
  unit: AmountUnit | null;
  start: number;
  end: number;
}

const UNIT_WORDS: Readonly<Record<string, AmountUnit>> = {
  trieu: "million",
  trd: "million",
  tr: "million",
  cu: "million",
  nghin: "thousand",
  ngan: "thousand",
  k: "thousand",
  ty: "billion",
  m: "m",
  usd: "usd",
  $: "usd",
  vnd: "vnd",
  dong: "vnd",
  d: "vnd",
};

const AMOUNT =
  /(\$|usd|vnd)?\s*(\d+(?:[.,]\d+)*)(?:\s*(trieu|trd|tr|cu|nghin|ngan|ty|usd|vnd|dong|k|m|d|\$)(?![a-z0-9]))?/g;

/** "1tr5" / "1tr500" (1.5 million) written without a separator: rewritten to a plain VND amount first. */
const COMPOUND_MILLIONS = /(\d{1,4})\s*tr(\d{1,3})(?![\d.,%a-z])/g;

export function expandCompoundMillions(s: string): string {
  return s.replace(COMPOUND_MILLIONS, (_all, millions: string, rest: string) => {
    const value = Number(millions) * 1_000_000 + Number(rest.padEnd(3, "0")) * 1_000;
    return `${value} vnd`;
  });
}

/** Every amount in a folded salary string, in order. Percentages ("100% KPI") are not amounts. */
export function findAmounts(s: string): AmountToken[] {
  const tokens: AmountToken[] = [];
  for (const match of s.matchAll(AMOUNT)) {
    const [all, prefix, digits, unitWord] = match;
    if (digits === undefined) continue;
    const start = match.index;
    const end = match.index + all.length;
    if (s[end] === "%" || s.slice(end).startsWith(" %")) continue;
    const unit = unitWord ? (UNIT_WORDS[unitWord] ?? null) : prefix ? (UNIT_WORDS[prefix] ?? null) : null;
    tokens.push({ digits, unit, start, end });
  }
  return tokens;
}

export function multiplierOf(unit: AmountUnit | null): number {
  switch (unit) {
    case "million":
    case "m":
      return 1_000_000;
    case "thousand":
      return 1_000;
    case "billion":
      return 1_000_000_000;
    case "usd":
    case "vnd":
    case null:
      return 1;
  }
}

/** Which currency a unit implies, if any. Millions written "tr"/"triệu" are always VND. */
export function currencyOf(unit: AmountUnit | null): Currency | null {
  switch (unit) {
    case "usd":
      return "USD";
    case "vnd":
    case "million":
    case "billion":
      return "VND";
    default:
      return null;
  }
}

/**
 * The number the digits mean, times the multiplier, or null when the digits are ambiguous:
 * with a scale word ("triệu", "k") a separator followed by 1-2 digits is a decimal ("15.5"), 3 digits is not
 * readable ("1.500 triệu"); without one, separators group thousands ("9.000.000", "2,500"), and only USD may
 * carry cents ("1,000.50").
 */
export function amountValue(digits: string, multiplier: number, currency: Currency | null): number | null {
  if (/^\d+$/.test(digits)) return Number(digits) * multiplier;
  if (multiplier > 1) {
    const decimal = /^(\d+)[.,](\d{1,2})$/.exec(digits);
    if (!decimal) return null;
    return Math.round(Number(`${decimal[1]}.${decimal[2]}`) * multiplier);
  }
  if (/^\d{1,3}(?:\.\d{3})+$/.test(digits)) return Number(digits.replace(/\./g, ""));
  if (/^\d{1,3}(?:,\d{3})+$/.test(digits)) return Number(digits.replace(/,/g, ""));
  if (currency === "USD") {
    const cents = /^(\d{1,3}(?:,\d{3})*|\d+)\.(\d{1,2})$/.exec(digits);
    if (cents?.[1] !== undefined && cents[2] !== undefined) {
      return Number(`${cents[1].replace(/,/g, "")}.${cents[2]}`);
    }
  }
  return null;
}
