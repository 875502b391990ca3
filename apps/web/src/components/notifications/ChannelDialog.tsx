import type { CreateNotificationChannelRequest, DataSource, NotificationChannel } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useApi } from "../../app/api-context";
import { notificationKeys } from "../../queries/notifications";
import { notificationsApi } from "../../services/notifications-api";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "../ui/dialog";
import { ChannelForm } from "./ChannelForm";

export interface ChannelDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  channel?: NotificationChannel;
  sources: DataSource[];
  smtpConfigured: boolean;
}

export function ChannelDialog({ open, onOpenChange, channel, sources, smtpConfigured }: ChannelDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: CreateNotificationChannelRequest) => {
      if (!channel) return notificationsApi.createChannel(api, body);
      const { type: _type, ...update } = body;
      return notificationsApi.updateChannel(api, channel.id, update);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      onOpenChange(false);
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) save.reset();
        onOpenChange(next);
      }}
    >
      <DialogContent width="max-w-xl">
        <DialogHeader>
          <DialogTitle>{channel ? `Edit ${channel.name}` : "New notification channel"}</DialogTitle>
          <DialogDescription>
            Told when a sync job completes, fails or is cancelled, and when a data source is degraded or auto-disabled.
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <ChannelForm
            key={channel?.id ?? "new"}
            channel={channel}
            sources={sources}
            smtpConfigured={smtpConfigured}
            pending={save.isPending}
            submitError={save.error}
            onSubmit={(body) => save.mutate(body)}
            onCancel={() => onOpenChange(false)}
          />
        </DialogBody>
      </DialogContent>
    </Dialog>
  );
}
