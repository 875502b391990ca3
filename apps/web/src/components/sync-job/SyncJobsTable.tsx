import { type CrawlJobProgress, isFinalSyncJobStatus } from "@jobsync/contracts";
import { ChevronRight } from "lucide-react";
import { elapsedMs, formatCount, formatDateTime, formatDuration, formatRelative } from "../../lib/format";
import { Progress } from "../ui/progress";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { SYNC_JOB_PROGRESS_TONE, SyncJobStatusBadge } from "./status-display";

export function SyncJobsTable({ jobs, onOpen }: { jobs: CrawlJobProgress[]; onOpen: (jobId: string) => void }) {
  return (
    <Table aria-label="Sync jobs">
      <TableHead>
        <tr>
          <Th>Status</Th>
          <Th>Data source</Th>
          <Th>Started</Th>
          <Th>Duration</Th>
          <Th className="text-right">Found</Th>
          <Th className="text-right">Added</Th>
          <Th className="text-right">Duplicates</Th>
          <Th className="text-right">Errors</Th>
          <Th>By</Th>
          <Th>
            <span className="sr-only">Open</span>
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
                  <SyncJobStatusBadge status={job.status} />
                ) : (
                  <div className="flex w-28 flex-col gap-1">
                    <SyncJobStatusBadge status={job.status} className="self-start" />
                    <Progress value={job.progress} tone={SYNC_JOB_PROGRESS_TONE[job.status]} aria-label="Progress" />
                  </div>
                )}
              </Td>
              <Td className="font-medium whitespace-nowrap">{job.site_name}</Td>
              <Td title={formatDateTime(job.created_at)} className="whitespace-nowrap text-zinc-600">
                {formatRelative(job.created_at)}
              </Td>
              <Td className="text-zinc-600 tabular-nums">
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
              <Td className="max-w-40 truncate text-xs text-zinc-500">{job.requested_by?.email ?? job.trigger}</Td>
              <Td className="w-0">
                <button
                  type="button"
                  className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900"
                  aria-label={`Open sync job of ${job.site_name} started ${formatDateTime(job.created_at)}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(job.job_id);
                  }}
                >
                  <ChevronRight className="size-4" />
                </button>
              </Td>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
