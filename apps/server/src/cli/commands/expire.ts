import { networkSettingsFromEnv } from "../../app/service-options";
import { AuditLogRepository } from "../../audit/audit-log.repository";
import { hostPolicy } from "../../data-sources/base-url-policy";
import { AbsenceExpiry } from "../../postings/expiry/absence-expiry";
import { AbsenceExpiryRepository } from "../../postings/expiry/absence-expiry.repository";
import { ExpirySweep } from "../../postings/expiry/expiry-sweep";
import { BaselineRepository } from "../../sync/quality/baseline.repository";
import { SyncJobRepository } from "../../sync/sync-job.repository";
import { parseFlags } from "../args";
import { CliError, type CliIo, withDatabase } from "../cli-context";

export const EXPIRE_USAGE = `expire [--recheck N] [--stale-hours H]
  close open job postings whose deadline has passed (and no sync job has seen listed since); with --recheck, also re-fetch the pages of up to N postings
  not seen by a sync job for H hours (default 24) and close those answering 404/410 or "no longer accepting"`;

function wholeNumber(value: string | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw new CliError(`${flag} must be a whole number from 0 to ${max}`);
  return n;
}

/** `npm run cli -- expire`: the expiry sweep once, now (the worker also runs it every hour). */
export async function expireCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { recheck: { type: "string" }, "stale-hours": { type: "string" } });
  const recheckLimit = wholeNumber(flags.recheck, "--recheck", 0, 100_000);
  const staleHours = wholeNumber(flags["stale-hours"], "--stale-hours", 24, 24 * 365);
  return withDatabase(async (database, env) => {
    const sweep = new ExpirySweep(database.db, {
      network: hostPolicy(networkSettingsFromEnv(env)),
      timeoutMillis: 15_000,
      concurrency: 4,
      audit: new AuditLogRepository(database.db),
      absence: new AbsenceExpiry(
        new AbsenceExpiryRepository(database.db),
        new BaselineRepository(database.db),
        new SyncJobRepository(database.db),
      ),
    });
    const result = await sweep.run({ recheckLimit, staleHours });
    io.stdout(`closed ${result.closedByDeadline} job postings whose deadline has passed`);
    io.stdout(`closed ${result.absence.closed} job postings missed by two sync jobs in a row`);
    for (const reason of result.absence.reasons) io.stdout(`  held back: ${reason}`);
    if (recheckLimit > 0) {
      io.stdout(
        `re-checked ${result.rechecked} pages: closed ${result.closedByRecheck}, ${result.failed} could not be read`,
      );
      for (const line of result.closed) io.stdout(`  closed ${line}`);
    }
    return 0;
  });
}
