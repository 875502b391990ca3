import { DELIVERY_STATUSES, type NotificationChannel } from "@jobsync/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useApi } from "../../app/api-context";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { ChannelDialog } from "../../components/notifications/ChannelDialog";
import { ChannelsTable } from "../../components/notifications/ChannelsTable";
import { DeliveriesTable } from "../../components/notifications/DeliveriesTable";
import { Button } from "../../components/ui/button";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { Field } from "../../components/ui/field";
import { Select } from "../../components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { useSyncJobLink } from "../../hooks/use-sync-job-link";
import { dataSourcesQuery } from "../../queries/data-sources";
import { channelsQuery, deliveriesQuery, notificationKeys } from "../../queries/notifications";
import { errorMessage } from "../../services/api-error";
import { notificationsApi } from "../../services/notifications-api";

/** Notification channels (CRUD) and the delivery log. */
export function NotificationsPage() {
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
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      setDeleting(null);
    },
  });

  const items = channels.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Webhooks, Slack and e-mail when sync jobs end or a data source is auto-disabled."
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            <Plus className="size-3.5" aria-hidden />
            New channel
          </Button>
        }
      />
      <PageBody>
        <h2 className="text-sm font-semibold text-zinc-900">Channels</h2>
        {channels.isPending ? (
          <LoadingState label="Loading channels…" />
        ) : channels.isError ? (
          <ErrorState
            title="Could not load the channels"
            message={errorMessage(channels.error)}
            onRetry={() => void channels.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title="No channels yet" description="Add a webhook, a Slack webhook or e-mail recipients." />
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
          <p role="alert" className="text-xs text-red-600">
            {errorMessage(toggle.error)}
          </p>
        ) : null}
        <div className="flex items-end justify-between gap-3 pt-4">
          <h2 className="text-sm font-semibold text-zinc-900">Deliveries</h2>
          <Field id="delivery-status" label="Status">
            <Select id="delivery-status" className="w-40" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">All</option>
              {DELIVERY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {deliveries.isPending ? (
          <LoadingState label="Loading deliveries…" />
        ) : deliveries.isError ? (
          <ErrorState
            title="Could not load the deliveries"
            message={errorMessage(deliveries.error)}
            onRetry={() => void deliveries.refetch()}
          />
        ) : deliveries.data.length === 0 ? (
          <EmptyState title="No deliveries" description="They appear here when a sync job ends." />
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
        title={`Delete ${deleting?.name ?? "channel"}?`}
        description={<p>The channel and its delivery log are removed.</p>}
        confirmLabel="Delete"
        destructive
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() => deleting && remove.mutate(deleting)}
      />
    </>
  );
}
