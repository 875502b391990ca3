import {
  type CreateDataSourceRequest,
  type DataSource,
  DEFAULT_SCHEDULE_TIMEZONE,
  parseSourceConfig,
  type SourceKind,
  sourceKindSchema,
  type UpdateDataSourceRequest,
} from "@jobsync/contracts";
import type { DataSourceRow } from "../db/schema";
import { AppError, conflict, notFound, validationFailed, zodFieldErrors } from "../errors/app-error";
import { assertValidCron } from "../schedules/cron";
import { privateHostReason } from "./base-url-policy";
import type { DataSourceRepository } from "./data-source.repository";

export interface DataSourcePolicy {
  allowPrivateHosts: boolean;
}

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

export class DataSourceService {
  constructor(
    private readonly repository: DataSourceRepository,
    private readonly policy: DataSourcePolicy,
    private readonly schedules: ScheduleSync = { syncSchedules: async () => {} },
  ) {}

  list(): Promise<DataSource[]> {
    return this.repository.list();
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

  private checkBaseUrl(baseUrl: string) {
    if (this.policy.allowPrivateHosts) return;
    const reason = privateHostReason(baseUrl);
    if (reason) {
      throw validationFailed([{ path: "base_url", message: `${reason}; set ALLOW_PRIVATE_HOSTS=1 to allow it` }]);
    }
  }

  async create(body: CreateDataSourceRequest): Promise<DataSource> {
    this.checkBaseUrl(body.base_url);
    const config = validateConfig(body.kind, body.config ?? {});
    const scheduleTimezone = body.schedule_timezone ?? DEFAULT_SCHEDULE_TIMEZONE;
    if (body.schedule_cron) assertValidCron(body.schedule_cron, scheduleTimezone);
    const row = await this.repository.create({
      siteName: body.site_name,
      kind: body.kind,
      baseUrl: body.base_url.replace(/\/+$/, ""),
      isActive: body.is_active ?? true,
      config,
      scheduleCron: body.schedule_cron ?? null,
      scheduleTimezone,
    });
    if (!row) throw conflict(`a data source named ${body.site_name} already exists`);
    if (row.scheduleCron) await this.schedules.syncSchedules();
    return this.get(row.siteName);
  }

  async update(siteName: string, body: UpdateDataSourceRequest): Promise<DataSource> {
    const row = await this.getRow(siteName);
    const kind = sourceKindSchema.safeParse(row.kind);
    if (!kind.success) throw new AppError("conflict", `data source ${siteName} has an unknown kind ${row.kind}`);
    if (body.base_url !== undefined) this.checkBaseUrl(body.base_url);
    const config =
      body.config === undefined
        ? undefined
        : validateConfig(kind.data, body.replace_config ? body.config : { ...row.config, ...body.config });
    const scheduleCron = body.schedule_cron === undefined ? row.scheduleCron : body.schedule_cron;
    const scheduleTimezone = body.schedule_timezone ?? row.scheduleTimezone;
    if (scheduleCron) assertValidCron(scheduleCron, scheduleTimezone);
    await this.repository.update(row.id, {
      ...(body.base_url !== undefined ? { baseUrl: body.base_url.replace(/\/+$/, "") } : {}),
      ...(body.is_active !== undefined ? { isActive: body.is_active } : {}),
      ...(config !== undefined ? { config } : {}),
      ...(body.schedule_cron !== undefined ? { scheduleCron: body.schedule_cron } : {}),
      ...(body.schedule_timezone !== undefined ? { scheduleTimezone: body.schedule_timezone } : {}),
    });
    if (body.schedule_cron !== undefined || body.schedule_timezone !== undefined || body.is_active !== undefined) {
      await this.schedules.syncSchedules();
    }
    return this.get(row.siteName);
  }

  async delete(siteName: string): Promise<void> {
    const row = await this.getRow(siteName);
    const outcome = await this.repository.deleteUnlessActive(row.id);
    if (outcome === "missing") throw notFound(`data source ${siteName} not found`);
    if (outcome === "active") {
      throw new AppError("sync_job_active", `data source ${row.siteName} has an active sync job; cancel it first`);
    }
    if (row.scheduleCron) await this.schedules.syncSchedules();
  }
}
