import type { AuditList, AuditListQuery } from "@jobsync/contracts";
import type { AuditLogRepository } from "./audit-log.repository";

/** The Audit log page: filtered, newest first, paged by a cursor (the last id seen). */
export class AuditService {
  constructor(private readonly log: AuditLogRepository) {}

  async list(query: AuditListQuery): Promise<AuditList> {
    const rows = await this.log.list({
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.object_type ? { objectType: query.object_type } : {}),
      ...(query.object_id ? { objectId: query.object_id } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.cursor ? { beforeId: query.cursor } : {}),
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > query.limit && last ? last.id : null };
  }
}
