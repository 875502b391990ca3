import { DELIVERY_STATUSES, type NotificationChannel } from "@jobsync/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { ChannelDialog } from "../../components/notifications/ChannelDialog";
import { ChannelsTable } from "../../components/notifications/ChannelsTable";
import { DELIVERY_STATUS_LABEL, DeliveriesTable } from "../../components/notifications/DeliveriesTable";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { Field } from "../../components/ui/field";
import { Select } from "../../components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { WriteButton } from "../../components/ui/write-button";
import { useSyncJobLink } from "../../hooks/use-sync-job-link";
import { dataSourcesQuery } from "../../queries/data-sources";
import { channelsQuery, deliveriesQuery, notificationKeys } from "../../queries/notifications";
import { errorMessage } from "../../services/api-error";
import { notificationsApi } from "../../services/notifications-api";

/** Notification channels (CRUD) and the delivery log. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const syncJob = useSyncJobLink();
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<NotificationChannel | "new" | null>(null);
  const [deleting, setDeleting] = useState<NotificationChannel | null>(null);
  const [toggling, setToggling] = useState<ReadonlySet<string>>(new Set());
  const channels = useQuery(channelsQuery(api));
  const deliveries = useQuery(deliveriesQuery(api, status));
  const sources = useQuery(dataSourcesQuery(api));

  const toggle = useMutation({
    mutationFn: ({ channel, active }: { channel: NotificationChannel; active: boolean }) =>
      notificationsApi.updateChannel(api, channel.id, { is_active: active }),
    onMutate: ({ channel }) => setToggling((s) => new Set(s).add(channel.id)),
    onSuccess: (saved) =>
      toast.success(
        t(saved.is_active ? "notifications.toast.activated" : "notifications.toast.deactivated", { name: saved.name }),
      ),
    onSettled: async (_d, _e, { channel }) => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.channels() });
      setToggling((s) => {
        const next = new Set(s);
        next.delete(channel.id);
        return next;
      });
    },
  });
  const remove = useMutation({
    mutationFn: (channel: NotificationChannel) => notificationsApi.deleteChannel(api, channel.id),
    onSuccess: async (_done, channel) => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      toast.success(t("notifications.toast.deleted", { name: channel.name }));
      setDeleting(null);
    },
  });

  const items = channels.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.description")}
        actions={
          <WriteButton variant="primary" onClick={() => setEditing("new")}>
            <Plus className="size-3.5" aria-hidden />
            {t("notifications.new")}
          </WriteButton>
        }
      />
      <PageBody>
        <h2 className="text-sm font-semibold text-zinc-900">{t("notifications.channels")}</h2>
        {channels.isPending ? (
          <LoadingState label={t("notifications.loadingChannels")} />
        ) : channels.isError ? (
          <ErrorState
            title={t("notifications.channelsFailed")}
            message={errorMessage(channels.error)}
            onRetry={() => void channels.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title={t("notifications.noChannels")} description={t("notifications.noChannelsHint")} />
        ) : (
          <ChannelsTable
            channels={items}
            toggling={toggling}
            onToggleActive={(channel, active) => toggle.mutate({ channel, active })}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        )}
        {toggle.error ? (
          <p role="alert" className="text-xs text-red-700">
            {errorMessage(toggle.error)}
          </p>
        ) : null}
        <div className="flex flex-wrap items-end justify-between gap-3 pt-4">
          <h2 className="text-sm font-semibold text-zinc-900">{t("notifications.deliveries")}</h2>
          <Field id="delivery-status" label={t("notifications.columns.status")}>
            <Select id="delivery-status" className="w-40" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t("notifications.allStatuses")}</option>
              {DELIVERY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(DELIVERY_STATUS_LABEL[s])}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {deliveries.isPending ? (
          <LoadingState label={t("notifications.loadingDeliveries")} />
        ) : deliveries.isError ? (
          <ErrorState
            title={t("notifications.deliveriesFailed")}
            message={errorMessage(deliveries.error)}
            onRetry={() => void deliveries.refetch()}
          />
        ) : deliveries.data.length === 0 ? (
          <EmptyState title={t("notifications.noDeliveries")} description={t("notifications.noDeliveriesHint")} />
        ) : (
          <DeliveriesTable deliveries={deliveries.data} onOpenSyncJob={syncJob.open} />
        )}
      </PageBody>
      <ChannelDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        channel={editing && editing !== "new" ? editing : undefined}
        sources={sources.data ?? []}
        smtpConfigured={channels.data?.smtp_configured ?? false}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) {
            remove.reset();
            setDeleting(null);
          }
        }}
        title={t("notifications.delete.title", { name: deleting?.name ?? "" })}
        description={<p>{t("notifications.delete.description")}</p>}
        confirmLabel={t("common.delete")}
        destructive
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() => deleting && remove.mutate(deleting)}
      />
    </>
  );
}
