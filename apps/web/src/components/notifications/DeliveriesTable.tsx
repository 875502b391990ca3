import type { DeliveryStatus, NotificationDelivery } from "@jobsync/contracts";
import { useTranslation } from "react-i18next";
import type { TranslationKey } from "../../i18n/keys";
import { Badge, type BadgeTone } from "../ui/badge";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { Time } from "../ui/time";
import { EVENT_LABELS } from "./ChannelForm";

const STATUS_TONE: Record<DeliveryStatus, BadgeTone> = { pending: "blue", delivered: "green", failed: "red" };
export const DELIVERY_STATUS_LABEL: Record<DeliveryStatus, TranslationKey> = {
  pending: "notifications.delivery.pending",
  delivered: "notifications.delivery.delivered",
  failed: "notifications.delivery.failed",
};

/** The delivery log: one row per (channel, event), with its attempts and the last answer. */
export function DeliveriesTable({
  deliveries,
  onOpenSyncJob,
}: {
  deliveries: NotificationDelivery[];
  onOpenSyncJob: (jobId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t("notifications.deliveries")}>
      <TableHead>
        <tr>
          <Th>{t("notifications.columns.when")}</Th>
          <Th>{t("notifications.columns.channel")}</Th>
          <Th>{t("notifications.columns.event")}</Th>
          <Th>{t("notifications.columns.syncJob")}</Th>
          <Th>{t("notifications.columns.status")}</Th>
          <Th className="text-right">{t("notifications.columns.attempts")}</Th>
          <Th>{t("notifications.columns.lastAnswer")}</Th>
        </tr>
      </TableHead>
      <TableBody>
        {deliveries.map((d) => (
          <TableRow key={d.id} data-delivery={d.id}>
            <Td className="text-xs whitespace-nowrap text-zinc-600">
              <Time value={d.created_at} />
            </Td>
            <Td className="font-medium">{d.channel_name}</Td>
            <Td className="text-xs">{t(EVENT_LABELS[d.event])}</Td>
            <Td>
              {d.sync_job_id ? (
                <button
                  type="button"
                  className="text-xs whitespace-nowrap text-zinc-700 hover:text-blue-700 hover:underline"
                  onClick={() => d.sync_job_id && onOpenSyncJob(d.sync_job_id)}
                >
                  {d.site_name ?? t("notifications.syncJob")} · {d.sync_job_id.slice(0, 8)}
                </button>
              ) : (
                <span className="text-xs text-zinc-600">{d.site_name ?? "—"}</span>
              )}
            </Td>
            <Td>
              <Badge tone={STATUS_TONE[d.status]}>{t(DELIVERY_STATUS_LABEL[d.status])}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{d.attempts}</Td>
            <Td className="max-w-72 text-xs">
              {d.response_code !== null ? <span className="font-mono">{d.response_code}</span> : null}
              {d.error ? (
                <span className="ml-2 text-red-700" lang="en">
                  {d.error}
                </span>
              ) : null}
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
