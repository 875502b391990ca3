import type { DataSource } from "@jobsync/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { DataSourceDialog } from "../../components/data-sources/DataSourceDialog";
import { DataSourcesTable } from "../../components/data-sources/DataSourcesTable";
import { DeleteDataSourceDialog } from "../../components/data-sources/DeleteDataSourceDialog";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { SyncJobsDropdown } from "../../components/SyncJobsDropdown";
import { SyncBatchModal } from "../../components/sync-batch/SyncBatchModal";
import { Button } from "../../components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { WriteButton } from "../../components/ui/write-button";
import { useCanWrite } from "../../hooks/use-role";
import { useRouteParams } from "../../hooks/use-route-params";
import { SYNC_JOB_PARAM, useSyncJobLink } from "../../hooks/use-sync-job-link";
import { dataSourceKeys, dataSourcesQuery } from "../../queries/data-sources";
import { errorMessage } from "../../services/api-error";
import { dataSourcesApi } from "../../services/data-sources-api";

/** The batch the batch modal follows, as `?batch=` (like `?job=` for one sync job). */
const BATCH_PARAM = "batch";

/**
 * The guide's DataSourcesPage: the data sources, the "Sync Jobs" dropdown, and the sync job modal it opens.
 * `/data-sources/<site_name>/edit` is this page with that source's edit form open.
 */
export function DataSourcesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { params, setParams } = useRouteParams();
  const editName = (useParams({ strict: false }) as { siteName?: string }).siteName ?? null;
  const batchId = params.get(BATCH_PARAM);
  const syncJob = useSyncJobLink();
  const sources = useQuery(dataSourcesQuery(api));
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DataSource | null>(null);
  const [toggling, setToggling] = useState<ReadonlySet<string>>(new Set());

  const toggle = useMutation({
    mutationFn: ({ source, active }: { source: DataSource; active: boolean }) =>
      dataSourcesApi.update(api, source.site_name, { is_active: active }),
    onMutate: ({ source }) => setToggling((s) => new Set(s).add(source.site_name)),
    onSuccess: (saved) =>
      toast.success(
        t(saved.is_active ? "dataSources.toast.activated" : "dataSources.toast.deactivated", { name: saved.site_name }),
      ),
    onError: (error, { source }) =>
      setNotice(t("dataSources.updateFailed", { name: source.site_name, message: errorMessage(error) })),
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
  // a viewer's deep link to an edit form shows the list: there is nothing a viewer could save
  const canWrite = useCanWrite();
  const editing = editName ? (items.find((s) => s.site_name.toLowerCase() === editName.toLowerCase()) ?? null) : null;
  const closeEdit = () => void navigate({ to: "/data-sources", search: (s) => s });

  return (
    <>
      <PageHeader
        title={t("dataSources.title")}
        description={t("dataSources.description")}
        actions={
          <>
            <WriteButton variant="secondary" onClick={() => setCreating(true)}>
              <Plus className="size-3.5" aria-hidden />
              {t("dataSources.new")}
            </WriteButton>
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
            <p className="min-w-0 flex-1 break-words">{notice}</p>
            <Button variant="ghost" size="icon" onClick={() => setNotice(null)}>
              <X className="size-3.5" aria-hidden />
              <span className="sr-only">{t("common.dismiss")}</span>
            </Button>
          </div>
        ) : null}
        {editName && sources.isSuccess && !editing ? (
          <ErrorState title={t("dataSources.notFound", { name: editName })} message={t("dataSources.notFoundHint")} />
        ) : null}
        {sources.isPending ? (
          <LoadingState label={t("dataSources.loading")} />
        ) : sources.isError ? (
          <ErrorState
            title={t("dataSources.loadFailed")}
            message={errorMessage(sources.error)}
            onRetry={() => void sources.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            title={t("dataSources.empty")}
            description={t("dataSources.emptyHint")}
            action={
              <WriteButton variant="primary" onClick={() => setCreating(true)}>
                <Plus className="size-3.5" aria-hidden />
                {t("dataSources.new")}
              </WriteButton>
            }
          />
        ) : (
          <DataSourcesTable
            sources={items}
            toggling={toggling}
            onToggleActive={(source, active) => toggle.mutate({ source, active })}
            onOpenSyncJob={syncJob.open}
            onEdit={(source) =>
              void navigate({
                to: "/data-sources/$siteName/edit",
                params: { siteName: source.site_name },
                search: (s) => s,
              })
            }
            onDelete={setDeleting}
            onShowPostings={(source) => void navigate({ to: "/job-postings", search: { source: source.site_name } })}
          />
        )}
      </PageBody>
      <DataSourceDialog open={creating} onOpenChange={setCreating} />
      {editing && canWrite ? (
        <DataSourceDialog open onOpenChange={(open) => (open ? undefined : closeEdit())} source={editing} />
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
