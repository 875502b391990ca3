import { formatDateTime, formatDateTimeFull, formatRelative } from "../../lib/format";

export interface TimeProps {
  /** ISO time. */
  value: string | null | undefined;
  /** "relative": "5 min ago"; "datetime": "4 May 2026, 15:00 GMT+7". */
  mode?: "relative" | "datetime";
  /** Show it in this IANA zone (a schedule's own); the reader's zone otherwise. */
  timeZone?: string;
  now?: number;
  className?: string;
}

/**
 * A time as people read it, always with where it is: relative or with its zone, and the absolute time to the second
 * (with the zone's name) as its tooltip. `<time datetime>` carries the machine-readable value.
 */
export function Time({ value, mode = "relative", timeZone, now, className }: TimeProps) {
  if (!value) return <span className={className}>—</span>;
  const text = mode === "relative" ? formatRelative(value, now) : formatDateTime(value, { timeZone });
  return (
    <time dateTime={value} title={formatDateTimeFull(value, { timeZone })} className={className}>
      {text}
    </time>
  );
}
