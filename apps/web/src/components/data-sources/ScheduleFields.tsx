import { useTranslation } from "react-i18next";
import { fieldMessage } from "../../lib/field-messages";
import { Field, fieldAria } from "../ui/field";
import { Input } from "../ui/input";

/** A new schedule is read in Vietnam's time unless the admin picks another zone. */
export const NEW_SCHEDULE_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** Offered first; any IANA name the browser knows is offered after them, and any can be typed. */
const COMMON_TIME_ZONES = ["Asia/Ho_Chi_Minh", "UTC", "Asia/Bangkok", "Asia/Singapore", "Asia/Tokyo", "Europe/London"];

function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...COMMON_TIME_ZONES, ...all.filter((zone) => !COMMON_TIME_ZONES.includes(zone))];
}

export interface ScheduleDraft {
  cron: string;
  timeZone: string;
}

/** The form's schedule: the stored one, or (none yet) an empty cron in Vietnam's time. */
export function scheduleDraftOf(
  source: { schedule_cron: string | null; schedule_timezone: string } | null | undefined,
): ScheduleDraft {
  if (!source?.schedule_cron) return { cron: "", timeZone: NEW_SCHEDULE_TIME_ZONE };
  return { cron: source.schedule_cron, timeZone: source.schedule_timezone };
}

export interface ScheduleFieldsProps {
  idPrefix: string;
  draft: ScheduleDraft;
  /** As the API or the schema wrote them. */
  errors: { schedule_cron?: string; schedule_timezone?: string };
  onChange: (draft: ScheduleDraft) => void;
}

/** A data source's schedule: a cron expression (empty: none) and the time zone it is read in. */
export function ScheduleFields({ idPrefix, draft, errors, onChange }: ScheduleFieldsProps) {
  const { t } = useTranslation();
  const cronLabel = t("dataSources.form.cron");
  const zoneLabel = t("dataSources.form.timeZone");
  const cronError = errors.schedule_cron ? fieldMessage(t, errors.schedule_cron, "schedule_cron", cronLabel) : null;
  const zoneError = errors.schedule_timezone
    ? fieldMessage(t, errors.schedule_timezone, "schedule_timezone", zoneLabel)
    : null;
  return (
    <div className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
      <Field id={`${idPrefix}-cron`} label={cronLabel} error={cronError} hint={t("dataSources.form.cronHint")}>
        <Input
          {...fieldAria(`${idPrefix}-cron`, cronError, true)}
          value={draft.cron}
          placeholder="0 6 * * *"
          autoComplete="off"
          className="font-mono"
          onChange={(e) => onChange({ ...draft, cron: e.target.value })}
        />
      </Field>
      <Field id={`${idPrefix}-tz`} label={zoneLabel} error={zoneError} hint={t("dataSources.form.timeZoneHint")}>
        <Input
          {...fieldAria(`${idPrefix}-tz`, zoneError, true)}
          value={draft.timeZone}
          list={`${idPrefix}-tz-list`}
          autoComplete="off"
          onChange={(e) => onChange({ ...draft, timeZone: e.target.value })}
        />
        <datalist id={`${idPrefix}-tz-list`}>
          {timeZoneChoices().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
    </div>
  );
}

/**
 * The schedule fields of a create or PATCH body; on edit only what changed, so an untouched schedule stays as is.
 * A source without a schedule keeps its stored zone until a cron is given.
 */
export function scheduleBody(
  draft: ScheduleDraft,
  current: { schedule_cron: string | null; schedule_timezone: string } | null,
): { schedule_cron?: string | null; schedule_timezone?: string } {
  const cron = draft.cron.trim() === "" ? null : draft.cron.trim().replace(/\s+/g, " ");
  const timeZone = draft.timeZone.trim();
  if (!current) return cron === null ? {} : { schedule_cron: cron, schedule_timezone: timeZone };
  if (cron === null) return current.schedule_cron === null ? {} : { schedule_cron: null };
  return {
    ...(cron !== current.schedule_cron ? { schedule_cron: cron } : {}),
    ...(timeZone !== current.schedule_timezone ? { schedule_timezone: timeZone } : {}),
  };
}
