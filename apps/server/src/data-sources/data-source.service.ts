import {
  type CreateDataSourceRequest,
  type DataSource,
  DEFAULT_SCHEDULE_TIMEZONE,
  parseSourceConfig,
  type SourceKind,
  sourceKindSchema,
  type UpdateDataSourceRequest,
} from "@jobsync/contracts";
import type { NetworkPolicy } from "@jobsync/crawler";
import type { AuditActor } from "../audit/audit-actor";
import { changedFields } from "../audit/audit-changes";
import type { AuditTrail } from "../audit/audit-trail";
import type { DataSourceRow } from "../db/schema";
import { AppError, conflict, notFound, validationFailed, zodFieldErrors } from "../errors/app-error";
import type { PostingTotals } from "../postings/posting-totals";
import { assertValidCron } from "../schedules/cron";
import { privateUrlReason } from "./base-url-policy";
import type { DataSourceRepository } from "./data-source.repository";

export interface DataSourcePolicy {
  /** Who a source's base_url may point at (ALLOW_PRIVATE_HOSTS, the demo board's endpoint). */
  network: NetworkPolicy;
}

/** A base_url as stored: without trailing slashes. */
const storedBaseUrl = (url: string) => url.replace(/\/+$/, "");

/** Told after every write to a data source, so its pg-boss schedule follows the row. */
export interface ScheduleSync {
  syncSchedules(): Promise<void>;
}

/** Validate a config for its kind; a 400 names each bad field as `config.<field>`. */
export function validateConfig(kind: SourceKind, config: unknown): Record<string, unknown> {
  const result = parseSourceConfig(kind, config);
  if (!result.success) throw validationFailed(zodFieldErrors(result.error.issues, "config"));
  return result.data as Record<string, unknown>;
}

/** The fields of a data source the audit log compares. */
function audited(row: DataSourceRow): Record<string, unknown> {
  return {
    site_name: row.siteName,
    kind: row.kind,
    base_url: row.baseUrl,
    is_active: row.isActive,
    config: row.config,
    schedule_cron: row.scheduleCron,
    schedule_timezone: row.scheduleTimezone,
  };
}

/** Switching a source on or off alone is `activate` / `deactivate`; anything else is an `update`. */
function updateAction(changes: Record<string, unknown>, isActive: boolean) {
  const keys = Object.keys(changes);
  if (keys.length === 1 && keys[0] === "is_active") {
    return isActive ? ("data_source.activate" as const) : ("data_source.deactivate" as const);
  }
  return "data_source.update" as const;
}

export class DataSourceService {
  constructor(
    private readonly repository: DataSourceRepository,
    private readonly policy: DataSourcePolicy,
    private readonly audit: AuditTrail,
    private readonly schedules: ScheduleSync = { syncSchedules: async () => {} },
    /** Each source's postings counted (up to the cap), kept until postings change: the page polls the list. */
    private readonly postingCounts: PostingTotals<ReadonlyMap<string, number>> | null = null,
  ) {}

  async list(): Promise<DataSource[]> {
    const counts = this.postingCounts;
    if (!counts) return this.repository.list();
    const epoch = counts.epoch;
    const sources = await this.repository.list(counts.get("sources") ?? new Map());
    const counted = sources.map((s) => [s.id, s.postings_count + (s.postings_count_is_estimate ? 1 : 0)] as const);
    counts.remember("sources", new Map(counted), epoch);
    return sources;
  }

  async get(siteName: string): Promise<DataSource> {
    const source = await this.repository.findView(siteName);
    if (!source) throw notFound(`data source ${siteName} not found`);
    return source;
  }

  async getRow(siteName: string): Promise<DataSourceRow> {
    const row = await this.repository.findRow(siteName);
    if (!row) throw notFound(`data source ${siteName} not found`);
    return row;
  }

  /** A 400 naming the host and the address when base_url resolves to a private one (checked again at every connection). */
  private async checkBaseUrl(baseUrl: string) {
    const reason = await privateUrlReason(baseUrl, this.policy.network);
    if (reason) throw validationFailed([{ path: "base_url", message: `base_url ${reason}` }]);
  }

  async create(body: CreateDataSourceRequest, actor: AuditActor): Promise<DataSource> {
    await this.checkBaseUrl(body.base_url);
    const config = validateConfig(body.kind, body.config ?? {});
    const scheduleTimezone = body.schedule_timezone ?? DEFAULT_SCHEDULE_TIMEZONE;
    if (body.schedule_cron) assertValidCron(body.schedule_cron, scheduleTimezone);
    const row = await this.audit.change(actor, async (tx) => {
      const created = await this.repository.create(
        {
          siteName: body.site_name,
          kind: body.kind,
          baseUrl: storedBaseUrl(body.base_url),
          isActive: body.is_active ?? true,
          config,
          scheduleCron: body.schedule_cron ?? null,
          scheduleTimezone,
        },
        tx,
      );
      if (!created) throw conflict(`a data source named ${body.site_name} already exists`);
      const entry = { action: "data_source.create" as const, objectId: created.id };
      return { result: created, entry: { ...entry, changes: changedFields({}, audited(created)) } };
    });
    if (row.scheduleCron) await this.schedules.syncSchedules();
    return this.get(row.siteName);
  }

  async update(siteName: string, body: UpdateDataSourceRequest, actor: AuditActor): Promise<DataSource> {
    const row = await this.getRow(siteName);
    const kind = sourceKindSchema.safeParse(row.kind);
    if (!kind.success) throw new AppError("conflict", `data source ${siteName} has an unknown kind ${row.kind}`);
    // an unchanged base_url is not checked again: editing a source's schedule or config never trips over it
    const baseUrlChanged = body.base_url !== undefined && storedBaseUrl(body.base_url) !== row.baseUrl;
    if (baseUrlChanged) await this.checkBaseUrl(body.base_url as string);
    const config =
      body.config === undefined
        ? undefined
        : validateConfig(kind.data, body.replace_config ? body.config : { ...row.config, ...body.config });
    const scheduleCron = body.schedule_cron === undefined ? row.scheduleCron : body.schedule_cron;
    const scheduleTimezone = body.schedule_timezone ?? row.scheduleTimezone;
    if (scheduleCron) assertValidCron(scheduleCron, scheduleTimezone);
    const values = {
      ...(baseUrlChanged ? { baseUrl: storedBaseUrl(body.base_url as string) } : {}),
      ...(body.is_active !== undefined ? { isActive: body.is_active } : {}),
      ...(config !== undefined ? { config } : {}),
      ...(body.schedule_cron !== undefined ? { scheduleCron: body.schedule_cron } : {}),
      ...(body.schedule_timezone !== undefined ? { scheduleTimezone: body.schedule_timezone } : {}),
    };
    await this.audit.change(actor, async (tx) => {
      const updated = await this.repository.update(row.id, values, tx);
      if (!updated) throw notFound(`data source ${siteName} not found`);
      const changes = changedFields(audited(row), audited(updated));
      if (Object.keys(changes).length === 0) return { result: updated, entry: null };
      return { result: updated, entry: { action: updateAction(changes, updated.isActive), objectId: row.id, changes } };
    });
    if (body.schedule_cron !== undefined || body.schedule_timezone !== undefined || body.is_active !== undefined) {
      await this.schedules.syncSchedules();
    }
    return this.get(row.siteName);
  }

  async delete(siteName: string, actor: AuditActor): Promise<void> {
    const row = await this.getRow(siteName);
    await this.audit.change(actor, async (tx) => {
      const outcome = await this.repository.deleteUnlessActive(row.id, tx);
      if (outcome === "missing") throw notFound(`data source ${siteName} not found`);
      if (outcome === "active") {
        throw new AppError("sync_job_active", `data source ${row.siteName} has an active sync job; cancel it first`);
      }
      const changes = changedFields(audited(row), {});
      return { result: null, entry: { action: "data_source.delete", objectId: row.id, changes } };
    });
    if (row.scheduleCron) await this.schedules.syncSchedules();
  }
}
