import { z } from "zod";

/**
 * A schedule's cron expression: five fields (minute hour day-of-month month day-of-week), as pg-boss runs them —
 * minute precision, no seconds field. The server also parses it with cron-parser, which names the bad field.
 */
export const CRON_FIELD_COUNT = 5;
export const CRON_PATTERN = /^[0-9A-Za-z*/,?#LW-]+$/;

export function cronExpression(field: string) {
  const message = `${field} must be a cron expression of 5 fields (minute hour day month weekday), e.g. "0 6 * * *"`;
  return z
    .string({ error: message })
    .trim()
    .max(120, { error: `${field} must be at most 120 characters` })
    .refine((value) => {
      const parts = value.split(/\s+/).filter(Boolean);
      return parts.length === CRON_FIELD_COUNT && parts.every((part) => CRON_PATTERN.test(part));
    }, message);
}

/** True when the runtime knows this IANA time zone name (Node and browsers both answer through Intl). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function timeZone(field: string) {
  return z
    .string({ error: `${field} must be an IANA time zone name such as Asia/Ho_Chi_Minh or UTC` })
    .refine(isTimeZone, { error: `${field} must be an IANA time zone name such as Asia/Ho_Chi_Minh or UTC` });
}

export const DEFAULT_SCHEDULE_TIMEZONE = "UTC";

export const SCHEDULE_RUN_OUTCOMES = ["started", "skipped_active", "skipped_inactive", "failed"] as const;
export type ScheduleRunOutcome = (typeof SCHEDULE_RUN_OUTCOMES)[number];

/** One fire of a data source's schedule: the sync job it started, or why it was skipped. */
export const scheduleRunSchema = z.object({
  id: z.int(),
  site_name: z.string(),
  scheduled_for: z.string(),
  fired_at: z.string(),
  outcome: z.enum(SCHEDULE_RUN_OUTCOMES),
  job_id: z.string().nullable(),
  message: z.string(),
});
export type ScheduleRun = z.infer<typeof scheduleRunSchema>;

export const scheduleRunListSchema = z.object({ items: z.array(scheduleRunSchema) });
export type ScheduleRunList = z.infer<typeof scheduleRunListSchema>;

export const scheduleRunListQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 200" })
    .pipe(
      z
        .int({ error: "limit must be a whole number from 1 to 200" })
        .min(1, { error: "limit must be a whole number from 1 to 200" })
        .max(200, { error: "limit must be a whole number from 1 to 200" }),
    )
    .default(50),
});
export type ScheduleRunListQuery = z.infer<typeof scheduleRunListQuerySchema>;
