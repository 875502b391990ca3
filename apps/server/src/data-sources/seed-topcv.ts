import { parseSourceConfig, TOPCV_GUIDE_CONFIG } from "@jobsync/contracts";
import type { DataSourceRepository } from "./data-source.repository";

export const TOPCV_SITE_NAME = "TopCV";
export const TOPCV_BASE_URL = "https://www.topcv.vn";

export type SeedOutcome = "created" | "repaired" | "unchanged" | "overwritten";

/** The guide's config, completed with every field's default, as stored. */
export function topcvSeedConfig(): Record<string, unknown> {
  const parsed = parseSourceConfig("topcv", TOPCV_GUIDE_CONFIG);
  if (!parsed.success) throw new Error("the guide's TopCV config does not validate");
  return parsed.data as Record<string, unknown>;
}

/**
 * The guide's `seed_topcv_config.py`: create the TopCV data source, or repair a missing/invalid config. An admin's
 * valid edits are kept unless `force`. Idempotent: running it twice leaves one row.
 */
export async function seedTopcv(
  repository: DataSourceRepository,
  options: { force?: boolean } = {},
): Promise<SeedOutcome> {
  const config = topcvSeedConfig();
  const existing = await repository.findRow(TOPCV_SITE_NAME);
  if (!existing) {
    const created = await repository.create({
      siteName: TOPCV_SITE_NAME,
      kind: "topcv",
      baseUrl: TOPCV_BASE_URL,
      isActive: true,
      config,
    });
    if (created) return "created";
    return seedTopcv(repository, options);
  }
  if (options.force) {
    await repository.update(existing.id, { config, baseUrl: TOPCV_BASE_URL, isActive: true });
    return "overwritten";
  }
  const current = parseSourceConfig("topcv", existing.config);
  if (existing.kind !== "topcv" || !current.success) {
    await repository.update(existing.id, { config: current.success ? current.data : config });
    return "repaired";
  }
  return "unchanged";
}
