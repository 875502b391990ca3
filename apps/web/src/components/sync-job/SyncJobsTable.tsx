import { type CrawlJobProgress, isFinalSyncJobStatus } from "@jobsync/contracts";
import { ChevronRight } from "lucide-react";
import { useTranslation } from "react-i18next";
import { elapsedMs, formatCount, formatDateTime, formatDuration } from "../../lib/format";
import { Progress } from "../ui/progress";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { Time } from "../ui/time";
import { SyncJobBadge, syncJobDisplay } from "./status-display";

export function SyncJobsTable({ jobs, onOpen }: { jobs: CrawlJobProgress[]; onOpen: (jobId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t("syncHistory.table")}>
      <TableHead>
        <tr>
          <Th>{t("syncHistory.columns.status")}</Th>
          <Th>{t("syncHistory.columns.source")}</Th>
          <Th>{t("syncHistory.columns.started")}</Th>
          <Th>{t("syncHistory.columns.duration")}</Th>
          <Th className="text-right">{t("stats.jobsFound")}</Th>
          <Th className="text-right">{t("stats.added")}</Th>
          <Th className="text-right">{t("stats.duplicates")}</Th>
          <Th className="text-right">{t("stats.errors")}</Th>
          <Th>{t("syncHistory.columns.by")}</Th>
          <Th>
            <span className="sr-only">{t("common.open")}</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {jobs.map((job) => {
          const final = isFinalSyncJobStatus(job.status);
          return (
            <TableRow
              key={job.job_id}
              className="cursor-pointer hover:bg-zinc-50"
              onClick={() => onOpen(job.job_id)}
              data-job-id={job.job_id}
            >
              <Td>
                {final ? (
                  <SyncJobBadge job={job} />
                ) : (
                  <div className="flex w-28 flex-col gap-1">
                    <SyncJobBadge job={job} className="self-start" />
                    <Progress
                      value={job.progress}
                      tone={syncJobDisplay(job).tone}
                      aria-label={t("syncHistory.progressOf", { site: job.site_name })}
                    />
                  </div>
                )}
              </Td>
              <Td className="font-medium whitespace-nowrap">{job.site_name}</Td>
              <Td className="whitespace-nowrap text-zinc-700">
                <Time value={job.created_at} />
              </Td>
              <Td className="text-zinc-700 tabular-nums">
                {formatDuration(elapsedMs(job.started_at, job.finished_at))}
              </Td>
              <Td className="text-right tabular-nums">{formatCount(job.stats.jobs_found)}</Td>
              <Td className="text-right font-medium text-emerald-700 tabular-nums">
                {formatCount(job.stats.jobs_added)}
              </Td>
              <Td className="text-right tabular-nums">{formatCount(job.stats.duplicates)}</Td>
              <Td className={job.stats.errors > 0 ? "text-right text-red-700 tabular-nums" : "text-right tabular-nums"}>
                {formatCount(job.stats.errors)}
              </Td>
              <Td className="max-w-40 truncate text-xs text-zinc-600">
                {job.requested_by?.email ?? t(`syncJobs.trigger.${job.trigger}`)}
              </Td>
              <Td className="w-0">
                <button
                  type="button"
                  className="rounded p-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
                  aria-label={t("syncHistory.open", {
                    site: job.site_name,
                    when: formatDateTime(job.created_at),
                  })}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(job.job_id);
                  }}
                >
                  <ChevronRight className="size-4" aria-hidden />
                </button>
              </Td>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
