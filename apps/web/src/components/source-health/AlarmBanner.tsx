import type { SyncJobAlarm } from "@jobsync/contracts";
import { AlertTriangle } from "lucide-react";
import { useTranslation } from "react-i18next";

/** A sync job's source health alarms: each field (or page), its baseline and what this sync job measured. */
export function AlarmBanner({ alarms }: { alarms: readonly SyncJobAlarm[] }) {
  const { t } = useTranslation();
  if (alarms.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="alarm-banner"
      className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-900"
    >
      <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
      <div className="min-w-0">
        <p className="font-medium">{t("sourceHealth.banner.title")}</p>
        <ul className="mt-1 list-disc pl-4">
          {alarms.map((alarm) => (
            <li key={`${alarm.kind}:${alarm.field}`} data-alarm={alarm.kind} data-field={alarm.field} lang="en">
              {t("sourceHealth.banner.line", { message: alarm.message })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
