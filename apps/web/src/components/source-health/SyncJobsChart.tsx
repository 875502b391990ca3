import type { SourceHealthSyncJob } from "@jobsync/contracts";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime } from "../../lib/format";

/** A source's last sync jobs: found, added and duplicates as bars, errors as a line (recharts). */
export function SyncJobsChart({ jobs }: { jobs: readonly SourceHealthSyncJob[] }) {
  const { t } = useTranslation();
  const data = jobs.map((job, i) => ({
    name: String(i + 1),
    at: formatDateTime(job.created_at),
    found: job.jobs_found,
    added: job.jobs_added,
    duplicates: job.duplicates,
    errors: job.errors,
  }));
  return (
    <div className="h-64 w-full" data-testid="sync-jobs-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
          <Tooltip labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.at ?? "")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="found" name={t("sourceHealth.page.found")} fill="#93c5fd" isAnimationActive={false} />
          <Bar dataKey="added" name={t("sourceHealth.page.added")} fill="#34d399" isAnimationActive={false} />
          <Bar dataKey="duplicates" name={t("sourceHealth.page.duplicates")} fill="#c4b5fd" isAnimationActive={false} />
          <Line dataKey="errors" name={t("sourceHealth.page.errors")} stroke="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
