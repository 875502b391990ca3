import type { NotificationChannel, NotificationChannelType, NotificationEvent } from "@jobsync/contracts";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { isUniqueViolation } from "../db/database-error";
import { queryRows } from "../db/query-rows";
import { textArray } from "../db/sql-arrays";
import { isoTimestamp } from "../db/timestamps";

interface ChannelRow {
  id: string;
  name: string;
  type: string;
  data_source_id: string | null;
  site_name: string | null;
  url: string | null;
  email_to: string[];
  secret: string;
  events: string[];
  is_active: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface ChannelValues {
  name: string;
  type: NotificationChannelType;
  dataSourceId: string | null;
  url: string | null;
  emailTo: string[];
  secret: string;
  events: NotificationEvent[];
  isActive: boolean;
}

export interface StoredChannel extends NotificationChannel {
  data_source_id: string | null;
}

function toChannel(row: ChannelRow): StoredChannel {
  return {
    id: row.id,
    name: row.name,
    type: row.type as NotificationChannelType,
    site_name: row.site_name,
    data_source_id: row.data_source_id,
    url: row.url,
    email_to: row.email_to ?? [],
    events: (row.events ?? []) as NotificationEvent[],
    secret: row.secret,
    is_active: row.is_active,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
  };
}

const SELECT = sql`SELECT c.id, c.name, c.type, c.data_source_id, ds.site_name, c.url, c.email_to, c.secret, c.events,
  c.is_active, c.created_at, c.updated_at
  FROM notification_channels c LEFT JOIN data_sources ds ON ds.id = c.data_source_id`;

/** Notification channels: global (no data source) or of one data source. */
export class NotificationChannelRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<StoredChannel[]> {
    const rows = await queryRows<ChannelRow>(this.db, sql`${SELECT} ORDER BY lower(c.name)`);
    return rows.map(toChannel);
  }

  async find(id: string, db: Db = this.db): Promise<StoredChannel | null> {
    const rows = await queryRows<ChannelRow>(db, sql`${SELECT} WHERE c.id = ${id}`);
    return rows[0] ? toChannel(rows[0]) : null;
  }

  /** Active channels that want this event for this data source (its own and the global ones). */
  async subscribed(event: NotificationEvent, dataSourceId: string, db: Db = this.db): Promise<StoredChannel[]> {
    const rows = await queryRows<ChannelRow>(
      db,
      sql`${SELECT} WHERE c.is_active AND ${event} = ANY(c.events)
        AND (c.data_source_id IS NULL OR c.data_source_id = ${dataSourceId}) ORDER BY c.created_at`,
    );
    return rows.map(toChannel);
  }

  /** Insert; null when the name is taken (case-insensitively). */
  async create(v: ChannelValues, db: Db = this.db): Promise<StoredChannel | null> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO notification_channels (name, type, data_source_id, url, email_to, secret, events, is_active)
        VALUES (${v.name}, ${v.type}, ${v.dataSourceId}, ${v.url}, ${textArray(v.emailTo)}, ${v.secret},
          ${textArray(v.events)}, ${v.isActive})
        ON CONFLICT DO NOTHING RETURNING id`,
    );
    return rows[0] ? this.find(rows[0].id, db) : null;
  }

  /** Replace every field; "taken" when the new name belongs to another channel. */
  async update(id: string, v: ChannelValues, db: Db = this.db): Promise<StoredChannel | "taken" | null> {
    try {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE notification_channels SET name = ${v.name}, data_source_id = ${v.dataSourceId}, url = ${v.url},
          email_to = ${textArray(v.emailTo)}, secret = ${v.secret}, events = ${textArray(v.events)},
          is_active = ${v.isActive}, updated_at = now()
          WHERE id = ${id} RETURNING id`,
      );
      return rows[0] ? this.find(id, db) : null;
    } catch (error) {
      if (isUniqueViolation(error)) return "taken";
      throw error;
    }
  }

  async delete(id: string, db: Db = this.db): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`DELETE FROM notification_channels WHERE id = ${id} RETURNING id`,
    );
    return rows.length === 1;
  }
}
