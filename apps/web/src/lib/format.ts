import { currentLocale, i18n } from "../i18n/i18n";

/**
 * Display helpers for counts, durations and times, in the UI language's locale. Pure: "now" and the locale are
 * parameters (defaulting to the clock and the current UI language).
 */

export function formatCount(value: number, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatPercent(value: number, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
    Math.max(0, Math.min(100, value)) / 100,
  );
}

/** "850 ms", "12.3 s", "2 min 05 s", "1 h 02 min" (in the UI language). */
export function formatDuration(ms: number | null | undefined, locale: string = currentLocale()): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  const t = i18n.getFixedT(i18n.language);
  if (ms < 1000) return t("format.ms", { value: Math.round(ms) });
  const seconds = ms / 1000;
  if (seconds < 60) {
    const value = new Intl.NumberFormat(locale, { maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(
      seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds),
    );
    return t("format.seconds", { value });
  }
  const totalSeconds = Math.round(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return t("format.minutesSeconds", { m: minutes, s: String(totalSeconds % 60).padStart(2, "0") });
  return t("format.hoursMinutes", { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, "0") });
}

/** An estimate of time left, rounded the way people say it: "about 40 s", "about 3 min", "about 1 h 20 min". */
export function formatEta(seconds: number): string {
  const t = i18n.getFixedT(i18n.language);
  if (seconds < 60) return t("format.etaSeconds", { value: Math.max(5, Math.round(seconds / 5) * 5) });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t("format.etaMinutes", { value: minutes });
  return t("format.etaHours", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** Milliseconds between two ISO times, or from `start` until `now` while `end` is null. */
export function elapsedMs(start: string | null, end: string | null, now: number = Date.now()): number | null {
  if (!start) return null;
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, to - from);
}

/** The browser's time zone: where the person reading the page is. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "4 May 2026, 15:00 GMT+7": date and time with the zone they are in (the reader's, unless one is given). */
export function formatDateTime(
  iso: string | null | undefined,
  options: { timeZone?: string; locale?: string } = {},
): string {
  if (!iso) return "—";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(options.locale ?? currentLocale(), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(time);
}

/** The absolute time in full, to the second, with its zone: what a time's tooltip says. */
export function formatDateTimeFull(
  iso: string | null | undefined,
  options: { timeZone?: string; locale?: string } = {},
): string {
  if (!iso) return "—";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const zone = options.timeZone ?? localTimeZone();
  const text = new Intl.DateTimeFormat(options.locale ?? currentLocale(), {
    dateStyle: "full",
    timeStyle: "long",
    timeZone: zone,
  }).format(time);
  return `${text} (${zone})`;
}

/** A calendar date such as a deadline ("2026-06-30"), never shifted by the reader's zone. */
export function formatDate(value: string | null | undefined, locale: string = currentLocale()): string | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(time);
}

/** "just now", "5 min ago", "in 3 hr", "2 days ago"; the absolute date past 30 days. */
export function formatRelative(
  iso: string | null | undefined,
  now: number = Date.now(),
  locale: string = currentLocale(),
): string {
  if (!iso) return "—";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return seconds <= 0 ? i18n.t("format.justNow") : i18n.t("format.now");
  if (abs > 30 * 86400) return formatDateTime(iso, { locale });
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" });
  if (abs < 3600) return format.format(Math.round(seconds / 60) || Math.sign(seconds), "minute");
  if (abs < 86400) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86400), "day");
}

/** "search_keywords" → "Search keywords". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "850 KB", "12.4 MB" (1 KB = 1,024 bytes), in the UI language's locale. */
export function formatBytes(bytes: number, locale: string = currentLocale()): string {
  const units = ["B", "KB", "MB", "GB"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
