import type { DataSource } from "@jobsync/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { useApi } from "../../app/api-context";
import { DataSourceDialog } from "../../components/data-sources/DataSourceDialog";
import { DataSourcesTable } from "../../components/data-sources/DataSourcesTable";
import { DeleteDataSourceDialog } from "../../components/data-sources/DeleteDataSourceDialog";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { SyncJobsDropdown } from "../../components/SyncJobsDropdown";
import { SyncBatchModal } from "../../components/sync-batch/SyncBatchModal";
import { Button } from "../../components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { useHashRoute } from "../../hooks/use-hash-route";
import { SYNC_JOB_PARAM, useSyncJobLink } from "../../hooks/use-sync-job-link";
import { dataSourceKeys, dataSourcesQuery } from "../../queries/data-sources";
import { errorMessage } from "../../services/api-error";

/** The batch the batch modal follows, as `?batch=` in the hash (like `?job=` for one sync job). */
const BATCH_PARAM = "batch";

/** The guide's DataSourcesPage: the data sources, the "Sync Jobs" dropdown, and the sync job modal it opens. */
export function DataSourcesPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { navigate, params, setParams } = useHashRoute();
  const batchId = params.get(BATCH_PARAM);
  const syncJob = useSyncJobLink();
  const sources = useQuery(dataSourcesQuery(api));
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<DataSource | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DataSource | null>(null);
  const [toggling, setToggling] = useState<ReadonlySet<string>>(new Set());

  const toggle = useMutation({
    mutationFn: ({ source, active }: { source: DataSource; active: boolean }) =>
      api.updateDataSource(source.site_name, { is_active: active }),
    onMutate: ({ source }) => setToggling((s) => new Set(s).add(source.site_name)),
    onError: (error, { source }) => setNotice(`Could not update ${source.site_name}: ${errorMessage(error)}`),
    onSettled: async (_data, _error, { source }) => {
      await queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
      setToggling((s) => {
        const next = new Set(s);
        next.delete(source.site_name);
        return next;
      });
    },
  });

  const items = sources.data ?? [];

  return (
    <>
      <PageHeader
        title="Data Sources"
        description="Job boards jobsync crawls. Start a sync job to fetch their new job postings."
        actions={
          <>
            <Button variant="secondary" onClick={() => setCreating(true)}>
              <Plus className="size-3.5" aria-hidden />
              New data source
            </Button>
            <SyncJobsDropdown
              sources={items}
              onFollow={(jobId) => {
                setNotice(null);
                syncJob.open(jobId);
              }}
              onError={setNotice}
              onBatch={(id) => {
                void queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
                setParams({ [BATCH_PARAM]: id });
              }}
            />
          </>
        }
      />
      <PageBody>
        {notice ? (
          <div
            role="alert"
            className="flex items-center gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800"
          >
            <p className="flex-1">{notice}</p>
            <Button variant="ghost" size="icon" aria-label="Dismiss" onClick={() => setNotice(null)}>
              <X className="size-3.5" />
            </Button>
          </div>
        ) : null}
        {sources.isPending ? (
          <LoadingState label="Loading data sources…" />
        ) : sources.isError ? (
          <ErrorState
            title="Could not load the data sources"
            message={errorMessage(sources.error)}
            onRetry={() => void sources.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            title="No data sources yet"
            description="Add a job board to crawl, such as TopCV, then start a sync job from the Sync Jobs button."
            action={
              <Button variant="primary" onClick={() => setCreating(true)}>
                <Plus className="size-3.5" aria-hidden />
                New data source
              </Button>
            }
          />
        ) : (
          <DataSourcesTable
            sources={items}
            toggling={toggling}
            onToggleActive={(source, active) => toggle.mutate({ source, active })}
            onOpenSyncJob={syncJob.open}
            onEdit={setEditing}
            onDelete={setDeleting}
            onShowPostings={(source) => navigate("/postings", { source: source.site_name })}
          />
        )}
      </PageBody>
      <DataSourceDialog open={creating} onOpenChange={setCreating} />
      {editing ? (
        <DataSourceDialog open onOpenChange={(open) => (open ? undefined : setEditing(null))} source={editing} />
      ) : null}
      <DeleteDataSourceDialog source={deleting} onClose={() => setDeleting(null)} />
      <SyncBatchModal
        batchId={batchId}
        onClose={() => setParams({ [BATCH_PARAM]: null })}
        onOpenJob={(jobId) => setParams({ [BATCH_PARAM]: null, [SYNC_JOB_PARAM]: jobId })}
      />
    </>
  );
}
