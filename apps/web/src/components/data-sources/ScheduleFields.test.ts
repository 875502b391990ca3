import { describe, expect, test } from "vitest";
import { formatUntil } from "./NextRun";
import { scheduleBody } from "./ScheduleFields";

describe("scheduleBody", () => {
  test("create: only a schedule that is given, with its time zone", () => {
    expect(scheduleBody({ cron: "  ", timeZone: "UTC" }, null)).toEqual({});
    expect(scheduleBody({ cron: " 0  6 * * * ", timeZone: "Asia/Ho_Chi_Minh" }, null)).toEqual({
      schedule_cron: "0 6 * * *",
      schedule_timezone: "Asia/Ho_Chi_Minh",
    });
  });

  test("edit: only what changed; an emptied cron removes the schedule", () => {
    const current = { schedule_cron: "0 6 * * *", schedule_timezone: "UTC" };
    expect(scheduleBody({ cron: "0 6 * * *", timeZone: "UTC" }, current)).toEqual({});
    expect(scheduleBody({ cron: "", timeZone: "UTC" }, current)).toEqual({ schedule_cron: null });
    expect(scheduleBody({ cron: "0 6 * * *", timeZone: "Asia/Bangkok" }, current)).toEqual({
      schedule_timezone: "Asia/Bangkok",
    });
  });
});

describe("formatUntil", () => {
  const now = Date.parse("2026-05-04T08:00:00Z");
  test.each([
    ["2026-05-04T08:00:30Z", "now"],
    ["2026-05-04T08:05:00Z", "in 5 minutes"],
    ["2026-05-04T11:00:00Z", "in 3 hours"],
    ["2026-05-06T08:00:00Z", "in 2 days"],
  ])("%s → %s", (iso, text) => {
    expect(formatUntil(iso, now)).toBe(text);
  });
});
