import type { NotificationChannel } from "@jobsync/contracts";
import { Pencil, Trash2 } from "lucide-react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Switch } from "../ui/switch";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { EVENT_LABELS } from "./ChannelForm";

export interface ChannelsTableProps {
  channels: NotificationChannel[];
  toggling: ReadonlySet<string>;
  onToggleActive: (channel: NotificationChannel, active: boolean) => void;
  onEdit: (channel: NotificationChannel) => void;
  onDelete: (channel: NotificationChannel) => void;
}

export function ChannelsTable({ channels, toggling, onToggleActive, onEdit, onDelete }: ChannelsTableProps) {
  return (
    <Table aria-label="Notification channels">
      <TableHead>
        <tr>
          <Th>Name</Th>
          <Th>Scope</Th>
          <Th>Target</Th>
          <Th>Events</Th>
          <Th>Active</Th>
          <Th>
            <span className="sr-only">Actions</span>
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
            <Td>{channel.site_name ?? <span className="text-zinc-500">All data sources</span>}</Td>
            <Td className="max-w-64">
              <span className="block truncate font-mono text-xs text-zinc-600" title={channel.url ?? undefined}>
                {channel.type === "email" ? channel.email_to.join(", ") : channel.url}
              </span>
              {channel.type === "webhook" ? (
                <details className="text-xs text-zinc-500">
                  <summary className="cursor-pointer">Signing secret</summary>
                  <code className="break-all">{channel.secret}</code>
                </details>
              ) : null}
            </Td>
            <Td className="text-xs text-zinc-600">{channel.events.map((e) => EVENT_LABELS[e]).join(", ")}</Td>
            <Td>
              <Switch
                checked={channel.is_active}
                disabled={toggling.has(channel.id)}
                onCheckedChange={(checked) => onToggleActive(channel, checked)}
                aria-label={`Active: ${channel.name}`}
              />
            </Td>
            <Td className="w-0">
              <div className="flex justify-end gap-1">
                <Button variant="ghost" size="icon" aria-label={`Edit ${channel.name}`} onClick={() => onEdit(channel)}>
                  <Pencil className="size-3.5" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Delete ${channel.name}`}
                  className="hover:text-red-600"
                  onClick={() => onDelete(channel)}
                >
                  <Trash2 className="size-3.5" />
                </Button>
              </div>
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
