import cronParser from "cron-parser";
import { validationFailed } from "../errors/app-error";

/** cron-parser is CommonJS: its functions come off the default export. */
const { parseExpression } = cronParser;

/**
 * Check a schedule's cron expression and time zone the way pg-boss will run them; a 400 names `schedule_cron` with
 * cron-parser's reason ("Constraint error, got value 61 expected range 0-59").
 */
export function assertValidCron(cron: string, timeZone: string): void {
  try {
    parseExpression(cron, { tz: timeZone });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw validationFailed([
      { path: "schedule_cron", message: `schedule_cron is not a valid cron expression: ${reason}` },
    ]);
  }
}

/** The next fire strictly after `from`, or null when the expression cannot be parsed. */
export function nextRun(cron: string, timeZone: string, from = new Date()): Date | null {
  try {
    return parseExpression(cron, { tz: timeZone, currentDate: from }).next().toDate();
  } catch {
    return null;
  }
}

/**
 * The tick a fire at `at` belongs to: the latest scheduled time at or before it. pg-boss sends a schedule's message
 * within a minute after its tick, so this names the tick the message was sent for.
 */
export function tickAt(cron: string, timeZone: string, at = new Date()): Date {
  // cron-parser's prev() is strictly before currentDate: step a millisecond past `at` so a fire exactly on the tick
  // belongs to it
  const expression = parseExpression(cron, { tz: timeZone, currentDate: new Date(at.getTime() + 1) });
  return expression.prev().toDate();
}

/** `next_run_at` of a data source: the next fire as an ISO string, or null without a schedule. */
export function nextRunIso(cron: string | null, timeZone: string, from = new Date()): string | null {
  return cron ? (nextRun(cron, timeZone, from)?.toISOString() ?? null) : null;
}
