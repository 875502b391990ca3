import { type AuditAction, type AuditEntry, type AuditObjectType, auditObjectType } from "@jobsync/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { queryRows } from "../db/query-rows";
import { isoTimestamp } from "../db/timestamps";
import type { AuditActor } from "./audit-actor";
import { maskSecrets } from "./audit-changes";

export interface AuditRecord {
  action: AuditAction;
  objectId: string | null;
  /** Masked again here, so no caller can store a secret by mistake. */
  changes?: Record<string, unknown> | null;
}

export interface AuditFilter {
  actor?: string;
  action?: AuditAction;
  objectType?: AuditObjectType;
  objectId?: string;
  from?: string;
  to?: string;
  /** Entries older than this id (the cursor). */
  beforeId?: string;
  limit: number;
}

interface AuditRow {
  id: string | number;
  at: Date | string;
  actor_email: string | null;
  action: AuditAction;
  object_type: AuditObjectType;
  object_id: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
}

/** The audit log: append-only rows, each written with the `db` of the transaction that made the change. */
export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  /** Append one row in the caller's transaction (`tx`): it commits or rolls back with the change. */
  async record(tx: Db, actor: AuditActor, entry: AuditRecord): Promise<void> {
    const changes = entry.changes ? JSON.stringify(maskSecrets(entry.changes)) : null;
    await tx.execute(
      sql`INSERT INTO audit_log (actor_id, actor_email, action, object_type, object_id, changes, ip)
          VALUES (${actor.userId}, ${actor.email}, ${entry.action}, ${auditObjectType(entry.action)},
                  ${entry.objectId}, ${changes}::jsonb, ${actor.ip})`,
    );
  }

  /** Newest first, by id (the order rows were written), filtered. */
  async list(filter: AuditFilter): Promise<AuditEntry[]> {
    const where: SQL[] = [sql`true`];
    if (filter.actor) where.push(sql`lower(actor_email) LIKE ${`%${escapeLike(filter.actor.toLowerCase())}%`}`);
    if (filter.action) where.push(sql`action = ${filter.action}`);
    if (filter.objectType) where.push(sql`object_type = ${filter.objectType}`);
    if (filter.objectId) where.push(sql`object_id = ${filter.objectId}`);
    if (filter.from) where.push(sql`at >= ${new Date(filter.from).toISOString()}::timestamptz`);
    if (filter.to) where.push(sql`at < ${new Date(filter.to).toISOString()}::timestamptz`);
    if (filter.beforeId) where.push(sql`id < ${filter.beforeId}::bigint`);
    const rows = await queryRows<AuditRow>(
      this.db,
      sql`SELECT id, at, actor_email, action, object_type, object_id, changes, ip FROM audit_log
          WHERE ${sql.join(where, sql` AND `)} ORDER BY id DESC LIMIT ${filter.limit}`,
    );
    return rows.map((row) => ({
      id: String(row.id),
      at: isoTimestamp(row.at),
      actor_email: row.actor_email,
      action: row.action,
      object_type: row.object_type,
      object_id: row.object_id,
      changes: row.changes,
      ip: row.ip,
    }));
  }

  /** Delete rows older than `days` days (AUDIT_RETENTION_DAYS); returns how many. */
  async prune(days: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`DELETE FROM audit_log WHERE at < now() - make_interval(days => ${days}) RETURNING id`,
    );
    return rows.length;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
