import type { NotificationChannel } from "@jobsync/contracts";
import { Pencil, Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "../ui/badge";
import { Switch } from "../ui/switch";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { useWriteControl, WriteButton } from "../ui/write-button";
import { EVENT_LABELS } from "./ChannelForm";

export interface ChannelsTableProps {
  channels: NotificationChannel[];
  toggling: ReadonlySet<string>;
  onToggleActive: (channel: NotificationChannel, active: boolean) => void;
  onEdit: (channel: NotificationChannel) => void;
  onDelete: (channel: NotificationChannel) => void;
}

export function ChannelsTable({ channels, toggling, onToggleActive, onEdit, onDelete }: ChannelsTableProps) {
  const { t } = useTranslation();
  const readOnly = useWriteControl();
  return (
    <Table aria-label={t("notifications.channelsTable")}>
      <TableHead>
        <tr>
          <Th>{t("notifications.columns.name")}</Th>
          <Th>{t("notifications.columns.scope")}</Th>
          <Th>{t("notifications.columns.target")}</Th>
          <Th>{t("notifications.columns.events")}</Th>
          <Th>{t("notifications.columns.active")}</Th>
          <Th>
            <span className="sr-only">{t("dataSources.columns.actions")}</span>
          </Th>
        </tr>
      </TableHead>
      <TableBody>
        {channels.map((channel) => (
          <TableRow key={channel.id} data-channel={channel.name}>
            <Td>
              <div className="flex items-center gap-2">
                <span className="font-medium text-zinc-900">{channel.name}</span>
                <Badge>{channel.type}</Badge>
              </div>
            </Td>
            <Td>{channel.site_name ?? <span className="text-zinc-600">{t("notifications.allSources")}</span>}</Td>
            <Td className="max-w-64">
              <span
                className="block max-w-64 truncate font-mono text-xs text-zinc-700"
                title={channel.url ?? undefined}
              >
                {channel.type === "email" ? channel.email_to.join(", ") : channel.url}
              </span>
              {channel.type === "webhook" ? (
                <details className="text-xs text-zinc-600">
                  <summary className="cursor-pointer">{t("notifications.form.secret")}</summary>
                  <code className="break-all">{channel.secret}</code>
                </details>
              ) : null}
            </Td>
            <Td className="min-w-40 text-xs text-zinc-700">
              {channel.events.map((e) => t(EVENT_LABELS[e])).join(", ")}
            </Td>
            <Td>
              <Switch
                checked={channel.is_active}
                disabled={toggling.has(channel.id) || readOnly.disabled}
                title={readOnly.title}
                onCheckedChange={(checked) => onToggleActive(channel, checked)}
                aria-label={t("dataSources.activeSwitch", { name: channel.name })}
              />
            </Td>
            <Td className="w-0">
              <div className="flex justify-end gap-1">
                <WriteButton
                  variant="ghost"
                  size="icon"
                  aria-label={t("dataSources.edit", { name: channel.name })}
                  onClick={() => onEdit(channel)}
                >
                  <Pencil className="size-3.5" aria-hidden />
                </WriteButton>
                <WriteButton
                  variant="ghost"
                  size="icon"
                  aria-label={t("dataSources.deleteSource", { name: channel.name })}
                  className="hover:text-red-700"
                  onClick={() => onDelete(channel)}
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
