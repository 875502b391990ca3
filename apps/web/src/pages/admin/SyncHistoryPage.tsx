import { SYNC_JOB_STATUS_FILTERS } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useState } from "react";
import { useApi } from "../../app/api-context";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { SyncJobsTable } from "../../components/sync-job/SyncJobsTable";
import { SYNC_JOB_STATUS_DISPLAY } from "../../components/sync-job/status-display";
import { Button } from "../../components/ui/button";
import { Field } from "../../components/ui/field";
import { Select } from "../../components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { useHashRoute } from "../../hooks/use-hash-route";
import { useSyncJobLink } from "../../hooks/use-sync-job-link";
import { dataSourcesQuery } from "../../queries/data-sources";
import { syncJobListQuery } from "../../queries/sync-jobs";
import { errorMessage } from "../../services/api-error";
import type { SyncJobStatusFilter } from "../../types/admin";

const PAGE_SIZE = 20;

function statusLabel(filter: SyncJobStatusFilter): string {
  if (filter === "all") return "All statuses";
  if (filter === "active") return "Active (pending, running, cancelling)";
  return SYNC_JOB_STATUS_DISPLAY[filter].label;
}

function isStatusFilter(value: string | null): value is SyncJobStatusFilter {
  return value !== null && (SYNC_JOB_STATUS_FILTERS as readonly string[]).includes(value);
}

/** Past and running sync jobs, filtered by data source and status, paged by cursor; a row opens the modal. */
export function SyncHistoryPage() {
  const api = useApi();
  const { params, setParams } = useHashRoute();
  const syncJob = useSyncJobLink();
  const status: SyncJobStatusFilter = isStatusFilter(params.get("status"))
    ? (params.get("status") as SyncJobStatusFilter)
    : "all";
  const site = params.get("source") ?? "";
  // Cursors of the pages before the current one; the current page's cursor is the last.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const sources = useQuery(dataSourcesQuery(api));
  const jobs = useQuery(syncJobListQuery(api, { status, site_name: site || undefined, limit: PAGE_SIZE, cursor }));

  const setFilter = (patch: Record<string, string | null>) => {
    setCursors([undefined]);
    setParams(patch, { replace: true });
  };

  const items = jobs.data?.items ?? [];
  const nextCursor = jobs.data?.next_cursor ?? null;

  return (
    <>
      <PageHeader
        title="Sync History"
        description="Every sync job, newest first. Open one to see its steps and summary."
      />
      <PageBody>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="history-source" label="Data source">
            {" "}
            <Select
              id="history-source"
              className="w-48"
              value={site}
              onChange={(e) => setFilter({ source: e.target.value || null })}
            >
              <option value="">All data sources</option>
              {(sources.data ?? []).map((source) => (
                <option key={source.id} value={source.site_name}>
                  {source.site_name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="history-status" label="Status">
            {" "}
            <Select
              id="history-status"
              className="w-64"
              value={status}
              onChange={(e) => setFilter({ status: e.target.value === "all" ? null : e.target.value })}
            >
              {SYNC_JOB_STATUS_FILTERS.map((filter) => (
                <option key={filter} value={filter}>
                  {statusLabel(filter)}
                </option>
              ))}
            </Select>
          </Field>
          {jobs.isFetching && !jobs.isPending ? <span className="pb-2 text-xs text-zinc-400">Updating…</span> : null}
        </div>
        {jobs.isPending ? (
          <LoadingState label="Loading sync jobs…" />
        ) : jobs.isError ? (
          <ErrorState
            title="Could not load the sync jobs"
            message={errorMessage(jobs.error)}
            onRetry={() => void jobs.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            title="No sync jobs match"
            description={
              status === "all" && !site
                ? "Start one from Data Sources → Sync Jobs."
                : "Try another data source or status."
            }
          />
        ) : (
          <SyncJobsTable jobs={items} onOpen={syncJob.open} />
        )}
        <nav aria-label="Pages" className="flex items-center justify-between">
          <span className="text-xs text-zinc-500">
            Page {cursors.length}
            {items.length > 0 ? ` · ${items.length} sync jobs` : ""}
          </span>
          <div className="flex gap-2">
            <Button size="sm" disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
              <ChevronLeft className="size-3.5" aria-hidden />
              Previous
            </Button>
            <Button
              size="sm"
              disabled={!nextCursor}
              onClick={() => nextCursor && setCursors((list) => [...list, nextCursor])}
            >
              Next
              <ChevronRight className="size-3.5" aria-hidden />
            </Button>
          </div>
        </nav>
      </PageBody>
    </>
  );
}
