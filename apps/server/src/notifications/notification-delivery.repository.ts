import type {
  DeliveryListQuery,
  DeliveryStatus,
  NotificationDelivery,
  NotificationEvent,
  NotificationPayload,
} from "@jobsync/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { isoOrNull, isoTimestamp } from "../db/timestamps";

interface DeliveryRow {
  id: string;
  channel_id: string;
  channel_name: string;
  event: string;
  sync_job_id: string | null;
  site_name: string | null;
  status: string;
  attempts: number;
  response_code: number | null;
  error: string | null;
  created_at: Date | string;
  last_attempt_at: Date | string | null;
  delivered_at: Date | string | null;
}

function toDelivery(row: DeliveryRow): NotificationDelivery {
  return {
    id: row.id,
    channel_id: row.channel_id,
    channel_name: row.channel_name,
    event: row.event as NotificationEvent,
    sync_job_id: row.sync_job_id,
    site_name: row.site_name,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    response_code: row.response_code === null ? null : Number(row.response_code),
    error: row.error,
    created_at: isoTimestamp(row.created_at),
    last_attempt_at: isoOrNull(row.last_attempt_at),
    delivered_at: isoOrNull(row.delivered_at),
  };
}

export interface NewDelivery {
  channelId: string;
  /** One delivery per channel and key: `sync_job:<id>` or `data_source:<id>:<event>:<sync job id>`. */
  dedupeKey: string;
  event: NotificationEvent;
  syncJobId: string | null;
  dataSourceId: string | null;
  payload: NotificationPayload;
}

export interface PendingDelivery {
  id: string;
  channelId: string;
  event: NotificationEvent;
  payload: NotificationPayload;
  attempts: number;
  status: DeliveryStatus;
}

/** The notification outbox and its delivery log. */
export class NotificationDeliveryRepository {
  constructor(private readonly db: Db) {}

  /** Insert unless this channel already has this key; returns the new id, or null for a repeat. */
  async enqueue(d: NewDelivery, db: Db = this.db): Promise<string | null> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO notification_deliveries (channel_id, dedupe_key, event, sync_job_id, data_source_id, payload)
        VALUES (${d.channelId}, ${d.dedupeKey}, ${d.event}, ${d.syncJobId}, ${d.dataSourceId},
          ${JSON.stringify(d.payload)}::jsonb)
        ON CONFLICT (channel_id, dedupe_key) DO NOTHING RETURNING id`,
    );
    return rows[0]?.id ?? null;
  }

  async find(id: string): Promise<PendingDelivery | null> {
    const rows = await queryRows<{
      id: string;
      channel_id: string;
      event: string;
      payload: NotificationPayload | string;
      attempts: number;
      status: string;
    }>(
      this.db,
      sql`SELECT id, channel_id, event, payload, attempts, status FROM notification_deliveries WHERE id = ${id}`,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      channelId: row.channel_id,
      event: row.event as NotificationEvent,
      payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
      attempts: Number(row.attempts),
      status: row.status as DeliveryStatus,
    };
  }

  /**
   * Record one attempt, compare-and-set on `pending`: a delivery already delivered or failed is never written again.
   * `final` false keeps it pending for the next retry.
   */
  async recordAttempt(
    id: string,
    outcome: { ok: boolean; final: boolean; responseCode: number | null; error: string | null },
  ): Promise<boolean> {
    const status: DeliveryStatus = outcome.ok ? "delivered" : outcome.final ? "failed" : "pending";
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`UPDATE notification_deliveries SET attempts = attempts + 1, status = ${status},
          response_code = ${outcome.responseCode}, error = ${outcome.error}, last_attempt_at = now(),
          delivered_at = CASE WHEN ${outcome.ok} THEN now() ELSE NULL END
        WHERE id = ${id} AND status = 'pending' RETURNING id`,
    );
    return rows.length === 1;
  }

  /** Pending deliveries not attempted for a while (their queue message was lost): to be queued again. */
  async stalePending(olderThanSecs: number, limit = 100): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`SELECT id FROM notification_deliveries WHERE status = 'pending'
        AND coalesce(last_attempt_at, created_at) < now() - make_interval(secs => ${olderThanSecs})
        ORDER BY created_at LIMIT ${limit}`,
    );
    return rows.map((r) => r.id);
  }

  async list(query: DeliveryListQuery): Promise<NotificationDelivery[]> {
    const where: SQL[] = [sql`true`];
    if (query.channel_id) where.push(sql`d.channel_id = ${query.channel_id}`);
    if (query.status) where.push(sql`d.status = ${query.status}`);
    const rows = await queryRows<DeliveryRow>(
      this.db,
      sql`SELECT d.id, d.channel_id, c.name AS channel_name, d.event, d.sync_job_id, ds.site_name, d.status,
          d.attempts, d.response_code, d.error, d.created_at, d.last_attempt_at, d.delivered_at
        FROM notification_deliveries d
        JOIN notification_channels c ON c.id = d.channel_id
        LEFT JOIN data_sources ds ON ds.id = d.data_source_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY d.created_at DESC, d.id DESC LIMIT ${query.limit}`,
    );
    return rows.map(toDelivery);
  }
}
