import type { Db } from "../db/database";
import { inTransaction } from "../db/transaction";
import type { AuditActor } from "./audit-actor";
import type { AuditLogRepository, AuditRecord } from "./audit-log.repository";

/** What a change returns: its result, and the audit entry to record with it (null: nothing changed). */
export interface AuditedChange<T> {
  result: T;
  entry: AuditRecord | null;
}

/**
 * Changes recorded in the audit log atomically: the work runs in one transaction and its entry is appended in that
 * same transaction, so a failed change (it throws) leaves neither the change nor a row.
 */
export class AuditTrail {
  constructor(
    private readonly db: Db,
    private readonly log: AuditLogRepository,
  ) {}

  change<T>(actor: AuditActor, work: (tx: Db) => Promise<AuditedChange<T>>): Promise<T> {
    return inTransaction(this.db, async (tx) => {
      const { result, entry } = await work(tx);
      if (entry) await this.log.record(tx, actor, entry);
      return result;
    });
  }
}
