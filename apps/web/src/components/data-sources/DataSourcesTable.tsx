import type { DataSource } from "@jobsync/contracts";
import { Link } from "@tanstack/react-router";
import { ExternalLink, Pencil, Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { formatCount } from "../../lib/format";
import { SyncJobStatusBadge } from "../sync-job/status-display";
import { Badge } from "../ui/badge";
import { Switch } from "../ui/switch";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { Time } from "../ui/time";
import { useWriteControl, WriteButton } from "../ui/write-button";
import { AutoDisableBadge } from "./AutoDisableBadge";
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

/** A source's postings: "10,000+" once the server stopped counting. */
const postingsCount = (source: DataSource) =>
  `${formatCount(source.postings_count)}${source.postings_count_is_estimate ? "+" : ""}`;

function LastSync({ source, onOpen }: { source: DataSource; onOpen: (jobId: string) => void }) {
  const { t } = useTranslation();
  const last = source.last_sync;
  if (!last) return <span className="text-zinc-600">{t("dataSources.never")}</span>;
  return (
    <button
      type="button"
      onClick={() => onOpen(last.job_id)}
      className="group flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded text-left"
    >
      <span className="sr-only">{t("dataSources.lastSyncOf", { name: source.site_name })}: </span>
      <SyncJobStatusBadge status={last.status} />
      <span className="text-xs text-zinc-600 group-hover:text-zinc-900">
        <Time value={last.finished_at ?? last.created_at} />
      </span>
      {last.jobs_added > 0 ? (
        <span className="text-xs font-medium text-emerald-700">+{formatCount(last.jobs_added)}</span>
      ) : null}
    </button>
  );
}

export function DataSourcesTable(props: DataSourcesTableProps) {
  const { t } = useTranslation();
  const readOnly = useWriteControl();
  const { sources, toggling } = props;
  return (
    <Table aria-label={t("dataSources.table")}>
      <TableHead>
        <tr>
          <Th>{t("dataSources.columns.name")}</Th>
          <Th>{t("dataSources.columns.baseUrl")}</Th>
          <Th>{t("dataSources.columns.active")}</Th>
          <Th>{t("dataSources.columns.lastSync")}</Th>
          <Th>{t("dataSources.columns.schedule")}</Th>
          <Th className="text-right">{t("dataSources.columns.postings")}</Th>
          <Th>
            <span className="sr-only">{t("dataSources.columns.actions")}</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {sources.map((source) => (
          <TableRow key={source.id} className="hover:bg-zinc-50/60" data-site={source.site_name}>
            <Td>
              <div className="flex items-center gap-2">
                <Link
                  to="/data-sources/$siteName"
                  params={{ siteName: source.site_name }}
                  className="rounded font-medium text-zinc-900 hover:text-blue-700 hover:underline"
                >
                  {source.site_name}
                </Link>
                <Badge>{source.kind}</Badge>
                <SourceHealthBadge health={source.health} />
                <AutoDisableBadge source={source} />
                {source.active_job_id ? (
                  <button
                    type="button"
                    onClick={() => source.active_job_id && props.onOpenSyncJob(source.active_job_id)}
                    className="rounded"
                    aria-label={t("dataSources.followRunning", { name: source.site_name })}
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
                className="inline-flex max-w-full items-center gap-1 font-mono text-xs text-zinc-700 hover:text-blue-700"
              >
                <span className="truncate">{source.base_url}</span>
                <ExternalLink className="size-3 shrink-0" aria-hidden />
              </a>
            </Td>
            <Td>
              <Switch
                checked={source.is_active}
                disabled={toggling.has(source.site_name) || readOnly.disabled}
                title={readOnly.title}
                onCheckedChange={(checked) => props.onToggleActive(source, checked)}
                aria-label={t("dataSources.activeSwitch", { name: source.site_name })}
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
                className="rounded hover:text-blue-700 hover:underline"
                onClick={() => props.onShowPostings(source)}
                aria-label={t("dataSources.postingsOf", {
                  count: source.postings_count,
                  formatted: postingsCount(source),
                  name: source.site_name,
                })}
              >
                {postingsCount(source)}
              </button>
            </Td>
            <Td className="w-0">
              <div className="flex justify-end gap-1">
                <WriteButton
                  variant="ghost"
                  size="icon"
                  aria-label={t("dataSources.edit", { name: source.site_name })}
                  onClick={() => props.onEdit(source)}
                >
                  <Pencil className="size-3.5" aria-hidden />
                </WriteButton>
                <WriteButton
                  variant="ghost"
                  size="icon"
                  aria-label={t("dataSources.deleteSource", { name: source.site_name })}
                  className="hover:text-red-700"
                  onClick={() => props.onDelete(source)}
                >
                  <Trash2 className="size-3.5" aria-hidden />
                </WriteButton>
              </div>
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
