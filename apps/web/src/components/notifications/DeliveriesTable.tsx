import type { DeliveryStatus, NotificationDelivery } from "@jobsync/contracts";
import { formatDateTime, formatRelative } from "../../lib/format";
import { Badge, type BadgeTone } from "../ui/badge";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { EVENT_LABELS } from "./ChannelForm";

const STATUS_TONE: Record<DeliveryStatus, BadgeTone> = { pending: "blue", delivered: "green", failed: "red" };
const STATUS_LABEL: Record<DeliveryStatus, string> = { pending: "Retrying", delivered: "Delivered", failed: "Failed" };

/** The delivery log: one row per (channel, event), with its attempts and the last answer. */
export function DeliveriesTable({
  deliveries,
  onOpenSyncJob,
}: {
  deliveries: NotificationDelivery[];
  onOpenSyncJob: (jobId: string) => void;
}) {
  return (
    <Table aria-label="Deliveries">
      <TableHead>
        <tr>
          <Th>When</Th>
          <Th>Channel</Th>
          <Th>Event</Th>
          <Th>Sync job</Th>
          <Th>Status</Th>
          <Th className="text-right">Attempts</Th>
          <Th>Last answer</Th>
        </tr>
      </TableHead>
      <TableBody>
        {deliveries.map((d) => (
          <TableRow key={d.id} data-delivery={d.id}>
            <Td className="text-xs text-zinc-500" title={formatDateTime(d.created_at)}>
              {formatRelative(d.created_at)}
            </Td>
            <Td className="font-medium">{d.channel_name}</Td>
            <Td className="text-xs">{EVENT_LABELS[d.event]}</Td>
            <Td>
              {d.sync_job_id ? (
                <button
                  type="button"
                  className="text-xs text-zinc-600 hover:text-blue-600 hover:underline"
                  onClick={() => d.sync_job_id && onOpenSyncJob(d.sync_job_id)}
                >
                  {d.site_name ?? "sync job"} · {d.sync_job_id.slice(0, 8)}
                </button>
              ) : (
                <span className="text-xs text-zinc-400">{d.site_name ?? "—"}</span>
              )}
            </Td>
            <Td>
              <Badge tone={STATUS_TONE[d.status]}>{STATUS_LABEL[d.status]}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{d.attempts}</Td>
            <Td className="max-w-72 text-xs">
              {d.response_code !== null ? <span className="font-mono">{d.response_code}</span> : null}
              {d.error ? <span className="ml-2 text-red-700">{d.error}</span> : null}
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
