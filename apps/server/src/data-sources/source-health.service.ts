import { resolveSyncOptions, SOURCE_PAGE_SYNC_JOBS, type SourceHealthReport } from "@jobsync/contracts";
import { notFound } from "../errors/app-error";
import type { BaselineRepository } from "../sync/quality/baseline.repository";
import type { DataSourceRepository } from "./data-source.repository";

/** A data source's page: its health, its baseline and its last sync jobs (counts, fill rates, alarms). */
export class SourceHealthService {
  constructor(
    private readonly dataSources: DataSourceRepository,
    private readonly baselines: BaselineRepository,
  ) {}

  async report(siteName: string): Promise<SourceHealthReport> {
    const source = await this.dataSources.findView(siteName);
    if (!source) throw notFound(`data source ${siteName} not found`);
    const latest = await this.baselines.latestCompleted(source.id);
    return {
      site_name: source.site_name,
      health: source.health,
      drift_tolerance: resolveSyncOptions(source.config).driftTolerance,
      baseline: await this.baselines.forSource(source.id, latest?.fullRefresh ?? false, null),
      sync_jobs: await this.baselines.recent(source.id, SOURCE_PAGE_SYNC_JOBS),
    };
  }
}
