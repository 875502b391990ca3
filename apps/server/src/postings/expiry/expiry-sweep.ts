import type { AbsenceExpiryReport } from "@jobsync/contracts";
import { createGuardedFetch, type GuardedFetch, goneReason, type NetworkPolicy } from "@jobsync/crawler";
import { sql } from "drizzle-orm";
import { type AuditActor, SYSTEM_ACTOR } from "../../audit/audit-actor";
import type { AuditLogRepository } from "../../audit/audit-log.repository";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/query-rows";
import { intArray } from "../../db/sql-arrays";
import { inTransaction } from "../../db/transaction";
import type { AbsenceExpiry } from "./absence-expiry";

/** Past its deadline, and not listed by its board after it (an extended deadline, or a board that keeps old ones). */
const PAST_DEADLINE = sql`deadline IS NOT NULL AND deadline < current_date AND last_seen_at < (deadline + 1)::timestamptz`;
const PAST_DEADLINE_P = sql`(p.deadline IS NOT NULL AND p.deadline < current_date AND p.last_seen_at < (p.deadline + 1)::timestamptz)`;

/** A posting page is read up to this much: "no longer accepting" is said near the top. */
const MAX_PAGE_BYTES = 2_000_000;

export interface ExpirySweepOptions {
  /** Who a posting's page may be fetched from (ALLOW_PRIVATE_HOSTS), checked at every connection and redirect. */
  network: NetworkPolicy;
  timeoutMillis: number;
  /** Pages re-checked at once. */
  concurrency: number;
  /** Where each sweep is recorded (`job_posting.expire`), in the transaction that closes the postings. */
  audit?: AuditLogRepository;
  /** Expiry by absence: postings missed twice that an earlier pass held back close here, under the same guard. */
  absence?: AbsenceExpiry;
}

export interface SweepRequest {
  /** Re-check at most this many open postings' pages (0: deadlines only). */
  recheckLimit: number;
  /** Only postings not seen by a sync job for this long. */
  staleHours: number;
  /** Who asked (an admin through the API); the hourly sweep and the CLI are the system, recorded only when they close. */
  actor?: AuditActor;
}

export interface SweepResult {
  closedByDeadline: number;
  rechecked: number;
  closedByRecheck: number;
  /** Pages that could not be read (kept open). */
  failed: number;
  /** "url: reason" of the postings closed by a re-check (first 20). */
  closed: string[];
  /** Expiry by absence: closed, held back and why. */
  absence: AbsenceExpiryReport;
}

/**
 * The expiry sweep: closes open postings whose deadline has passed (unless a sync job saw them listed after it),
 * then re-checks the pages of the postings seen
 * longest ago and closes those answering 404/410 or saying they no longer accept applications. Closed postings
 * leave the search (it shows `status=open` by default); a later sync job that sees one again reopens it.
 */
export class ExpirySweep {
  constructor(
    private readonly db: Db,
    private readonly options: ExpirySweepOptions,
  ) {}

  async run(request: SweepRequest, signal?: AbortSignal): Promise<SweepResult> {
    const result: SweepResult = {
      closedByDeadline: 0,
      rechecked: 0,
      closedByRecheck: 0,
      failed: 0,
      closed: [],
      absence: { missed: 0, closed: 0, held_back: 0, reasons: [] },
    };
    // pages first (no write yet), then every close and the audit row in one transaction
    const gone = request.recheckLimit > 0 ? await this.recheck(request, result, signal) : [];
    await inTransaction(this.db, async (tx) => {
      const byDeadline = await queryRows<{ id: number }>(
        tx,
        sql`UPDATE job_postings SET status = 'closed', closed_at = now() WHERE status = 'open' AND ${PAST_DEADLINE}
          RETURNING id`,
      );
      result.closedByDeadline = byDeadline.length;
      if (gone.length > 0) {
        const closed = await queryRows<{ id: number }>(
          tx,
          sql`UPDATE job_postings SET status = 'closed', closed_at = now()
            WHERE status = 'open' AND id = ANY(${intArray(gone.map((g) => g.id))}) RETURNING id`,
        );
        result.closedByRecheck = closed.length;
        result.closed = gone.slice(0, 20).map((g) => g.line);
      }
      // postings missed twice by their syncs that an earlier pass held back: closed here, under the same guard
      if (this.options.absence) result.absence = await this.options.absence.sweep(tx);
      const closedAny = result.closedByDeadline + result.closedByRecheck + result.absence.closed > 0;
      if (this.options.audit && (request.actor || closedAny)) {
        await this.options.audit.record(tx, request.actor ?? SYSTEM_ACTOR, {
          action: "job_posting.expire",
          objectId: null,
          changes: {
            closed_by_deadline: result.closedByDeadline,
            rechecked: result.rechecked,
            closed_by_recheck: result.closedByRecheck,
            failed: result.failed,
            closed_by_absence: result.absence.closed,
            held_back_by_absence: result.absence.held_back,
          },
        });
      }
    });
    return result;
  }

  /** Re-check the pages of the open postings seen longest ago (those past their deadline close anyway). */
  private async recheck(
    request: SweepRequest,
    result: SweepResult,
    signal?: AbortSignal,
  ): Promise<Array<{ id: number; line: string }>> {
    const candidates = await queryRows<{ id: number; url: string }>(
      this.db,
      sql`SELECT p.id, p.url FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
        WHERE p.status = 'open' AND ds.is_active AND NOT ${PAST_DEADLINE_P}
          AND p.last_seen_at < now() - make_interval(hours => ${request.staleHours})
        ORDER BY p.last_seen_at, p.id LIMIT ${request.recheckLimit}`,
    );
    const gone: Array<{ id: number; line: string }> = [];
    const client = createGuardedFetch(this.options.network, { connectTimeoutMillis: this.options.timeoutMillis });
    let next = 0;
    const worker = async () => {
      while (next < candidates.length && !signal?.aborted) {
        const posting = candidates[next++]!;
        const reason = await this.check(client, posting.url, signal);
        result.rechecked++;
        if (reason === "failed") result.failed++;
        else if (reason) gone.push({ id: posting.id, line: `${posting.url}: ${reason}` });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker)).finally(() =>
      client.close(),
    );
    return gone;
  }

  /** The reason the page shows the posting closed, null if open, "failed" if it could not be read. */
  private async check(client: GuardedFetch, url: string, signal?: AbortSignal): Promise<string | null | "failed"> {
    try {
      const response = await client.fetch(url, {
        headers: { "user-agent": "jobsync-expiry/1", accept: "text/html" },
        redirect: "follow",
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMillis), ...(signal ? [signal] : [])]),
      });
      const ok = response.status >= 200 && response.status < 300;
      const body = ok && response.body ? await readPrefix(response.body, MAX_PAGE_BYTES) : "";
      await response.body?.cancel().catch(() => {});
      return goneReason(response.status, body);
    } catch {
      return "failed";
    }
  }
}

/** The first `maxBytes` of a body as text; the rest is never read (an endless page cannot fill memory). */
async function readPrefix(
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } },
  maxBytes: number,
): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8");
}
