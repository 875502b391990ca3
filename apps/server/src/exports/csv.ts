/** RFC 4180 CSV: fields separated by commas, lines by CRLF, a field quoted when it holds a quote, comma or newline. */

export type CsvValue = string | number | boolean | null | undefined;

/** Written first, so spreadsheet programs read the file as UTF-8 (Vietnamese text). */
export const UTF8_BOM = "\uFEFF";

/**
 * Text starting with = + - @ (or a tab / carriage return) is a formula to a spreadsheet: job postings are scraped
 * text, so such cells get a leading apostrophe (OWASP "CSV injection"). Numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
