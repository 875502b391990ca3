import type { CreateNotificationChannelRequest, DataSource, NotificationChannel } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { notificationKeys } from "../../queries/notifications";
import { notificationsApi } from "../../services/notifications-api";
import { FormDialog } from "../ui/form-dialog";
import { ChannelForm } from "./ChannelForm";

export interface ChannelDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  channel?: NotificationChannel;
  sources: DataSource[];
  smtpConfigured: boolean;
}

export function ChannelDialog({ open, onOpenChange, channel, sources, smtpConfigured }: ChannelDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: CreateNotificationChannelRequest) => {
      if (!channel) return notificationsApi.createChannel(api, body);
      const { type: _type, ...update } = body;
      return notificationsApi.updateChannel(api, channel.id, update);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      toast.success(
        channel
          ? t("notifications.toast.saved", { name: saved.name })
          : t("notifications.toast.created", { name: saved.name }),
      );
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) save.reset();
        onOpenChange(next);
      }}
      width="max-w-xl"
      title={channel ? t("notifications.form.editTitle", { name: channel.name }) : t("notifications.form.newTitle")}
      description={t("notifications.form.description")}
    >
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
    </FormDialog>
  );
}
