import { Field, fieldAria } from "../ui/field";
import { Input } from "../ui/input";

/** Time zones offered first; any IANA name can be typed. */
const COMMON_TIME_ZONES = ["UTC", "Asia/Ho_Chi_Minh", "Asia/Bangkok", "Asia/Singapore", "Europe/London"];

export interface ScheduleDraft {
  cron: string;
  timeZone: string;
}

export interface ScheduleFieldsProps {
  idPrefix: string;
  draft: ScheduleDraft;
  errors: { schedule_cron?: string; schedule_timezone?: string };
  onChange: (draft: ScheduleDraft) => void;
}

/** A data source's schedule: a cron expression (empty: none) and the time zone it is read in. */
export function ScheduleFields({ idPrefix, draft, errors, onChange }: ScheduleFieldsProps) {
  return (
    <div className="grid grid-cols-2 gap-x-4 gap-y-3">
      <Field
        id={`${idPrefix}-cron`}
        label="Schedule (cron)"
        error={errors.schedule_cron}
        hint="minute hour day month weekday, e.g. 0 6 * * *; empty: no schedule"
      >
        <Input
          {...fieldAria(`${idPrefix}-cron`, errors.schedule_cron, true)}
          value={draft.cron}
          placeholder="0 6 * * *"
          autoComplete="off"
          className="font-mono"
          onChange={(e) => onChange({ ...draft, cron: e.target.value })}
        />
      </Field>
      <Field id={`${idPrefix}-tz`} label="Time zone" error={errors.schedule_timezone} hint="IANA name">
        <Input
          {...fieldAria(`${idPrefix}-tz`, errors.schedule_timezone, true)}
          value={draft.timeZone}
          list={`${idPrefix}-tz-list`}
          autoComplete="off"
          onChange={(e) => onChange({ ...draft, timeZone: e.target.value })}
        />
        <datalist id={`${idPrefix}-tz-list`}>
          {COMMON_TIME_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
    </div>
  );
}

/** The schedule fields of a create or PATCH body; on edit only what changed, so an untouched schedule stays as is. */
export function scheduleBody(
  draft: ScheduleDraft,
  current: { schedule_cron: string | null; schedule_timezone: string } | null,
): { schedule_cron?: string | null; schedule_timezone?: string } {
  const cron = draft.cron.trim() === "" ? null : draft.cron.trim().replace(/\s+/g, " ");
  const timeZone = draft.timeZone.trim();
  if (!current) return cron === null ? {} : { schedule_cron: cron, schedule_timezone: timeZone };
  return {
    ...(cron !== current.schedule_cron ? { schedule_cron: cron } : {}),
    ...(timeZone !== current.schedule_timezone ? { schedule_timezone: timeZone } : {}),
  };
}
