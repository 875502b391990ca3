import { SYNC_JOB_STATUS_FILTERS } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { SyncJobsTable } from "../../components/sync-job/SyncJobsTable";
import { SYNC_JOB_STATUS_DISPLAY } from "../../components/sync-job/status-display";
import { Field } from "../../components/ui/field";
import { Select } from "../../components/ui/input";
import { Pager } from "../../components/ui/pager";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { useRouteParams } from "../../hooks/use-route-params";
import { formatCount } from "../../lib/format";
import { dataSourcesQuery } from "../../queries/data-sources";
import { syncJobListQuery } from "../../queries/sync-jobs";
import { errorMessage } from "../../services/api-error";
import type { SyncJobStatusFilter } from "../../types/admin";

const PAGE_SIZE = 20;

function statusLabel(t: TFunction, filter: SyncJobStatusFilter): string {
  if (filter === "all") return t("syncHistory.allStatuses");
  if (filter === "active") return t("syncHistory.activeStatuses");
  return t(SYNC_JOB_STATUS_DISPLAY[filter].label);
}

function isStatusFilter(value: string | null): value is SyncJobStatusFilter {
  return value !== null && (SYNC_JOB_STATUS_FILTERS as readonly string[]).includes(value);
}

/**
 * Past and running sync jobs, filtered by data source and status, paged by cursor; a row opens the modal at
 * `/sync-jobs/<id>` (the filters stay in the query string).
 */
export function SyncHistoryPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { params, setParams } = useRouteParams();
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
  const open = (jobId: string) =>
    void navigate({ to: "/sync-jobs/$jobId", params: { jobId }, search: (s) => ({ ...s, job: undefined }) });

  const items = jobs.data?.items ?? [];
  const nextCursor = jobs.data?.next_cursor ?? null;

  return (
    <>
      <PageHeader title={t("syncHistory.title")} description={t("syncHistory.description")} />
      <PageBody>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="history-source" label={t("syncHistory.source")}>
            <Select
              id="history-source"
              className="w-48 max-w-full"
              value={site}
              onChange={(e) => setFilter({ source: e.target.value || null })}
            >
              <option value="">{t("syncHistory.allSources")}</option>
              {(sources.data ?? []).map((source) => (
                <option key={source.id} value={source.site_name}>
                  {source.site_name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="history-status" label={t("syncHistory.status")}>
            <Select
              id="history-status"
              className="w-64 max-w-full"
              value={status}
              onChange={(e) => setFilter({ status: e.target.value === "all" ? null : e.target.value })}
            >
              {SYNC_JOB_STATUS_FILTERS.map((filter) => (
                <option key={filter} value={filter}>
                  {statusLabel(t, filter)}
                </option>
              ))}
            </Select>
          </Field>
          {jobs.isFetching && !jobs.isPending ? (
            <span className="pb-2 text-xs text-zinc-600">{t("common.updating")}</span>
          ) : null}
        </div>
        {jobs.isPending ? (
          <LoadingState label={t("syncHistory.loading")} />
        ) : jobs.isError ? (
          <ErrorState
            title={t("syncHistory.loadFailed")}
            message={errorMessage(jobs.error)}
            onRetry={() => void jobs.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            title={t("syncHistory.empty")}
            description={status === "all" && !site ? t("syncHistory.emptyHint") : t("syncHistory.emptyFiltered")}
          />
        ) : (
          <SyncJobsTable jobs={items} onOpen={open} />
        )}
        <Pager
          summary={t("syncHistory.page", {
            page: cursors.length,
            count: items.length,
            formatted: formatCount(items.length),
          })}
          hasPrevious={cursors.length > 1}
          hasNext={Boolean(nextCursor)}
          onPrevious={() => setCursors((list) => list.slice(0, -1))}
          onNext={() => nextCursor && setCursors((list) => [...list, nextCursor])}
        />
      </PageBody>
    </>
  );
}
