import type { DataSource } from "@jobsync/contracts";
import { ExternalLink, Pencil, Trash2 } from "lucide-react";
import { formatCount, formatDateTime, formatRelative } from "../../lib/format";
import { SyncJobStatusBadge } from "../sync-job/status-display";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Switch } from "../ui/switch";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { NextRun } from "./NextRun";
import { SourceHealthBadge } from "./SourceHealthBadge";

export interface DataSourcesTableProps {
  sources: DataSource[];
  /** Site names whose active flag is being saved. */
  toggling: ReadonlySet<string>;
  onToggleActive: (source: DataSource, active: boolean) => void;
  onOpenSyncJob: (jobId: string) => void;
  onEdit: (source: DataSource) => void;
  onDelete: (source: DataSource) => void;
  onShowPostings: (source: DataSource) => void;
}

function LastSync({ source, onOpen }: { source: DataSource; onOpen: (jobId: string) => void }) {
  const last = source.last_sync;
  if (!last) return <span className="text-zinc-400">Never</span>;
  return (
    <button
      type="button"
      onClick={() => onOpen(last.job_id)}
      className="group flex items-center gap-2 rounded text-left"
      aria-label={`Open the last sync job of ${source.site_name}`}
      title={formatDateTime(last.finished_at ?? last.created_at)}
    >
      <SyncJobStatusBadge status={last.status} />
      <span className="text-xs text-zinc-500 group-hover:text-zinc-900">
        {formatRelative(last.finished_at ?? last.created_at)}
      </span>
      {last.jobs_added > 0 ? (
        <span className="text-xs font-medium text-emerald-700">+{formatCount(last.jobs_added)}</span>
      ) : null}
    </button>
  );
}

export function DataSourcesTable(props: DataSourcesTableProps) {
  const { sources, toggling } = props;
  return (
    <Table aria-label="Data sources">
      <TableHead>
        <tr>
          <Th>Name</Th>
          <Th>Base URL</Th>
          <Th>Active</Th>
          <Th>Last sync</Th>
          <Th>Schedule</Th>
          <Th className="text-right">Postings</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {sources.map((source) => (
          <TableRow key={source.id} className="hover:bg-zinc-50/60" data-site={source.site_name}>
            <Td>
              <div className="flex items-center gap-2">
                <span className="font-medium text-zinc-900">{source.site_name}</span>
                <Badge>{source.kind}</Badge>
                <SourceHealthBadge source={source} />
                {source.active_job_id ? (
                  <button
                    type="button"
                    onClick={() => source.active_job_id && props.onOpenSyncJob(source.active_job_id)}
                    className="rounded"
                    aria-label={`Follow the running sync job of ${source.site_name}`}
                  >
                    <SyncJobStatusBadge status="running" />
                  </button>
                ) : null}
              </div>
            </Td>
            <Td className="max-w-72">
              <a
                href={source.base_url}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex max-w-full items-center gap-1 font-mono text-xs text-zinc-600 hover:text-blue-600"
              >
                <span className="truncate">{source.base_url}</span>
                <ExternalLink className="size-3 shrink-0" aria-hidden />
              </a>
            </Td>
            <Td>
              <Switch
                checked={source.is_active}
                disabled={toggling.has(source.site_name)}
                onCheckedChange={(checked) => props.onToggleActive(source, checked)}
                aria-label={`Active: ${source.site_name}`}
              />
            </Td>
            <Td>
              <LastSync source={source} onOpen={props.onOpenSyncJob} />
            </Td>
            <Td>
              <NextRun source={source} />
            </Td>
            <Td className="text-right tabular-nums">
              <button
                type="button"
                className="rounded hover:text-blue-600 hover:underline"
                onClick={() => props.onShowPostings(source)}
                aria-label={`${formatCount(source.postings_count)} job postings of ${source.site_name}`}
              >
                {formatCount(source.postings_count)}
              </button>
            </Td>
            <Td className="w-0">
              <div className="flex justify-end gap-1">
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Edit ${source.site_name}`}
                  onClick={() => props.onEdit(source)}
                >
                  <Pencil className="size-3.5" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Delete ${source.site_name}`}
                  className="hover:text-red-600"
                  onClick={() => props.onDelete(source)}
                >
                  <Trash2 className="size-3.5" />
                </Button>
              </div>
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
